package evidence

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"proofpack/tracker"
)

// Group is one exhibit number's files: a capture's screenshot, page and text, or one file of
// the buyer's.
type Group struct {
	// No is the number already drawn into the files (a capture's banner); 0 takes the next
	// free one.
	No    int
	Files []File
}

// File is one file to record. Exactly one of Src and Data gives its content; Open, when set,
// reads Src through the checks it was accepted with (the buyer's files).
type File struct {
	Src  string // a file to copy in: a staged capture or the buyer's own
	Open func() (io.ReadCloser, error)
	Data []byte // or the content itself, e.g. pasted history text
	Ext  string // without the dot; "" for none
	// Exhibit carries the record's Kind, MediaType and what is known of the source (URL,
	// times, browser, note). No, Path, SHA256 and Size are filled in by Add; a zero
	// CapturedAt becomes now.
	Exhibit tracker.Exhibit
}

// CaseDir is where a case's exhibit files live, relative to the data folder, slash-separated.
func CaseDir(caseID string) string { return path.Join("cases", caseID) }

// FileName is an exhibit file's name inside its case folder: 03-screenshot.png.
func FileName(no int, kind, ext string) string {
	name := fmt.Sprintf("%02d-%s", no, kind)
	if ext != "" {
		name += "." + ext
	}
	return name
}

// NextNumber is the number the next exhibit of the case will get.
func NextNumber(s tracker.Store, caseID string) (int, error) {
	ex, err := s.Exhibits(caseID)
	if err != nil {
		return 0, err
	}
	next := 1
	for _, e := range ex {
		next = max(next, e.No+1)
	}
	return next, nil
}

// Add records groups as exhibits of the case, in order, and rewrites its manifest. It is the
// one way files become exhibits: captures, the buyer's files and pasted history all use it.
// The files are written inside the store's transaction and removed again if it fails.
func Add(s tracker.Store, dataDir, caseID string, groups ...Group) ([]tracker.Exhibit, error) {
	if !validID(caseID) {
		return nil, tracker.NotFound("no case %s", tracker.Quote(caseID))
	}
	if _, err := s.Case(caseID); err != nil {
		return nil, err
	}
	dir, err := caseFolder(dataDir, caseID, true)
	if err != nil {
		return nil, err
	}
	// A journal in TempDir names each file before it is linked into the case folder, and stays
	// until the manifest is rewritten after the records are saved: if a crash comes in between,
	// the next start removes the files no record names and rewrites the manifest (Recover).
	j, err := newAddJournal(dataDir, caseID)
	if err != nil {
		return nil, err
	}
	defer j.Close()
	var placed []string
	added, err := s.AddExhibits(caseID, func(next int) ([]tracker.Exhibit, error) {
		out, err := place(dataDir, dir, caseID, next, groups, j, &placed)
		if err != nil {
			return nil, err
		}
		// The renames must be on disk before the records are.
		return out, syncDir(dir)
	})
	if err != nil {
		// place may have finished and the save failed after it: no file without its record.
		for _, p := range placed {
			os.Remove(p)
		}
		os.Remove(j.Name())
		return nil, err
	}
	if err := WriteManifest(s, dataDir, caseID); err != nil {
		return added, fmt.Errorf("the exhibits are saved but the manifest is not (it is written at the next start): %w", err)
	}
	os.Remove(j.Name())
	return added, nil
}

// place writes each group's files under its number and returns their records; placed collects
// the final paths written so far, for the caller to remove on failure.
func place(dataDir, dir, caseID string, next int, groups []Group, j *os.File, placed *[]string) ([]tracker.Exhibit, error) {
	var out []tracker.Exhibit
	no := next - 1
	for _, g := range groups {
		switch {
		case g.No == 0:
			no++
		case g.No <= no:
			return nil, fmt.Errorf("exhibit %d of case %s is taken: another exhibit was added while capturing; capture again", g.No, caseID)
		default:
			no = g.No
		}
		for _, f := range g.Files {
			e := f.Exhibit
			if e.Kind == "" || strings.ContainsAny(e.Kind+f.Ext, `/\.`) {
				return nil, fmt.Errorf("exhibit file with kind %q and extension %q cannot be named", e.Kind, f.Ext)
			}
			e.No = no
			name := FileName(no, e.Kind, f.Ext)
			final := filepath.Join(dir, name)
			if _, err := j.WriteString(name + "\n"); err != nil {
				return nil, full(err)
			}
			if err := j.Sync(); err != nil {
				return nil, err
			}
			sum, size, err := writeExhibit(dataDir, final, f)
			if err != nil {
				return nil, err
			}
			*placed = append(*placed, final)
			e.Path = path.Join(CaseDir(caseID), name)
			e.SHA256, e.Size = sum, size
			if e.CapturedAt.IsZero() {
				e.CapturedAt = time.Now()
			}
			e.CapturedAt = e.CapturedAt.UTC()
			out = append(out, e)
		}
	}
	return out, nil
}

