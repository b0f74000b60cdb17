package evidence

import (
	"bytes"
	"encoding/json"
	"fmt"
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

// WithCaseFiles wraps a store so that every case it saves (AddCase, UpdateCase) is also written
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

func (s caseFiles) written(c tracker.Case) error {
	if err := WriteCaseFile(s.dir, s.folder, c); err != nil {
		return fmt.Errorf("case %s is saved, but its copy %s in the case folder is not (%w); it is written again at the next start", c.ID, CaseFileName, err)
	}
	return nil
}

// WriteCaseFile writes the case's case.json atomically, unless it already says the same.
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
	if old, err := os.ReadFile(p); err == nil && bytes.Equal(old, b) {
		return nil
	}
	return replaceFile(dataDir, p, b)
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
