package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Issue 9, "evidence that survives", end to end through the real binary: each test below
// failed on the binary before it.

// brooklyn is a delivery far from the buyer in Austin: the critical delivered_elsewhere.
const brooklyn = "September 12, 2026, 3:41 pm\nDelivered, Front Porch\nBROOKLYN, NY 11201\n" +
	"September 11, 2026, 8:00 am\nIn Transit to Next Facility\nJERSEY CITY, NJ 07097\n" +
	"September 10, 2026, 9:15 pm\nArrived at USPS Regional Facility\nKEARNY NJ DISTRIBUTION CENTER\n" +
	"September 9, 2026, 1:00 pm\nDeparted\nMEMPHIS, TN 38118\n" +
	"September 8, 2026, 6:00 am\nAccepted at USPS Origin Facility\nMEMPHIS, TN 38118\n"

func analyzeCodes(t *testing.T, data, id string) (int, []string) {
	t.Helper()
	a := mustJSON[report](t, pp(t, "", "analyze", id, "--json", "--now", "2026-09-20", "--data", data))
	var codes []string
	for _, f := range a.Flags {
		codes = append(codes, f.Code)
	}
	return len(a.Events), codes
}

func has(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// TestEditTrackingKeepsEventsAndTheCriticalFinding: `case edit --tracking NEW` dropped 5
// events and the delivered_elsewhere finding; putting the old number back did not restore them.
func TestEditTrackingKeepsEventsAndTheCriticalFinding(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	id := addCase(t, data)
	if r := pp(t, brooklyn, "events", "add", id, "-", "--data", data); r.code != 0 || !strings.Contains(r.stdout, "Read 5 events") {
		t.Fatalf("events add: %q %q", r.stdout, r.stderr)
	}
	if n, codes := analyzeCodes(t, data, id); n != 5 || !has(codes, "delivered_elsewhere") {
		t.Fatalf("before the edit: %d events, flags %v", n, codes)
	}
	for _, number := range []string{"LX123456789PL", "9400111899223197428490"} {
		if r := pp(t, "", "case", "edit", id, "--tracking", number, "--data", data); r.code != 0 {
			t.Fatalf("case edit --tracking %s: %q", number, r.stderr)
		}
		if n, codes := analyzeCodes(t, data, id); n != 5 || !has(codes, "delivered_elsewhere") {
			t.Errorf("after --tracking %s: %d events, flags %v", number, n, codes)
		}
	}
	var c struct {
		Shipments []struct {
			Number string
			Former []struct{ Number string }
			Events []struct{ Number string }
		}
	}
	if err := json.Unmarshal([]byte(pp(t, "", "case", "show", id, "--json", "--data", data).stdout), &c); err != nil {
		t.Fatal(err)
	}
	sh := c.Shipments[0]
	if sh.Number != "9400111899223197428490" || len(sh.Former) != 1 || sh.Former[0].Number != "LX123456789PL" || len(sh.Events) != 5 || sh.Events[0].Number != "9400111899223197428490" {
		t.Errorf("the shipment after the number came back: %+v", sh)
	}
	// History pasted for the former number stays with it, and show names both numbers.
	r := pp(t, "September 13, 2026, 10:00 am\nIn Transit\nWARSZAWA\n", "events", "add", id, "-", "--tracking", "LX123456789PL", "--data", data)
	if r.code != 0 || !strings.Contains(r.stdout, "for LX123456789PL") {
		t.Errorf("history of the former number: %d %q %q", r.code, r.stdout, r.stderr)
	}
	if r := pp(t, "", "case", "show", id, "--data", data); !strings.Contains(r.stdout, "earlier number") || !strings.Contains(r.stdout, "LX123456789PL") {
		t.Errorf("case show does not name the former number: %q", r.stdout)
	}
}

// TestEvidenceAddOnlyRegularFilesOfTheBuyer: links, /proc files, the store, a manifest and
// empty files were all stored with exit 0.
func TestEvidenceAddOnlyRegularFilesOfTheBuyer(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	id, _ := caseWithHistory(t, data)
	src := t.TempDir()
	shadow := filepath.Join(t.TempDir(), "shadow")
	os.WriteFile(shadow, []byte("root:$6$hash:19000:0:99999:7:::\n"), 0o600)
	link := filepath.Join(src, "screenshot.png")
	os.Symlink(shadow, link)
	empty := filepath.Join(src, "empty.png")
	os.WriteFile(empty, nil, 0o600)
	fifo := filepath.Join(src, "chat.txt")
	syscall.Mkfifo(fifo, 0o600)
	for path, want := range map[string]string{
		link: "is a symbolic link", "/proc/self/environ": "is empty", empty: "is empty", fifo: "not a regular file",
		filepath.Join(data, "proofpack.db"):               "inside the data folder",
		filepath.Join(data, "cases", id, "manifest.json"): "inside the data folder",
	} {
		start := time.Now()
		r := pp(t, "", "evidence", "add", id, path, "--data", data)
		if r.code != exitUsage || !strings.Contains(r.stderr, path) || !strings.Contains(r.stderr, want) {
			t.Errorf("evidence add %s: exit %d, %q; want exit %d saying %q", path, r.code, r.stderr, exitUsage, want)
		}
		if time.Since(start) > 10*time.Second {
			t.Errorf("evidence add %s took %v", path, time.Since(start))
		}
	}
	if files, _ := filepath.Glob(filepath.Join(data, "cases", id, "*-file*")); len(files) != 0 {
		t.Errorf("files added: %v", files)
	}
}

// TestReadersRefuseDevicesAndFIFOs: --statement /dev/zero grew to 5 GB; a FIFO as --statement
// or events --file blocked for ever.
func TestReadersRefuseDevicesAndFIFOs(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	id, _ := caseWithHistory(t, data)
	fifo := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "p.pdf")
	for _, args := range [][]string{
		{"packet", id, "--out", out, "--statement", "/dev/zero"},
		{"packet", id, "--out", out, "--statement", fifo},
		{"events", "add", id, "--file", fifo},
		{"events", "add", id, "--file", "/dev/zero"},
	} {
		start := time.Now()
		r := pp(t, "", append(args, "--data", data)...)
		file := args[len(args)-1]
		if r.code != exitUsage || !strings.Contains(r.stderr, file) || !strings.Contains(r.stderr, "not a regular file") {
			t.Errorf("%v: exit %d %q", args, r.code, r.stderr)
		}
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("%v took %v", args, d)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a packet was written")
	}
}

