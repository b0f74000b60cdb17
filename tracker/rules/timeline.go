package rules

import (
	"regexp"
	"slices"
	"strings"

	"proofpack/tracker"
	"proofpack/tracker/deadlines"
	"proofpack/tracker/place"
)

// nearDays is how close a last day must be for dispute_deadline_near: a week leaves time to
// gather the exhibits and write to the seller once more.
const nearDays = 7

// timeline raises the flags of the refund timeline: the dispute windows open now, a last day
// close, a refund overdue, and a "delivered" parcel the buyer never got.
func timeline(in Input, h *horizon, status tracker.Status, found []tracker.Flag) []tracker.Flag {
	c := in.Case
	today := h.today
	st := deadlines.StageOf(c.Dispute)
	if st == deadlines.Closed {
		return nil
	}
	var out []tracker.Flag
	out = append(out, deliveredNotReceived(in)...)
	// A parcel delivered to the buyer needs no dispute, unless the buyer says it never came or
	// the delivery was not theirs.
	claimable := status != tracker.StatusDelivered || c.Dispute.NotReceived || slices.ContainsFunc(found, func(f tracker.Flag) bool {
		return slices.Contains(notTheirs, f.Code)
	})
	rs := deadlines.Reminders(c)
	if claimable && st < deadlines.DisputeOpen {
		if f, ok := windowOpen(c, h); ok {
			out = append(out, f)
		}
	}
	for _, r := range rs {
		left := today.DaysUntil(r.Due)
		if !h.within(r.Due.AddDays(-nearDays), r.Due) || r.Kind == deadlines.KindRefundDue || r.Kind == deadlines.KindSellerPromised || deadlines.IsFollowUp(r.Kind) {
			continue
		}
		if r.Kind == deadlines.KindOpenDispute && !claimable {
			continue
		}
		out = append(out, flag(tracker.FlagDisputeDeadlineNear, tracker.Critical, []int{},
			tracker.Say("Do it before %s is over: after that day this route may be closed for good.", r.Due),
			tracker.Say("%s left: %s", daysWords(left), r.Said)))
		break // the earliest is the one to act on
	}
	for _, r := range rs {
		if r.Kind == deadlines.KindRefundDue && h.reached(r.Due.AddDays(1)) {
			out = append(out, refundOverdue(c, r, today))
		}
	}
	return out
}

// notTheirs are the flags that say a "delivered" parcel was not the buyer's.
var notTheirs = []string{tracker.FlagDeliveredElsewhere, tracker.FlagDeliveredBeforeOrder, tracker.FlagReusedNumber}

// windowOpen lists the routes where a claim can be opened today.
func windowOpen(c tracker.Case, h *horizon) (tracker.Flag, bool) {
	cal := deadlines.CalendarFor(c.Buyer.Country)
	var open tracker.Words
	for _, w := range deadlines.Routes(c) {
		from, okFrom := w.Opens.At(c, cal)
		to, okTo := w.Closes.At(c, cal)
		if okFrom && okTo && h.within(from, to) {
			route := tracker.Say("the %s %s until %s", w.Name, w.Where, to)
			if open.Format == "" {
				open = route
			} else {
				open = tracker.Say("%s; %s", open, route)
			}
		}
	}
	if open.Format == "" {
		return tracker.Flag{}, false
	}
	first := tracker.Say("Write to the seller first and ask for the real ship date, a working tracking number or a refund; if no answer comes within 2 days, open the dispute.")
	if deadlines.StageOf(c.Dispute) == deadlines.Talking {
		first = tracker.Say("You have asked the seller: if the answer does not solve it, open the dispute before the last day.")
	}
	if w := deadlines.Conflicts(c); len(w) > 0 {
		first = tracker.Say("%s %s", first, strings.Join(w, " "))
	}
	return flag(tracker.FlagDisputeWindowOpen, tracker.Info, []int{}, first,
		tracker.Say("You can open a claim now: %s.", open)), true
}

func refundOverdue(c tracker.Case, r deadlines.Reminder, today tracker.Date) tracker.Flag {
	next := tracker.Say("Write to the platform's support with the decision's date and ask where the money is.")
	cal := deadlines.CalendarFor(c.Buyer.Country)
	if w, ok := deadlines.WindowOf(c.Payment); ok && w.Route != r.Route {
		if last, ok := w.Closes.At(c, cal); ok && !last.Before(today) {
			next = tracker.Say("%s If it does not come, ask your bank or PayPal: the %s is open until %s.", next, w.Name, last)
		}
	}
	if c.Payment == "card" {
		next = tracker.Say("%s Some banks book the refund on the original purchase date: look there on your statement too.", next)
	}
	return flag(tracker.FlagRefundOverdue, tracker.Warning, []int{}, next,
		tracker.Say("The refund was due by %s and has not been recorded as received (%d days late). %s", r.Due, r.Due.DaysUntil(today), r.Said))
}

