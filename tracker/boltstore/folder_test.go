package boltstore

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"proofpack/tracker"
	"proofpack/tracker/storetest"
)

// A lost or emptied proofpack.db beside case folders used to start a new store whose case 1
// took the old case 1's folder. It is refused, with what to do, and nothing is created.
func TestNoNewStoreBesideCaseFolders(t *testing.T) {
	for _, tt := range []struct {
		name string
		db   func(path string)
	}{
		{"missing", func(string) {}},
		{"empty", func(p string) { os.WriteFile(p, nil, 0o600) }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.MkdirAll(filepath.Join(dir, "cases", "1"), 0o700); err != nil {
				t.Fatal(err)
			}
			db := filepath.Join(dir, FileName)
			tt.db(db)
			_, err := OpenDir(dir)
			if tracker.KindOf(err) != tracker.KindCorrupt || !strings.Contains(err.Error(), "proofpack repair") || !strings.Contains(err.Error(), "backup") {
				t.Fatalf("OpenDir = %v; want a refusal naming a backup and proofpack repair", err)
			}
			if fi, err := os.Stat(db); err == nil && fi.Size() != 0 {
				t.Errorf("a store was started: %d bytes", fi.Size())
			}
		})
	}
}

// The store and the folder carry one identity; a store moved in from another folder is refused.
func TestStoreOfAnotherFolderIsRefused(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	for _, d := range []string{a, b} {
		s, err := OpenDir(d)
		if err != nil {
			t.Fatal(err)
		}
		id, _ := s.FolderID()
		s.Close()
		raw, _ := os.ReadFile(filepath.Join(d, IDFile))
		if id == "" || strings.TrimSpace(string(raw)) != id {
			t.Fatalf("%s: store identity %q, file %q", d, id, raw)
		}
	}
	raw, _ := os.ReadFile(filepath.Join(a, FileName))
	if err := os.WriteFile(filepath.Join(b, FileName), raw, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := OpenDir(b); tracker.KindOf(err) != tracker.KindCorrupt || !strings.Contains(err.Error(), "another data folder") {
		t.Fatalf("another folder's store: %v", err)
	}
	// repair takes it over with this folder's identity
	s, _, err := OpenForRepair(b)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if s, err := OpenDir(b); err != nil {
		t.Fatalf("after repair: %v", err)
	} else {
		s.Close()
	}
}

// Under umask 277 the store lost its owner's write bit and the second start failed.
func TestStoreModesWhateverTheUmask(t *testing.T) {
	old := syscall.Umask(0o277)
	defer syscall.Umask(old)
	dir := filepath.Join(t.TempDir(), "data")
	for i := 0; i < 2; i++ {
		s, err := OpenDir(dir)
		if err != nil {
			t.Fatalf("open %d: %v", i+1, err)
		}
		s.Close()
	}
	for _, p := range []string{FileName, IDFile} {
		if fi, err := os.Stat(filepath.Join(dir, p)); err != nil || fi.Mode() != 0o600 {
			t.Errorf("%s: %v %v, want 0600", p, fi.Mode(), err)
		}
	}
}

// A damaged store is moved aside by repair, never refused for ever nor overwritten.
func TestRepairMovesADamagedStoreAside(t *testing.T) {
	dir := t.TempDir()
	junk := []byte(strings.Repeat("not a database ", 5000))
	os.WriteFile(filepath.Join(dir, FileName), junk, 0o600)
	s, moved, err := OpenForRepair(dir)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if b, _ := os.ReadFile(moved); string(b) != string(junk) {
		t.Errorf("the damaged file was not kept as %s", moved)
	}
}

// RestoreCase keeps the ID and moves the sequence past it: the next case never takes its folder.
func TestRestoreCaseKeepsIDAndMovesTheSequence(t *testing.T) {
	s := open(t)
	c := storetest.Sample("7", "RR204873517CN")
	c.ID = "7"
	if err := s.RestoreCase(c); err != nil {
		t.Fatal(err)
	}
	if err := s.RestoreCase(c); tracker.KindOf(err) != tracker.KindInvalid {
		t.Errorf("restoring case 7 twice: %v", err)
	}
	next, err := s.AddCase(storetest.Sample("8", "RR123456785CN"))
	if err != nil || next.ID != "8" {
		t.Fatalf("next case %q, %v; want 8", next.ID, err)
	}
	if ids, _ := s.CasesWithNumber(c.Shipments[0].Number); len(ids) != 1 || ids[0] != "7" {
		t.Errorf("number index %v", ids)
	}
}
