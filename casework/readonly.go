package casework

import "proofpack/tracker"

// ReadOnly wraps a store so that every change is refused with words a reviewer understands:
// an exported case opened for review must show what it holds and nothing else. Reading and
// Snapshot pass through.
func ReadOnly(st tracker.Store) tracker.Store { return readOnly{st} }

type readOnly struct{ tracker.Store }

func errReadOnly() error {
	return &tracker.Error{Kind: tracker.KindInvalid, Field: "review",
		Msg: "this case is open read-only for review: import it into your cases to change it"}
}

func (readOnly) AddCase(tracker.Case) (tracker.Case, error) { return tracker.Case{}, errReadOnly() }
func (readOnly) UpdateCase(string, func(*tracker.Case) error) (tracker.Case, error) {
	return tracker.Case{}, errReadOnly()
}
func (readOnly) DeleteCase(string) error { return errReadOnly() }
func (readOnly) SaveCases([]tracker.Case, func(*tracker.Case, tracker.Case)) ([]tracker.Case, error) {
	return nil, errReadOnly()
}
func (readOnly) AddExhibits(string, func(int) ([]tracker.Exhibit, error)) ([]tracker.Exhibit, error) {
	return nil, errReadOnly()
}
func (readOnly) ChangeExhibits(string, func([]tracker.Exhibit, []tracker.ExhibitChange) ([]tracker.ExhibitChange, error)) ([]tracker.ExhibitChange, error) {
	return nil, errReadOnly()
}
func (readOnly) SetSetting(string, any) error { return errReadOnly() }

// KeepSummaries keeps nothing in a case opened for review: its few summaries are computed again.
func (readOnly) KeepSummaries([]tracker.KeptSummary) error { return nil }
