package tracker

import (
	"io"
	"time"
)

// Store keeps cases, exhibit records and settings. Implementations must make each call atomic:
// a failed call changes nothing.
type Store interface {
	// AddCase validates c, gives it an ID and its created/updated times, and saves it.
	AddCase(c Case) (Case, error)
	// Case returns one case, or an error of kind NotFound.
	Case(id string) (Case, error)
	// Cases returns every case, oldest first.
	Cases() ([]Case, error)
	// Rows returns every case's list row with its kept summary, oldest first.
	Rows() ([]Row, error)
	// Row returns one case's list row (without its kept summary), or an error of kind NotFound.
	Row(id string) (Row, error)
	// KeepSummaries keeps each summary with its case's row, unless the case was saved again or
	// its exhibits changed since (its row's Saved differs) or it was deleted: those are skipped,
	// never an error.
	KeepSummaries(sums []KeptSummary) error
	// Changed returns the IDs of the cases saved since ClearChanged last forgot them, oldest
	// first: the cases whose copies outside the store (case.json) a crash may have left stale.
	Changed() ([]string, error)
	// ClearChanged forgets the given IDs from Changed, once their copies are checked.
	ClearChanged(ids []string) error
	// UpdateCase applies change to the stored case and saves the result if it still validates.
	// If change returns an error nothing is saved.
	UpdateCase(id string, change func(*Case) error) (Case, error)
	// SaveCases saves many cases in one transaction, all or none: a case without an ID is added
	// with a new one; a case with an ID is handed to merge with the stored case, and merge's
	// result replaces it. It returns the saved cases in the order given.
	SaveCases(cases []Case, merge func(stored *Case, imported Case)) ([]Case, error)
	// Snapshot writes a consistent copy of the whole store to w and returns the exhibit records
	// that copy holds, by case ID, so a backup's files match its database.
	Snapshot(w io.Writer) (map[string][]Exhibit, error)
	// DeleteCase removes the case and its exhibit records (not the files: the caller owns those).
	DeleteCase(id string) error
	// CasesWithNumber returns the IDs of the cases that carry this normalised tracking number.
	CasesWithNumber(number string) ([]string, error)
	// AddExhibits hands place the next free exhibit number of the case; place moves the files
	// into their final place and returns their records, which are saved in the same transaction.
	// If place or the save fails, nothing is recorded (place must then leave no file behind).
	AddExhibits(caseID string, place func(next int) ([]Exhibit, error)) ([]Exhibit, error)
	// Exhibits returns the case's exhibit records in number order.
	Exhibits(caseID string) ([]Exhibit, error)
	// ChangeExhibits hands change the case's exhibit records, in number order, to change in
	// place (not their numbers, kinds, paths or hashes) and its exhibit history; the records and
	// the entries change returns, appended to the history with the next sequence numbers, are
	// saved in one transaction. If change or the save fails, nothing is saved.
	ChangeExhibits(caseID string, change func(ex []Exhibit, log []ExhibitChange) ([]ExhibitChange, error)) ([]ExhibitChange, error)
	// ExhibitLog returns the case's exhibit history, oldest first.
	ExhibitLog(caseID string) ([]ExhibitChange, error)
	// Setting reads a setting into v; ok is false when it was never set.
	Setting(key string, v any) (ok bool, err error)
	// SetSetting saves a setting as JSON.
	SetSetting(key string, v any) error
	Close() error
}

// Clock gives "now"; tests and --now fix it so reports are reproducible.
type Clock func() time.Time
