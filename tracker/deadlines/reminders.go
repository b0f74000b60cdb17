package deadlines

import (
	"slices"

	"proofpack/tracker"
)

// Reminder is one dated thing the buyer must do; its first four fields are the
// `reminders --json` contract.
type Reminder struct {
	CaseID  string       `json:"case_id"`
	Due     tracker.Date `json:"due"`
	Kind    string       `json:"kind"`
	Message string       `json:"message"`
	Route   string       `json:"route,omitempty"`  // the window it comes from
	Rule    string       `json:"rule,omitempty"`   // that window's rule in words
	Source  string       `json:"source,omitempty"` // and where the rule is published
	// Said is Message as format and arguments, for a window that speaks another language.
	Said tracker.Words `json:"-"`
}

// Reminder kinds.
const (
	KindSellerPromised = "seller_promised" // the seller promised to ship (or refund) by
	KindOpenDispute    = "open_dispute_by"
	KindEscalate       = "escalate_by"
	KindRefundDue      = "refund_due_by"
	KindContactBank    = "contact_bank_by"
)

// Reminders are the case's deadlines at its stage, earliest first: before a dispute, the last
// day of each route's window (and the seller's promise); with a dispute open, the day to
// escalate it; once decided, the day the refund is due; and, until the money is back, the last
// day of every other route as a fall-back. A case marked not received has ProofPack's own
// follow-ups too (see followUpReminders) until it is decided. A closed case has none.
func Reminders(c tracker.Case) []Reminder {
	st := StageOf(c.Dispute)
	if st == Closed {
		return nil
	}
	cal := CalendarFor(c.Buyer.Country)
	var out []Reminder
	add := func(w Window, due tracker.Date, kind string, msg tracker.Words) {
		out = append(out, Reminder{CaseID: c.ID, Due: due, Kind: kind, Message: msg.String(), Said: msg,
			Route: w.Route, Rule: w.Rule, Source: w.Source})
	}
	dr, hasDispute := DisputeRoute(c)
	if st < DisputeOpen && !c.Dispute.SellerPromised.IsZero() {
		add(dr, c.Dispute.SellerPromised, KindSellerPromised,
			tracker.Say("The seller promised to ship or refund by %s: if nothing has moved by then, open the dispute.", c.Dispute.SellerPromised))
	}
	for _, w := range Routes(c) {
		closes, ok := w.Closes.At(c, cal)
		if !ok {
			continue
		}
		if st >= DisputeOpen && hasDispute && w.Route == dr.Route {
			continue // its own deadlines follow below
		}
		opens, _ := w.Opens.At(c, cal)
		if w.Route == "card" {
			add(w, closes, KindContactBank, tracker.Say("Contact your bank for a chargeback (item not received) by %s, the last day of the %s window%s.",
				closes, w.Name, from(opens)))
			continue
		}
		add(w, closes, KindOpenDispute, tracker.Say("Open the dispute %s by %s%s.", w.Where, closes, from(opens)))
	}
	if hasDispute {
		switch {
		case st == DisputeOpen && dr.Escalate != nil:
			if due, ok := dr.Escalate.At(c, cal); ok {
				add(dr, due, KindEscalate, tracker.Say("Escalate your %s by %s if the seller has not solved it: after that it may close for good.", dr.Name, due))
			}
		case st == Decided || st == RefundPromised:
			if due, ok := dr.Refund.At(c, cal); ok {
				add(dr, due, KindRefundDue, tracker.Say("The refund from the %s is due by %s (%s): if it has not arrived, ask your bank or payment provider.",
					dr.Name, due, spanWords(dr.Refund)))
			}
		}
	}
	out = append(out, followUpReminders(c)...)
	slices.SortStableFunc(out, func(a, b Reminder) int { return a.Due.DaysUntil(b.Due) * -1 })
	return out
}

func from(opens tracker.Date) tracker.Words {
	if opens.IsZero() {
		return tracker.Words{}
	}
	return tracker.Say(" (possible from %s)", opens)
}

// spanWords says a span's length: "20 business days".
func spanWords(s Span) tracker.Words {
	if s.Business {
		return tracker.Say("%d business days", s.Days)
	}
	return tracker.Say("%d days", s.Days)
}

// Next is the reminder to show first: the earliest still ahead of today, else the latest overdue.
func Next(rs []Reminder, today tracker.Date) (Reminder, bool) {
	for _, r := range rs {
		if !r.Due.Before(today) {
			return r, true
		}
	}
	if len(rs) == 0 {
		return Reminder{}, false
	}
	return rs[len(rs)-1], true
}

// Buckets of the Reminders view.
const (
	Overdue  = "overdue"
	ThisWeek = "this_week"
	Later    = "later"
)

// Bucket sorts a reminder into overdue, this week (the next 7 days) or later.
func Bucket(r Reminder, today tracker.Date) string {
	switch left := today.DaysUntil(r.Due); {
	case left < 0:
		return Overdue
	case left <= 7:
		return ThisWeek
	}
	return Later
}
