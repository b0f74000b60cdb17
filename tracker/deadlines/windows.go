package deadlines

import (
	"fmt"

	"proofpack/tracker"
)

// Anchor is the recorded date a span is counted from.
type Anchor string

// The anchors a window can count from.
const (
	FromOrder    Anchor = "order"    // the order (payment) date
	FromShipped  Anchor = "shipped"  // the day the seller says it shipped, else the order date
	FromDelivery Anchor = "delivery" // the latest promised delivery date
	FromOpened   Anchor = "opened"   // the day the buyer opened the dispute
	FromDecision Anchor = "decision" // the later of "decided for you" and "refund promised"
)

// Span is "Days (business) days after From"; Else is used when From was not recorded.
type Span struct {
	From     Anchor
	Days     int
	Business bool
	Else     *Span
}

// Window is one route's rules for an item that never came: when a claim can be opened and
// until when, how long the buyer has to escalate, and how long a granted refund may take.
type Window struct {
	Route    string // a marketplace of tracker.Marketplaces, or "paypal" or "card"
	Name     string // "AliExpress dispute"
	Where    string // "on AliExpress": completes "open the dispute …"
	Opens    Span
	Closes   Span
	Escalate *Span // from FromOpened; nil when the route has no separate escalation deadline
	Refund   Span  // from FromDecision
	Rule     string
	Source   string
	Checked  tracker.Date
	// Ends lists the routes that using this one closes (a chargeback ends an A-to-z claim).
	Ends []string
}

// noDate ends the rule of a window counted from the delivery date that has a fall-back.
const noDate = " Without a delivery date ProofPack counts from the order date, which is earlier and so safe."

var checked = tracker.Date{Year: 2026, Month: 11, Day: 22} // research/disputes.md, claims.md

// Windows are the dispute rules, from research/disputes.md (section 1) and claims.md. Where the
// sources conflict the buyer-safe (earlier) deadline is taken.
var Windows = []Window{
	{
		Route: "aliexpress", Name: "AliExpress dispute", Where: "on AliExpress",
		Opens:    Span{From: FromShipped, Days: 11},
		Closes:   Span{From: FromDelivery, Days: 15, Else: &Span{From: FromShipped, Days: 90}},
		Escalate: &Span{From: FromOpened, Days: 15},
		Refund:   Span{From: FromDecision, Days: 20, Business: true},
		Rule: "A dispute can be opened from the 11th day after shipping until 15 days after the delivery time ends; " +
			"the seller has up to 15 days to answer before you escalate; a refund takes 3-20 business days, then ask your bank.",
		Source:  "https://christinasbeautyjourney.blogspot.com/2022/03/how-to-open-dispute.html (copy of AliExpress help); https://cnjdpart.com/ru/pages/faqs (refund 3-20 business days)",
		Checked: checked,
	},
	{
		Route: "ebay", Name: "eBay Money Back Guarantee request", Where: "on eBay",
		Opens:    Span{From: FromDelivery, Else: &Span{From: FromOrder}},
		Closes:   Span{From: FromDelivery, Days: 30, Else: &Span{From: FromOrder, Days: 30}},
		Escalate: &Span{From: FromOpened, Days: 21, Business: true},
		Refund:   Span{From: FromDecision, Days: 30},
		Rule: "Tell the seller from the estimated delivery date until 30 days after it; the seller has 3 business days, " +
			"then ask eBay to step in (the request may close after 21 business days); a card refund can take up to 30 days." +
			noDate,
		Source:  "https://4bikebiz.com/get-help-with-an-item-that-hasnt-arrived/ (copy of eBay help); http://pages.ebay.ca/ebay-money-back-guarantee/",
		Checked: checked,
	},
	{
		Route: "amazon", Name: "Amazon A-to-z Guarantee claim", Where: "with Amazon (A-to-z)",
		Opens:  Span{From: FromDelivery, Days: 3, Else: &Span{From: FromOrder, Days: 3}},
		Closes: Span{From: FromDelivery, Days: 90, Else: &Span{From: FromOrder, Days: 90}},
		Refund: Span{From: FromDecision, Days: 30},
		Rule: "Claim from 3 days after the latest estimated delivery date until 90 days after it, after asking the seller " +
			"and waiting 48 hours; a card chargeback ends the claim." + noDate,
		Source:  "https://www.amazon.com/gp/help/customer/display.html?nodeId=200783670",
		Checked: checked,
	},
	{
		Route: "temu", Name: "Temu purchase protection", Where: "with Temu",
		Opens:  Span{From: FromDelivery},
		Closes: Span{From: FromOrder, Days: 90},
		Refund: Span{From: FromDecision, Days: 14, Business: true},
		Rule: "Report it after the latest estimated delivery date, within 90 days of purchase; " +
			"a refund to the original payment takes 5-14 business days.",
		Source:  "https://www.temu.com/temu-purchase-protection.html; https://www.temu.com/support/c3/how-do-i-track-my-refund-f-51-s-129.html",
		Checked: checked,
	},
	{
		Route: "etsy", Name: "Etsy case", Where: "on Etsy",
		Opens:  Span{From: FromDelivery, Days: 1, Else: &Span{From: FromOrder, Days: 1}},
		Closes: Span{From: FromDelivery, Days: 100, Else: &Span{From: FromOrder, Days: 100}},
		Refund: Span{From: FromDecision, Days: 30},
		Rule: "Open a case from the day after the estimated delivery date (and 48 hours after asking the seller), " +
			"within 100 days." + noDate,
		Source:  "https://help.etsy.com/hc/en-us/articles/360016126873-How-to-Resolve-a-Case-from-a-Buyer",
		Checked: checked,
	},
	{
		Route: "paypal", Name: "PayPal dispute", Where: "with PayPal",
		Opens:    Span{From: FromOrder},
		Closes:   Span{From: FromOrder, Days: 180},
		Escalate: &Span{From: FromOpened, Days: 20},
		Refund:   Span{From: FromDecision, Days: 5, Business: true},
		Rule: "Open a dispute within 180 days of payment and escalate it to a claim within 20 days, " +
			"or it closes for good; a refund to PayPal takes 3-5 business days.",
		Source:  "https://www.paypal.com/ao/smarthelp/article/what-if-i-can't-resolve-my-dispute-faq932",
		Checked: checked,
	},
	{
		Route: "card", Name: "card chargeback", Where: "with your bank (chargeback)",
		Opens:  Span{From: FromDelivery, Else: &Span{From: FromOrder, Days: 15}},
		Closes: Span{From: FromDelivery, Days: 120, Else: &Span{From: FromOrder, Days: 120}},
		Refund: Span{From: FromDecision, Days: 30},
		Rule: "Visa 13.1 and Mastercard 4853: ask your bank within 120 days of the expected delivery date " +
			"(of the payment when no date was given, after waiting 15 days).",
		Source:  "https://justt.ai/chargeback-reason-codes/visa/13-1-merchandise-services-not-received/; https://www2.firstdirect.com/help/product-support/card-payments-help/",
		Checked: checked,
		Ends:    []string{"amazon"},
	},
}

