package rules

import (
	"time"

	"proofpack/tracker"
)

// Source is the part of tracker.Store the rules read.
type Source interface {
	Case(id string) (tracker.Case, error)
	Exhibits(caseID string) ([]tracker.Exhibit, error)
	CasesWithNumber(number string) ([]string, error)
}

// Load gathers a case's Input from the store: the case, its exhibits and, per number, the
// other cases that carry it (whose seller and order date tell a combined shipment from a reused
// number). A case the index names but the store no longer holds is kept by its ID alone.
func Load(src Source, id string, now time.Time) (Input, error) {
	c, err := src.Case(id)
	if err != nil {
		return Input{}, err
	}
	ex, err := src.Exhibits(id)
	if err != nil {
		return Input{}, err
	}
	in := Input{Case: c, Exhibits: ex, Reused: map[string][]tracker.Case{}, Now: now}
	for _, n := range c.Numbers() {
		ids, err := src.CasesWithNumber(n)
		if err != nil {
			return Input{}, err
		}
		for _, other := range ids {
			if other == id {
				continue
			}
			oc, err := src.Case(other)
			if tracker.KindOf(err) == tracker.KindNotFound {
				oc, err = tracker.Case{ID: other}, nil
			}
			if err != nil {
				return Input{}, err
			}
			in.Reused[n] = append(in.Reused[n], oc)
		}
	}
	return in, nil
}

// Analyze loads a case and evaluates it: the one call the command line and the window share.
func Analyze(src Source, id string, now time.Time, s Settings) (Report, error) {
	in, err := Load(src, id, now)
	if err != nil {
		return Report{}, err
	}
	return Evaluate(in, s), nil
}
