package rules

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"proofpack/tracker"
	"proofpack/tracker/history"
	"proofpack/tracker/history/historytest"
)

const number = "RR123456785CN"

// caseLevel are the codes this package raises itself; the carrier's number-level flags are
// tested in tracker/carrier.
var caseLevel = []string{
	tracker.FlagNotYetOnline, tracker.FlagProvisionalNumber, tracker.FlagNotShipped, tracker.FlagStalled,
	tracker.FlagDeliveredElsewhere, tracker.FlagDeliveredBeforeOrder, tracker.FlagReusedNumber, tracker.FlagCombinedShipment,
}

func date(s string) tracker.Date {
	d, err := tracker.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func at(s string) time.Time { return date(s).In(time.UTC).Add(12 * time.Hour) }

func newCase(city, postcode, country string, ordered string, events ...tracker.Event) tracker.Case {
	return tracker.Case{
		ID: "7", Ordered: date(ordered),
		Buyer:     tracker.Address{City: city, Postcode: postcode, Country: country},
		Shipments: []tracker.Shipment{{Number: number, Input: number, Events: events}},
	}
}

func ev(when string, st tracker.Status, place string) tracker.Event {
	t, err := time.Parse("2006-01-02 15:04", when)
	if err != nil {
		panic(err)
	}
	return tracker.Event{Time: t, Status: st, Place: place, Description: string(st), Exhibit: 2}
}

func codes(r Report) []string {
	var out []string
	for _, f := range r.Flags {
		if slices.Contains(caseLevel, f.Code) {
			out = append(out, f.Code)
		}
	}
	return out
}

func TestFixtures(t *testing.T) {
	for _, f := range historytest.Load(t, historytest.Dir) {
		t.Run(f.Name, func(t *testing.T) {
			p, err := history.Parse(f.Page, history.Options{})
			if err != nil {
				t.Fatal(err)
			}
			for i := range p.Events {
				p.Events[i].Exhibit = 1
			}
			b := f.Buyer
			c := newCase(b[0], b[1], b[2], b[3], p.Events...)
			ex := []tracker.Exhibit{{No: 1, Kind: "history", Note: "Tracking history pasted for " + number}}
			r := Evaluate(Input{Case: c, Exhibits: ex, Now: at(b[4])}, DefaultSettings())
			if got := codes(r); strings.Join(got, " ") != strings.Join(f.Flags, " ") {
				t.Errorf("flags %v, want %v", got, f.Flags)
			}
			for _, fl := range r.Flags {
				if slices.Contains(caseLevel, fl.Code) && !slices.Equal(fl.Exhibits, []int{1}) {
					t.Errorf("%s: exhibits %v, want [1]", fl.Code, fl.Exhibits)
				}
			}
		})
	}
}

func TestRules(t *testing.T) {
	austin := func(ordered string, evs ...tracker.Event) tracker.Case {
		return newCase("Austin", "78701", "US", ordered, evs...)
	}
	shipped := func(c tracker.Case, d string) tracker.Case { c.Shipped = date(d); return c }
	promised := func(c tracker.Case, d string) tracker.Case { c.Promised = date(d); return c }
	tests := []struct {
		name   string
		c      tracker.Case
		reused []string
		now    string
		want   []string
	}{
		{"no events inside the grace period", austin("2026-09-01"), nil, "2026-09-15", []string{"not_yet_online"}},
		{"no events after the grace period", austin("2026-09-01"), nil, "2026-09-17", []string{"provisional_number"}},
		{"grace counts from the shipping date", shipped(austin("2026-09-01"), "2026-09-10"), nil, "2026-09-20", []string{"not_yet_online"}},
		{"promised date passed", promised(austin("2026-09-01"), "2026-09-05"), nil, "2026-09-08", []string{"provisional_number"}},
		{"Golden Week stretches the grace", shipped(austin("2026-09-20"), "2026-09-25"), nil, "2026-10-15", []string{"not_yet_online"}},
		{"without Golden Week the same day is late", shipped(austin("2026-06-20"), "2026-06-25"), nil, "2026-07-15", []string{"provisional_number"}},
		{"Spring Festival stretches the grace", austin("2026-02-10"), nil, "2026-03-01", []string{"not_yet_online"}},
		{"label only, inside grace", austin("2026-09-01", ev("2026-09-02 10:00", tracker.StatusInfoReceived, "")), nil, "2026-09-10", nil},
		{"label only, past grace", austin("2026-09-01", ev("2026-09-02 10:00", tracker.StatusInfoReceived, "")), nil, "2026-09-20", []string{"not_shipped"}},
		{"moving, 19 days quiet", austin("2026-06-01", ev("2026-06-10 10:00", tracker.StatusInTransit, "Shenzhen")), nil, "2026-06-29", nil},
		{"moving, 21 days quiet", austin("2026-06-01", ev("2026-06-10 10:00", tracker.StatusInTransit, "Shenzhen")), nil, "2026-07-01", []string{"stalled"}},
		{"quiet over Golden Week is not stalled yet", austin("2026-09-01", ev("2026-09-25 10:00", tracker.StatusInTransit, "Shenzhen")), nil, "2026-10-20", nil},
		{"waiting at the pickup office is not stalled", austin("2026-06-01", ev("2026-06-10 10:00", tracker.StatusPickup, "AUSTIN, TX")), nil, "2026-08-01", nil},
		{"delivered at home", austin("2026-09-01", ev("2026-09-12 10:00", tracker.StatusDelivered, "AUSTIN, TX 78701")), nil, "2026-09-20", nil},
		{"delivered at home, other ZIP", austin("2026-09-01", ev("2026-09-12 10:00", tracker.StatusDelivered, "AUSTIN, TX 78745")), nil, "2026-09-20", nil},
		{"delivered, no place", austin("2026-09-01", ev("2026-09-12 10:00", tracker.StatusDelivered, "")), nil, "2026-09-20", nil},
		{"delivered at home, Saint spelled out", newCase("St. Louis", "63110", "US", "2026-09-01",
			ev("2026-09-12 10:00", tracker.StatusDelivered, "SAINT LOUIS, MO 63103")), nil, "2026-09-20", nil},
		{"delivered in another city", austin("2026-09-01", ev("2026-09-12 10:00", tracker.StatusDelivered, "DENVER, CO 80202")), nil, "2026-09-20", []string{"delivered_elsewhere"}},
		{"one delivery line at home clears another", austin("2026-09-01",
			ev("2026-09-12 10:00", tracker.StatusDelivered, "AUSTIN, TX 78701"),
			ev("2026-09-12 10:00", tracker.StatusDelivered, "AUSTIN TX DISTRIBUTION CENTER DALLAS")), nil, "2026-09-20", nil},
		{"delivered before the order", austin("2026-09-01", ev("2026-03-03 10:00", tracker.StatusDelivered, "AUSTIN, TX 78701")), nil, "2026-09-20", []string{"delivered_before_order"}},
		{"delivered before the shipping date", shipped(austin("2026-09-01", ev("2026-09-02 10:00", tracker.StatusDelivered, "AUSTIN, TX")), "2026-09-05"), nil, "2026-09-20", []string{"delivered_before_order"}},
		{"reused number", austin("2026-09-01", ev("2026-09-12 10:00", tracker.StatusDelivered, "AUSTIN, TX")), []string{"3"}, "2026-09-20", []string{"reused_number"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := Input{Case: tt.c, Now: at(tt.now), Reused: map[string][]tracker.Case{}}
			for _, id := range tt.reused {
				in.Reused[number] = append(in.Reused[number], tracker.Case{ID: id})
			}
			r := Evaluate(in, DefaultSettings())
			if got := codes(r); !slices.Equal(got, tt.want) {
				t.Errorf("flags %v, want %v", got, tt.want)
			}
			for _, f := range r.Flags {
				if f.Message == "" || f.Action == "" || f.Exhibits == nil {
					t.Errorf("%s: message %q, action %q, exhibits %v: all must be set", f.Code, f.Message, f.Action, f.Exhibits)
				}
			}
		})
	}
}

func TestFlagsCiteProof(t *testing.T) {
	c := newCase("Austin", "78701", "US", "2026-09-01", ev("2026-09-12 10:00", tracker.StatusDelivered, "DENVER, CO 80202"))
	r := Evaluate(Input{Case: c, Now: at("2026-09-20")}, DefaultSettings())
	f := r.Flags[0]
	if f.Code != tracker.FlagDeliveredElsewhere || f.Severity != tracker.Critical {
		t.Fatalf("first flag %+v, want critical delivered_elsewhere", f)
	}
	if !slices.Equal(f.Exhibits, []int{2}) || !strings.Contains(f.Action, "attach exhibit 2") || !strings.Contains(f.Message, "DENVER") {
		t.Errorf("flag does not cite its proof: %+v", f)
	}

	empty := newCase("Austin", "78701", "US", "2026-08-01")
	ex := []tracker.Exhibit{
		{No: 1, Kind: "screenshot", URL: "https://t.17track.net/en#nums=" + number},
		{No: 2, Kind: "file", Note: "seller chat about " + number},
		{No: 3, Kind: "history", Note: "Tracking history pasted for LX000000000CN"},
	}
	r = Evaluate(Input{Case: empty, Exhibits: ex, Now: at("2026-09-20")}, DefaultSettings())
	if f := r.Flags[0]; f.Code != tracker.FlagProvisionalNumber || !slices.Equal(f.Exhibits, []int{1}) {
		t.Errorf("provisional_number should cite the capture of this number only: %+v", f)
	}
}

func TestStatus(t *testing.T) {
	c := newCase("Austin", "78701", "US", "2026-09-01",
		ev("2026-09-05 10:00", tracker.StatusInTransit, ""),
		ev("2026-09-12 10:00", tracker.StatusDelivered, "AUSTIN, TX"),
		tracker.Event{Unparsed: true, Description: "31/02/2026", Status: tracker.StatusException})
	c.Shipments = append(c.Shipments, tracker.Shipment{Number: "LX000000000CN", Events: []tracker.Event{ev("2026-09-08 10:00", tracker.StatusOutForDelivery, "")}})
	r := Evaluate(Input{Case: c, Now: at("2026-09-20")}, DefaultSettings())
	if r.Status != tracker.StatusDelivered || r.CaseID != "7" {
		t.Errorf("status %s of case %q, want delivered of 7", r.Status, r.CaseID)
	}
	var order []string
	for _, e := range r.Events {
		order = append(order, string(e.Status))
	}
	if got := strings.Join(order, " "); got != "delivered out_for_delivery in_transit exception" {
		t.Errorf("events in order %s", got)
	}
	if r := Evaluate(Input{Case: newCase("Austin", "", "US", "2026-09-01"), Now: at("2026-09-02")}, DefaultSettings()); r.Status != tracker.StatusNotFound {
		t.Errorf("no events: status %s, want not_found", r.Status)
	}
}

func TestDeadline(t *testing.T) {
	tests := []struct {
		start string
		days  int
		want  string
		hols  int
	}{
		{"2026-06-01", 15, "2026-06-16", 0},
		{"2026-09-25", 15, "2026-10-20", 1}, // Oct 1-7 plus 3 days backlog
		{"2026-02-10", 15, "2026-03-13", 1}, // Feb 15-23 plus 7 days backlog
		{"2027-01-30", 15, "2027-03-05", 1}, // projected: Feb 3-21 (19 days) with margins
	}
	for _, tt := range tests {
		got, hs := deadline(date(tt.start), tt.days, ChinaHolidays)
		if got.String() != tt.want || len(hs) != tt.hols {
			t.Errorf("deadline(%s, %d) = %s with %d holidays, want %s with %d", tt.start, tt.days, got, len(hs), tt.want, tt.hols)
		}
	}
}

func TestHolidayTableIsOrderedAndSane(t *testing.T) {
	for i, h := range ChinaHolidays {
		if h.To.Before(h.From) || h.From.DaysUntil(h.To) > 10 {
			t.Errorf("%s: %s to %s", h.Name, h.From, h.To)
		}
		if i > 0 && !ChinaHolidays[i-1].To.Before(h.From) {
			t.Errorf("%s overlaps or precedes %s", h.Name, ChinaHolidays[i-1].Name)
		}
		if h.Official != (h.From.Year <= 2026) {
			t.Errorf("%s: official %v, but only notices up to 2026 are published", h.Name, h.Official)
		}
	}
}

// fakeSource is a store with one case whose number is also on case 9.
type fakeSource struct{ c tracker.Case }

func (f fakeSource) Case(id string) (tracker.Case, error) {
	if id != f.c.ID {
		return tracker.Case{}, tracker.NotFound("no case %s", id)
	}
	return f.c, nil
}
func (f fakeSource) Exhibits(string) ([]tracker.Exhibit, error) {
	return []tracker.Exhibit{{No: 4, Kind: "history", Note: number}}, nil
}
func (f fakeSource) CasesWithNumber(n string) ([]string, error) { return []string{f.c.ID, "9"}, nil }

// Orders of one seller a few weeks apart often travel as one parcel under one number: that is a
// combined shipment (info, the cases named), not a reused number. Another seller, orders months
// apart, or a case the store no longer knows stay reused_number.
func TestCombinedShipment(t *testing.T) {
	me := newCase("Austin", "78701", "US", "2026-09-01")
	me.Seller = "Shenzhen Gadget Store"
	other := func(id, seller, ordered string) tracker.Case {
		c := tracker.Case{ID: id, Seller: seller}
		if ordered != "" {
			c.Ordered = date(ordered)
		}
		return c
	}
	tests := []struct {
		name   string
		others []tracker.Case
		want   []string
		names  string
	}{
		{"same seller, 10 days later", []tracker.Case{other("8", "shenzhen gadget store ", "2026-09-11")}, []string{"combined_shipment"}, "8"},
		{"same seller, 45 days earlier", []tracker.Case{other("8", "Shenzhen Gadget Store", "2026-07-18")}, []string{"combined_shipment"}, "8"},
		{"same seller, months apart", []tracker.Case{other("8", "Shenzhen Gadget Store", "2026-03-01")}, []string{"reused_number"}, "8"},
		{"another seller", []tracker.Case{other("8", "Other Shop", "2026-09-02")}, []string{"reused_number"}, "8"},
		{"unknown order date", []tracker.Case{other("8", "Shenzhen Gadget Store", "")}, []string{"reused_number"}, "8"},
		{"one combined, one reused", []tracker.Case{other("8", "Shenzhen Gadget Store", "2026-09-03"), other("9", "Other Shop", "2026-09-03")},
			[]string{"reused_number", "combined_shipment"}, "9"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := Input{Case: me, Now: at("2026-09-05"), Reused: map[string][]tracker.Case{number: tt.others}}
			r := Evaluate(in, DefaultSettings())
			got := slices.DeleteFunc(codes(r), func(c string) bool { return c == "not_yet_online" })
			if !slices.Equal(got, tt.want) {
				t.Fatalf("flags %v, want %v", got, tt.want)
			}
			for _, f := range r.Flags {
				if f.Code == tt.want[0] && !strings.Contains(f.Message, "case "+tt.names) {
					t.Errorf("%s does not name case %s: %q", f.Code, tt.names, f.Message)
				}
				if f.Code == "combined_shipment" && (f.Severity != tracker.Info || strings.Contains(f.Message, "cannot track")) {
					t.Errorf("combined_shipment must inform, not accuse: %+v", f)
				}
			}
		})
	}
}