// WindowOf returns the window of a route.
func WindowOf(route string) (Window, bool) {
	for _, w := range Windows {
		if w.Route == route {
			return w, true
		}
	}
	return Window{}, false
}

// Routes are the windows open to a case: its marketplace's, then its payment route's
// (a balance payment has none; PayPal and card do).
func Routes(c tracker.Case) []Window {
	var out []Window
	if w, ok := WindowOf(c.Marketplace); ok {
		out = append(out, w)
	}
	if w, ok := WindowOf(c.Payment); ok {
		out = append(out, w)
	}
	return out
}

// DisputeRoute is the route a recorded dispute was opened on: the marketplace's when it has
// one, else the payment's.
func DisputeRoute(c tracker.Case) (Window, bool) {
	rs := Routes(c)
	if len(rs) == 0 {
		return Window{}, false
	}
	return rs[0], true
}

// Conflicts warns when using one route of the case closes another.
func Conflicts(c tracker.Case) []string {
	rs := Routes(c)
	var out []string
	for _, a := range rs {
		for _, b := range rs {
			for _, e := range a.Ends {
				if e == b.Route {
					out = append(out, fmt.Sprintf("A %s ends your %s: claim %s first, and use the %s only if that fails.",
						a.Name, b.Name, b.Where, a.Name))
				}
			}
		}
	}
	return out
}

// anchor returns the recorded date a span counts from.
func anchor(a Anchor, c tracker.Case) tracker.Date {
	switch a {
	case FromOrder:
		return c.Ordered
	case FromShipped:
		if !c.Shipped.IsZero() {
			return c.Shipped
		}
		return c.Ordered
	case FromDelivery:
		return c.Promised
	case FromOpened:
		return c.Dispute.Opened
	case FromDecision:
		d := c.Dispute.Won
		if d.Before(c.Dispute.RefundPromised) {
			d = c.Dispute.RefundPromised
		}
		return d
	}
	return tracker.Date{}
}

// At resolves the span for a case; ok is false when neither its anchor nor its Else was recorded.
func (s Span) At(c tracker.Case, cal Calendar) (tracker.Date, bool) {
	from := anchor(s.From, c)
	if from.IsZero() {
		if s.Else != nil {
			return s.Else.At(c, cal)
		}
		return tracker.Date{}, false
	}
	if s.Business {
		return cal.AddBusinessDays(from, s.Days), true
	}
	return from.AddDays(s.Days), true
}
