//go:build !windows

package osfile

import "os"

// Rename moves oldpath to newpath, replacing a file there. The rename is durable once
// SyncDir has synced newpath's folder; callers renaming many files sync it once at the end.
func Rename(oldpath, newpath string) error { return os.Rename(oldpath, newpath) }

// SyncDir makes the renames and creations in dir durable.
func SyncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	return err
}

// OutputNameProblem is "" on Unix, which accepts every name the buyer can type.
func OutputNameProblem(string) string { return "" }

// FileMode and DirMode are the permissions os.Stat reports for the private files and folders
// ProofPack makes (0600, 0700): only their owner may read them.
const FileMode, DirMode os.FileMode = 0o600, 0o700
