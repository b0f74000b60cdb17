package rules

import (
	"strings"
	"testing"

	"proofpack/tracker"
)

// aliexpress is an AliExpress order paid by card, shipped 1 September, promised by 10 October.
func aliexpress(events ...tracker.Event) tracker.Case {
	c := newCase("Austin", "78701", "US", "2026-08-28", events...)
	c.Marketplace, c.Payment = "aliexpress", "card"
	c.Shipped, c.Promised = date("2026-09-01"), date("2026-10-10")
	return c
}

func find(r Report, code string) (tracker.Flag, bool) {
	for _, f := range r.Flags {
		if f.Code == code {
			return f, true
		}
	}
	return tracker.Flag{}, false
}

func eval(c tracker.Case, now string) Report {
	return Evaluate(Input{Case: c, Now: at(now)}, DefaultSettings())
}

// The "done when": a won AliExpress dispute with no refund 71 days later raises
// refund_overdue, and 2 days later does not.
func TestRefundOverdueAfterAWonAliExpressDispute(t *testing.T) {
	c := aliexpress(ev("2026-09-03 10:00", tracker.StatusInTransit, "Shenzhen"))
	c.Dispute.Opened, c.Dispute.Won = date("2026-10-20"), date("2026-11-02")
	won := date("2026-11-02")
	r := eval(c, won.AddDays(71).String())
	f, ok := find(r, tracker.FlagRefundOverdue)
	if !ok {
		t.Fatalf("71 days after the win: no refund_overdue in %+v", r.Flags)
	}
	if f.Severity != tracker.Warning || !strings.Contains(f.Message, "due by 2026-12-02") || !strings.Contains(f.Action, "bank") {
		t.Errorf("refund_overdue: %+v", f)
	}
	if _, ok := find(eval(c, won.AddDays(2).String()), tracker.FlagRefundOverdue); ok {
		t.Error("2 days after the win the refund is not overdue")
	}
	// Due on 2 December (20 US business days): not on the day, the day after.
	if _, ok := find(eval(c, "2026-12-02"), tracker.FlagRefundOverdue); ok {
		t.Error("on the due day it is not overdue yet")
	}
	if _, ok := find(eval(c, "2026-12-03"), tracker.FlagRefundOverdue); !ok {
		t.Error("the day after the due day it is overdue")
	}
	c.Dispute.RefundReceived = date("2026-12-20")
	r = eval(c, "2027-01-20")
	for _, code := range []string{tracker.FlagRefundOverdue, tracker.FlagDisputeDeadlineNear, tracker.FlagDisputeWindowOpen} {
		if _, ok := find(r, code); ok {
			t.Errorf("a closed case has no %s", code)
		}
	}
	if f, _ := find(r, tracker.FlagStalled); !strings.Contains(f.Action, "refund came back") {
		t.Errorf("closed: %q", f.Action)
	}
}

