package casework

import (
	"context"

	"proofpack/evidence"
	"proofpack/tracker"
)

// Capture captures the case's tracking pages (the given addresses, else the seller's link and
// the carriers' links) as dated, hashed exhibits and reads their events into the case. It
// returns how many events were new. When the pages are kept but their events cannot be saved,
// it returns what it captured with the error.
func (s *Service) Capture(ctx context.Context, caseID string, urls []string, opt evidence.CaptureOptions, progress func(evidence.Progress)) (evidence.Captured, int, error) {
	if s.Capturer == nil {
		return evidence.Captured{}, 0, &tracker.Error{Kind: tracker.KindInternal, Msg: "no browser is set up to capture pages"}
	}
	return evidence.CaptureTracking(ctx, s.Store, s.Dir, s.Capturer, caseID, urls, opt, progress, s.Now())
}

// AddFiles records the buyer's own files (chats, photos, receipts) as exhibits of the case, each
// with its SHA-256; a missing file or a folder adds nothing and names the file.
func (s *Service) AddFiles(caseID string, paths []string, note string) ([]tracker.Exhibit, error) {
	return evidence.AddFiles(s.Store, s.Dir, caseID, paths, note)
}

// Exhibits returns the case's exhibit records in number order, the removed ones too (marked).
func (s *Service) Exhibits(caseID string) ([]tracker.Exhibit, error) { return s.Store.Exhibits(caseID) }

// Who changes an exhibit, as the exhibit history records it.
const (
	ByWindow      = "window"
	ByCommandLine = "command line"
)

// DescribeExhibit gives exhibit no of the case the buyer's description, which titles it in the
// packet; the old and new words go into the case's exhibit history with the service's time.
// by is ByWindow or ByCommandLine. Errors name the field: "exhibit" (no such exhibit, or
// removed), "description" (empty, too long, control characters).
func (s *Service) DescribeExhibit(caseID string, no int, text, by string) (tracker.ExhibitChange, error) {
	return evidence.Describe(s.Store, s.Dir, caseID, no, text, by, s.Now())
}

// RemoveExhibit withdraws exhibit no of the case, with the buyer's reason ("" for none): its
// files stay, hashed and verified, and the removal is kept in the exhibit history; the packet
// and the findings no longer rely on it. Errors name "exhibit" or "reason".
func (s *Service) RemoveExhibit(caseID string, no int, reason, by string) (tracker.ExhibitChange, error) {
	return evidence.Remove(s.Store, s.Dir, caseID, no, reason, by, s.Now())
}

// EventsReadFrom counts the case's tracking events read from exhibit no: after a removal they
// stay, citing no exhibit, and the buyer is told so.
func (s *Service) EventsReadFrom(caseID string, no int) int {
	c, err := s.Store.Case(caseID)
	if err != nil {
		return 0
	}
	n := 0
	for _, sh := range c.Shipments {
		for _, e := range sh.Events {
			if e.Exhibit == no {
				n++
			}
		}
	}
	return n
}

// ExhibitHistory returns the case's exhibit history, oldest first.
func (s *Service) ExhibitHistory(caseID string) ([]tracker.ExhibitChange, error) {
	return s.Store.ExhibitLog(caseID)
}

// Verified is what Verify found: one report per case and, when every case was checked, what
// the cases folder holds that is no case's.
type Verified struct {
	Cases  []evidence.Report
	Folder []evidence.Problem
}

// Bad counts the problems found.
func (v Verified) Bad() int {
	n := len(v.Folder)
	for _, r := range v.Cases {
		n += len(r.Problems)
	}
	return n
}

// Verify re-hashes the exhibit files of the given cases, or of every case and the cases folder
// itself when none is given.
func (s *Service) Verify(ids ...string) (Verified, error) {
	v := Verified{Cases: []evidence.Report{}, Folder: []evidence.Problem{}}
	if len(ids) == 0 {
		var err error
		if v.Folder, err = evidence.VerifyFolder(s.Store, s.Dir); err != nil {
			return v, err
		}
		cases, err := s.Store.Cases()
		if err != nil {
			return v, err
		}
		for _, c := range cases {
			ids = append(ids, c.ID)
		}
	}
	for _, id := range ids {
		r, err := evidence.Verify(s.Store, s.Dir, id)
		if err != nil {
			return v, err
		}
		v.Cases = append(v.Cases, r)
	}
	return v, nil
}
