package casework

import (
	"path/filepath"
	"testing"
	"time"

	"proofpack/tracker"
	"proofpack/tracker/boltstore"
	"proofpack/tracker/deadlines"
	"proofpack/tracker/storetest"
)

func service(t *testing.T, today string) *Service {
	t.Helper()
	st, err := boltstore.Open(filepath.Join(t.TempDir(), "proofpack.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	d, _ := tracker.ParseDate(today)
	now := d.In(time.UTC).Add(12 * time.Hour)
	return &Service{Store: st, Clock: func() time.Time { return now }}
}

func add(t *testing.T, s *Service, order, number, ordered, promised string) tracker.Case {
	c := storetest.Sample(order, number)
	c.Marketplace, c.Payment = "aliexpress", "card"
	c.Ordered, _ = tracker.ParseDate(ordered)
	c.Shipped = c.Ordered
	c.Promised, _ = tracker.ParseDate(promised)
	c, err := s.Store.AddCase(c)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestRemindersAcrossCasesAndSteps(t *testing.T) {
	s := service(t, "2026-11-04")
	late := add(t, s, "1", "RR123456785CN", "2026-09-01", "2026-11-01")
	early := add(t, s, "2", "RB123456785GB", "2026-08-20", "2026-10-01")
	rs, err := s.Reminders()
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 4 || rs[0].CaseID != early.ID || rs[0].Kind != deadlines.KindOpenDispute || rs[1].CaseID != late.ID {
		t.Fatalf("earliest first across cases: %+v", rs)
	}
	for i := 1; i < len(rs); i++ {
		if rs[i].Due.Before(rs[i-1].Due) {
			t.Errorf("not sorted: %+v", rs)
		}
	}

	day := func(s string) tracker.Date { d, _ := tracker.ParseDate(s); return d }
	if _, err := s.RecordStep(late.ID, "refund_received", day("2026-11-05")); tracker.FieldOf(err) != "refund_received" {
		t.Errorf("a refund tomorrow: %v", err)
	}
	if _, err := s.RecordStep(late.ID, "won", day("2026-11-02")); tracker.KindOf(err) != tracker.KindInvalid {
		t.Errorf("an unknown step: %v", err)
	}
	if _, err := s.RecordStep(late.ID, "dispute_opened", day("2026-11-03")); err != nil {
		t.Fatal(err)
	}
	tl, err := s.Timeline(late.ID)
	if err != nil || tl.Stage != deadlines.DisputeOpen || tl.Next == nil || tl.Next.Kind != deadlines.KindEscalate {
		t.Errorf("after recording the dispute: %+v %v", tl, err)
	}
	if _, err := s.RecordStep(late.ID, "refund_received", day("2026-11-04")); err != nil {
		t.Fatal(err)
	}
	if rs, _ := s.Reminders(); len(rs) != 2 || rs[0].CaseID != early.ID {
		t.Errorf("a closed case drops out: %+v", rs)
	}
}
