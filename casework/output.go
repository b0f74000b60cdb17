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
	tmp, err := os.CreateTemp(filepath.Dir(abs), "."+filepath.Base(abs)+tempMark+"*")
	if err != nil {
		return tracker.Invalid(flag, "cannot write beside %s: %v", out, err)
	}
	forget, err := remember(dataDir, tmp.Name())
	if err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	defer forget()
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

// tempMark is in the name of every temporary file ProofPack writes beside an output.
const tempMark = ".proofpack-"

// pendingDir holds one note per output being written: the temporary file's path. A process
// killed mid-write leaves its note, and CleanLeftovers removes the file at the next start.
func pendingDir(dataDir string) string { return filepath.Join(dataDir, ".tmp", "outputs") }

// remember notes tmp as being written and returns the function that forgets it again.
func remember(dataDir, tmp string) (func(), error) {
	dir := pendingDir(dataDir)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	note, err := os.CreateTemp(dir, "out-*")
	if err != nil {
		return nil, err
	}
	_, err = note.WriteString(tmp)
	if err == nil {
		err = note.Sync()
	}
	if cerr := note.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(note.Name())
		return nil, err
	}
	return func() { os.Remove(note.Name()) }, nil
}

// CleanLeftovers removes the temporary output files that a killed process left beside its
// outputs. Only the holder of the store's lock calls it, so no running write is touched.
func CleanLeftovers(dataDir string) error {
	dir := pendingDir(dataDir)
	notes, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return err
	}
	for _, n := range notes {
		p := filepath.Join(dir, n.Name())
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		// A note names only a file ProofPack made: never remove anything else.
		if tmp := string(b); strings.Contains(filepath.Base(tmp), tempMark) && filepath.IsAbs(tmp) {
			if err := os.Remove(tmp); err != nil && !os.IsNotExist(err) {
				return err
			}
		}
		os.Remove(p)
	}
	return nil
}