// writeExhibit copies f's content to final through a synced temporary file in the data folder's
// TempDir and returns the SHA-256 and size of what it wrote. The file is linked into place,
// which fails rather than replace a file already there: a new exhibit never takes the place
// of another one, nor of a stray file the buyer put under its name.
func writeExhibit(dataDir, final string, f File) (string, int64, error) {
	tmp, sum, size, err := writeTemp(dataDir, f)
	if err != nil {
		return "", 0, err
	}
	defer os.Remove(tmp)
	err = os.Link(tmp, final)
	if errors.Is(err, fs.ErrExist) {
		return "", 0, &tracker.Error{Kind: tracker.KindCorrupt, Msg: fmt.Sprintf(
			"%s already exists but no record names it: ProofPack will not replace it; move it out of the case folder (see 'proofpack verify'), then add again", final)}
	}
	if err != nil {
		// A file system without hard links: rename, after making sure nothing is there.
		if _, lerr := os.Lstat(final); lerr == nil {
			return "", 0, fmt.Errorf("%s already exists: ProofPack will not replace it", final)
		}
		if err := os.Rename(tmp, final); err != nil {
			return "", 0, err
		}
	}
	return sum, size, nil
}

// replaceFile writes data over path (mode 0600) through a synced temporary file in TempDir and
// a rename: for the files ProofPack rewrites, manifest.json and case.json.
func replaceFile(dataDir, path string, data []byte) error {
	tmp, _, _, err := writeTemp(dataDir, File{Data: data})
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	return syncDir(filepath.Dir(path))
}

// writeTemp copies f's content into a new synced file (mode 0600) in TempDir.
func writeTemp(dataDir string, f File) (tmpPath, sum string, size int64, err error) {
	var src io.Reader
	switch {
	case f.Open != nil:
		in, err := f.Open()
		if err != nil {
			return "", "", 0, err
		}
		defer in.Close()
		src = in
	case f.Src != "" && f.Data == nil:
		in, err := os.Open(f.Src)
		if err != nil {
			return "", "", 0, err
		}
		defer in.Close()
		src = in
	case f.Src == "" && f.Data != nil:
		src = bytes.NewReader(f.Data)
	default:
		return "", "", 0, errors.New("an exhibit file needs either a source file or data")
	}
	dir := TempDir(dataDir)
	if err := mkdirPrivate(dir); err != nil {
		return "", "", 0, err
	}
	tmp, err := os.CreateTemp(dir, "add-*")
	if err != nil {
		return "", "", 0, err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
			err = full(err)
		}
	}()
	h := sha256.New()
	if size, err = io.Copy(io.MultiWriter(tmp, h), src); err != nil {
		return "", "", 0, fmt.Errorf("copying %s: %w", f.Src, err)
	}
	if err = tmp.Chmod(0o600); err != nil {
		return "", "", 0, err
	}
	if err = tmp.Sync(); err != nil {
		return "", "", 0, err
	}
	if err = tmp.Close(); err != nil {
		return "", "", 0, err
	}
	return tmp.Name(), hex.EncodeToString(h.Sum(nil)), size, nil
}

// hashFile returns the SHA-256 of a file.
func hashFile(p string) (string, int64, error) {
	f, err := os.Open(p)
	if err != nil {
		return "", 0, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return "", 0, err
	}
	return hex.EncodeToString(h.Sum(nil)), n, nil
}

// newAddJournal makes the journal of one Add in TempDir: manifest-<case ID>-<random>.
func newAddJournal(dataDir, caseID string) (*os.File, error) {
	dir := TempDir(dataDir)
	if err := mkdirPrivate(dir); err != nil {
		return nil, err
	}
	j, err := os.OpenFile(filepath.Join(dir, manifestPrefix+caseID+"-"+randomHex(4)), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, full(err)
	}
	if err := syncDir(dir); err != nil {
		j.Close()
		os.Remove(j.Name())
		return nil, err
	}
	return j, nil
}

// caseFolder is the case's folder; it must be a real folder, not a link or a file, for
// ProofPack to write into it. With create it is made when missing.
func caseFolder(dataDir, caseID string, create bool) (string, error) {
	if !validID(caseID) {
		return "", tracker.NotFound("no case %q", caseID)
	}
	dir := filepath.Join(dataDir, filepath.FromSlash(CaseDir(caseID)))
	for _, d := range []string{filepath.Dir(dir), dir} {
		fi, err := os.Lstat(d)
		switch {
		case errors.Is(err, fs.ErrNotExist) && create:
			if err := mkdirPrivate(d); err != nil {
				return "", err
			}
		case err != nil:
			return "", err
		case !fi.IsDir():
			return "", &tracker.Error{Kind: tracker.KindCorrupt, Msg: fmt.Sprintf(
				"%s is not a folder (a symbolic link or a file): ProofPack will not write through it; see 'proofpack verify'", d)}
		}
	}
	return dir, nil
}

func mkdirPrivate(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	return os.Chmod(dir, 0o700)
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// validID keeps a case ID from naming a folder outside cases/.
func validID(id string) bool {
	return id != "" && filepath.IsLocal(id) && !strings.ContainsAny(id, `/\`) && id != "."
}