// TestEmojiPacketsInEveryProfile: an emoji in the item, a note, the statement or the pasted
// history made packet panic in every profile, with --force too.
func TestEmojiPacketsInEveryProfile(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	id := addCase(t, data, "--item", "Lens cap 📷 black", "--notes", "seller said 👍")
	if r := pp(t, "September 12, 2026, 3:41 pm\nDelivered 📦 Front Porch\nBROOKLYN, NY 11201\n", "events", "add", id, "-", "--data", data); r.code != 0 {
		t.Fatalf("events add: %s", r.stderr)
	}
	chat := filepath.Join(t.TempDir(), "chat.txt")
	os.WriteFile(chat, []byte("seller: shipped 🚚 yesterday"), 0o600)
	if r := pp(t, "", "evidence", "add", id, chat, "--note", "chat 💬 with seller", "--data", data); r.code != 0 {
		t.Fatalf("evidence add: %s", r.stderr)
	}
	statement := filepath.Join(t.TempDir(), "statement.txt")
	os.WriteFile(statement, []byte("I never got the parcel 😞 and the seller stopped answering."), 0o600)
	for _, profile := range []string{"bank", "paypal", "marketplace", "archive"} {
		for _, force := range []bool{false, true} {
			out := filepath.Join(t.TempDir(), "p.pdf")
			args := []string{"packet", id, "--out", out, "--profile", profile, "--statement", statement, "--now", "2026-09-20", "--data", data}
			if force {
				args = append(args, "--force")
			}
			r := pp(t, "", args...)
			if r.code != 0 || strings.Contains(r.stderr, "panic") {
				t.Fatalf("%s (force %v): exit %d %q", profile, force, r.code, r.stderr)
			}
			if !strings.Contains(r.stdout, "printed as \uFFFD") {
				t.Errorf("%s: the buyer is not told characters were replaced: %q", profile, r.stdout)
			}
			text := strings.Join(strings.Fields(pdfText(t, out)), " ")
			for _, want := range []string{"Lens cap \uFFFD black", "I never got the parcel \uFFFD and the seller", "shipped \uFFFD yesterday", "chat \uFFFD with seller"} {
				if !strings.Contains(text, want) {
					t.Errorf("%s: the packet lacks %q", profile, want)
				}
			}
		}
	}
}

