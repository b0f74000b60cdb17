package main

import (
	"os"
	"path/filepath"

	"proofpack/casework"
	"proofpack/evidence/pdf"
	"proofpack/tracker"
	"proofpack/tracker/boltstore"
	"proofpack/ui"
)

// openReview opens an exported case read-only in the window. The case is unpacked into a
// temporary review folder, removed when the window closes; the buyer's own data folder is
// opened only if they choose to import the case.
func (e *env) openReview(archive, screenshot string) error {
	dir, err := os.MkdirTemp("", "proofpack-review-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	st, err := boltstore.OpenDir(dir)
	if err != nil {
		return err
	}
	defer st.Close()
	chk, _, err := casework.OpenForReview(archive, dir, st)
	if err != nil {
		return err
	}
	title := "ProofPack: review of " + filepath.Base(archive) + " (read-only)"
	svc := &casework.Service{Store: casework.ReadOnly(st), Dir: dir, Packets: pdf.Renderer{}}
	return showCases(title, svc, screenshot, func(u *ui.App) (<-chan struct{}, error) {
		ui.ShowReview(u, archive, chk, func() (tracker.Case, error) {
			svc, err := e.service()
			if err != nil {
				return tracker.Case{}, err
			}
			return svc.ImportArchive(archive)
		})
		return nil, nil
	})
}
