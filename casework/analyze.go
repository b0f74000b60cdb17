package casework

import (
	"time"

	"proofpack/tracker"

	"proofpack/tracker/rules"
)

// Settings are the rules' waits with the buyer's stored overrides.
func (s *Service) Settings() (rules.Settings, error) { return rules.LoadSettings(s.Store) }

// SaveSettings stores the rules' waits; the next Analyze uses them.
func (s *Service) SaveSettings(r rules.Settings) error {
	return s.Store.SetSetting(rules.SettingsKey, r)
}

// Analyze diagnoses a stored case today, with the stored settings.
func (s *Service) Analyze(caseID string) (rules.Report, error) { return s.AnalyzeAt(caseID, s.Now()) }

// AnalyzeAt diagnoses a stored case as of now, with the stored settings.
func (s *Service) AnalyzeAt(caseID string, now time.Time) (rules.Report, error) {
	settings, err := s.Settings()
	if err != nil {
		return rules.Report{}, err
	}
	return rules.Analyze(&others{Store: s.Store, id: caseID}, caseID, now, settings)
}

// others hands the rules the other cases that share a number as the rules weigh them (their
// ID, seller and order date), from their list rows: a number on 10 000 orders then costs
// 10 000 short rows, not every order's history decoded.
type others struct {
	tracker.Store
	id string
	// all holds every row once a number is shared by more than manyOthers cases: one pass
	// over the rows costs less than that many lookups.
	all map[string]tracker.Row
}

const manyOthers = 64

func (o *others) CasesWithNumber(number string) ([]string, error) {
	ids, err := o.Store.CasesWithNumber(number)
	if err != nil || len(ids) <= manyOthers || o.all != nil {
		return ids, err
	}
	rows, err := o.Store.Rows()
	if err != nil {
		return nil, err
	}
	o.all = make(map[string]tracker.Row, len(rows))
	for _, r := range rows {
		o.all[r.ID] = r
	}
	return ids, nil
}

func (o *others) Case(id string) (tracker.Case, error) {
	if id == o.id {
		return o.Store.Case(id)
	}
	if r, ok := o.all[id]; ok {
		return r.Case(), nil
	}
	r, err := o.Store.Row(id)
	return r.Case(), err
}
