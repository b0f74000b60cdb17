package evidence

import (
	"fmt"
	"slices"
	"strings"

	"proofpack/tracker"
	"proofpack/tracker/deadlines"
)

// adviceOnly are flags that advise the buyer and prove nothing to the reader of a packet: the
// dispute windows and deadlines (the refund timeline states them as dates), and the warning
// that the platforms believe a delivery scan at the buyer's town (the statement says instead
// that nothing came).
var adviceOnly = []string{tracker.FlagDisputeWindowOpen, tracker.FlagDisputeDeadlineNear, tracker.FlagRefundOverdue, tracker.FlagDeliveredNotReceived}

// supportsClaim keeps the findings that support an item-not-received claim: info findings
// ("input cleaned", "destination tracking") describe the number, not the parcel.
func supportsClaim(f tracker.Flag) bool {
	return f.Severity != tracker.Info && !slices.Contains(adviceOnly, f.Code)
}

// findingTitles name the findings in a clerk's words.
var findingTitles = map[string]string{
	tracker.FlagDeliveredElsewhere:    "Delivered somewhere other than the buyer's address",
	tracker.FlagDeliveredBeforeOrder:  "Delivered before the order was placed",
	tracker.FlagReusedNumber:          "The same tracking number on another order",
	tracker.FlagNotShipped:            "Never handed to the carrier",
	tracker.FlagStalled:               "No tracking movement for weeks",
	tracker.FlagProvisionalNumber:     "The tracking number shows nothing",
	tracker.FlagCheckDigitMismatch:    "The tracking number fails its check digit",
	tracker.FlagNumberUnclear:         "The tracking number is not recognised for sure",
	tracker.FlagUnknownFormat:         "The tracking number fits no carrier's format",
	tracker.FlagLinkMismatch:          "The seller's tracking link is for another carrier",
	tracker.FlagUntrackedService:      "An untracked postal service",
	tracker.FlagNotYetOnline:          "No tracking yet",
	tracker.FlagNumberChangesOnArrive: "The number changes on arrival",
}

