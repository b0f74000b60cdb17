package evidence_test

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"proofpack/evidence"
	"proofpack/tracker"
)

// TestAddFilesOnlyTheBuyersRegularFiles: each of these was stored with exit 0 before; now each
// is refused with a message naming it, and nothing is added.
func TestAddFilesOnlyTheBuyersRegularFiles(t *testing.T) {
	s, dataDir, id := newCase(t)
	if _, err := evidence.Add(s, dataDir, id, evidence.TextGroup("history", "a pasted history", "")); err != nil {
		t.Fatal(err)
	}
	src := t.TempDir()
	secret := writeFile(t, t.TempDir(), "shadow", []byte("root:$6$secret:19000:0:99999:7:::\n"))
	link := filepath.Join(src, "receipt.png")
	if err := os.Symlink(secret, link); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(src, "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(src, "video.mp4")
	if err := os.WriteFile(big, nil, 0o600); err != nil || os.Truncate(big, evidence.MaxFileSize+1) != nil {
		t.Fatal("cannot make a sparse file")
	}
	linkedData := filepath.Join(src, "data-link")
	if err := os.Symlink(dataDir, linkedData); err != nil {
		t.Fatal(err)
	}
	good := writeFile(t, src, "chat.png", []byte("\x89PNG a chat"))
	cases := []struct{ path, want string }{
		{link, "is a symbolic link"},
		{"/proc/self/environ", "is empty"},
		{writeFile(t, src, "empty.jpg", nil), "is empty"},
		{fifo, "not a regular file"},
		{"/dev/zero", "not a regular file"},
		{big, "at most 50 MB"},
		{filepath.Join(dataDir, "proofpack.db"), "inside the data folder"},
		{filepath.Join(dataDir, "cases", id, evidence.ManifestName), "inside the data folder"},
		{filepath.Join(dataDir, "cases", id, "01-history.txt"), "inside the data folder"},
		{filepath.Join(linkedData, "proofpack.db"), "inside the data folder"},
	}
	for _, c := range cases {
		start := time.Now()
		_, err := evidence.AddFiles(s, dataDir, id, []string{good, c.path}, "")
		if err == nil || tracker.KindOf(err) != tracker.KindInvalid || !strings.Contains(err.Error(), c.path) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("AddFiles(%s) = %v, want an invalid-input error naming it and saying %q", c.path, err, c.want)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("AddFiles(%s) took %v", c.path, d)
		}
	}
	if ex, _ := s.Exhibits(id); len(ex) != 1 {
		t.Errorf("%d exhibits after refused adds, want the 1 there was", len(ex))
	}
	if names := caseFiles(t, dataDir, id); len(names) != 1 {
		t.Errorf("files after refused adds: %v", names)
	}
	if _, err := evidence.AddFiles(s, dataDir, id, []string{good}, ""); err != nil {
		t.Errorf("a plain file: %v", err)
	}
}

func TestReadRegularRefusesWhatCannotEnd(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	big := writeFile(t, dir, "big.txt", []byte(strings.Repeat("x", 2000)))
	for path, want := range map[string]string{
		"/dev/zero": "not a regular file", fifo: "not a regular file", dir: "is a folder",
		big: "at most 1000 bytes", filepath.Join(dir, "none"): "does not exist",
	} {
		done := make(chan error, 1)
		go func() { _, err := evidence.ReadRegular(path, 1000); done <- err }()
		select {
		case err := <-done:
			if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), want) {
				t.Errorf("ReadRegular(%s) = %v, want %q", path, err, want)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("ReadRegular(%s) blocks", path)
		}
	}
	b, err := evidence.ReadRegular(writeFile(t, dir, "ok.txt", []byte("statement")), 1000)
	if err != nil || string(b) != "statement" {
		t.Errorf("ReadRegular of a plain file = %q, %v", b, err)
	}
}
