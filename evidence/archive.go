package evidence

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
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
	dir := filepath.Join(dataDir, filepath.FromSlash(CaseDir(caseID)))
	if err := mkdirPrivate(dir); err != nil {
		return nil, err
	}
	var placed []string
	added, err := s.AddExhibits(caseID, func(next int) ([]tracker.Exhibit, error) {
		out, err := place(dir, caseID, next, groups, &placed)
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
		return nil, err
	}
	if err := WriteManifest(s, dataDir, caseID); err != nil {
		return added, fmt.Errorf("the exhibits are saved but the manifest is not: %w", err)
	}
	return added, nil
}

// place writes each group's files under its number and returns their records; placed collects
// the final paths written so far, for the caller to remove on failure.
func place(dir, caseID string, next int, groups []Group, placed *[]string) ([]tracker.Exhibit, error) {
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
			sum, size, err := writeAtomic(final, f)
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

// writeAtomic copies f's content to final through a temporary file in the same folder, synced
// before the rename, and returns the SHA-256 and size of what it wrote.
func writeAtomic(final string, f File) (string, int64, error) {
	var src io.Reader
	switch {
	case f.Open != nil:
		in, err := f.Open()
		if err != nil {
			return "", 0, err
		}
		defer in.Close()
		src = in
	case f.Src != "" && f.Data == nil:
		in, err := os.Open(f.Src)
		if err != nil {
			return "", 0, err
		}
		defer in.Close()
		src = in
	case f.Src == "" && f.Data != nil:
		src = bytes.NewReader(f.Data)
	default:
		return "", 0, errors.New("an exhibit file needs either a source file or data")
	}
	tmp, err := os.CreateTemp(filepath.Dir(final), ".add-*")
	if err != nil {
		return "", 0, err
	}
	done := false
	defer func() {
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	h := sha256.New()
	size, err := io.Copy(io.MultiWriter(tmp, h), src)
	if err != nil {
		return "", 0, fmt.Errorf("copying %s: %w", f.Src, err)
	}
	if err := tmp.Chmod(0o600); err != nil {
		return "", 0, err
	}
	if err := tmp.Sync(); err != nil {
		return "", 0, err
	}
	if err := tmp.Close(); err != nil {
		return "", 0, err
	}
	if err := os.Rename(tmp.Name(), final); err != nil {
		return "", 0, err
	}
	done = true
	return hex.EncodeToString(h.Sum(nil)), size, nil
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
