//go:build !windows

package evidence_test

import (
	"os"
	"path/filepath"
	"testing"

	"proofpack/evidence"
)

// A browser killed with the process leaves its socket folder in /tmp (a long data-folder path
// leaves no room for the socket there); the next start removes the folder its note names, and
// never a folder a note should not name.
func TestRecoverRemovesTheBrowsersFolderOutside(t *testing.T) {
	s, dataDir, _ := newCase(t)
	sock, err := os.MkdirTemp("/tmp", "proofpack-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(sock) })
	writeFile(t, sock, "SingletonSocket", []byte("x"))
	other := t.TempDir() // not a browser folder: must stay
	for name, target := range map[string]string{"proofpack-chromium-1": sock, "proofpack-chromium-2": other} {
		own := filepath.Join(evidence.ChromeDir(dataDir), name)
		os.MkdirAll(own, 0o700)
		writeFile(t, own, evidence.OutsideNote, []byte(target))
	}
	if err := evidence.Recover(s, dataDir, "f"); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(sock); err == nil {
		t.Errorf("the browser's folder %s is still there", sock)
	}
	if _, err := os.Lstat(other); err != nil {
		t.Errorf("a folder no browser owns was removed: %v", err)
	}
}
