package rules

import "slices"

// Settings are the waits the rules allow before they speak, in calendar days.
type Settings struct {
	// OnlineGrace is how long a new number may show no events, counted from the shipping date
	// (else the order date), and how long "label created" may last before "not shipped".
	// Sellers' own help pages say tracking can take up to 15 days to appear.
	OnlineGrace int
	// StalledAfter is how long a parcel in transit may go without a new event. Postal items
	// between export and import scans commonly go one to two weeks without one.
	StalledAfter int
	// Holidays stretch both waits when they fall inside them.
	Holidays []Holiday
}

// DefaultSettings are the waits ProofPack uses unless the buyer changes them. The holidays are a
// copy: a stored override decoded into them must not write into the package's table.
func DefaultSettings() Settings {
	return Settings{OnlineGrace: 15, StalledAfter: 20, Holidays: slices.Clone(ChinaHolidays)}
}

// SettingsKey is the store setting that overrides DefaultSettings, as JSON of Settings.
const SettingsKey = "rules"

// SettingsStore is the part of tracker.Store that keeps settings.
type SettingsStore interface {
	Setting(key string, v any) (bool, error)
}

// LoadSettings returns the defaults with the buyer's stored overrides applied.
func LoadSettings(src SettingsStore) (Settings, error) {
	s := DefaultSettings()
	if _, err := src.Setting(SettingsKey, &s); err != nil {
		return DefaultSettings(), err
	}
	return s, nil
}
