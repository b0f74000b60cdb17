package rules

import (
	"slices"
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
// other cases that carry it.
func Load(src Source, id string, now time.Time) (Input, error) {
	c, err := src.Case(id)
	if err != nil {
		return Input{}, err
	}
	ex, err := src.Exhibits(id)
	if err != nil {
		return Input{}, err
	}
	in := Input{Case: c, Exhibits: ex, Reused: map[string][]string{}, Now: now}
	for _, n := range c.Numbers() {
		ids, err := src.CasesWithNumber(n)
		if err != nil {
			return Input{}, err
		}
		ids = slices.DeleteFunc(slices.Clone(ids), func(other string) bool { return other == id })
		if len(ids) > 0 {
			in.Reused[n] = ids
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
