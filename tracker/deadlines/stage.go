package deadlines

import "proofpack/tracker"

// Stage is how far the buyer has come, read from the steps recorded on the case.
type Stage int

// The stages, in order.
const (
	Waiting        Stage = iota // waiting for the parcel
	Talking                     // asked the seller, no dispute yet
	DisputeOpen                 // a dispute or claim is open
	Escalated                   // escalated to the platform (claim, "ask eBay to step in")
	Decided                     // decided for the buyer
	RefundPromised              // the refund was promised
	Closed                      // the money came back
)

var stageNames = []struct{ code, words, next string }{
	{"waiting", "waiting for the parcel", "ask the seller"},
	{"talking", "talking to the seller", "open a dispute"},
	{"dispute_open", "dispute open", "escalate the dispute"},
	{"escalated", "escalated", "wait for the decision"},
	{"decided", "decided for you", "wait for the refund"},
	{"refund_promised", "refund promised", "check that the refund arrives"},
	{"closed", "refund received (closed)", ""},
}

// Code is the stage's stable name for JSON and scripts.
func (s Stage) Code() string { return stageNames[s].code }

// String is the stage in words.
func (s Stage) String() string { return stageNames[s].words }

// NextStep is the step the buyer takes next at this stage, in words ("" once closed).
func (s Stage) NextStep() string { return stageNames[s].next }

// StageOf reads the stage from the latest step the buyer recorded.
func StageOf(d tracker.Dispute) Stage {
	switch {
	case !d.RefundReceived.IsZero():
		return Closed
	case !d.RefundPromised.IsZero():
		return RefundPromised
	case !d.Won.IsZero():
		return Decided
	case !d.Escalated.IsZero():
		return Escalated
	case !d.Opened.IsZero():
		return DisputeOpen
	case !d.SellerContacted.IsZero() || !d.SellerPromised.IsZero():
		return Talking
	}
	return Waiting
}

// Step is one dispute step the buyer can record, with its field.
type Step struct {
	Field string // the JSON field of tracker.Dispute
	Label string // "Dispute opened"
	Date  *tracker.Date
}

// Steps lists the dated steps of d in order, pointing into d so a caller can set one.
func Steps(d *tracker.Dispute) []Step {
	return []Step{
		{"seller_contacted", "Asked the seller", &d.SellerContacted},
		{"dispute_opened", "Dispute opened", &d.Opened},
		{"dispute_escalated", "Escalated", &d.Escalated},
		{"dispute_won", "Decided for you", &d.Won},
		{"refund_promised", "Refund promised", &d.RefundPromised},
		{"refund_received", "Refund received", &d.RefundReceived},
	}
}

// CheckSteps refuses steps that cannot be true: a step before the order, a dispute step before
// the dispute was opened, a refund before the dispute, a step dated after today, or a
// follow-up of a parcel not received dated before its delivery scan. Its errors name the field
// (dispute_opened, refund_received, carrier_claim, ...).
func CheckSteps(c tracker.Case, today tracker.Date) error {
	d := c.Dispute
	for _, s := range Steps(&d) {
		if s.Date.IsZero() {
			continue
		}
		if today.Before(*s.Date) {
			return tracker.Invalid(s.Field, "%s is in the future (today is %s): record a step once it has happened", s.Date, today)
		}
		if !c.Ordered.IsZero() && s.Date.Before(c.Ordered) {
			return tracker.Invalid(s.Field, "%s is before the order date %s", s.Date, c.Ordered)
		}
		if s.Field != "seller_contacted" && s.Field != "dispute_opened" && !d.Opened.IsZero() && s.Date.Before(d.Opened) {
			return tracker.Invalid(s.Field, "%s is before the dispute was opened (%s)", s.Date, d.Opened)
		}
	}
	if !d.Escalated.IsZero() && d.Opened.IsZero() {
		return tracker.Invalid("dispute_opened", "a dispute was escalated on %s but never opened: record when it was opened", d.Escalated)
	}
	if !d.SellerPromised.IsZero() && !c.Ordered.IsZero() && d.SellerPromised.Before(c.Ordered) {
		return tracker.Invalid("seller_promised", "%s is before the order date %s", d.SellerPromised, c.Ordered)
	}
	return checkFollowUps(c, today)
}
