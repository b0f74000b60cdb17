package rules

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"testing"

	"proofpack/tracker"
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

// A number shared by thousands of cases names ten of them and counts the rest, so the message
// stays short enough to draw.
func TestReusedNumberMessageStaysShort(t *testing.T) {
	others := make([]tracker.Case, 9999)
	for i := range others {
		others[i] = tracker.Case{ID: strconv.Itoa(i + 2)}
	}
	c := newCase("Kraków", "30-001", "PL", "2026-09-28")
	r := Evaluate(Input{Case: c, Now: at("2026-11-22"), Reused: map[string][]tracker.Case{number: others}}, DefaultSettings())
	for _, f := range r.Flags {
		if f.Code == "reused_number" {
			if len(f.Message) > 300 || !strings.Contains(f.Message, "cases 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 9989 others") {
				t.Errorf("message of %d bytes: %.300s", len(f.Message), f.Message)
			}
			return
		}
	}
	t.Fatalf("no reused_number flag: %+v", r.Flags)
}
