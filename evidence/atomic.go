package evidence

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"proofpack/internal/osfile"
	"proofpack/tracker"
)

// TempName is the folder inside the data folder where every temporary file of ProofPack lives:
// on the same disk as the case folders, so a finished file is renamed or linked into place,
// and in one place, so that each start can remove what a crash left (see Recover).
const TempName = ".tmp"

// TempDir is the data folder's temporary folder.
func TempDir(dataDir string) string { return filepath.Join(dataDir, TempName) }

// ChromeDir is the folder under TempDir for the browser's profiles and its own temporary files.
func ChromeDir(dataDir string) string { return filepath.Join(TempDir(dataDir), "chrome") }

// OutsideNote is a file in a folder under ChromeDir that names a folder outside the data folder
// belonging to it: the browser's socket folder in /tmp, where a long data-folder path leaves no
// room for the socket's name. Recover removes the named folder with the one holding the note.
const OutsideNote = "outside"

// outsidePrefix is the only name such a folder may have: Recover removes nothing else.
const outsidePrefix = "proofpack-chromium-"

// PacketsName is the folder inside the data folder where the window puts packets: the one
// place in the data folder an output may be written.
const PacketsName = "packets"

// outputTempPrefix names the temporary file written beside an output outside the data folder;
// Recover removes only files with this prefix that the journal names.
const outputTempPrefix = ".proofpack-"

// CheckOutput refuses an output path that would write into the data folder (other than its
// packets folder), through a symbolic link, over anything but a regular file, or (on Windows)
// under a name Windows refuses or reads as a device.
func CheckOutput(dataDir, out string) error {
	if strings.TrimSpace(out) == "" {
		return tracker.Invalid("--out", "give the file to write")
	}
	// Before Abs, which on Windows turns a device name such as CON.pdf into \\.\CON.
	if msg := osfile.OutputNameProblem(out); msg != "" {
		return tracker.Invalid("--out", "%s: choose another name", msg)
	}
	abs, err := filepath.Abs(out)
	if err != nil {
		return tracker.Invalid("--out", "%s: %v", out, err)
	}
	if inside(realPath(dataDir), realPath(abs)) && !inside(realPath(filepath.Join(dataDir, PacketsName)), realPath(abs)) {
		return tracker.Invalid("--out", "%s is inside the data folder %s, which holds your evidence: save it outside (or in its %s folder)", out, dataDir, PacketsName)
	}
	fi, err := os.Lstat(abs)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return tracker.Invalid("--out", "cannot check %s: %v", out, err)
	case fi.Mode()&fs.ModeSymlink != 0:
		return tracker.Invalid("--out", "%s is a symbolic link: ProofPack does not write through links; give another file name", out)
	case fi.IsDir():
		return tracker.Invalid("--out", "%s is a folder: give a file name", out)
	case !fi.Mode().IsRegular():
		return tracker.Invalid("--out", "%s is not a regular file (a device, pipe or socket): give another file name", out)
	}
	return nil
}

// realPath resolves the symbolic links of p's longest existing ancestor, so that two names of
// one place compare equal.
func realPath(p string) string {
	p = filepath.Clean(p)
	rest := ""
	for {
		if r, err := filepath.EvalSymlinks(p); err == nil {
			return filepath.Join(r, rest)
		}
		parent := filepath.Dir(p)
		if parent == p {
			return filepath.Join(p, rest)
		}
		rest = filepath.Join(filepath.Base(p), rest)
		p = parent
	}
}

// inside reports whether p is dir or below it.
func inside(dir, p string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && (rel == "." || filepath.IsLocal(rel))
}

// WriteOutput writes data to out (mode 0600), a file the buyer chose, after CheckOutput: through
// a synced temporary file beside it that the data folder's journal names until it is renamed
// into place, so a crash never leaves half a file under the name nor a stray temporary file
// after the next start.
func WriteOutput(dataDir, out string, data []byte) error {
	return WriteOutputFrom(dataDir, out, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// WriteOutputFrom is WriteOutput for an output too big to hold in memory (an export, a
// backup): write streams the content into the temporary file.
func WriteOutputFrom(dataDir, out string, write func(io.Writer) error) error {
	if err := CheckOutput(dataDir, out); err != nil {
		return err
	}
	dir := filepath.Dir(out)
	if err := MkdirOutput(dataDir, dir); err != nil {
		return err
	}
	tmp := filepath.Join(dir, outputTempPrefix+randomHex(6)+".tmp")
	journal, err := writeJournal(dataDir, tmp)
	if err != nil {
		return err
	}
	defer os.Remove(journal)
	if err := writeNewFrom(tmp, write); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("cannot write %s: %w", out, full(err))
	}
	// Checked again just before the rename: the name may have changed while the packet was made.
	if err := CheckOutput(dataDir, out); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := osfile.Rename(tmp, out); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("cannot write %s: %w", out, err)
	}
	return osfile.SyncDir(dir)
}

// MkdirOutput makes an output folder and the missing folders above it, each mode 0700 whatever
// the umask; folders that exist are left as they are, except that a symbolic link or a
// non-folder is refused.
func MkdirOutput(dataDir, dir string) error {
	fi, err := os.Lstat(dir)
	switch {
	case err == nil && fi.IsDir():
		return nil
	case err == nil && fi.Mode()&fs.ModeSymlink != 0:
		if t, err := os.Stat(dir); err == nil && t.IsDir() && filepath.Dir(dir) != dir {
			return nil // a linked folder the buyer chose, e.g. ~/Documents: files go in it, not over it
		}
		return tracker.Invalid("--out", "%s is a symbolic link to no folder", dir)
	case err == nil:
		return tracker.Invalid("--out", "%s is not a folder", dir)
	}
	if err := MkdirOutput(dataDir, filepath.Dir(dir)); err != nil {
		return err
	}
	if err := os.Mkdir(dir, 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("cannot make the folder %s: %w", dir, err)
	}
	return os.Chmod(dir, 0o700)
}

// writeJournal records a temporary path outside the data folder in TempDir, synced, before the
// file is made; it returns the journal entry's path.
func writeJournal(dataDir, tmp string) (string, error) {
	jdir := TempDir(dataDir)
	if err := mkdirPrivate(jdir); err != nil {
		return "", err
	}
	p := filepath.Join(jdir, "pending-"+randomHex(6))
	if err := writeNew(p, []byte(tmp)); err != nil {
		os.Remove(p)
		return "", full(err)
	}
	return p, osfile.SyncDir(jdir)
}

// writeNew creates path (it must not exist), writes data, sets mode 0600 and syncs.
func writeNew(path string, data []byte) error {
	return writeNewFrom(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// writeNewFrom is writeNew with the content streamed by write.
func writeNewFrom(path string, write func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	err = write(f)
	if err == nil {
		err = f.Chmod(0o600)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// full adds what to do to an error of a full disk or of a file size limit; others pass as
// they are.
func full(err error) error {
	switch {
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		return fmt.Errorf("%w: the disk is full; free some space, then try again (nothing was saved)", err)
	case errors.Is(err, syscall.EFBIG):
		return fmt.Errorf("%w: the file is larger than the disk or the system's file size limit allows (nothing was saved)", err)
	}
	return err
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}
