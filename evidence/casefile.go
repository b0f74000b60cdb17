package evidence

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"proofpack/tracker"
)

// CaseFileName is the copy of the case, as last saved, kept in its folder beside manifest.json:
// with it a case folder describes itself, and 'proofpack repair' can rebuild a lost store.
const CaseFileName = "case.json"

// CaseFile is the JSON of case.json.
type CaseFile struct {
	Folder string       `json:"folder"` // the identity of the data folder the case was saved in
	Case   tracker.Case `json:"case"`
}

// WithCaseFiles wraps a store so that every case it saves (AddCase, UpdateCase, SaveCases) is also written
// to its folder's case.json once the save is committed. folderID is the data folder's identity.
func WithCaseFiles(s tracker.Store, dataDir, folderID string) tracker.Store {
	return caseFiles{Store: s, dir: dataDir, folder: folderID}
}

type caseFiles struct {
	tracker.Store
	dir, folder string
}

func (s caseFiles) AddCase(c tracker.Case) (tracker.Case, error) {
	c, err := s.Store.AddCase(c)
	if err != nil {
		return c, err
	}
	return c, s.written(c)
}

func (s caseFiles) UpdateCase(id string, change func(*tracker.Case) error) (tracker.Case, error) {
	c, err := s.Store.UpdateCase(id, change)
	if err != nil {
		return c, err
	}
	return c, s.written(c)
}

func (s caseFiles) SaveCases(cases []tracker.Case, merge func(stored *tracker.Case, imported tracker.Case)) ([]tracker.Case, error) {
	saved, err := s.Store.SaveCases(cases, merge)
	if err != nil {
		return saved, err
	}
	for _, c := range saved {
		if err := s.written(c); err != nil {
			return saved, err
		}
	}
	return saved, nil
}

func (s caseFiles) written(c tracker.Case) error {
	if err := WriteCaseFile(s.dir, s.folder, c); err != nil {
		return fmt.Errorf("case %s is saved, but its copy %s in the case folder is not (%w); it is written again at the next start", c.ID, CaseFileName, err)
	}
	return nil
}

// WriteCaseFile writes the case's case.json, unless it already says the same. It is not synced:
// the store is the record, and Recover rewrites at the next start a case.json that a crash left
// stale, half-written or missing; an import of thousands of cases would otherwise wait for
// thousands of disk syncs.
func WriteCaseFile(dataDir, folderID string, c tracker.Case) error {
	b, err := json.MarshalIndent(CaseFile{Folder: folderID, Case: c}, "", "  ")
	if err != nil {
		return err
	}
	b = append(b, '\n')
	dir, err := caseFolder(dataDir, c.ID, true)
	if err != nil {
		return err
	}
	p := filepath.Join(dir, CaseFileName)
	old, err := os.ReadFile(p)
	switch {
	case err == nil && bytes.Equal(old, b):
		return nil
	case errors.Is(err, fs.ErrNotExist):
		// A new case folder: written in place, as nothing is there to keep.
		f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil {
			return full(err)
		}
		return closeWritten(f, b, "")
	}
	tmp, err := os.CreateTemp(TempDir(dataDir), "case-*")
	if errors.Is(err, fs.ErrNotExist) {
		if err := mkdirPrivate(TempDir(dataDir)); err != nil {
			return err
		}
		tmp, err = os.CreateTemp(TempDir(dataDir), "case-*")
	}
	if err != nil {
		return full(err)
	}
	return closeWritten(tmp, b, p)
}

// closeWritten writes b to f (mode 0600 whatever the umask), closes it and, with to set,
// renames it there; on failure the file is removed.
func closeWritten(f *os.File, b []byte, to string) error {
	_, err := f.Write(b)
	if err == nil {
		err = f.Chmod(0o600)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil && to != "" {
		err = os.Rename(f.Name(), to)
	}
	if err != nil {
		os.Remove(f.Name())
		return full(err)
	}
	return nil
}

// ReadCaseFile reads a case folder's case.json.
func ReadCaseFile(caseDir string) (CaseFile, error) {
	var cf CaseFile
	b, err := os.ReadFile(filepath.Join(caseDir, CaseFileName))
	if err != nil {
		return cf, err
	}
	if err := json.Unmarshal(b, &cf); err != nil {
		return cf, fmt.Errorf("%s: %w", filepath.Join(caseDir, CaseFileName), err)
	}
	return cf, nil
}
