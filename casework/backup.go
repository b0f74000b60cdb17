package casework

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"proofpack/evidence"
	"proofpack/evidence/bundle"
	"proofpack/tracker"
)

const backupFormat = "proofpack-backup"

// backupLimits bound what a restore unpacks: a whole data folder, so far more than a case.
var backupLimits = bundle.Limits{Files: 2_000_000, FileBytes: 16 << 30, TotalBytes: 256 << 30}

// storeFile is the database inside the data folder and inside a backup.
const storeFile = "proofpack.db"

type backupIndex struct {
	bundle.Index
	Cases    int `json:"cases"`
	Exhibits int `json:"exhibits"`
}

// BackedUp is what a backup or a restore handled.
type BackedUp struct {
	File     string `json:"file"`
	Cases    int    `json:"cases"`
	Exhibits int    `json:"exhibits"`
	Files    int    `json:"files"`
}

// Backup writes a consistent copy of the data folder: the store as one read transaction sees
// it, and the exhibit files, manifests and case files of the cases in that copy. It runs while
// the window keeps working, because exhibit files never change once written.
func (s *Service) Backup(ctx context.Context, out string) (BackedUp, error) {
	res := BackedUp{File: out}
	err := evidence.WriteOutputFrom(s.Dir, out, func(w io.Writer) error {
		bw := bundle.NewWriter(w, s.Now().UTC())
		pr, pw := io.Pipe()
		var ex map[string][]tracker.Exhibit
		snap := make(chan error, 1)
		go func() {
			var err error
			ex, err = s.Store.Snapshot(pw)
			pw.CloseWithError(err)
			snap <- err
		}()
		if err := bw.Add(storeFile, pr); err != nil {
			pr.CloseWithError(err)
			<-snap
			return err
		}
		if err := <-snap; err != nil {
			return err
		}
		ids := make([]string, 0, len(ex))
		for id := range ex {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		cases, err := s.Store.Cases()
		if err != nil {
			return err
		}
		for _, c := range cases {
			if _, ok := ex[c.ID]; !ok {
				ids = append(ids, c.ID) // a case without exhibits may still have its case.json
			}
		}
		for _, id := range ids {
			if err := ctx.Err(); err != nil {
				return err // WriteOutputFrom removes the half-written file
			}
			for _, e := range ex[id] {
				if err := bw.AddFile(e.Path, filepath.Join(s.Dir, filepath.FromSlash(e.Path))); err != nil {
					return fmt.Errorf("exhibit %d of case %s: %w (it changed during the backup: back up again)", e.No, id, err)
				}
				res.Exhibits++
			}
			for _, name := range []string{"manifest.json", "case.json"} {
				rel := evidence.CaseDir(id) + "/" + name
				if _, err := os.Lstat(filepath.Join(s.Dir, filepath.FromSlash(rel))); err == nil {
					if err := bw.AddFile(rel, filepath.Join(s.Dir, filepath.FromSlash(rel))); err != nil {
						return err
					}
				}
			}
		}
		res.Cases = len(cases)
		idx := backupIndex{Index: bundle.Index{Format: backupFormat, Version: 1, Created: s.Now().UTC()}, Cases: res.Cases, Exhibits: res.Exhibits}
		return bw.Close(idx.Index, idx)
	})
	if err != nil {
		return BackedUp{}, err
	}
	res.Files = res.Exhibits + 1
	return res, nil
}

// Restore unpacks a backup into dir, which must be empty or not exist yet, after checking every
// file against the backup's index; the store goes into place last, so an interrupted restore
// never looks like a whole data folder. open opens the restored store, and every case's
// exhibits are verified before Restore reports success.
func Restore(file, dir string, open func(dir string) (tracker.Store, error)) (BackedUp, error) {
	a, err := bundle.Open(file, backupLimits)
	if err != nil {
		return BackedUp{}, err
	}
	defer a.Close()
	var idx backupIndex
	if err := a.Index(&idx); err != nil {
		return BackedUp{}, err
	}
	if idx.Format != backupFormat {
		return BackedUp{}, tracker.Invalid(file, "is a %q archive, not a ProofPack backup", idx.Format)
	}
	if ents, err := os.ReadDir(dir); err == nil && len(ents) > 0 {
		return BackedUp{}, tracker.Invalid("--data", "%s is not empty: restore into a new folder", dir)
	} else if err != nil && !os.IsNotExist(err) {
		return BackedUp{}, tracker.Invalid("--data", "cannot use %s: %v", dir, err)
	}
	findings, err := a.Check()
	if err != nil {
		return BackedUp{}, err
	}
	if len(findings) > 0 {
		return BackedUp{}, &tracker.Error{Kind: tracker.KindCorrupt, Field: file, Msg: "the backup is damaged, nothing restored: " + findingsText(findings)}
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return BackedUp{}, err
	}
	tmp := filepath.Join(evidence.TempDir(dir), "restore")
	if err := os.MkdirAll(tmp, 0o700); err != nil {
		return BackedUp{}, err
	}
	defer os.RemoveAll(evidence.TempDir(dir))
	if err := a.Extract(tmp); err != nil {
		return BackedUp{}, err
	}
	if _, err := os.Stat(filepath.Join(tmp, "cases")); err == nil {
		if err := os.Rename(filepath.Join(tmp, "cases"), filepath.Join(dir, "cases")); err != nil {
			return BackedUp{}, err
		}
	}
	if err := os.Rename(filepath.Join(tmp, storeFile), filepath.Join(dir, storeFile)); err != nil {
		return BackedUp{}, err
	}
	st, err := open(dir)
	if err != nil {
		return BackedUp{}, err
	}
	defer st.Close()
	cases, err := st.Cases()
	if err != nil {
		return BackedUp{}, err
	}
	res := BackedUp{File: file, Cases: len(cases), Files: len(idx.Files)}
	for _, c := range cases {
		rep, err := evidence.Verify(st, dir, c.ID)
		if err != nil {
			return res, err
		}
		if !rep.OK() {
			return res, &tracker.Error{Kind: tracker.KindCorrupt, Field: file, Msg: "restored, but " + rep.Summary()}
		}
		res.Exhibits += rep.Files
	}
	return res, nil
}
