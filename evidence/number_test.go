package evidence_test

import (
	"strings"
	"testing"
	"time"

	"proofpack/evidence"
	"proofpack/tracker"
	"proofpack/tracker/rules"
)

func TestOtherNumber(t *testing.T) {
	const own = "RR876543216CN"
	tests := []struct{ text, want string }{
		{"Tracking number: RR123456785CN\n14/10/2026 10:22 Delivered", "RR123456785CN"},
		{"rr 123 456 785 cn\n14/10/2026 Delivered", ""},                  // spaced out: not a number we are sure of
		{"Tracking number: RR876543216CN\nLast mile: RR123456785CN", ""}, // names our own number too
		{"Numer: rr876543216cn", ""},                                     // own number, lower case
		{"Numer: RR 8765 4321 6CN", ""},                                  // own number, spaced
		{"Tracking number: RR123456784CN (check digit fails)", ""},
		{"Call 4000633333 or 13712344974; order 8123456789012345", ""},
		{"2026-10-14 10:22 Delivered, SHENZHEN 518000", ""},
		{"USPS 9400111206206406260787 delivered", "9400111206206406260787"},
	}
	for _, tt := range tests {
		if got := evidence.OtherNumber(tt.text, own); got != tt.want {
			t.Errorf("OtherNumber(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// A history pasted for RR876543216CN that names RR123456785CN counts (the buyer chose it, and a
// destination post may print its own number), but the diagnosis asks the buyer to make sure,
// until they confirm.
func TestPastedHistoryOfAnotherNumberAsksTheBuyer(t *testing.T) {
	s, dir, id := newCase(t)
	if _, err := s.UpdateCase(id, func(c *tracker.Case) error {
		c.Shipments = []tracker.Shipment{{Number: "RR876543216CN", Input: "RR876543216CN"}}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 10, 20, 12, 0, 0, 0, time.UTC)
	page := "Tracking number: RR123456785CN\n14/10/2026 10:22 Delivered\tKRAKÓW 31-000\n10/10/2026 09:00 Accepted\tSHENZHEN\n"
	r, err := evidence.AddHistory(s, dir, id, 0, page, now)
	if err != nil {
		t.Fatal(err)
	}
	if r.OtherNumber != "RR123456785CN" || r.Fresh != 2 {
		t.Fatalf("added %+v, want both events and the other number named", r)
	}
	codes := func() (map[string]tracker.Flag, rules.Report) {
		in, err := rules.Load(s, id, now)
		if err != nil {
			t.Fatal(err)
		}
		rep := rules.Evaluate(in, rules.DefaultSettings())
		m := map[string]tracker.Flag{}
		for _, f := range rep.Flags {
			m[f.Code] = f
		}
		return m, rep
	}
	flags, rep := codes()
	f, ok := flags[tracker.FlagExhibitOtherNumber]
	if !ok || f.Severity != tracker.Warning || len(f.Exhibits) != 1 || f.Exhibits[0] != r.Exhibit {
		t.Fatalf("flags %v, want exhibit_other_number citing exhibit %d", rep.Flags, r.Exhibit)
	}
	if !strings.Contains(f.Message, "RR123456785CN") || !strings.Contains(f.Message, "RR876543216CN") || !strings.Contains(f.Action, "--confirm-number") {
		t.Errorf("flag %+v does not name both numbers and how to confirm", f)
	}

	r, err = evidence.AddConfirmedHistory(s, dir, id, 0, page, now)
	if err != nil {
		t.Fatal(err)
	}
	if r.OtherNumber != "" || r.Fresh != 0 {
		t.Fatalf("confirmed: %+v", r)
	}
	flags, rep = codes()
	if _, ok := flags[tracker.FlagExhibitOtherNumber]; ok || rep.Status != tracker.StatusDelivered {
		t.Errorf("after confirming: status %s, flags %v", rep.Status, rep.Flags)
	}
	ex, err := s.Exhibits(id)
	if err != nil || len(ex) != 2 || ex[0].OtherNumber != "RR123456785CN" || ex[0].NumberConfirmed || !ex[1].NumberConfirmed {
		t.Errorf("exhibit records %+v, %v", ex, err)
	}
}
