package rules

import (
	"cmp"
	"slices"
	"time"

	"proofpack/tracker"
	"proofpack/tracker/carrier"
	"proofpack/tracker/history"
)

// Input is everything the rules look at for one case.
type Input struct {
	Case     tracker.Case
	Exhibits []tracker.Exhibit
	// Reused maps a tracking number of the case to the other cases that carry it.
	Reused map[string][]tracker.Case
	Now    time.Time
}

// Report is the diagnosis of one case; its JSON is the `analyze --json` contract.
type Report struct {
	CaseID string `json:"case_id"`
	// Status is the status of the newest dated event of any shipment; not_found when none.
	Status tracker.Status  `json:"status"`
	Flags  []tracker.Flag  `json:"flags"`  // critical first
	Events []tracker.Event `json:"events"` // every shipment's events, newest first, unparsed last
	// ETA is the latest estimated delivery day a carrier's page printed for any shipment; ""
	// when none did. An extra field beside DESIGN.md's shape.
	ETA tracker.Date `json:"eta"`
	// Until is the first day after Now on which the flags (their codes and severities) may
	// turn as time passes, a deadline reached or a grace period over; zero when no day will
	// change them. Their messages count days, and change daily.
	Until tracker.Date `json:"-"`
}

// Evaluate runs every rule on the case and returns its status, events and flags. It replaces
// the Evaluate(case, now) of DESIGN.md: the exhibits and the other cases with the same number
// come in with the case, so the rules stay pure.
func Evaluate(in Input, s Settings) Report {
	in = withoutRemoved(in)
	r := Report{CaseID: in.Case.ID, Status: tracker.StatusNotFound, Flags: []tracker.Flag{}, Events: []tracker.Event{}}
	today := tracker.DateOf(in.Now)
	h := &horizon{today: today}
	for _, sh := range in.Case.Shipments {
		r.Events = append(r.Events, sh.Events...)
		if r.ETA.Before(sh.ETA) {
			r.ETA = sh.ETA
		}
		dated := datedEvents(sh.Events)
		ck := check{in: in, s: s, sh: sh, dated: dated, today: today, h: h}
		r.Flags = append(r.Flags, carrierFlags(in.Case, sh)...)
		r.Flags = append(r.Flags, ck.reused()...)
		r.Flags = append(r.Flags, ck.online()...)
		r.Flags = append(r.Flags, ck.stalled()...)
		r.Flags = append(r.Flags, ck.deliveredElsewhere()...)
		r.Flags = append(r.Flags, ck.deliveredBeforeOrder()...)
	}
	r.Flags = append(r.Flags, exhibitOtherNumber(in)...)
	history.SortNewestFirst(r.Events)
	if len(r.Events) > 0 && !r.Events[0].Unparsed {
		r.Status = r.Events[0].Status
	}
	r.Flags = append(r.Flags, timeline(in, h, r.Status, r.Flags)...)
	r.Until = h.until
	followStage(r.Flags, in.Case)
	slices.SortStableFunc(r.Flags, func(a, b tracker.Flag) int { return cmp.Compare(b.Severity.Rank(), a.Severity.Rank()) })
	return r
}

// check holds what the rules for one shipment share.
type check struct {
	in    Input
	s     Settings
	sh    tracker.Shipment
	dated []tracker.Event // newest first
	today tracker.Date
	h     *horizon // notes the days the rules' answers turn
}

// datedEvents returns the events with a date, newest first.
func datedEvents(evs []tracker.Event) []tracker.Event {
	var out []tracker.Event
	for _, e := range evs {
		if !e.Unparsed {
			out = append(out, e)
		}
	}
	history.SortNewestFirst(out)
	return out
}

// carrierFlags are the number-level flags of tracker/carrier for the number as the buyer gave it.
func carrierFlags(c tracker.Case, sh tracker.Shipment) []tracker.Flag {
	input := sh.Input
	if input == "" {
		input = sh.Number
	}
	var out []tracker.Flag
	for _, f := range carrier.Check(input, carrier.Options{Country: c.Buyer.Country, SellerLink: sh.Link}).Flags {
		if f.Exhibits == nil {
			f.Exhibits = []int{}
		}
		out = append(out, f)
	}
	return out
}

// withoutRemoved takes the exhibits the buyer removed out of the input: no finding rests on them
// or tells the buyer to attach them. The events read from them stay, the case's tracking as the
// buyer saw it, but cite no exhibit, so a finding built on them asks for a new capture. The
// caller's case is not changed.
func withoutRemoved(in Input) Input {
	removed := map[int]bool{}
	for _, e := range in.Exhibits {
		if e.Removed {
			removed[e.No] = true
		}
	}
	if len(removed) == 0 {
		return in
	}
	in.Exhibits = slices.DeleteFunc(slices.Clone(in.Exhibits), func(e tracker.Exhibit) bool { return e.Removed })
	in.Case.Shipments = slices.Clone(in.Case.Shipments)
	for i := range in.Case.Shipments {
		evs := slices.Clone(in.Case.Shipments[i].Events)
		for j := range evs {
			if removed[evs[j].Exhibit] {
				evs[j].Exhibit = 0
			}
		}
		in.Case.Shipments[i].Events = evs
	}
	return in
}
