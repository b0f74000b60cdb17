package casework

import (
	"path/filepath"
	"strings"
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

// A parcel delivered but not received: marking it dates the follow-ups, each step recorded
// stops its reminder and moves the next step, and a step that cannot be true changes nothing.
func TestFollowUpsOfAParcelNotReceived(t *testing.T) {
	s := service(t, "2026-11-27") // the Friday after Thanksgiving
	c := add(t, s, "1", "RR123456785CN", "2026-10-01", "2026-11-20")
	day := func(s string) tracker.Date { d, _ := tracker.ParseDate(s); return d }
	if _, err := s.RecordFollowUp(c.ID, "pod_requested", tracker.Proof{On: day("2026-11-26")}); tracker.FieldOf(err) != "pod_requested" {
		t.Errorf("a step before the case is marked not received: %v", err)
	}
	c, err := s.SetNotReceived(c.ID, true)
	if err != nil || c.Dispute.NotReceivedOn != day("2026-11-27") {
		t.Fatalf("marked: %+v %v", c.Dispute, err)
	}
	tl, _ := s.Timeline(c.ID)
	if tl.NextStep != "ask the carrier for its proof of delivery (and ask the seller)" || tl.Next == nil || tl.Next.Kind != deadlines.KindAskNeighbours || tl.Next.Due != day("2026-11-29") {
		t.Errorf("after marking: %q, next %+v", tl.NextStep, tl.Next)
	}
	if _, err := s.RecordFollowUp(c.ID, "carrier_claim", tracker.Proof{On: day("2026-11-28"), Ref: "C-1"}); tracker.FieldOf(err) != "carrier_claim" || tracker.KindOf(err) != tracker.KindInvalid {
		t.Errorf("a claim tomorrow: %v", err)
	}
	c, err = s.RecordFollowUp(c.ID, "pod_requested", tracker.Proof{On: day("2026-11-27"), Ref: "USPS case 4471"})
	if err != nil || c.Dispute.PODRequested.Ref != "USPS case 4471" || !c.Dispute.CarrierClaim.IsZero() {
		t.Fatalf("recorded: %+v %v", c.Dispute, err)
	}
	rs, _ := s.Reminders()
	var got []string
	for _, r := range rs {
		if deadlines.IsFollowUp(r.Kind) {
			got = append(got, r.Kind+"@"+r.Due.String())
		}
	}
	if want := "ask_neighbours_by@2026-11-29 carrier_answer_by@2026-12-04 police_report_by@2026-12-04"; strings.Join(got, " ") != want {
		t.Errorf("reminders %v, want %s", got, want)
	}
	if tl, _ := s.Timeline(c.ID); !strings.HasPrefix(tl.NextStep, "wait for the carrier's proof of delivery") || !strings.Contains(tl.StageWords, "asked the carrier for proof of delivery 2026-11-27") {
		t.Errorf("after asking: %q / %q", tl.NextStep, tl.StageWords)
	}
}
