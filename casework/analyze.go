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
	return rules.Analyze(others{s.Store, caseID}, caseID, now, settings)
}

// others hands the rules the other cases that share a number as the rules weigh them (their
// ID, seller and order date), without their events: a number on 10 000 orders then costs
// 10 000 small records, not every order's history held at once.
type others struct {
	tracker.Store
	id string
}

func (o others) Case(id string) (tracker.Case, error) {
	c, err := o.Store.Case(id)
	if id != o.id {
		c = tracker.Case{ID: c.ID, Marketplace: c.Marketplace, OrderNumber: c.OrderNumber, Seller: c.Seller, Ordered: c.Ordered}
	}
	return c, err
}
