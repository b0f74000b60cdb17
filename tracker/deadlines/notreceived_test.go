package deadlines

import (
	"strings"
	"testing"
	"time"

	"proofpack/tracker"
)

// deliveredHome is aliCase delivered "at home" in Austin on the given day, as the tracking says.
func deliveredHome(on string) tracker.Case {
	c := aliCase()
	t, _ := time.Parse("2006-01-02 15:04", on+" 14:10")
	c.Shipments = []tracker.Shipment{{Number: "RR123456785CN", Events: []tracker.Event{
		{Time: t.AddDate(0, 0, -20), Status: tracker.StatusInTransit, Place: "SHENZHEN"},
		{Time: t, Status: tracker.StatusDelivered, Place: "AUSTIN, TX 78701"},
	}}}
	return c
}

func proof(on, ref string) tracker.Proof { return tracker.Proof{On: day(on), Ref: ref} }

// followUps keeps the follow-up reminders of rs, as kind@due.
func followUps(rs []Reminder) string {
	var out []Reminder
	for _, r := range rs {
		if IsFollowUp(r.Kind) {
			out = append(out, r)
		}
	}
	return kinds(out)
}

func TestFollowUpReminders(t *testing.T) {
	mark := func(on string, f func(*tracker.Dispute)) tracker.Case {
		c := deliveredHome("2026-10-20")
		MarkNotReceived(&c, true, day(on))
		f(&c.Dispute)
		return c
	}
	none := func(*tracker.Dispute) {}
	for _, tc := range []struct {
		name string
		c    tracker.Case
		want string
	}{
		{"not marked: nothing of ours", deliveredHome("2026-10-20"), ""},
		{"marked on a Friday: the carrier on Monday, the neighbours on Sunday, the police within a week",
			mark("2026-10-30", none), "ask_neighbours_by@2026-11-01 ask_carrier_pod_by@2026-11-02 police_report_by@2026-11-06"},
		{"marked the Friday after Thanksgiving: across the month end",
			mark("2026-11-27", none), "ask_neighbours_by@2026-11-29 ask_carrier_pod_by@2026-11-30 police_report_by@2026-12-04"},
		{"asked the carrier: chase its answer a week later, a Wednesday",
			mark("2026-11-23", func(d *tracker.Dispute) { d.PODRequested = proof("2026-11-25", "USPS 4471") }),
			"ask_neighbours_by@2026-11-25 police_report_by@2026-11-30 carrier_answer_by@2026-12-02"},
		{"the answer would fall on Thanksgiving: the Friday after",
			mark("2026-11-18", func(d *tracker.Dispute) { d.PODRequested = proof("2026-11-19", "") }),
			"ask_neighbours_by@2026-11-20 police_report_by@2026-11-25 carrier_answer_by@2026-11-27"},
		{"the carrier answered: nothing more to chase from it",
			mark("2026-11-18", func(d *tracker.Dispute) {
				d.PODRequested = proof("2026-11-19", "")
				d.CarrierAnswered = proof("2026-11-24", "photo of another door")
				d.NeighbourStatement = proof("2026-11-20", "")
				d.PoliceReport = proof("2026-11-21", "")
			}), ""},
		{"a claim filed on 2 December is chased 30 days later, after New Year's Day",
			mark("2026-11-18", func(d *tracker.Dispute) {
				d.PODRequested = proof("2026-11-19", "")
				d.CarrierAnswered = proof("2026-11-24", "")
				d.CarrierClaim = proof("2026-12-02", "C-77")
				d.NeighbourStatement = proof("2026-11-20", "")
				d.PoliceReport = proof("2026-11-21", "")
			}), "carrier_claim_answer_by@2027-01-04"},
		{"a claim filed without asking first: its answer is chased, not the request's",
			mark("2026-12-10", func(d *tracker.Dispute) {
				d.CarrierClaim = proof("2026-12-15", "")
				d.NeighbourStatement = proof("2026-12-11", "")
				d.PoliceReport = proof("2026-12-11", "")
			}), "carrier_claim_answer_by@2027-01-14"},
		{"an answer that came before the claim does not close the claim",
			mark("2026-11-18", func(d *tracker.Dispute) {
				d.PODRequested = proof("2026-11-19", "")
				d.CarrierAnswered = proof("2026-11-24", "")
				d.CarrierClaim = proof("2026-11-30", "")
				d.NeighbourStatement = proof("2026-11-20", "")
				d.PoliceReport = proof("2026-11-21", "")
			}), "carrier_claim_answer_by@2026-12-30"},
		{"decided for the buyer: the follow-ups stop",
			mark("2026-10-30", func(d *tracker.Dispute) { d.Opened = day("2026-10-30"); d.Won = day("2026-11-10") }), ""},
	} {
		if got := followUps(Reminders(tc.c)); got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.name, got, tc.want)
		}
	}

	// Christmas in Britain: the claim's answer moves past Boxing Day, observed on Monday 28.
	gb := deliveredHome("2026-11-20")
	gb.Buyer = tracker.Address{City: "Leeds", Country: "GB"}
	MarkNotReceived(&gb, true, day("2026-11-24"))
	gb.Dispute.CarrierClaim = proof("2026-11-25", "RM-1")
	if got := followUps(Reminders(gb)); !strings.Contains(got, "carrier_claim_answer_by@2026-12-29") {
		t.Errorf("GB claim over Christmas: %s", got)
	}

	// The marketplace's and the bank's windows still count beside them, and every follow-up
	// says it is ProofPack's own reminder.
	rs := Reminders(mark("2026-10-30", func(d *tracker.Dispute) { d.PODRequested = proof("2026-10-30", "USPS 4471") }))
	if got := kinds(rs); got != "open_dispute_by@2026-10-25 ask_neighbours_by@2026-11-01 carrier_answer_by@2026-11-06 police_report_by@2026-11-06 contact_bank_by@2027-02-07" {
		t.Errorf("all reminders: %s", got)
	}
	for _, r := range rs {
		if IsFollowUp(r.Kind) && (!strings.HasPrefix(r.Rule, "ProofPack's own reminder, not a platform's rule") || r.Source == "" || r.Route != notReceivedRouteID) {
			t.Errorf("%s: rule %q source %q route %q", r.Kind, r.Rule, r.Source, r.Route)
		}
		if r.Kind == KindCarrierAnswer && !strings.Contains(r.Message, "on 2026-10-30, reference USPS 4471") {
			t.Errorf("the answer reminder does not name the request: %s", r.Message)
		}
	}
}

