package casework

import (
	"time"

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
	return rules.Analyze(s.Store, caseID, now, settings)
}