func TestAnalyzeLoadsFromTheStore(t *testing.T) {
	src := fakeSource{newCase("Austin", "78701", "US", "2026-09-01")}
	r, err := Analyze(src, "7", at("2026-09-05"), DefaultSettings())
	if err != nil {
		t.Fatal(err)
	}
	if got := codes(r); !slices.Equal(got, []string{"reused_number", "not_yet_online"}) {
		t.Errorf("flags %v", got)
	}
	if !strings.Contains(r.Flags[0].Message, "case 9") || strings.Contains(r.Flags[0].Message, "case 7") {
		t.Errorf("reused_number should name the other case only: %q", r.Flags[0].Message)
	}
	if _, err := Analyze(src, "8", at("2026-09-05"), DefaultSettings()); tracker.KindOf(err) != tracker.KindNotFound {
		t.Errorf("missing case: %v", err)
	}
}

func BenchmarkEvaluate50(b *testing.B) {
	var evs []tracker.Event
	start := time.Date(2026, 9, 1, 8, 0, 0, 0, time.UTC)
	for i := range 50 {
		st, pl := tracker.StatusInTransit, fmt.Sprintf("SORTING CENTER %d", i)
		if i == 49 {
			st, pl = tracker.StatusDelivered, "DENVER, CO 80202"
		}
		evs = append(evs, tracker.Event{Time: start.Add(time.Duration(i) * 7 * time.Hour), Status: st, Place: pl, Description: "Processed", Exhibit: 1})
	}
	in := Input{Case: newCase("Austin", "78701", "US", "2026-08-20", evs...), Now: at("2026-11-22"), Reused: map[string][]tracker.Case{number: {{ID: "3"}}}}
	s := DefaultSettings()
	if r := Evaluate(in, s); len(r.Flags) == 0 {
		b.Fatal("no flags")
	}
	for b.Loop() {
		Evaluate(in, s)
	}
}

