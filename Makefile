# ProofPack: `make run` opens the app, `make test` runs every test; both set up what is missing.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
# One locale for every tool's output. Fyne reads C.UTF-8 as a language tag "C" and logs an error
# unless LANGUAGE names a language: the binary sees to that itself (cmd/proofpack/internal/locale),
# the test binaries of other packages do not.
export LC_ALL := C.UTF-8
export LANGUAGE := en
# scripts/setup puts Go here when the machine has none new enough.
export PATH := /usr/local/go/bin:$(PATH)

GO      ?= go
BIN     := bin/proofpack
SHARED  ?= ../shared
# The window tests use Fyne's software driver: no display, no GLFW compile for `go test`.
TAGS    := -tags ci
FUZZTIME ?= 30s
STATICCHECK := v0.8.2

.PHONY: setup build run test lint unit fuzz conformance bench clean install uninstall

setup:
	@scripts/setup

# The real binary (GLFW, cgo): the first build takes about 5 minutes, later ones seconds.
build:
	$(GO) build -o $(BIN) ./cmd/proofpack

run: setup build
	./$(BIN)

# `make install` puts ProofPack in the user's menu: the binary in $(PREFIX)/bin, the icon in the
# icon theme and a desktop entry (freedesktop.org), all under the user's home; no root needed.
PREFIX  ?= $(HOME)/.local
DATAHOME ?= $(HOME)/.local/share
APPID   := app.proofpack.desktop
install: build
	install -D -m 0755 $(BIN) $(PREFIX)/bin/proofpack
	install -D -m 0644 assets/icon.png $(DATAHOME)/icons/hicolor/256x256/apps/$(APPID).png
	mkdir -p $(DATAHOME)/applications
	printf '%s\n' '[Desktop Entry]' 'Type=Application' 'Name=ProofPack' \
	  'GenericName=Parcel dispute evidence' \
	  'Comment=Check a tracking number, capture dated proof and make the dispute packet' \
	  'Exec=$(PREFIX)/bin/proofpack' 'Icon=$(APPID)' 'Terminal=false' \
	  'Categories=Office;Finance;' 'StartupWMClass=ProofPack' \
	  > $(DATAHOME)/applications/$(APPID).desktop
	if command -v update-desktop-database >/dev/null; then update-desktop-database $(DATAHOME)/applications; fi
	@echo "ProofPack is in your applications menu ($(DATAHOME)/applications/$(APPID).desktop)."

uninstall:
	rm -f $(PREFIX)/bin/proofpack $(DATAHOME)/icons/hicolor/256x256/apps/$(APPID).png $(DATAHOME)/applications/$(APPID).desktop

test: setup build lint unit fuzz conformance

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet $(TAGS) ./...
	$(GO) run honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK) $(TAGS) ./...

# PROOFPACK_BIN lets the end-to-end tests run the binary just built instead of building their own.
unit:
	PROOFPACK_BIN=$(abspath $(BIN)) $(GO) test $(TAGS) -count=1 -timeout 30m ./...

# Go fuzzes one target per run: tracking numbers for FUZZTIME, pasted pages for half as long,
# order lists (CSV), archives and the packet's text runs for 10 s each, whole packets from
# random Unicode for 15 s.
fuzz:
	$(GO) test $(TAGS) -run '^$$' -fuzz '^FuzzCheck$$' -fuzztime $(FUZZTIME) ./tracker/carrier
	$(GO) test $(TAGS) -run '^$$' -fuzz '^FuzzParse$$' -fuzztime 15s ./tracker/history
	$(GO) test $(TAGS) -run '^$$' -fuzz '^FuzzRead$$' -fuzztime 10s ./tracker/orders
	$(GO) test $(TAGS) -run '^$$' -fuzz '^FuzzOpen$$' -fuzztime 10s ./evidence/bundle
	$(GO) test $(TAGS) -run '^$$' -fuzz '^FuzzRuns$$' -fuzztime 10s ./evidence/pdf
	$(GO) test $(TAGS) -run '^$$' -fuzz '^FuzzPacket$$' -fuzztime 15s ./evidence/pdf

# The peer's tracking-number suite, the command-line contract of DESIGN.md and the published
# tracking histories, when ../shared is there.
conformance: build
	@if [ -d $(SHARED)/conformance ]; then \
	  $(SHARED)/conformance/check-tracking $(BIN) && \
	  $(SHARED)/conformance/check-contract $(BIN) && \
	  $(SHARED)/corpus/real-histories/check-histories $(BIN); \
	else echo "conformance: $(SHARED)/conformance not found, suites not run"; fi

# Every benchmark once, as one table: figure, value, the comparison its issue named.
bench: setup
	GO=$(GO) scripts/bench

clean:
	rm -rf bin