// A case marked before the day was kept counts from its first delivery scan.
func TestNotReceivedSinceWithoutADay(t *testing.T) {
	c := deliveredHome("2026-10-20")
	c.Dispute.NotReceived = true
	if got := NotReceivedSince(c); got != day("2026-10-20") {
		t.Errorf("since %s", got)
	}
	if got := followUps(Reminders(c)); got != "ask_carrier_pod_by@2026-10-22 ask_neighbours_by@2026-10-22 police_report_by@2026-10-27" {
		t.Errorf("reminders %s", got)
	}
	c.Shipments[0].Events = nil
	if got := NotReceivedSince(c); got != c.Ordered {
		t.Errorf("without a delivery scan, since %s", got)
	}
	MarkNotReceived(&c, true, day("2026-11-02"))
	MarkNotReceived(&c, true, day("2026-11-05")) // marking again keeps the first day
	if c.Dispute.NotReceivedOn != day("2026-11-02") {
		t.Errorf("marked on %s", c.Dispute.NotReceivedOn)
	}
	MarkNotReceived(&c, false, day("2026-11-06"))
	if c.Dispute.NotReceived || !c.Dispute.NotReceivedOn.IsZero() {
		t.Errorf("unmarked: %+v", c.Dispute)
	}
}

func TestRecordAndCheckFollowUps(t *testing.T) {
	c := deliveredHome("2026-10-20")
	err := RecordFollowUp(&c, "carrier_claim", proof("2026-10-22", "C-1"))
	if tracker.FieldOf(err) != "carrier_claim" || !strings.Contains(err.Error(), "not marked not received") {
		t.Errorf("a step before the case is marked: %v", err)
	}
	if err := RecordFollowUp(&c, "pod", proof("2026-10-22", "")); tracker.FieldOf(err) != "pod" {
		t.Errorf("an unknown step: %v", err)
	}
	MarkNotReceived(&c, true, day("2026-10-21"))
	if err := RecordFollowUp(&c, "police_report", proof("2026-10-22", " BO 2026/123\x1b[31m ")); err != nil || c.Dispute.PoliceReport.Ref != "BO 2026/123" {
		t.Errorf("recorded %+v %v", c.Dispute.PoliceReport, err)
	}

	today := day("2026-10-31") // a Saturday, the month's second-to-last day
	for _, tc := range []struct {
		field string
		p     tracker.Proof
		want  string // "" = accepted
	}{
		{"pod_requested", proof("2026-10-20", ""), ""}, // the day of the scan itself
		{"carrier_answered", proof("2026-10-31", "signature is not mine"), ""},
		{"carrier_claim", proof("2026-11-01", "C-1"), "2026-11-01 is in the future (today is 2026-10-31)"},
		{"neighbour_statement", proof("2026-10-19", ""), "before the tracking's delivery on 2026-10-20"},
		{"police_report", proof("2026-08-01", ""), "before the order date 2026-08-28"},
		{"carrier_claim", tracker.Proof{Ref: "C-1"}, "has a reference but no date"},
	} {
		c := c
		c.Dispute.PoliceReport = tracker.Proof{}
		*stepOf(t, &c, tc.field) = tc.p
		err := CheckSteps(c, today)
		if tc.want == "" {
			if err != nil {
				t.Errorf("%s %+v: %v", tc.field, tc.p, err)
			}
			continue
		}
		if tracker.FieldOf(err) != tc.field || tracker.KindOf(err) != tracker.KindInvalid || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s %+v: got %v, want %q", tc.field, tc.p, err, tc.want)
		}
	}
}

