package rules

import (
	"encoding/json"
	"slices"
	"testing"
)

// jsonSettings keeps settings as JSON, as every store does.
type jsonSettings map[string][]byte

func (j jsonSettings) Setting(key string, v any) (bool, error) {
	b, ok := j[key]
	if !ok {
		return false, nil
	}
	return true, json.Unmarshal(b, v)
}

// A stored holiday list replaces the defaults for that load only: the package's table and the
// next load's defaults stay as published.
func TestLoadSettingsLeavesHolidayTable(t *testing.T) {
	before := slices.Clone(ChinaHolidays)
	src := jsonSettings{SettingsKey: []byte(`{"StalledAfter": 30, "Holidays": [{"Name": "Mine", "From": "2026-03-01", "To": "2026-03-02"}]}`)}
	s, err := LoadSettings(src)
	if err != nil {
		t.Fatal(err)
	}
	if s.StalledAfter != 30 || len(s.Holidays) != 1 || s.Holidays[0].Name != "Mine" {
		t.Fatalf("loaded %+v", s)
	}
	if !slices.Equal(ChinaHolidays, before) {
		t.Fatalf("loading settings changed ChinaHolidays: first is now %+v", ChinaHolidays[0])
	}
	if d := DefaultSettings(); !slices.Equal(d.Holidays, before) {
		t.Fatalf("defaults after a load: %+v", d.Holidays[0])
	}
}
