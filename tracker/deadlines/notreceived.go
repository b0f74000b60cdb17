package deadlines

import (
	"fmt"
	"strings"

	"proofpack/tracker"
)

// A parcel the tracking shows delivered in the buyer's own town, that the buyer never got, is
// lost on the tracking alone (PayPal and eBay believe a dated delivery scan in the buyer's
// postcode: research/claims.md). What wins instead is proof from outside the tracking, and each
// step of getting it is recorded here so that a reminder follows it.

// FollowUp is one step of a "delivered, but not to me" case the buyer can record, with its date
// and a reference.
type FollowUp struct {
	Field    string // the JSON field of tracker.Dispute, and the step's name in errors: "carrier_claim"
	Label    string // "Carrier claim filed"
	RefLabel string // what the reference is: "Claim number"
	Proof    *tracker.Proof
	note     bool // the reference is a note in words, not a number
}

// FollowUps lists the steps of d in the order they are usually taken, pointing into d so a
// caller can set one.
func FollowUps(d *tracker.Dispute) []FollowUp {
	return []FollowUp{
		{"pod_requested", "Asked the carrier for proof of delivery", "Request or case number", &d.PODRequested, false},
		{"carrier_answered", "Carrier's answer received", "What it shows", &d.CarrierAnswered, true},
		{"carrier_claim", "Carrier claim filed", "Claim number", &d.CarrierClaim, false},
		{"police_report", "Police report filed", "Report number", &d.PoliceReport, false},
		{"neighbour_statement", "Neighbour's statement obtained", "Who gave it", &d.NeighbourStatement, true},
	}
}

// Words is the recorded step as a line a clerk reads: "Carrier claim filed (claim number
// 123)", "Carrier's answer received: the photo shows another door".
func (f FollowUp) Words() string { return f.Label + f.RefWords() }

// RefWords is the step's reference as it follows a sentence: " (claim number 123)", ": the
// photo shows another door", or "" without one.
func (f FollowUp) RefWords() string {
	switch ref := f.Proof.Ref; {
	case ref == "":
		return ""
	case f.note:
		return ": " + ref
	default:
		return fmt.Sprintf(" (%s %s)", strings.ToLower(f.RefLabel), ref)
	}
}

// The follow-up reminders are ProofPack's own, not a platform's or a carrier's rule: carriers
// differ by country and publish no one answer time, so the figures are short on purpose (an
// early reminder costs a look, a late one a lost dispute).
const (
	// askWithin: ask the carrier and the neighbours within 2 days of finding nothing came; a
	// "delivered" parcel may still turn up within 48 hours (research/disputes.md, Temu), and
	// the carrier's photo or GPS record is easiest to get while fresh.
	askWithin = 2
	// podAnswerWithin: chase the carrier's answer to the proof-of-delivery request after a week.
	podAnswerWithin = 7
	// claimAnswerWithin: chase a carrier claim after 30 days, the long end of the 5-30 days
	// that guides give for a claim's decision.
	claimAnswerWithin = 30
	// policeWithin: report a theft within a week, while the neighbours and the carrier remember.
	policeWithin = 7
)

// followUpRule says where the follow-up figures come from, on every such reminder.
const followUpRule = "ProofPack's own reminder, not a platform's rule: carriers publish no single answer time, " +
	"so ProofPack reminds you early. A delivery scan in your own town wins the dispute for the seller unless " +
	"you show other proof, so collect it before the dispute's last day."

// followUpSource backs the figures: a "delivered" parcel may turn up within 48 hours; a carrier
// claim takes 5-30 days to decide (third-party guide).
const followUpSource = "https://www.rewardpay.com/za/temu.com-promo-codes (copy of Temu's FAQ: a delivered parcel may take up to 48 h); " +
	"https://trackingcourier-1pk.pages.dev/guides/track-lost-package (carrier claims take 5-30 days)"

// Follow-up reminder kinds: each stops once its step is recorded.
const (
	KindAskCarrier     = "ask_carrier_pod_by"      // ask the carrier for its proof of delivery
	KindCarrierAnswer  = "carrier_answer_by"       // chase the carrier's answer to that request
	KindClaimAnswer    = "carrier_claim_answer_by" // chase the answer to a carrier claim
	KindAskNeighbours  = "ask_neighbours_by"       // get a neighbour's statement
	KindReportPolice   = "police_report_by"        // report the theft
	notReceivedRouteID = "not_received"            // the Route of the follow-up reminders
)

