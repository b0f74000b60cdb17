package evidence

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestSwappedFileIsNotCopied: a file replaced between the check and the copy (by a symbolic
// link or by another file) is refused when it is opened for the copy.
func TestSwappedFileIsNotCopied(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "chat.png")
	os.WriteFile(p, []byte("the chat"), 0o600)
	secret := filepath.Join(dir, "secret")
	os.WriteFile(secret, []byte("a secret"), 0o600)
	for name, swap := range map[string]func() error{
		"link":  func() error { return os.Symlink(secret, p) },
		"other": func() error { return os.WriteFile(p, []byte("another file"), 0o600) },
	} {
		os.Remove(p)
		os.WriteFile(p, []byte("the chat"), 0o600)
		g, err := buyerFile(t.TempDir(), p, "", time.Now())
		if err != nil {
			t.Fatal(err)
		}
		os.Rename(p, p+"."+name) // kept, so its inode is not reused for the swapped file
		if err := swap(); err != nil {
			t.Fatal(err)
		}
		r, err := g.Files[0].Open()
		if err == nil {
			b, _ := io.ReadAll(r)
			r.Close()
			t.Errorf("%s: the swapped file was read: %q", name, b)
		} else if !strings.Contains(err.Error(), p) {
			t.Errorf("%s: %v does not name the file", name, err)
		}
	}
}
