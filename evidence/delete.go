package evidence

import (
	"fmt"
	"os"
	"path/filepath"

	"proofpack/tracker"
)

// DeleteCase removes a case's records, then its folder of exhibit files. Records go first: a
// crash in between leaves orphan files, never records whose files are gone.
func DeleteCase(s tracker.Store, dataDir, caseID string) error {
	if err := s.DeleteCase(caseID); err != nil {
		return err
	}
	if !validID(caseID) {
		return nil
	}
	if err := os.RemoveAll(filepath.Join(dataDir, filepath.FromSlash(CaseDir(caseID)))); err != nil {
		return fmt.Errorf("case %s is deleted, but its files remain: %w", caseID, err)
	}
	return nil
}
