//go:build unix

package evidence_test

import (
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"testing"

	"proofpack/evidence"
)

// Unix only: FIFOs do not exist on Windows.
// verify passed links, hidden files, stray folders and orphan case folders.
func TestVerifySeesEverything(t *testing.T) {
	s, dataDir, id := newCase(t)
	ex, err := evidence.Add(s, dataDir, id, evidence.TextGroup("history", "a", ""), evidence.TextGroup("history", "b", ""))
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(dataDir, "cases", id)
	outside := writeFile(t, t.TempDir(), "copy.txt", []byte("a"))
	first := filepath.Join(dataDir, filepath.FromSlash(ex[0].Path))
	os.Remove(first)
	if err := os.Symlink(outside, first); err != nil { // same bytes, but not the file saved
		t.Fatal(err)
	}
	writeFile(t, dir, ".hidden", []byte("x"))
	writeFile(t, dir, "notes.txt", []byte("x"))
	os.Mkdir(filepath.Join(dir, "extra"), 0o700)
	syscall.Mkfifo(filepath.Join(dir, "pipe"), 0o600)
	os.MkdirAll(filepath.Join(dataDir, "cases", "99"), 0o700)

	r, err := evidence.Verify(s, dataDir, id)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		ex[0].Path: evidence.Symlink, "cases/" + id + "/.hidden": evidence.Hidden, "cases/" + id + "/notes.txt": evidence.Stray,
		"cases/" + id + "/extra": evidence.Stray, "cases/" + id + "/pipe": evidence.NotRegular,
	}
	got := map[string]string{}
	for _, p := range r.Problems {
		got[p.Path] = p.Problem
	}
	for p, w := range want {
		if got[p] != w {
			t.Errorf("%s: %q, want %q (all: %v)", p, got[p], w, r.Problems)
		}
	}
	folder, err := evidence.VerifyFolder(s, dataDir)
	if err != nil || len(folder) != 1 || folder[0].Path != "cases/99" || folder[0].Problem != evidence.Orphan {
		t.Errorf("VerifyFolder = %v, %v; want cases/99 as an orphan", folder, err)
	}

	// A manifest and a whole case folder replaced by links.
	mp := filepath.Join(dir, evidence.ManifestName)
	raw, _ := os.ReadFile(mp)
	copyM := writeFile(t, t.TempDir(), "m.json", raw)
	os.Remove(mp)
	os.Symlink(copyM, mp)
	r, _ = evidence.Verify(s, dataDir, id)
	if !slices.ContainsFunc(r.Problems, func(p evidence.Problem) bool {
		return p.Path == "cases/"+id+"/manifest.json" && p.Problem == evidence.Symlink
	}) {
		t.Errorf("a linked manifest is not named: %v", r.Problems)
	}
	moved := filepath.Join(t.TempDir(), "elsewhere")
	os.Rename(dir, moved)
	os.Symlink(moved, dir)
	r, _ = evidence.Verify(s, dataDir, id)
	if len(r.Problems) != 1 || r.Problems[0].Path != "cases/"+id || r.Problems[0].Problem != evidence.Symlink {
		t.Errorf("a linked case folder: %v", r.Problems)
	}
	if _, err := evidence.Add(s, dataDir, id, evidence.TextGroup("history", "c", "")); err == nil {
		t.Error("Add wrote through a linked case folder")
	}
}
