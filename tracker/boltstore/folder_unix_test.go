//go:build unix

package boltstore

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// Unix only: the umask do not exist on Windows.
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
