package evidence

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"proofpack/tracker"
)

// deletePrefix names a case folder moved into TempDir to be deleted: delete-<case ID>.
const deletePrefix = "delete-"

// DeleteCase removes a case's records and its folder of exhibit files. The folder is first
// moved into TempDir, then the records are deleted, then the folder: a kill at any moment
// leaves the case whole (the next start moves the folder back, see Recover) or gone (the next
// start removes the folder), never records without files nor an orphan case folder.
func DeleteCase(s tracker.Store, dataDir, caseID string) error {
	if !validID(caseID) {
		return tracker.NotFound("no case %q", caseID)
	}
	if _, err := s.Case(caseID); err != nil {
		return err
	}
	dir := filepath.Join(dataDir, filepath.FromSlash(CaseDir(caseID)))
	trash := filepath.Join(TempDir(dataDir), deletePrefix+caseID)
	if err := mkdirPrivate(TempDir(dataDir)); err != nil {
		return err
	}
	if err := os.RemoveAll(trash); err != nil {
		return err
	}
	moved := false
	if _, err := os.Lstat(dir); err == nil {
		if err := os.Rename(dir, trash); err != nil {
			return fmt.Errorf("cannot delete case %s: %w", caseID, err)
		}
		moved = true
		syncDir(filepath.Dir(dir))
		syncDir(TempDir(dataDir))
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if err := s.DeleteCase(caseID); err != nil {
		if moved {
			os.Rename(trash, dir)
		}
		return err
	}
	if err := os.RemoveAll(trash); err != nil {
		return fmt.Errorf("case %s is deleted; its files are removed at the next start (%w)", caseID, err)
	}
	return nil
}