func stepOf(t *testing.T, c *tracker.Case, field string) *tracker.Proof {
	for _, f := range FollowUps(&c.Dispute) {
		if f.Field == field {
			return f.Proof
		}
	}
	t.Fatalf("no step %s", field)
	return nil
}

// The next step and the stage's words follow what was recorded, step by step.
func TestNextStepFollowsTheRecordedSteps(t *testing.T) {
	c := deliveredHome("2026-10-20")
	if NextStep(c) != "ask the seller" || StageWords(c) != "waiting for the parcel" {
		t.Errorf("unmarked: %q, %q", NextStep(c), StageWords(c))
	}
	MarkNotReceived(&c, true, day("2026-10-21"))
	for _, s := range []struct {
		field, on, ref string
		next, stage    string
	}{
		{"", "", "", "ask the carrier for its proof of delivery (and ask the seller)", "waiting for the parcel · delivered but not received"},
		{"pod_requested", "2026-10-22", "", "wait for the carrier's proof of delivery, then file a claim with the carrier if it is not your door (and ask the seller)",
			"waiting for the parcel · delivered but not received: asked the carrier for proof of delivery 2026-10-22"},
		{"carrier_answered", "2026-10-27", "photo of another door", "file a claim with the carrier if its proof is not your door (and ask the seller)",
			"waiting for the parcel · delivered but not received: carrier's answer received 2026-10-27"},
		{"carrier_claim", "2026-10-28", "C-9", "report the theft to the police (and ask the seller)", "waiting for the parcel · delivered but not received: carrier claim filed 2026-10-28"},
		{"police_report", "2026-10-28", "BO-1", "ask your neighbours for a short signed statement (and ask the seller)", "waiting for the parcel · delivered but not received: police report filed 2026-10-28"},
		{"neighbour_statement", "2026-10-29", "Mrs Diaz, no. 12", "ask the seller", "waiting for the parcel · delivered but not received: neighbour's statement obtained 2026-10-29"},
	} {
		if s.field != "" {
			if err := RecordFollowUp(&c, s.field, proof(s.on, s.ref)); err != nil {
				t.Fatal(err)
			}
		}
		if got := NextStep(c); got != s.next {
			t.Errorf("after %s: next %q, want %q", s.field, got, s.next)
		}
		if got := StageWords(c); got != s.stage {
			t.Errorf("after %s: stage %q, want %q", s.field, got, s.stage)
		}
	}
	c.Dispute.PoliceReport = tracker.Proof{}
	c.Dispute.Opened = day("2026-10-30")
	if got := NextStep(c); got != "report the theft to the police (and escalate the dispute)" {
		t.Errorf("with a dispute open: %q", got)
	}
	c.Dispute.Won = day("2026-11-04")
	if got := NextStep(c); got != "wait for the refund" {
		t.Errorf("decided: %q", got)
	}
	var words []string
	for _, f := range FollowUps(&c.Dispute) {
		words = append(words, f.Words())
	}
	if got := strings.Join(words, " | "); got != "Asked the carrier for proof of delivery | Carrier's answer received: photo of another door | Carrier claim filed (claim number C-9) | Police report filed | Neighbour's statement obtained: Mrs Diaz, no. 12" {
		t.Errorf("words: %s", got)
	}
}
