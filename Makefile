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

.PHONY: setup build run test lint unit fuzz conformance bench clean build-windows test-windows dist install uninstall screenshots

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
	sed 's|^Exec=.*|Exec=$(PREFIX)/bin/proofpack|' assets/$(APPID).desktop > $(DATAHOME)/applications/$(APPID).desktop
	if command -v update-desktop-database >/dev/null; then update-desktop-database $(DATAHOME)/applications; fi
	@echo "ProofPack is in your applications menu ($(DATAHOME)/applications/$(APPID).desktop)."

uninstall:
	rm -f $(PREFIX)/bin/proofpack $(DATAHOME)/icons/hicolor/256x256/apps/$(APPID).png $(DATAHOME)/applications/$(APPID).desktop

test: setup build lint unit fuzz conformance test-windows

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

# The README's pictures of the window, from the sample cases under Xvfb.
screenshots: setup
	scripts/screenshots

# Windows, cross-compiled with mingw-w64 and tested under Wine (scripts/setup installs both).
WIN       := GOOS=windows GOARCH=amd64
WINEXE    := bin/windows/proofpack.exe
WINCI     := bin/windows-ci/proofpack.exe
VERSION   := $(shell awk -F'"' '$$1 ~ /^Version/ { print $$2 }' FyneApp.toml)
BUILDNO   := $(shell awk '$$1 == "Build" { print $$3 }' FyneApp.toml)
WINRES    := cmd/proofpack/rsrc_windows_amd64.syso
GOWINRES  := v0.3.3
space     := $(subst ,, )

# The .exe's icon and version (Explorer's Properties > Details), linked in from a .syso.
$(WINRES): assets/icon.png FyneApp.toml
	$(GO) run github.com/tc-hib/go-winres@$(GOWINRES) simply --arch amd64 --out cmd/proofpack/rsrc \
	  --manifest cli --icon assets/icon.png --product-name ProofPack --original-filename proofpack.exe \
	  --product-version $(VERSION).$(BUILDNO) --file-version $(VERSION).$(BUILDNO) \
	  --file-description "ProofPack: evidence and dispute packets for parcels that never came"

# The real Windows binary, window included (cgo, GLFW and go-gl through mingw-w64): cold, about
# 400 s of CPU (8 minutes on 2 idle cores; 54 when shared with 8 other builds), then seconds
# from the build cache. Only `make dist` needs it: test-windows builds without cgo.
build-windows: $(WINRES)
	$(WIN) CGO_ENABLED=1 CC=x86_64-w64-mingw32-gcc $(GO) build -ldflags "-s -w" -o $(WINEXE) ./cmd/proofpack

# go vet of the Windows files; every package's tests cross-compiled for Windows and run under
# Wine; then the command line end to end (scripts/wine/e2e) against a proofpack.exe. Fyne's
# software driver (-tags ci) needs no cgo, so none of this waits for the GLFW build. Not under
# Wine, as the summary says: evidence/chrome (no Windows Chromium runs here); cmd/proofpack,
# whose tests drive the binary from Linux with Linux paths (scripts/wine/e2e does that job for
# the .exe, in 2 minutes where they take over 15 under Wine); the tests that read a packet back
# with poppler or sha256sum, capture with Chromium, or list the packages with go (the layer
# check, which is about the source and not the system): Wine cannot start those Linux programs
# (scripts/wine/e2e reads the .exe's packets back with pdftotext on the Linux side); a new such
# test fails here with "pdftotext: executable file not found" until it is named below. The overlay
# (scripts/wine/overlay) lets Go's RemoveAll work on Wine 8; the shipped .exe is built without it.
WINE_SKIP := proofpack/evidence/chrome proofpack/cmd/proofpack
WINE_SKIP_TESTS := TestPacketReadsBack TestBankProfileHoldsItsLimits TestNoExhibitsSaysSo \
  TestForcedPacketSaysWhichFileChanged TestMarketplacePicturesAndArchive TestCoverWordsFollowTheCase \
  TestEvidenceTabCapturesTheTrackingPage TestPacketTabMakesTheBuyersPacket \
  TestEmojiPacketEveryProfile TestPlainPacketHasNoReplacementNote TestUnicodeSeedsRender \
  TestPacketRefundTimelineReadsBack TestPacketRefundTimelineListsTheFollowUps TestLayers TestLayerProblemsCatch TestCaptureAnAddressTyped \
  TestANewBuyersWholeJourney
test-windows: $(WINRES)
	@set +e; start=$$(date +%s); ov=$$(scripts/wine/overlay) || exit 1; mkdir -p $(dir $(WINCI)); \
	pkgs=$$($(WIN) $(GO) list $(TAGS) ./... | grep -v -x $(foreach p,$(WINE_SKIP),-e $(p))); \
	$(WIN) CGO_ENABLED=0 $(GO) vet $(TAGS) $$pkgs || exit 1; \
	$(WIN) CGO_ENABLED=0 $(GO) build $(TAGS) -overlay $$ov -o $(WINCI) ./cmd/proofpack || exit 1; \
	$(WIN) CGO_ENABLED=0 $(GO) test $(TAGS) -overlay $$ov -count=1 -timeout 30m \
	  -skip '^($(subst $(space),|,$(strip $(WINE_SKIP_TESTS))))$$' \
	  -exec $(abspath scripts/wine/run) $$pkgs 2>&1 | tee bin/windows-ci/unit.log; unit=$${PIPESTATUS[0]}; \
	scripts/wine/e2e $(WINCI) 2>&1 | tee bin/windows-ci/e2e.log; e2e=$${PIPESTATUS[0]}; \
	echo "test-windows: unit tests under Wine $$([ $$unit = 0 ] && echo passed || echo FAILED)" \
	  "($$(grep -c '^ok ' bin/windows-ci/unit.log) packages ok, $$(grep -c '^FAIL[[:space:]]*proofpack' bin/windows-ci/unit.log) failed)," \
	  "$$(tail -1 bin/windows-ci/e2e.log | sed 's/^windows-e2e: //') end to end, in $$(( $$(date +%s) - start )) s;" \
	  "not under Wine: $(WINE_SKIP) and $(words $(WINE_SKIP_TESTS)) tests that run poppler, Chromium or go"; \
	[ $$unit = 0 ] && [ $$e2e = 0 ]

# What a user installs: dist/ with the Linux tarball, the Windows zip and SHA256SUMS
# (scripts/dist); the .exe is checked under Wine to make a packet of the demo's first case.
dist: build build-windows
	scripts/dist $(BIN) $(WINEXE)
	scripts/wine/e2e --only demo $(WINEXE)

clean:
	rm -rf bin dist $(WINRES)