// deliveredNotReceived speaks when the tracking shows a delivery in the buyer's own town and the
// buyer says it never came: the platforms believe such a scan, so other proof is needed. Its
// next step lists what wins that the buyer has not yet recorded, and what they have.
func deliveredNotReceived(in Input) []tracker.Flag {
	c := in.Case
	if !c.Dispute.NotReceived {
		return nil
	}
	for _, sh := range c.Shipments {
		for _, e := range datedEvents(sh.Events) {
			if e.Status != tracker.StatusDelivered || place.Match(e.Place, c.Buyer).Verdict != place.Same {
				continue
			}
			return []tracker.Flag{flag(tracker.FlagDeliveredNotReceived, tracker.Warning, eventExhibits(e), winsInstead(c),
				tracker.Say("The tracking shows %s delivered in %s on %s, your own town, but you say it never came. "+
					"PayPal and eBay usually side with the seller when the tracking shows a dated delivery in the buyer's town or postcode, so the tracking alone will not win this.",
					sh.Number, e.Place, day(e)))}
		}
	}
	return nil
}

// winsInstead is the delivered_not_received advice: the steps still to take, then the ones
// recorded with their dates.
func winsInstead(c tracker.Case) tracker.Words {
	d := c.Dispute
	todo := []struct {
		done  bool
		words tracker.Words
	}{
		{!d.PODRequested.IsZero() || !d.CarrierAnswered.IsZero(), tracker.Say("ask the carrier for its proof of delivery (a signature, a photo or a GPS point) and compare it with your address")},
		{!d.CarrierClaim.IsZero(), tracker.Say("file a claim with the carrier")},
		{!d.PoliceReport.IsZero(), tracker.Say("report the theft to the police and keep the report number")},
		{!d.NeighbourStatement.IsZero(), tracker.Say("ask your neighbours and get a short signed statement")},
	}
	var left, done tracker.Words
	for _, t := range todo {
		if !t.done {
			left = listed(left, t.words)
		}
	}
	for _, f := range deadlines.FollowUps(&d) {
		if !f.Proof.IsZero() {
			done = listed(done, tracker.Say("%s on %s", f.Words(), f.Proof.On))
		}
	}
	out := tracker.Say("Record each step's date on the case and attach the answers to the dispute.")
	if done.Format != "" {
		out = tracker.Say("Recorded: %s. Attach the answers to the dispute.", done)
	}
	if left.Format != "" {
		out = tracker.Say("What wins instead: %s. %s", left, out)
	}
	return out
}

// listed adds w to a list of steps said as one phrase: "a; b; c".
func listed(list, w tracker.Words) tracker.Words {
	if list.Format == "" {
		return w
	}
	return tracker.Say("%s; %s", list, w)
}

func daysWords(n int) tracker.Words {
	switch n {
	case 0:
		return tracker.Say("Today is the last day")
	case 1:
		return tracker.Say("1 day")
	}
	return tracker.Say("%d days", n)
}

// openDispute finds the advice to open a dispute in a flag's next step.
var openDispute = regexp.MustCompile(`(?i)\bopen a dispute\b`)

// followStage rewords the next steps once a dispute is open: the buyer adds the finding to the
// dispute they have, never opens another.
func followStage(flags []tracker.Flag, c tracker.Case) {
	st := deadlines.StageOf(c.Dispute)
	if st < deadlines.DisputeOpen {
		return
	}
	var escalate tracker.Words
	for _, r := range deadlines.Reminders(c) {
		if r.Kind == deadlines.KindEscalate {
			escalate = tracker.Say(" %s", r.Said)
		}
	}
	for i, f := range flags {
		if !openDispute.MatchString(f.Action) {
			continue
		}
		var step tracker.Words
		switch st {
		case deadlines.DisputeOpen:
			step = tracker.Say("Your dispute is open: add this finding to it and %s.%s", attach(f.Exhibits), escalate)
		case deadlines.Escalated:
			step = tracker.Say("Your dispute is escalated: send this finding to the platform and %s, then wait for the decision.", attach(f.Exhibits))
		case deadlines.Closed:
			step = tracker.Say("The refund came back: nothing more to do unless it is taken back.")
		default:
			step = tracker.Say("The dispute was decided for you: keep this finding with the case in case the refund does not come.")
		}
		flags[i].Action, flags[i].Todo = step.String(), step
	}
}
