package tracker

import (
	"encoding/json"
	"testing"
)

// The plain "YYYY-MM-DD" is read without the general parser: it must agree with it.
func TestDateJSON(t *testing.T) {
	for _, s := range []string{"2026-09-01", "2024-02-29", "0999-12-31", ""} {
		var d Date
		if err := json.Unmarshal([]byte(`"`+s+`"`), &d); err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		if d.String() != s {
			t.Errorf("%q read as %q", s, d)
		}
		if b, _ := json.Marshal(d); string(b) != `"`+s+`"` {
			t.Errorf("%q written as %s", s, b)
		}
	}
	for _, s := range []string{"2026-04-31", "2025-02-29", "2026-13-01", "2026-00-10", "2026-1-01", "20x6-01-01", "2026-09-01T10:00:00+02:00x"} {
		var d Date
		if err := json.Unmarshal([]byte(`"`+s+`"`), &d); err == nil {
			t.Errorf("%q read as %v, want an error", s, d)
		}
	}
	var d Date
	if err := json.Unmarshal([]byte(`"2026-09-01T23:30:00-05:00"`), &d); err != nil || d.String() != "2026-09-01" {
		t.Errorf("an RFC 3339 time read as %v (%v)", d, err)
	}
}
