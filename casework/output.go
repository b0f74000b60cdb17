package casework

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"proofpack/tracker"
)

// writeOutput writes a file the buyer asked for (an export, a backup) through a temporary file
// beside it, synced and renamed, so the path holds the old file or the whole new one. It never
// writes into the data folder, where it could replace the store or evidence, and replaces only
// a regular file: never a folder, a device or what a symlink points at.
func writeOutput(out, dataDir, flag string, write func(io.Writer) error) error {
	abs, err := filepath.Abs(out)
	if err != nil {
		return tracker.Invalid(flag, "%v", err)
	}
	if inside(abs, dataDir) {
		return tracker.Invalid(flag, "%s is inside ProofPack's data folder %s: save it somewhere else", out, dataDir)
	}
	if fi, err := os.Lstat(abs); err == nil && !fi.Mode().IsRegular() {
		return tracker.Invalid(flag, "%s exists and is not a regular file: choose another name", out)
	}
	tmp, err := os.CreateTemp(filepath.Dir(abs), "."+filepath.Base(abs)+".proofpack-*")
	if err != nil {
		return tracker.Invalid(flag, "cannot write beside %s: %v", out, err)
	}
	done := false
	defer func() {
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := tmp.Chmod(0o600); err != nil {
		return err
	}
	if err := write(tmp); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("writing %s: %w", out, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", out, err)
	}
	if err := os.Rename(tmp.Name(), abs); err != nil {
		return fmt.Errorf("writing %s: %w", out, err)
	}
	done = true
	if d, err := os.Open(filepath.Dir(abs)); err == nil {
		d.Sync() // best effort: the rename is durable once the folder is
		d.Close()
	}
	return nil
}

// inside reports whether p is dir or lies under it, with symlinks in either resolved.
func inside(p, dir string) bool {
	real := func(s string) string {
		s, _ = filepath.Abs(s)
		if r, err := filepath.EvalSymlinks(s); err == nil {
			return r
		}
		if r, err := filepath.EvalSymlinks(filepath.Dir(s)); err == nil {
			return filepath.Join(r, filepath.Base(s))
		}
		return s
	}
	p, dir = real(p), real(dir)
	return p == dir || strings.HasPrefix(p, dir+string(filepath.Separator))
}
