package evidence_test

import (
	"testing"
	"time"

	"proofpack/evidence"
	"proofpack/tracker"
	"proofpack/tracker/rules"
)

// The estimated delivery day a pasted page prints is kept on the shipment and reported by the
// diagnosis, and is not an event.
func TestPastedETAIsKeptNotAnEvent(t *testing.T) {
	s, dir, id := newCase(t)
	now := time.Date(2026, 10, 15, 12, 0, 0, 0, time.UTC)
	page := "Відстеження\nОрієнтовна дата доставки\n20.10.2026\n14.10.2026 08:05\tПрийнято у відділенні\tКиїв\n"
	r, err := evidence.AddHistory(s, dir, id, 0, page, now)
	if err != nil {
		t.Fatal(err)
	}
	if r.Fresh != 1 {
		t.Fatalf("%d events, want 1 (the estimate is no event)", r.Fresh)
	}
	in, err := rules.Load(s, id, now)
	if err != nil {
		t.Fatal(err)
	}
	rep := rules.Evaluate(in, rules.DefaultSettings())
	want := tracker.Date{Year: 2026, Month: 10, Day: 20}
	if in.Case.Shipments[0].ETA != want || rep.ETA != want || len(rep.Events) != 1 {
		t.Errorf("shipment ETA %v, report ETA %v, %d events; want %v and 1 event", in.Case.Shipments[0].ETA, rep.ETA, len(rep.Events), want)
	}
}