// IsFollowUp reports whether a reminder kind is one of ProofPack's own follow-ups of a
// "delivered, but not to me" case, not the last day of a dispute route.
func IsFollowUp(kind string) bool {
	switch kind {
	case KindAskCarrier, KindCarrierAnswer, KindClaimAnswer, KindAskNeighbours, KindReportPolice:
		return true
	}
	return false
}

// NotReceivedSince is the day the buyer said the parcel never came: the day recorded, else
// (a case marked before the day was kept) the day of its first delivery scan, else the order
// date. The earlier fall-backs only bring the reminders forward.
func NotReceivedSince(c tracker.Case) tracker.Date {
	if !c.Dispute.NotReceivedOn.IsZero() {
		return c.Dispute.NotReceivedOn
	}
	if d := firstDelivered(c); !d.IsZero() {
		return d
	}
	return c.Ordered
}

// firstDelivered is the date of the case's earliest dated delivery scan, or the zero date.
func firstDelivered(c tracker.Case) tracker.Date {
	var first tracker.Date
	for _, s := range c.Shipments {
		for _, e := range s.Events {
			if e.Status != tracker.StatusDelivered || e.Time.IsZero() {
				continue
			}
			if d := tracker.DateOf(e.Time); first.IsZero() || d.Before(first) {
				first = d
			}
		}
	}
	return first
}

// followUpReminders are the reminders of a case marked not received, until the dispute is
// decided: each step not yet taken, and the answers still awaited. The ones that need the
// carrier fall on a business day of the buyer's country (the carrier answers on those).
func followUpReminders(c tracker.Case) []Reminder {
	d := c.Dispute
	if !d.NotReceived || StageOf(d) >= Decided {
		return nil
	}
	since := NotReceivedSince(c)
	cal := CalendarFor(c.Buyer.Country)
	var out []Reminder
	add := func(due tracker.Date, kind string, msg tracker.Words) {
		out = append(out, Reminder{CaseID: c.ID, Due: due, Kind: kind, Message: msg.String(), Said: msg,
			Route: notReceivedRouteID, Rule: followUpRule, Source: followUpSource})
	}
	// answered reports whether the carrier's answer came on or after the day asked.
	answered := func(asked tracker.Date) bool {
		return !d.CarrierAnswered.IsZero() && !d.CarrierAnswered.On.Before(asked)
	}
	switch {
	case d.PODRequested.IsZero() && d.CarrierAnswered.IsZero() && d.CarrierClaim.IsZero():
		due := cal.OnOrAfter(since.AddDays(askWithin))
		add(due, KindAskCarrier, tracker.Say("Ask the carrier by %s for its proof of delivery (a signature, a photo or a GPS point) and compare it with your address.", due))
	case !d.PODRequested.IsZero() && d.CarrierClaim.IsZero() && !answered(d.PODRequested.On):
		due := cal.OnOrAfter(d.PODRequested.On.AddDays(podAnswerWithin))
		add(due, KindCarrierAnswer, tracker.Say("Follow up the carrier's answer by %s (you asked for its proof of delivery on %s%s): if none came, or the proof is not your door, file a claim with the carrier.",
			due, d.PODRequested.On, refWords(d.PODRequested)))
	}
	if !d.CarrierClaim.IsZero() && !answered(d.CarrierClaim.On) {
		due := cal.OnOrAfter(d.CarrierClaim.On.AddDays(claimAnswerWithin))
		add(due, KindClaimAnswer, tracker.Say("Follow up your claim with the carrier by %s (filed on %s%s): ask for its decision in writing and add it to the dispute.",
			due, d.CarrierClaim.On, refWords(d.CarrierClaim)))
	}
	if d.NeighbourStatement.IsZero() {
		due := since.AddDays(askWithin)
		add(due, KindAskNeighbours, tracker.Say("Ask your neighbours by %s whether they took the parcel in; if not, get a short signed statement saying so.", due))
	}
	if d.PoliceReport.IsZero() {
		due := since.AddDays(policeWithin)
		add(due, KindReportPolice, tracker.Say("If the parcel was stolen, report it to the police by %s and record the report number.", due))
	}
	return out
}

// refWords is a step's reference inside a reminder's parenthesis: ", reference C-77".
func refWords(p tracker.Proof) tracker.Words {
	if p.Ref == "" {
		return tracker.Words{}
	}
	return tracker.Say(", reference %s", p.Ref)
}

