package evidence

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"proofpack/tracker"
)

// Recover finishes what a crash interrupted; it runs at each start, once the store is open and
// so held by this process alone. A delete moved into TempDir is undone when the store still
// has the case and finished when it does not; a manifest an add had no time to rewrite is
// rewritten from the records; the temporary files beside outputs that the
// journal names are removed; everything else in TempDir (half-copied exhibits, capture staging
// folders, browser profiles) is removed, as are the temporary files earlier versions left in
// case folders; and each case's case.json is brought up to date with the store.
func Recover(s tracker.Store, dataDir, folderID string) error {
	tmp := TempDir(dataDir)
	entries, err := os.ReadDir(tmp)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	for _, e := range entries {
		p := filepath.Join(tmp, e.Name())
		switch {
		case strings.HasPrefix(e.Name(), deletePrefix):
			if err := finishDelete(s, dataDir, strings.TrimPrefix(e.Name(), deletePrefix), p); err != nil {
				return err
			}
		case strings.HasPrefix(e.Name(), manifestPrefix):
			id := strings.TrimPrefix(e.Name(), manifestPrefix)
			if _, err := s.Case(id); err == nil {
				if err := WriteManifest(s, dataDir, id); err != nil && tracker.KindOf(err) != tracker.KindCorrupt {
					return err
				}
			}
			os.Remove(p)
		case strings.HasPrefix(e.Name(), "pending-"):
			if b, err := os.ReadFile(p); err == nil {
				out := string(b)
				if filepath.IsAbs(out) && strings.HasPrefix(filepath.Base(out), outputTempPrefix) && strings.HasSuffix(out, ".tmp") {
					os.Remove(out)
				}
			}
			os.Remove(p)
		default:
			os.RemoveAll(p)
		}
	}
	cases, err := s.Cases()
	if err != nil {
		return err
	}
	for _, c := range cases {
		dir, err := caseFolder(dataDir, c.ID, true)
		if tracker.KindOf(err) == tracker.KindCorrupt {
			continue // a folder replaced by a link or a file: verify names it, nothing is written through it
		}
		if err != nil {
			return err
		}
		removeLegacyTemps(dir)
		if err := WriteCaseFile(dataDir, folderID, c); err != nil {
			return err
		}
	}
	return nil
}

// manifestPrefix marks a case whose manifest.json an add is about to rewrite: manifest-<case ID>.
const manifestPrefix = "manifest-"

// finishDelete undoes an interrupted delete whose records are still there, or finishes it.
func finishDelete(s tracker.Store, dataDir, caseID, trash string) error {
	_, err := s.Case(caseID)
	switch {
	case err == nil && validID(caseID):
		dir := filepath.Join(dataDir, filepath.FromSlash(CaseDir(caseID)))
		if _, lerr := os.Lstat(dir); errors.Is(lerr, fs.ErrNotExist) {
			if err := os.Rename(trash, dir); err != nil {
				return fmt.Errorf("cannot put back the folder of case %s, whose delete was interrupted: %w", caseID, err)
			}
			return nil
		}
	case tracker.KindOf(err) != tracker.KindNotFound:
		return err
	}
	return os.RemoveAll(trash)
}

// removeLegacyTemps removes the temporary files that versions before TempDir wrote in case
// folders: .add-* files and .capture-* staging folders.
func removeLegacyTemps(caseDir string) {
	entries, _ := os.ReadDir(caseDir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".add-") || strings.HasPrefix(e.Name(), ".capture-") {
			os.RemoveAll(filepath.Join(caseDir, e.Name()))
		}
	}
}
