package tracker

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// Date is a calendar day with no time zone: an order date means the same day wherever the buyer
// reads the packet. The zero Date means "not given".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateOf returns the calendar day of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// ParseDate reads YYYY-MM-DD, or an RFC 3339 time whose calendar day (in its own offset) is taken.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return DateOf(t), nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return DateOf(t), nil
	}
	return Date{}, fmt.Errorf("%s is not a date: use YYYY-MM-DD, e.g. 2026-09-01", Quote(s))
}

// IsZero reports whether the date was not given.
func (d Date) IsZero() bool { return d == Date{} }

// String formats the date as YYYY-MM-DD, or "" when not given.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// In returns midnight of the date in loc.
func (d Date) In(loc *time.Location) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, loc)
}

// AddDays returns the date n days later (earlier for negative n).
func (d Date) AddDays(n int) Date { return DateOf(d.In(time.UTC).AddDate(0, 0, n)) }

// Before reports whether d is an earlier day than e.
func (d Date) Before(e Date) bool { return d.In(time.UTC).Before(e.In(time.UTC)) }

// DaysUntil returns the number of days from d to e (negative when e is earlier).
func (d Date) DaysUntil(e Date) int {
	return int(e.In(time.UTC).Sub(d.In(time.UTC)).Hours() / 24)
}

// MarshalJSON writes "YYYY-MM-DD", or "" for the zero date.
func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte(`""`), nil
	}
	if d.Year < 0 || d.Year > 9999 {
		return json.Marshal(d.String())
	}
	return fmt.Appendf(make([]byte, 0, 12), `"%04d-%02d-%02d"`, d.Year, d.Month, d.Day), nil
}

// UnmarshalJSON reads what MarshalJSON writes. The plain "YYYY-MM-DD" it writes is read
// without the general parser: a list of ten thousand cases holds a hundred thousand dates.
func (d *Date) UnmarshalJSON(b []byte) error {
	if string(b) == `""` {
		*d = Date{}
		return nil
	}
	if v, ok := plainDate(b); ok {
		*d = v
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	if s == "" {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// plainDate reads "YYYY-MM-DD" with its quotes, when it is a real day.
func plainDate(b []byte) (Date, bool) {
	if len(b) != 12 || b[0] != '"' || b[5] != '-' || b[8] != '-' || b[11] != '"' {
		return Date{}, false
	}
	n := func(p []byte) int {
		v := 0
		for _, c := range p {
			if c < '0' || c > '9' {
				return -1
			}
			v = v*10 + int(c-'0')
		}
		return v
	}
	y, m, day := n(b[1:5]), n(b[6:8]), n(b[9:11])
	if y < 0 || m < 1 || m > 12 || day < 1 || day > 31 {
		return Date{}, false
	}
	d := Date{y, time.Month(m), day}
	return d, DateOf(d.In(time.UTC)) == d // not 31 April
}