// A removed exhibit is no proof: no finding cites it or tells the buyer to attach it, and a page
// about another parcel that the buyer removed no longer raises exhibit_other_number. The events
// read from it stay (the caller's case unchanged) and the finding asks for a new capture.
func TestRemovedExhibitsAreNoProof(t *testing.T) {
	c := newCase("Austin", "78701", "US", "2026-09-01", ev("2026-09-12 10:00", tracker.StatusDelivered, "DENVER, CO 80202"))
	ex := []tracker.Exhibit{
		{No: 2, Kind: "screenshot", URL: "https://t.17track.net/en#nums=" + number, Removed: true},
		{No: 3, Kind: "history", OtherNumber: "LX000000000CN", Removed: true},
	}
	r := Evaluate(Input{Case: c, Exhibits: ex, Now: at("2026-09-20")}, DefaultSettings())
	f := r.Flags[0]
	if f.Code != tracker.FlagDeliveredElsewhere || len(f.Exhibits) != 0 || strings.Contains(f.Action, "exhibit 2") || !strings.Contains(f.Action, "capture the tracking page first") {
		t.Errorf("a finding still rests on a removed exhibit: %+v", f)
	}
	for _, f := range r.Flags {
		if f.Code == tracker.FlagExhibitOtherNumber {
			t.Errorf("a removed page about another parcel still flagged: %+v", f)
		}
	}
	if c.Shipments[0].Events[0].Exhibit != 2 || len(r.Events) != 1 {
		t.Errorf("the caller's case changed or the events went: %+v, %+v", c.Shipments[0].Events, r.Events)
	}
	ex[0].Removed, ex[1].Removed = false, false
	r = Evaluate(Input{Case: c, Exhibits: ex, Now: at("2026-09-20")}, DefaultSettings())
	if !slices.Equal(r.Flags[0].Exhibits, []int{2}) {
		t.Errorf("kept exhibit not cited: %+v", r.Flags[0])
	}
}
