package osfile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Rename replaces the file at the new name, as the atomic writes of evidence and outputs need.
func TestRenameReplaces(t *testing.T) {
	dir := t.TempDir()
	old, dst := filepath.Join(dir, ".tmp-1"), filepath.Join(dir, "packet.pdf")
	must(t, os.WriteFile(dst, []byte("old"), 0o600))
	must(t, os.WriteFile(old, []byte("new"), 0o600))
	must(t, Rename(old, dst))
	must(t, SyncDir(dir))
	if b, err := os.ReadFile(dst); err != nil || string(b) != "new" {
		t.Fatalf("after Rename the file holds %q (%v), want %q", b, err, "new")
	}
	if _, err := os.Stat(old); !os.IsNotExist(err) {
		t.Fatalf("the old name is still there: %v", err)
	}
}

// A missing source is an error naming both paths, not a silent success.
func TestRenameMissing(t *testing.T) {
	dir := t.TempDir()
	err := Rename(filepath.Join(dir, "gone"), filepath.Join(dir, "there"))
	if err == nil || !strings.Contains(err.Error(), "gone") || !os.IsNotExist(err) {
		t.Fatalf("Rename of a missing file: %v, want a not-exist error naming it", err)
	}
}

// Paths beyond Windows' old MAX_PATH of 260 characters work: deep case folders under a long
// user profile reach it.
func TestRenameLongPath(t *testing.T) {
	dir := t.TempDir()
	deep := dir
	for len(deep) < 300 {
		deep = filepath.Join(deep, strings.Repeat("d", 40))
	}
	must(t, os.MkdirAll(deep, 0o700))
	old, dst := filepath.Join(deep, ".tmp-1"), filepath.Join(deep, strings.Repeat("n", 60)+".pdf")
	must(t, os.WriteFile(old, []byte("long"), 0o600))
	must(t, Rename(old, dst))
	must(t, SyncDir(deep))
	if b, err := os.ReadFile(dst); err != nil || string(b) != "long" {
		t.Fatalf("after Rename the long path holds %q (%v)", b, err)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
