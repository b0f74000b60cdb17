package evidence

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"proofpack/internal/osfile"
	"proofpack/tracker"
)

// Recover finishes what a crash interrupted; it runs at each start, once the store is open and
// so held by this process alone. A delete moved into TempDir is undone when the store still
// has the case and finished when it does not; an interrupted add loses the files it had linked
// without records and gets its manifest rewritten from the records; the temporary files beside outputs that the
// journal names are removed; everything else in TempDir (half-copied exhibits, capture staging
// folders, browser profiles) is removed, as are, on the first start, the temporary files
// earlier versions left in case folders; and the case.json of each case saved since the last
// start (the store's Changed) is brought up to date with the store: a start on ten thousand
// cases does not read and write ten thousand files.
func Recover(s tracker.Store, dataDir, folderID string) error {
	tmp := TempDir(dataDir)
	entries, err := os.ReadDir(tmp)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	// No .tmp yet: the first start of a version that keeps its temporary files there, so the
	// case folders may hold an earlier version's.
	legacy := errors.Is(err, fs.ErrNotExist)
	// ReadDir sorts by name: an interrupted delete (delete-) is undone before the journal of an
	// add to the same case (manifest-) is read.
	for _, e := range entries {
		p := filepath.Join(tmp, e.Name())
		switch {
		case strings.HasPrefix(e.Name(), deletePrefix):
			if err := finishDelete(s, dataDir, strings.TrimPrefix(e.Name(), deletePrefix), p); err != nil {
				return err
			}
		case strings.HasPrefix(e.Name(), manifestPrefix):
			if err := finishAdd(s, dataDir, p); err != nil {
				return err
			}
		case strings.HasPrefix(e.Name(), "pending-"):
			if b, err := os.ReadFile(p); err == nil {
				out := string(b)
				if filepath.IsAbs(out) && strings.HasPrefix(filepath.Base(out), outputTempPrefix) && strings.HasSuffix(out, ".tmp") {
					os.Remove(out)
				}
			}
			os.Remove(p)
		default:
			removeOutside(p)
			os.RemoveAll(p)
		}
	}
	if err := mkdirPrivate(tmp); err != nil {
		return err
	}
	changed, err := s.Changed()
	if err != nil {
		return err
	}
	if legacy {
		rows, err := s.Rows()
		if err != nil {
			return err
		}
		for _, r := range rows {
			if dir, err := caseFolder(dataDir, r.ID, false); err == nil {
				removeLegacyTemps(dir)
			}
		}
	}
	for _, id := range changed {
		c, err := s.Case(id)
		if tracker.KindOf(err) == tracker.KindNotFound {
			continue
		}
		if err != nil {
			return err
		}
		_, err = caseFolder(dataDir, c.ID, true)
		if tracker.KindOf(err) == tracker.KindCorrupt {
			continue // a folder replaced by a link or a file: verify names it, nothing is written through it
		}
		if err != nil {
			return err
		}
		if err := WriteCaseFile(dataDir, folderID, c); err != nil {
			return err
		}
	}
	return s.ClearChanged(changed)
}

// manifestPrefix names the journal of an Add: manifest-<case ID>-<random>, holding the names of
// the files it links into the case folder, one a line.
const manifestPrefix = "manifest-"

// finishAdd completes an Add a crash interrupted, from its journal: the files it linked into the
// case folder that no record names (the records were not saved) are removed, and the manifest
// is rewritten from the records (they were saved, the manifest not yet).
func finishAdd(s tracker.Store, dataDir, journal string) error {
	id, _, _ := strings.Cut(strings.TrimPrefix(filepath.Base(journal), manifestPrefix), "-")
	ex, err := s.Exhibits(id)
	if tracker.KindOf(err) == tracker.KindNotFound || !validID(id) {
		return os.Remove(journal) // the case is gone: so is its folder, or verify names it
	}
	if err != nil {
		return err
	}
	recorded := map[string]bool{}
	for _, e := range ex {
		recorded[path.Base(e.Path)] = true
	}
	b, err := os.ReadFile(journal)
	if err != nil {
		return err
	}
	dir := filepath.Join(dataDir, filepath.FromSlash(CaseDir(id)))
	for _, name := range strings.Fields(string(b)) {
		p := filepath.Join(dir, name)
		if fi, err := os.Lstat(p); err == nil && fi.Mode().IsRegular() && !recorded[name] && exhibitName.MatchString(name) {
			if err := os.Remove(p); err != nil {
				return err
			}
		}
	}
	if err := WriteManifest(s, dataDir, id); err != nil && tracker.KindOf(err) != tracker.KindCorrupt {
		return err
	}
	return os.Remove(journal)
}

// finishDelete undoes an interrupted delete whose records are still there, or finishes it.
func finishDelete(s tracker.Store, dataDir, caseID, trash string) error {
	_, err := s.Case(caseID)
	switch {
	case err == nil && validID(caseID):
		dir := filepath.Join(dataDir, filepath.FromSlash(CaseDir(caseID)))
		if _, lerr := os.Lstat(dir); errors.Is(lerr, fs.ErrNotExist) {
			if err := osfile.Rename(trash, dir); err != nil {
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

// removeOutside removes the folders outside the data folder that the OutsideNote files below
// dir name, when they are what such a note may name: a browser folder in the temporary folder.
func removeOutside(dir string) {
	notes, _ := filepath.Glob(filepath.Join(dir, "*", OutsideNote))
	for _, n := range notes {
		b, err := os.ReadFile(n)
		if err != nil {
			continue
		}
		out := filepath.Clean(strings.TrimSpace(string(b)))
		if filepath.IsAbs(out) && strings.HasPrefix(filepath.Base(out), outsidePrefix) &&
			(filepath.Dir(out) == "/tmp" || filepath.Dir(out) == filepath.Clean(os.TempDir())) {
			os.RemoveAll(out)
		}
	}
}
