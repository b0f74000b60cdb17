package evidence_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"proofpack/evidence"
)

// The manifest keeps a capture's marks (a page about another parcel, a page that never settled),
// so a store rebuilt from the folder does not count them as proof. A manifest written before it
// kept them still verifies; any other edit still shows.
func TestManifestKeepsTheCapturesMarks(t *testing.T) {
	s, dataDir, id := newCase(t)
	g := evidence.TextGroup("page", "Objeto não encontrado", "captured")
	g.Files[0].Exhibit.OtherNumber, g.Files[0].Exhibit.Unsettled = "RR999999995CN", true
	if _, err := evidence.Add(s, dataDir, id, g); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(dataDir, "cases", id)
	m, err := evidence.ReadManifest(dir)
	if err != nil {
		t.Fatal(err)
	}
	if f := m.Files[0]; f.OtherNumber != "RR999999995CN" || !f.Unsettled {
		t.Fatalf("manifest entry %+v: the marks are missing", f)
	}

	write := func(m evidence.Manifest) {
		b, err := json.MarshalIndent(m, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, evidence.ManifestName), append(b, '\n'), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	old := m
	old.Files = append([]evidence.ManifestEntry(nil), m.Files...)
	old.Files[0].OtherNumber, old.Files[0].Unsettled = "", false
	write(old)
	if rep, err := evidence.Verify(s, dataDir, id); err != nil || !rep.OK() {
		t.Errorf("a manifest from before the marks: %s %v", rep.Summary(), err)
	}
	old.Files[0].Note = "edited"
	write(old)
	if rep, err := evidence.Verify(s, dataDir, id); err != nil || rep.OK() || !strings.Contains(rep.Summary(), evidence.ManifestName) {
		t.Errorf("a manifest edited by hand passed: %s %v", rep.Summary(), err)
	}
}

// Every problem Verify can report is said in words with the file's path, the hashes where a
// file changed.
func TestProblemsAreSaidInWords(t *testing.T) {
	for _, p := range []string{evidence.Changed, evidence.Missing, evidence.Unrecorded, evidence.Unreadable, evidence.Symlink,
		evidence.NotRegular, evidence.Hidden, evidence.Stray, evidence.Orphan, evidence.NotFolder} {
		got := evidence.Problem{Path: "cases/1/01-file.png", Problem: p}.String()
		if !strings.HasPrefix(got, "cases/1/01-file.png: ") || len(got) < len("cases/1/01-file.png: ")+len(p) {
			t.Errorf("%s: %q", p, got)
		}
	}
	got := evidence.Problem{Path: "a.png", Problem: evidence.Changed, Want: "abc", Got: "def"}.String()
	if got != "a.png: changed (recorded SHA-256 abc, now def)" {
		t.Errorf("changed: %q", got)
	}
	if got := (evidence.Problem{Path: "l", Problem: evidence.Symlink}).String(); !strings.Contains(got, "symbolic link") {
		t.Errorf("symlink: %q", got)
	}
}