func TestDisputeWindowAndDeadline(t *testing.T) {
	transit := ev("2026-09-03 10:00", tracker.StatusInTransit, "Shenzhen")
	for _, tc := range []struct {
		name, now string
		change    func(*tracker.Case)
		want      []string // timeline codes, in order
		words     string
	}{
		{"before day 11 after shipping only the card route is open", "2026-09-10", nil,
			nil, ""},
		{"open from day 11", "2026-09-12", nil,
			[]string{tracker.FlagDisputeWindowOpen}, "AliExpress dispute on AliExpress until 2026-10-25"},
		{"8 days before the last day: not yet near", "2026-10-17", nil,
			[]string{tracker.FlagDisputeWindowOpen}, ""},
		{"7 days before the last day: near", "2026-10-18", nil,
			[]string{tracker.FlagDisputeWindowOpen, tracker.FlagDisputeDeadlineNear}, "7 days left"},
		{"the last day", "2026-10-25", nil,
			[]string{tracker.FlagDisputeWindowOpen, tracker.FlagDisputeDeadlineNear}, "Today is the last day"},
		{"dispute open: escalate within 15 days, near at 7", "2026-10-29",
			func(c *tracker.Case) { c.Dispute.Opened = date("2026-10-20") },
			[]string{tracker.FlagDisputeDeadlineNear}, "Escalate your AliExpress dispute by 2026-11-04"},
		{"delivered in another town: still a dispute to open", "2026-09-20",
			func(c *tracker.Case) {
				c.Shipments[0].Events = append(c.Shipments[0].Events, ev("2026-09-18 10:00", tracker.StatusDelivered, "Chicago, IL 60601"))
			}, []string{tracker.FlagDisputeWindowOpen}, "AliExpress dispute on AliExpress until 2026-10-25"},
		{"delivered at home: no dispute to open", "2026-09-20",
			func(c *tracker.Case) {
				c.Shipments[0].Events = append(c.Shipments[0].Events, ev("2026-09-18 10:00", tracker.StatusDelivered, "Austin TX 78701"))
			}, nil, ""},
	} {
		c := aliexpress(transit)
		if tc.change != nil {
			tc.change(&c)
		}
		r := eval(c, tc.now)
		var got []string
		var text string
		for _, f := range r.Flags {
			switch f.Code {
			case tracker.FlagDisputeWindowOpen, tracker.FlagDisputeDeadlineNear, tracker.FlagRefundOverdue:
				got = append(got, f.Code)
				text += f.Message + " " + f.Action + " "
			}
		}
		// critical first
		if strings.Join(sorted(got), " ") != strings.Join(sorted(tc.want), " ") {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
		if !strings.Contains(text, tc.words) {
			t.Errorf("%s: %q lacks %q", tc.name, text, tc.words)
		}
	}
}

func sorted(s []string) []string {
	out := append([]string(nil), s...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

func TestAmazonPaidByCardWarnsTheChargebackEndsTheClaim(t *testing.T) {
	c := aliexpress(ev("2026-09-03 10:00", tracker.StatusInTransit, "Shenzhen"))
	c.Marketplace = "amazon"
	f, ok := find(eval(c, "2026-10-20"), tracker.FlagDisputeWindowOpen)
	if !ok || !strings.Contains(f.Action, "card chargeback ends your Amazon A-to-z Guarantee claim") {
		t.Errorf("%+v", f)
	}
}

// Once a dispute is open, no next step says "open a dispute".
func TestNextStepsFollowTheStage(t *testing.T) {
	c := aliexpress(ev("2026-09-03 10:00", tracker.StatusInTransit, "Shenzhen"))
	r := eval(c, "2026-10-20")
	f, ok := find(r, tracker.FlagStalled)
	if !ok || !openDispute.MatchString(f.Action) {
		t.Fatalf("before a dispute, stalled advises opening one: %+v", r.Flags)
	}
	for _, tc := range []struct {
		set  func(*tracker.Dispute)
		want string
	}{
		{func(d *tracker.Dispute) { d.Opened = date("2026-10-15") }, "Your dispute is open: add this finding to it and attach exhibit 2. Escalate your AliExpress dispute by 2026-10-30"},
		{func(d *tracker.Dispute) { d.Escalated = date("2026-10-18") }, "Your dispute is escalated"},
		{func(d *tracker.Dispute) { d.Won = date("2026-10-19") }, "decided for you"},
	} {
		tc.set(&c.Dispute)
		r := eval(c, "2026-10-20")
		for _, f := range r.Flags {
			if openDispute.MatchString(f.Action) {
				t.Errorf("%s at stage %+v still says open a dispute: %s", f.Code, c.Dispute, f.Action)
			}
		}
		if f, _ := find(r, tracker.FlagStalled); !strings.Contains(f.Action, tc.want) {
			t.Errorf("stalled at %+v: %q, want %q", c.Dispute, f.Action, tc.want)
		}
	}
}

func TestDeliveredNotReceived(t *testing.T) {
	home := ev("2026-09-18 10:00", tracker.StatusDelivered, "AUSTIN, TX 78701")
	c := aliexpress(home)
	if _, ok := find(eval(c, "2026-09-20"), tracker.FlagDeliveredNotReceived); ok {
		t.Error("without the buyer's word, a delivery at home is a delivery")
	}
	c.Dispute.NotReceived = true
	r := eval(c, "2026-09-20")
	f, ok := find(r, tracker.FlagDeliveredNotReceived)
	if !ok {
		t.Fatalf("no delivered_not_received: %+v", r.Flags)
	}
	for _, w := range []string{"PayPal and eBay usually side with the seller", "AUSTIN, TX 78701", "2026-09-18"} {
		if !strings.Contains(f.Message, w) {
			t.Errorf("message lacks %q: %s", w, f.Message)
		}
	}
	for _, w := range []string{"proof of delivery", "signature", "photo", "GPS", "claim with the carrier", "police", "neighbours"} {
		if !strings.Contains(f.Action, w) {
			t.Errorf("action lacks %q: %s", w, f.Action)
		}
	}
	if f.Severity != tracker.Warning || len(f.Exhibits) != 1 {
		t.Errorf("%+v", f)
	}
	if _, ok := find(r, tracker.FlagDisputeWindowOpen); !ok {
		t.Error("a parcel the buyer never got can still be disputed")
	}
	// Our own follow-ups fall within days, but they close no route: no "deadline near".
	if f, ok := find(r, tracker.FlagDisputeDeadlineNear); ok && (strings.Contains(f.Message, "carrier") || strings.Contains(f.Message, "neighbours")) {
		t.Errorf("a follow-up raised dispute_deadline_near: %s", f.Message)
	}
	// The advice follows what was recorded: the steps taken, with their dates, leave the list.
	c.Dispute.PODRequested = tracker.Proof{On: date("2026-09-19")}
	c.Dispute.PoliceReport = tracker.Proof{On: date("2026-09-20"), Ref: "BO-77"}
	f, _ = find(eval(c, "2026-09-20"), tracker.FlagDeliveredNotReceived)
	for _, w := range []string{"What wins instead: file a claim with the carrier; ask your neighbours", "Recorded: Asked the carrier for proof of delivery on 2026-09-19; Police report filed (report number BO-77) on 2026-09-20."} {
		if !strings.Contains(f.Action, w) {
			t.Errorf("action lacks %q: %s", w, f.Action)
		}
	}
	if strings.Contains(f.Action, "police and keep") || strings.Contains(f.Action, "GPS") {
		t.Errorf("a step taken is still advised: %s", f.Action)
	}
	other := aliexpress(ev("2026-09-18 10:00", tracker.StatusDelivered, "Chicago, IL 60601"))
	other.Dispute.NotReceived = true
	if _, ok := find(eval(other, "2026-09-20"), tracker.FlagDeliveredNotReceived); ok {
		t.Error("a delivery in another town is delivered_elsewhere's, not this flag's")
	}
}