// NextStep is the step the buyer takes next, in words: the stage's (StageOf), led by the first
// follow-up not yet taken while a case marked not received is undecided.
func NextStep(c tracker.Case) string { return NextStepWords(c).String() }

// NextStepWords is NextStep as Words, for a window that says it in its language.
func NextStepWords(c tracker.Case) tracker.Words {
	st := StageOf(c.Dispute)
	base := tracker.Words{Format: st.NextStep()} // a stage's step: words without verbs
	d := c.Dispute
	if !d.NotReceived || st >= Decided {
		return base
	}
	var f tracker.Words
	switch {
	case d.PODRequested.IsZero() && d.CarrierAnswered.IsZero() && d.CarrierClaim.IsZero():
		f = tracker.Say("ask the carrier for its proof of delivery")
	case d.CarrierAnswered.IsZero() && d.CarrierClaim.IsZero():
		f = tracker.Say("wait for the carrier's proof of delivery, then file a claim with the carrier if it is not your door")
	case d.CarrierClaim.IsZero():
		f = tracker.Say("file a claim with the carrier if its proof is not your door")
	case d.PoliceReport.IsZero():
		f = tracker.Say("report the theft to the police")
	case d.NeighbourStatement.IsZero():
		f = tracker.Say("ask your neighbours for a short signed statement")
	default:
		return base
	}
	if base.Format == "" {
		return f
	}
	return tracker.Say("%s (and %s)", f, base)
}

// StageWords is the stage in words, with the last follow-up recorded on a case marked not
// received: "talking to the seller · delivered but not received: carrier claim filed 2026-11-20".
func StageWords(c tracker.Case) string {
	s := StageOf(c.Dispute).String()
	d := c.Dispute
	if !d.NotReceived {
		return s
	}
	s += " · delivered but not received"
	var last *FollowUp
	for _, f := range FollowUps(&d) {
		if !f.Proof.IsZero() && (last == nil || !f.Proof.On.Before(last.Proof.On)) {
			last = &f
		}
	}
	if last != nil {
		s += ": " + strings.ToLower(last.Label[:1]) + last.Label[1:] + " " + last.Proof.On.String()
	}
	return s
}

// MarkNotReceived records whether the buyer says a "delivered" parcel never came, and since
// when (today, kept when it was marked before); unmarking forgets the day, not the steps.
func MarkNotReceived(c *tracker.Case, on bool, today tracker.Date) {
	c.Dispute.NotReceived = on
	switch {
	case !on:
		c.Dispute.NotReceivedOn = tracker.Date{}
	case c.Dispute.NotReceivedOn.IsZero():
		c.Dispute.NotReceivedOn = today
	}
}

// RecordFollowUp sets the follow-up named field (a FollowUps field) to p; a zero p clears it.
// A step is refused on a case not marked not received: it follows from that mark.
func RecordFollowUp(c *tracker.Case, field string, p tracker.Proof) error {
	for _, f := range FollowUps(&c.Dispute) {
		if f.Field != field {
			continue
		}
		if !p.IsZero() && !c.Dispute.NotReceived {
			return tracker.Invalid(field, "the case is not marked not received: record first that the tracking says delivered but the parcel never came")
		}
		p.Ref = tracker.CleanLine(p.Ref)
		*f.Proof = p
		return nil
	}
	return tracker.Invalid(field, "is not a step of a parcel delivered but not received")
}

// checkFollowUps refuses follow-ups that cannot be true: dated before the order or the
// tracking's first delivery scan, or after today. Its errors name the step's field.
func checkFollowUps(c tracker.Case, today tracker.Date) error {
	d := c.Dispute
	delivered := firstDelivered(c)
	for _, f := range FollowUps(&d) {
		p := f.Proof
		switch {
		case p.IsZero():
		case p.On.IsZero():
			return tracker.Invalid(f.Field, "has a reference but no date: give the day the step was taken")
		case today.Before(p.On):
			return tracker.Invalid(f.Field, "%s is in the future (today is %s): record a step once it has happened", p.On, today)
		case !c.Ordered.IsZero() && p.On.Before(c.Ordered):
			return tracker.Invalid(f.Field, "%s is before the order date %s", p.On, c.Ordered)
		case !delivered.IsZero() && p.On.Before(delivered):
			return tracker.Invalid(f.Field, "%s is before the tracking's delivery on %s: the step follows the delivery scan", p.On, delivered)
		}
	}
	return nil
}