// TestCaseInputThatMakesSense: dates of year 0 and 9999, future orders, ZZZ and BTC, an RTL-only
// number were accepted; escapes were replayed by case list; 128 KB values echoed whole.
func TestCaseInputThatMakesSense(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	future := time.Now().AddDate(0, 0, 10).Format("2006-01-02")
	long := strings.Repeat("Z", 120<<10) // Linux takes one argument of at most 128 KB
	for _, tt := range []struct{ flag, value, field string }{
		{"--ordered", "0000-01-01", "--ordered"},
		{"--ordered", "9999-12-31", "--ordered"},
		{"--ordered", future, "--ordered"},
		{"--promised", "9999-12-31", "--promised"},
		{"--currency", "ZZZ", "--currency"},
		{"--currency", "BTC", "--currency"},
		{"--tracking", "\u202e\u202e\u2067", "--tracking"},
		{"--tracking", "שלום", "--tracking"},
		{"--ordered", long, "--ordered"},
		{"--amount", long, "--amount"},
		{"--tracking-url", "https://" + long, "--tracking-url"},
		{"--payment", long, "--payment"},
	} {
		r := pp(t, "", replace(tt.flag, tt.value, "--data", data)...)
		if r.code != exitUsage || !strings.HasPrefix(r.stderr, "proofpack: "+tt.field+":") || len(r.stderr) > 400 {
			t.Errorf("%s %.20q: exit %d, %d bytes: %.300q", tt.flag, tt.value, r.code, len(r.stderr), r.stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(data, "proofpack.db")); err == nil {
		t.Error("refused input created the data folder")
	}
	for _, args := range [][]string{{"case", "show", long}, {"packet", "1", "--out", "x.pdf", "--profile", long}, {"check", "--country", long, "LP00612345678901"}} {
		if r := pp(t, "", append(args, "--data", data)...); r.code == 0 || len(r.stderr) > 400 {
			t.Errorf("%s %s with a 120 KB value: exit %d, a message of %d bytes", args[0], args[1], r.code, len(r.stderr))
		}
	}

	// --seller given twice: the last one counts.
	id := mustJSON[map[string]any](t, pp(t, "", replace("--item", "\x1b[2J\x1b]0;pwned\x07Lamp \u202eevil", "--seller", "\x1b[31mRed\x1b[0m shop", "--data", data)...))["id"].(string)
	for _, args := range [][]string{{"case", "list"}, {"case", "show", id}, {"case", "show", id, "--json"}} {
		r := pp(t, "", append(args, "--data", data)...)
		if strings.ContainsAny(r.stdout, "\x1b\u202e\a") || !strings.Contains(r.stdout, "Lamp evil") {
			t.Errorf("%v replays escapes or lost the text: %q", args, r.stdout)
		}
	}
	if r := pp(t, "", "case", "edit", id, "--dispute-opened", "1999-01-01", "--data", data); r.code != exitUsage || !strings.Contains(r.stderr, "--dispute-opened:") {
		t.Errorf("a 1999 dispute date: %d %q", r.code, r.stderr)
	}
}

// replace is addArgs with flag's value changed (or the flag added) and more arguments after.
func replace(flag, value string, more ...string) []string {
	out := append([]string{}, addArgs...)
	found := false
	for i := range out {
		if out[i] == flag {
			out[i+1], found = value, true
		}
	}
	if !found {
		out = append(out, flag, value)
	}
	return append(out, more...)
}
