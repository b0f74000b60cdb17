package deadlines

import (
	"strings"
	"testing"

	"proofpack/tracker"
)

func day(s string) tracker.Date {
	d, err := tracker.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestBusinessDays(t *testing.T) {
	for _, tc := range []struct {
		country, from string
		n             int
		want          string
	}{
		{"US", "2026-11-25", 1, "2026-11-27"},  // Thanksgiving, Thursday 26 November
		{"US", "2026-11-25", 2, "2026-11-30"},  // then the weekend, into the next month's end
		{"US", "2026-11-27", 3, "2026-12-02"},  // across a month end
		{"US", "2026-07-02", 1, "2026-07-06"},  // 4 July is a Saturday, observed Friday 3 July
		{"GB", "2026-12-24", 1, "2026-12-29"},  // Christmas Friday, Boxing Day Saturday observed Monday 28
		{"PL", "2026-11-10", 1, "2026-11-12"},  // Independence Day, 11 November
		{"BR", "2026-04-02", 1, "2026-04-06"},  // Good Friday 3 April, then the weekend
		{"CN", "2026-10-02", 1, "2026-10-05"},  // no holiday table: weekends only
		{"US", "2026-11-02", 20, "2026-12-02"}, // Veterans Day and Thanksgiving inside
	} {
		cal := CalendarFor(tc.country)
		if got := cal.AddBusinessDays(day(tc.from), tc.n); got != day(tc.want) {
			t.Errorf("%s: %s + %d business days = %s, want %s", tc.country, tc.from, tc.n, got, tc.want)
		}
	}
	if CalendarFor("CN").KnowsHolidays() || !CalendarFor("US").KnowsHolidays() {
		t.Error("KnowsHolidays: CN has no table here, US has")
	}
	if CalendarFor("US").IsBusinessDay(day("2026-11-26")) || !CalendarFor("US").IsBusinessDay(day("2026-11-27")) {
		t.Error("Thanksgiving 2026 is not a business day; the Friday after it is")
	}
}

func aliCase() tracker.Case {
	return tracker.Case{ID: "c1", Marketplace: "aliexpress", Payment: "card", Ordered: day("2026-08-28"),
		Shipped: day("2026-09-01"), Promised: day("2026-10-10"), Buyer: tracker.Address{City: "Austin", Country: "US"}}
}

func TestWindows(t *testing.T) {
	mod := func(f func(*tracker.Case)) tracker.Case { c := aliCase(); f(&c); return c }
	for _, tc := range []struct {
		name, route string
		c           tracker.Case
		opens       string
		closes      string
		escalate    string
	}{
		{"AliExpress: day 11 after shipping to 15 days after the delivery time", "aliexpress", aliCase(), "2026-09-12", "2026-10-25", ""},
		{"AliExpress without a promised date: 90 days of protection", "aliexpress",
			mod(func(c *tracker.Case) { c.Promised = tracker.Date{} }), "2026-09-12", "2026-11-30", ""},
		{"AliExpress escalation 15 days into the dispute", "aliexpress",
			mod(func(c *tracker.Case) { c.Dispute.Opened = day("2026-10-20") }), "", "", "2026-11-04"},
		{"card: 120 days from the expected delivery", "card", aliCase(), "2026-10-10", "2027-02-07", ""},
		{"card without a date: wait 15 days, 120 days from payment", "card",
			mod(func(c *tracker.Case) { c.Promised = tracker.Date{}; c.Ordered = day("2026-09-01") }), "2026-09-16", "2026-12-30", ""},
		{"PayPal: 180 days from payment, escalate in 20", "paypal",
			mod(func(c *tracker.Case) { c.Ordered = day("2026-09-01"); c.Dispute.Opened = day("2026-10-01") }), "2026-09-01", "2027-02-28", "2026-10-21"},
		{"eBay: 30 days after the estimated delivery; 21 business days to step in", "ebay",
			mod(func(c *tracker.Case) { c.Dispute.Opened = day("2026-11-16") }), "2026-10-10", "2026-11-09", "2026-12-16"},
		{"Amazon: 3 to 90 days after the latest estimated delivery", "amazon", aliCase(), "2026-10-13", "2027-01-08", ""},
		{"Etsy: from the day after, 100 days", "etsy", aliCase(), "2026-10-11", "2027-01-18", ""},
		{"eBay without a delivery date: from the order, the safe side", "ebay",
			mod(func(c *tracker.Case) { c.Promised = tracker.Date{} }), "2026-08-28", "2026-09-27", ""},
		{"Amazon without a delivery date: from the order", "amazon",
			mod(func(c *tracker.Case) { c.Promised = tracker.Date{} }), "2026-08-31", "2026-11-26", ""},
		{"Temu: 90 days from purchase", "temu", aliCase(), "2026-10-10", "2026-11-26", ""},
	} {
		w, ok := WindowOf(tc.route)
		if !ok {
			t.Fatalf("%s: no window", tc.route)
		}
		if w.Source == "" || w.Checked.IsZero() || w.Rule == "" {
			t.Errorf("%s: a window needs its rule, source and date checked", tc.route)
		}
		cal := CalendarFor(tc.c.Buyer.Country)
		check := func(what string, s *Span, want string) {
			if want == "" {
				return
			}
			got, ok := s.At(tc.c, cal)
			if !ok || got != day(want) {
				t.Errorf("%s: %s = %s (%v), want %s", tc.name, what, got, ok, want)
			}
		}
		check("opens", &w.Opens, tc.opens)
		check("closes", &w.Closes, tc.closes)
		check("escalate", w.Escalate, tc.escalate)
	}
}

func TestStage(t *testing.T) {
	d := tracker.Dispute{}
	steps := []struct {
		set  func(*tracker.Dispute)
		want Stage
	}{
		{func(*tracker.Dispute) {}, Waiting},
		{func(d *tracker.Dispute) { d.SellerContacted = day("2026-10-01") }, Talking},
		{func(d *tracker.Dispute) { d.Opened = day("2026-10-12") }, DisputeOpen},
		{func(d *tracker.Dispute) { d.Escalated = day("2026-10-20") }, Escalated},
		{func(d *tracker.Dispute) { d.Won = day("2026-11-02") }, Decided},
		{func(d *tracker.Dispute) { d.RefundPromised = day("2026-11-03") }, RefundPromised},
		{func(d *tracker.Dispute) { d.RefundReceived = day("2026-11-20") }, Closed},
	}
	for _, s := range steps {
		s.set(&d)
		if got := StageOf(d); got != s.want {
			t.Errorf("after %+v: stage %s, want %s", d, got, s.want)
		}
	}
	if Closed.NextStep() != "" || DisputeOpen.NextStep() != "escalate the dispute" || DisputeOpen.Code() != "dispute_open" {
		t.Error("stage words")
	}
}

func TestCheckSteps(t *testing.T) {
	today := day("2026-11-01")
	for _, tc := range []struct {
		set   func(*tracker.Dispute)
		field string // "" = accepted
		words string
	}{
		{func(d *tracker.Dispute) { d.Opened = day("2026-10-12"); d.RefundReceived = day("2026-10-30") }, "", ""},
		{func(d *tracker.Dispute) { d.Opened = day("2026-08-01") }, "dispute_opened", "before the order date 2026-08-28"},
		{func(d *tracker.Dispute) { d.Opened = day("2026-10-12"); d.RefundReceived = day("2026-10-11") }, "refund_received", "before the dispute was opened"},
		{func(d *tracker.Dispute) { d.Opened = day("2026-10-12"); d.RefundPromised = day("2026-10-01") }, "refund_promised", "before the dispute"},
		{func(d *tracker.Dispute) { d.Opened = day("2026-11-02") }, "dispute_opened", "in the future"},
		{func(d *tracker.Dispute) { d.Escalated = day("2026-10-20") }, "dispute_opened", "never opened"},
		{func(d *tracker.Dispute) { d.SellerPromised = day("2026-12-01") }, "", ""}, // a promise may lie ahead
		{func(d *tracker.Dispute) { d.RefundReceived = day("2026-10-01") }, "", ""}, // refunded without a dispute
	} {
		c := aliCase()
		tc.set(&c.Dispute)
		err := CheckSteps(c, today)
		if tc.field == "" {
			if err != nil {
				t.Errorf("%+v: %v", c.Dispute, err)
			}
			continue
		}
		if tracker.FieldOf(err) != tc.field || tracker.KindOf(err) != tracker.KindInvalid || !strings.Contains(err.Error(), tc.words) {
			t.Errorf("%+v: got %v, want field %s with %q", c.Dispute, err, tc.field, tc.words)
		}
	}
}

func kinds(rs []Reminder) string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Kind+"@"+r.Due.String())
	}
	return strings.Join(out, " ")
}

