package casework

import (
	"slices"
	"strings"

	"proofpack/tracker"
)

// Preferences are the buyer's standing choices: the home address and currency a new order
// starts with, and how the window looks and speaks. They live in the store, so a data folder
// carries them.
type Preferences struct {
	City     string `json:"city"`
	Postcode string `json:"postcode"`
	Country  string `json:"country"`  // ISO code, upper case
	Currency string `json:"currency"` // ISO code, upper case
	Language string `json:"language"` // "en", "es", "pt", "ru"; "" follows the system
	Theme    string `json:"theme"`    // ThemeLight, ThemeDark, or "" to follow the system
}

// The themes Preferences.Theme takes; "" follows the system.
const (
	ThemeLight = "light"
	ThemeDark  = "dark"
)

// Languages the window speaks.
var Languages = []string{"en", "es", "pt", "ru"}

// PreferencesKey is the store setting that holds Preferences as JSON.
const PreferencesKey = "preferences"

// Preferences returns the stored preferences; none stored is the zero value.
func (s *Service) Preferences() (Preferences, error) {
	var p Preferences
	_, err := s.Store.Setting(PreferencesKey, &p)
	return p, err
}

// SavePreferences checks and stores the preferences. Empty fields are allowed (nothing to
// prefill); a country, currency, language or theme that is given must be one ProofPack knows.
func (s *Service) SavePreferences(p Preferences) error {
	p.Country = strings.ToUpper(strings.TrimSpace(p.Country))
	p.Currency = strings.ToUpper(strings.TrimSpace(p.Currency))
	p.City, p.Postcode = strings.TrimSpace(p.City), strings.TrimSpace(p.Postcode)
	switch {
	case p.Country != "" && tracker.CountryName(p.Country) == "":
		return tracker.Invalid("country", "%q is not an ISO 3166 country code like US, BR or PL", p.Country)
	case p.Currency != "" && (len(p.Currency) != 3 || strings.Trim(p.Currency, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != ""):
		return tracker.Invalid("currency", "%q is not a three-letter currency code like USD or EUR", p.Currency)
	case p.Language != "" && !slices.Contains(Languages, p.Language):
		return tracker.Invalid("language", "%q is not one of %s", p.Language, strings.Join(Languages, ", "))
	case p.Theme != "" && p.Theme != ThemeLight && p.Theme != ThemeDark:
		return tracker.Invalid("theme", "%q is not light, dark or empty (follow the system)", p.Theme)
	}
	return s.Store.SetSetting(PreferencesKey, p)
}

// RememberHome keeps the address and currency of c as the defaults for new orders when none
// are set yet: the buyer types them once.
func (s *Service) RememberHome(c tracker.Case) error {
	p, err := s.Preferences()
	if err != nil || p.City != "" || p.Country != "" || p.Currency != "" {
		return err
	}
	p.City, p.Postcode, p.Country, p.Currency = c.Buyer.City, c.Buyer.Postcode, c.Buyer.Country, c.Currency
	return s.SavePreferences(p)
}
