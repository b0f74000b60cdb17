package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// caseWithHistory makes a case whose parcel was delivered in Brooklyn, with the pasted page kept
// as exhibit 1, and returns its id and that exhibit's file.
func caseWithHistory(t *testing.T, data string) (string, string) {
	t.Helper()
	id := addCase(t, data)
	page := "September 12, 2026, 3:41 pm\nDelivered, Front Porch\nBROOKLYN, NY 11201\n"
	if r := pp(t, page, "events", "add", id, "-", "--data", data); r.code != 0 {
		t.Fatalf("events add: %s", r.stderr)
	}
	files, _ := filepath.Glob(filepath.Join(data, "cases", id, "01-history.txt"))
	if len(files) != 1 {
		t.Fatalf("history exhibit: %v", files)
	}
	return id, files[0]
}

func pdfText(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}

func TestPacketForTheBank(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	id, _ := caseWithHistory(t, data)
	var m struct {
		Files []struct{ SHA256 string } `json:"files"`
	}
	raw, err := os.ReadFile(filepath.Join(data, "cases", id, "manifest.json"))
	if err != nil || json.Unmarshal(raw, &m) != nil || len(m.Files) != 1 {
		t.Fatalf("manifest: %v %s", err, raw)
	}
	out := filepath.Join(t.TempDir(), "dispute.pdf")
	r := pp(t, "", "packet", id, "--out", out, "--profile", "bank", "--now", "2026-09-20", "--json", "--data", data)
	made := mustJSON[map[string]any](t, r)
	if made["profile"] != "bank" || made["pages"].(float64) < 2 || made["bytes"].(float64) > 2_000_000 {
		t.Errorf("packet: %v", made)
	}
	text := pdfText(t, out)
	for _, want := range []string{"14-13720-58841", "Brooklyn", "Austin", m.Files[0].SHA256} {
		if !strings.Contains(strings.ToLower(text), strings.ToLower(want)) {
			t.Errorf("the packet does not say %q", want)
		}
	}
}

func TestPacketRefusesAChangedExhibitUnlessForced(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	id, file := caseWithHistory(t, data)
	b, _ := os.ReadFile(file)
	b[0] ^= 1
	os.WriteFile(file, b, 0o600)
	out := filepath.Join(t.TempDir(), "dispute.pdf")
	r := pp(t, "", "packet", id, "--out", out, "--profile", "paypal", "--now", "2026-09-20", "--data", data)
	if r.code == 0 || !strings.Contains(r.stderr, "01-history.txt") {
		t.Fatalf("a changed exhibit: exit %d %q", r.code, r.stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Error("a refused packet was written")
	}
	r = pp(t, "", "packet", id, "--out", out, "--profile", "paypal", "--now", "2026-09-20", "--force", "--data", data)
	if r.code != 0 || !strings.Contains(r.stderr, "01-history.txt") {
		t.Fatalf("forced: exit %d %q", r.code, r.stderr)
	}
	if text := pdfText(t, out); !strings.Contains(text, "01-history.txt") || !strings.Contains(strings.ToLower(text), "changed") {
		t.Errorf("the forced packet's text does not name the changed file")
	}
}

func TestPacketBadInput(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	id := addCase(t, data)
	out := filepath.Join(t.TempDir(), "p.pdf")
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"packet", id, "--out", out, "--profile", "fax"}, "--profile"},
		{[]string{"packet", id}, "out"},
		{[]string{"packet", "404", "--out", out}, "no case"},
	} {
		r := pp(t, "", append(tt.args, "--data", data)...)
		if r.code == 0 || !strings.Contains(r.stderr, tt.want) {
			t.Errorf("%v: exit %d %q", tt.args, r.code, r.stderr)
		}
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Error("bad input wrote a packet")
	}
	// A case with no exhibits still gets a packet, which says so.
	if r := pp(t, "", "packet", id, "--out", out, "--now", "2026-09-20", "--data", data); r.code != 0 {
		t.Fatalf("no exhibits: %s", r.stderr)
	}
	if text := pdfText(t, out); !strings.Contains(strings.ToLower(text), "no exhibits") {
		t.Errorf("a packet without exhibits does not say so")
	}
}