// FindingTitle is a finding's heading in words; an unknown code is turned into words as is.
func FindingTitle(code string) string {
	if t, ok := findingTitles[code]; ok {
		return t
	}
	s := strings.ReplaceAll(code, "_", " ")
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

var statusWords = map[tracker.Status]string{
	tracker.StatusNotFound: "Not found", tracker.StatusPending: "Pending",
	tracker.StatusInfoReceived: "Label created", tracker.StatusInTransit: "In transit",
	tracker.StatusOutForDelivery: "Out for delivery", tracker.StatusAttemptFail: "Delivery attempt failed",
	tracker.StatusPickup: "Ready for pickup", tracker.StatusDelivered: "Delivered",
	tracker.StatusException: "Problem", tracker.StatusExpired: "Expired",
}

// StatusWords is a carrier event's status in the packet's language, printed beside the
// carrier's own text (which may be Chinese or Portuguese).
func StatusWords(s tracker.Status) string { return statusWords[s] }

// refundTimeline lists the dates that show the buyer acted in time (the steps taken with the
// carrier, the police and the neighbours among them, with their references), then the
// deadlines still ahead of today.
func refundTimeline(c tracker.Case, today tracker.Date) []RefundRow {
	var rows []RefundRow
	add := func(d tracker.Date, what string) {
		if !d.IsZero() {
			rows = append(rows, RefundRow{When: day(d), What: what})
		}
	}
	add(c.Ordered, fmt.Sprintf("Ordered and paid %s %s", c.Amount, c.Currency))
	add(c.Shipped, "Marked shipped by the seller")
	add(c.Promised, "Latest delivery date promised")
	dd := c.Dispute
	add(dd.SellerContacted, "Asked the seller to solve it")
	add(dd.SellerPromised, "The seller promised to ship or refund by this date")
	// The proof sought beyond the tracking, in the order it was sought, with its references.
	fs := deadlines.FollowUps(&dd)
	slices.SortStableFunc(fs, func(a, b deadlines.FollowUp) int { return b.Proof.On.DaysUntil(a.Proof.On) })
	for _, f := range fs {
		add(f.Proof.On, f.Words())
	}
	opened := "Dispute opened"
	if w, ok := deadlines.DisputeRoute(c); ok && !dd.Opened.IsZero() {
		opened = "Dispute opened (" + w.Name + ")"
		if last, ok := w.Closes.At(c, deadlines.CalendarFor(c.Buyer.Country)); ok && !last.Before(dd.Opened) {
			opened += ", within the window that closes on " + day(last)
		}
	}
	add(dd.Opened, opened)
	add(dd.Escalated, "Dispute escalated")
	add(dd.Won, "Dispute decided for the buyer")
	add(dd.RefundPromised, "Refund promised")
	add(dd.RefundReceived, "Refund received")
	for _, r := range deadlines.Reminders(c) {
		if deadlines.IsFollowUp(r.Kind) {
			continue // the buyer's own reminders, no deadline a clerk weighs
		}
		if r.Due.Before(today) {
			if r.Kind == deadlines.KindRefundDue {
				rows = append(rows, RefundRow{When: day(r.Due), What: "Refund was due by this date and has not arrived", Rule: r.Rule, Source: r.Source})
			}
			continue
		}
		rows = append(rows, RefundRow{When: day(r.Due), What: aheadWords(r), Ahead: true, Rule: r.Rule, Source: r.Source})
	}
	return nonNil(rows)
}

// aheadWords says a deadline ahead for the reader of the packet, not as advice to the buyer.
func aheadWords(r deadlines.Reminder) string {
	w, _ := deadlines.WindowOf(r.Route)
	switch r.Kind {
	case deadlines.KindOpenDispute:
		return "Last day to open the " + w.Name
	case deadlines.KindEscalate:
		return "Last day to escalate the " + w.Name
	case deadlines.KindRefundDue:
		return "Refund due from the " + w.Name
	case deadlines.KindContactBank:
		return "Last day for a card chargeback"
	case deadlines.KindSellerPromised:
		return "The seller's promised date"
	}
	return r.Message
}

// checklist answers Visa 13.1 and Mastercard 4853 "merchandise not received" from the case:
// the expected delivery date, the agreed address beside the tracking's place, the dated
// attempts to settle with the merchant, and the item.
func checklist(c tracker.Case, ex []PacketExhibit, address string) []CheckItem {
	expected := day(c.Promised)
	if expected == "" {
		expected = "No delivery date was given; the order was paid on " + day(c.Ordered) + "."
	}
	agreed := home(c)
	if a := strings.TrimSpace(address); a != "" {
		agreed = a + ", " + agreed
	}
	where := "The tracking shows no event."
	if ev, num, ok := latest(c); ok {
		where = fmt.Sprintf("%s: %s on %s%s (%s).", num, StatusWords(ev.Status), day(tracker.DateOf(ev.Time)), prefixed(" in ", ev.Place), strings.TrimSpace(ev.Description))
	}
	var tries []string
	d := c.Dispute
	for _, x := range []struct {
		when tracker.Date
		what string
	}{{d.SellerContacted, "asked the seller"}, {d.SellerPromised, "the seller promised to ship or refund by this date"},
		{d.Opened, "opened a dispute on " + tracker.MarketplaceName(c.Marketplace)}, {d.Escalated, "escalated the dispute"},
		{d.Won, "the dispute was decided for the buyer"}, {d.RefundPromised, "a refund was promised"}} {
		if !x.when.IsZero() {
			tries = append(tries, day(x.when)+": "+x.what)
		}
	}
	for _, e := range ex {
		if e.ByBuyer && e.Note != "" {
			tries = append(tries, fmt.Sprintf("exhibit %d: %s", e.No, e.Note))
		}
	}
	attempts := strings.Join(tries, "; ") + "."
	if len(tries) == 0 {
		attempts = "None recorded in this packet."
	}
	received := "No: not by the expected date and not at the agreed address."
	if c.Promised.IsZero() {
		received = "No: nothing was delivered at the agreed address."
	}
	return []CheckItem{
		{"Expected delivery date", expected},
		{"Agreed delivery address", agreed},
		{"Where the tracking places the parcel", where},
		{"Attempts to settle with the merchant", attempts},
		{"Item", fmt.Sprintf("%s; %s %s; order %s from %s on %s.", c.Item, c.Amount, c.Currency, c.OrderNumber, c.Seller, tracker.MarketplaceName(c.Marketplace))},
		{"Received", received},
	}
}