func TestReminders(t *testing.T) {
	mod := func(f func(*tracker.Case)) tracker.Case { c := aliCase(); f(&c); return c }
	for _, tc := range []struct {
		name string
		c    tracker.Case
		want string
	}{
		{"waiting: each route's last day, earliest first", aliCase(),
			"open_dispute_by@2026-10-25 contact_bank_by@2027-02-07"},
		{"the seller's promise comes first", mod(func(c *tracker.Case) { c.Dispute.SellerPromised = day("2026-09-20") }),
			"seller_promised@2026-09-20 open_dispute_by@2026-10-25 contact_bank_by@2027-02-07"},
		{"dispute open: escalate, the bank as fall-back", mod(func(c *tracker.Case) { c.Dispute.Opened = day("2026-10-20") }),
			"escalate_by@2026-11-04 contact_bank_by@2027-02-07"},
		{"escalated: only the fall-back", mod(func(c *tracker.Case) { c.Dispute.Opened = day("2026-10-20"); c.Dispute.Escalated = day("2026-10-25") }),
			"contact_bank_by@2027-02-07"},
		{"won: the refund is due 20 business days later", mod(func(c *tracker.Case) { c.Dispute.Opened = day("2026-10-20"); c.Dispute.Won = day("2026-11-02") }),
			"refund_due_by@2026-12-02 contact_bank_by@2027-02-07"},
		{"refund promised later: counted from the promise", mod(func(c *tracker.Case) {
			c.Dispute.Opened = day("2026-10-20")
			c.Dispute.Won = day("2026-11-02")
			c.Dispute.RefundPromised = day("2026-11-03")
		}), "refund_due_by@2026-12-03 contact_bank_by@2027-02-07"},
		{"closed: nothing", mod(func(c *tracker.Case) { c.Dispute.RefundReceived = day("2026-10-01") }), ""},
		{"paid from a balance on another shop: no route", mod(func(c *tracker.Case) { c.Marketplace = "other"; c.Payment = "balance" }), ""},
		{"PayPal on another shop: the PayPal dispute", mod(func(c *tracker.Case) {
			c.Marketplace = "other"
			c.Payment = "paypal"
			c.Dispute.Opened = day("2026-10-01")
		}),
			"escalate_by@2026-10-21"},
	} {
		rs := Reminders(tc.c)
		if got := kinds(rs); got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.name, got, tc.want)
		}
		for _, r := range rs {
			if r.CaseID != "c1" || r.Message == "" || r.Source == "" || strings.Contains(r.Message, "%!") {
				t.Errorf("%s: incomplete reminder %+v", tc.name, r)
			}
		}
	}
}

func TestNextAndConflicts(t *testing.T) {
	rs := Reminders(aliCase())
	if n, _ := Next(rs, day("2026-10-01")); n.Kind != KindOpenDispute {
		t.Errorf("next on 1 October: %+v", n)
	}
	if n, _ := Next(rs, day("2026-11-01")); n.Kind != KindContactBank {
		t.Errorf("next once the AliExpress window closed: %+v", n)
	}
	if n, _ := Next(rs, day("2027-03-01")); n.Due != day("2027-02-07") {
		t.Errorf("all overdue: the latest, got %+v", n)
	}
	if _, ok := Next(nil, day("2027-03-01")); ok {
		t.Error("no reminders, no next")
	}
	c := aliCase()
	c.Marketplace = "amazon"
	w := Conflicts(c)
	if len(w) != 1 || !strings.Contains(w[0], "card chargeback ends your Amazon A-to-z") {
		t.Errorf("amazon paid by card: %q", w)
	}
	if len(Conflicts(aliCase())) != 0 {
		t.Error("AliExpress and card do not close each other")
	}
}
