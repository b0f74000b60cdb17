package evidence_test

import (
	"os"
	"path/filepath"
	"testing"

	"proofpack/evidence"
	"proofpack/tracker"
)

// A start brings the case.json of every case saved since the last start up to date, whatever a
// crash left of it, and reads no other case: the store's Changed says which.
func TestRecoverRewritesOnlyChangedCases(t *testing.T) {
	s, dataDir, id := newCase(t)
	if err := evidence.Recover(s, dataDir, "folder-1"); err != nil { // the first start writes it
		t.Fatal(err)
	}
	path := func(id string) string { return filepath.Join(dataDir, "cases", id, evidence.CaseFileName) }
	if cf, err := evidence.ReadCaseFile(filepath.Dir(path(id))); err != nil || cf.Case.ID != id {
		t.Fatalf("after the first start: %+v, %v", cf, err)
	}
	// A save whose case.json a crash left stale, and one that never got its folder.
	edited, err := s.UpdateCase(id, func(c *tracker.Case) error { c.Item = "Desk lamp"; return nil })
	if err != nil {
		t.Fatal(err)
	}
	other, err := s.AddCase(mustCase(t, s, id))
	if err != nil {
		t.Fatal(err)
	}
	if err := evidence.Recover(s, dataDir, "folder-1"); err != nil {
		t.Fatal(err)
	}
	for _, c := range []tracker.Case{edited, other} {
		if cf, err := evidence.ReadCaseFile(filepath.Dir(path(c.ID))); err != nil || cf.Case.Item != "Desk lamp" || cf.Folder != "folder-1" {
			t.Errorf("case %s: case.json %+v, %v", c.ID, cf, err)
		}
	}
	if ids, err := s.Changed(); err != nil || len(ids) != 0 {
		t.Errorf("still changed after the start: %v, %v", ids, err)
	}
	// A start with nothing saved since touches no case.json.
	if err := os.WriteFile(path(other.ID), []byte("left alone"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := evidence.Recover(s, dataDir, "folder-1"); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path(other.ID)); string(b) != "left alone" {
		t.Errorf("an unchanged case's case.json was rewritten: %.40q", b)
	}
}
