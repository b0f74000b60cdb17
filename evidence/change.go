package evidence

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"proofpack/tracker"
)

// The longest description and removal reason, in characters: a description titles an exhibit
// on one line of the packet; a reason is a sentence or two in its evidence index.
const (
	MaxDescription = 200
	MaxReason      = 500
)

// Describe gives exhibit no of the case the buyer's description, which the packet uses as its
// title, and records the old and new description in the case's exhibit history. by names who
// made the change (the front end) and now is the service's clock.
func Describe(s tracker.Store, dataDir, caseID string, no int, text, by string, now time.Time) (tracker.ExhibitChange, error) {
	now = now.UTC().Truncate(time.Second)
	text = strings.TrimSpace(text)
	if err := CheckDescription(text); err != nil {
		return tracker.ExhibitChange{}, err
	}
	return change(s, dataDir, caseID, no, func(files []*tracker.Exhibit) (tracker.ExhibitChange, error) {
		old := files[0].Described()
		if old == text {
			return tracker.ExhibitChange{}, tracker.Invalid("description", "exhibit %d already has this description", no)
		}
		for _, f := range files {
			f.Description = text
		}
		return tracker.ExhibitChange{At: now, By: by, Exhibit: no, Action: tracker.ExhibitDescribed, Old: old, New: text}, nil
	})
}

// Remove withdraws exhibit no of the case: the packet and the findings no longer rely on it,
// and the removal, with its reason when given, is recorded in the case's exhibit history.
//
// The files stay where they are, under their names, hashed in the manifest and checked by
// Verify: evidence is never lost silently, and a withdrawn file can still be shown to be the
// one that was captured. They are not moved to a subfolder, because a move would be a second
// step a crash could split from the record (a record pointing where no file is), would break
// the names a backup, an export or a reader of an older packet knows them by, and would buy
// nothing: the record's Removed mark already keeps them out. Their number is never reused.
func Remove(s tracker.Store, dataDir, caseID string, no int, reason, by string, now time.Time) (tracker.ExhibitChange, error) {
	now = now.UTC().Truncate(time.Second)
	reason = strings.TrimSpace(reason)
	if err := CheckReason(reason); err != nil {
		return tracker.ExhibitChange{}, err
	}
	return change(s, dataDir, caseID, no, func(files []*tracker.Exhibit) (tracker.ExhibitChange, error) {
		for _, f := range files {
			f.Removed = true
		}
		return tracker.ExhibitChange{At: now, By: by, Exhibit: no, Action: tracker.ExhibitRemoved, Reason: reason}, nil
	})
}

// change applies one change to every file of exhibit no (see changeAll).
func change(s tracker.Store, dataDir, caseID string, no int, apply func([]*tracker.Exhibit) (tracker.ExhibitChange, error)) (tracker.ExhibitChange, error) {
	added, err := changeAll(s, dataDir, caseID, func(ex []tracker.Exhibit, _ []tracker.ExhibitChange) ([]tracker.ExhibitChange, error) {
		var files []*tracker.Exhibit
		for i := range ex {
			if ex[i].No == no {
				files = append(files, &ex[i])
			}
		}
		if len(files) == 0 {
			return nil, &tracker.Error{Kind: tracker.KindNotFound, Field: "exhibit", Msg: fmt.Sprintf("case %s has no exhibit %d", caseID, no)}
		}
		if files[0].Removed {
			return nil, tracker.Invalid("exhibit", "exhibit %d of case %s was already removed; its files and history stay", no, caseID)
		}
		c, err := apply(files)
		if err != nil {
			return nil, err
		}
		return []tracker.ExhibitChange{c}, nil
	})
	if len(added) == 0 {
		return tracker.ExhibitChange{}, err
	}
	return added[0], err
}

// Replay gives a case's exhibit records the descriptions and removals of an exhibit history
// made elsewhere (an exported case being imported) and appends that history as it was, with
// its times and authors, in one transaction: the records' state comes from the history, so
// the two always agree.
func Replay(s tracker.Store, dataDir, caseID string, log []tracker.ExhibitChange) error {
	if len(log) == 0 {
		return nil
	}
	_, err := changeAll(s, dataDir, caseID, func(ex []tracker.Exhibit, _ []tracker.ExhibitChange) ([]tracker.ExhibitChange, error) {
		for _, c := range log {
			for i := range ex {
				if ex[i].No != c.Exhibit {
					continue
				}
				switch c.Action {
				case tracker.ExhibitDescribed:
					ex[i].Description = c.New
				case tracker.ExhibitRemoved:
					ex[i].Removed = true
				}
			}
		}
		return slices.Clone(log), nil
	})
	return err
}

// changeAll runs change in the store's transaction, then rewrites the manifest. A journal in
// TempDir (the one Add keeps) stays until the manifest is written, so that a crash between the
// two has the next start rewrite it (Recover): the case is then either as it was or wholly
// changed, the manifest included.
func changeAll(s tracker.Store, dataDir, caseID string, change func([]tracker.Exhibit, []tracker.ExhibitChange) ([]tracker.ExhibitChange, error)) ([]tracker.ExhibitChange, error) {
	if !validID(caseID) {
		return nil, tracker.NotFound("no case %s", tracker.Quote(caseID))
	}
	if _, err := s.Case(caseID); err != nil {
		return nil, err
	}
	if _, err := caseFolder(dataDir, caseID, true); err != nil {
		return nil, err
	}
	j, err := newAddJournal(dataDir, caseID)
	if err != nil {
		return nil, err
	}
	done := func() {
		j.Close() // Windows removes no open file
		os.Remove(j.Name())
	}
	added, err := s.ChangeExhibits(caseID, change)
	if err != nil {
		done()
		return nil, err
	}
	if err := WriteManifest(s, dataDir, caseID); err != nil {
		j.Close()
		return added, fmt.Errorf("the change is saved but the manifest is not (it is written at the next start): %w", err)
	}
	done()
	return added, nil
}

// CheckDescription says what is wrong with a description (field "description"), or nil: the
// window checks as the buyer types, Describe once more.
func CheckDescription(text string) error {
	if strings.TrimSpace(text) == "" {
		return tracker.Invalid("description", "give the words that say what the exhibit shows")
	}
	return checkWords("description", strings.TrimSpace(text), MaxDescription)
}

// CheckReason says what is wrong with a removal's reason (field "reason"), or nil; it may be empty.
func CheckReason(text string) error { return checkWords("reason", strings.TrimSpace(text), MaxReason) }

// checkWords refuses text the buyer typed that is too long or holds control characters (a
// line break, a tab, an escape): a description and a reason are one line of the packet.
func checkWords(field, text string, limit int) error {
	if !utf8.ValidString(text) {
		return tracker.Invalid(field, "is not valid text (UTF-8)")
	}
	if n := utf8.RuneCountInString(text); n > limit {
		return tracker.Invalid(field, "is %d characters long; keep it to %d", n, limit)
	}
	for _, r := range text {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || unicode.Is(unicode.Bidi_Control, r) {
			return tracker.Invalid(field, "holds a control character (%U, such as a line break or tab): write it on one line", r)
		}
	}
	return nil
}
