package evidence_test

import (
	"strings"
	"testing"
	"time"

	"proofpack/evidence"
	"proofpack/tracker"
)

// TestEventsStayWithTheirNumber: a captured page of the parcel's former number adds its events
// under that number, and the packet's cover and timeline name both numbers.
func TestEventsStayWithTheirNumber(t *testing.T) {
	s, _, id := newCase(t) // shipment LP00123456789012
	if _, err := s.UpdateCase(id, func(c *tracker.Case) error {
		return c.SetShipments([]tracker.Shipment{{Number: "RR204873517PL", Input: "RR204873517PL"}})
	}); err != nil {
		t.Fatal(err)
	}
	c, _ := s.Case(id)
	page := "2026-10-03 09:05:47 Shenzhen Accepted by the carrier\n2026-10-04 18:20:11 Shenzhen Departed the sorting center\n"
	targets := evidence.Targets(c, []string{"https://global.cainiao.com/detail.htm?mailNoList=LP00123456789012"})
	if len(targets) != 1 || targets[0].Shipment != 0 || targets[0].Number != "LP00123456789012" {
		t.Fatalf("targets = %+v", targets)
	}
	got := evidence.Captured{Pages: []evidence.Result{{Page: evidence.Page{URL: targets[0].URL, No: 1}, Text: page}}}
	fresh, err := evidence.MergeEvents(s, id, got, targets, time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC))
	if err != nil || fresh != 2 {
		t.Fatalf("MergeEvents = %d, %v", fresh, err)
	}
	c, _ = s.Case(id)
	sh := c.Shipments[0]
	if sh.Number != "RR204873517PL" || len(sh.Events) != 2 || sh.NumberOf(sh.Events[0]) != "LP00123456789012" {
		t.Fatalf("shipment after the capture: %+v", sh)
	}
	p := evidence.NewPacket(c, nil, nil, time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), evidence.PacketOptions{})
	var numbers []string
	for _, l := range p.Cover.Tracking {
		numbers = append(numbers, l.Number+" "+l.Carrier)
	}
	if len(numbers) != 2 || !strings.HasPrefix(numbers[1], "LP00123456789012 earlier number of RR204873517PL") {
		t.Errorf("cover tracking lines = %q", numbers)
	}
	events := 0
	for _, r := range p.Timeline {
		if strings.HasPrefix(r.What, "LP00123456789012: ") {
			events++
		}
	}
	if events != 2 {
		t.Errorf("%d timeline rows name the former number, want 2: %+v", events, p.Timeline)
	}
}
