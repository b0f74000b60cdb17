package evidence

import (
	"strings"
	"testing"
	"time"

	"proofpack/tracker"
)

// checkRefundLines compares the packet's refund timeline, a line a row ("ahead " before a
// deadline still to come), with want; every deadline must carry its rule and source.
func checkRefundLines(t *testing.T, p Packet, want []string) {
	t.Helper()
	var got []string
	for _, r := range p.Refund {
		line := r.When + " " + r.What
		if r.Ahead {
			line = "ahead " + line
			if r.Rule == "" || !strings.HasPrefix(r.Source, "http") {
				t.Errorf("a deadline without its rule and source: %+v", r)
			}
		}
		got = append(got, line)
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("refund timeline:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestRefundTimeline(t *testing.T) {
	c, ex, flags := recifeCase()
	c.Dispute.SellerContacted = date(2026, 10, 15)
	now := time.Date(2026, 10, 25, 9, 0, 0, 0, saoPaulo)
	p := NewPacket(c, ex, flags, now, PacketOptions{})
	checkRefundLines(t, p, []string{
		"20 Sep 2026 Ordered and paid 23.49 USD",
		"23 Sep 2026 Marked shipped by the seller",
		"5 Nov 2026 Latest delivery date promised",
		"15 Oct 2026 Asked the seller to solve it",
		"20 Oct 2026 Dispute opened (AliExpress dispute), within the window that closes on 20 Nov 2026",
		"ahead 4 Nov 2026 Last day to escalate the AliExpress dispute",
		"ahead 5 Mar 2027 Last day for a card chargeback",
	})

	// Won, and the refund late: the overdue date stays, as a fact, not as advice.
	c.Dispute.Won = date(2026, 11, 2)
	p = NewPacket(c, ex, flags, time.Date(2027, 1, 12, 9, 0, 0, 0, saoPaulo), PacketOptions{})
	last := p.Refund[len(p.Refund)-2]
	if last.What != "Refund was due by this date and has not arrived" || last.When != "1 Dec 2026" {
		t.Errorf("overdue refund row: %+v", p.Refund)
	}
}

func TestPacketSpeaksToAClerk(t *testing.T) {
	c, ex, flags := recifeCase()
	flags = append(flags,
		tracker.Flag{Code: tracker.FlagInputCleaned, Severity: tracker.Info, Message: "Spaces removed."},
		tracker.Flag{Code: tracker.FlagDisputeDeadlineNear, Severity: tracker.Critical, Message: "3 days left"},
		tracker.Flag{Code: tracker.FlagRefundOverdue, Severity: tracker.Warning, Message: "late"})
	p := NewPacket(c, ex, flags, time.Date(2026, 11, 22, 9, 0, 0, 0, saoPaulo), PacketOptions{Buyer: tracker.Buyer{Name: "Ana Souza", Email: "ana@example.com"}})
	for _, f := range p.Findings {
		if !supportsClaim(tracker.Flag{Code: f.Code, Severity: tracker.Severity(f.Severity)}) {
			t.Errorf("a finding that proves nothing: %+v", f)
		}
	}
	if strings.Contains(p.Statement, "3 days left") || strings.Contains(p.Statement, "late") {
		t.Errorf("advice reached the statement: %s", p.Statement)
	}
	if p.Buyer.Name != "Ana Souza" {
		t.Errorf("buyer: %+v", p.Buyer)
	}
	if p.Exhibits[1].Title != "Seller chat" || p.Exhibits[2].Title != "File added by the buyer" {
		t.Errorf("exhibit titles: %q %q", p.Exhibits[1].Title, p.Exhibits[2].Title)
	}
	for _, e := range p.Exhibits {
		for _, code := range e.CitedBy {
			if code == tracker.FlagDestinationTracking {
				t.Errorf("exhibit %d cited by an info finding", e.No)
			}
		}
	}
	st := map[string]string{}
	for _, r := range p.Timeline {
		if r.Source == sourceCarrier {
			st[r.What] = r.Status
		}
	}
	if st["RR123456785CN: Objeto entregue ao destinatário"] != "Delivered" || st["RR123456785CN: Acceptance"] != "In transit" {
		t.Errorf("carrier statuses in words: %v", st)
	}
	if FindingTitle(tracker.FlagDeliveredElsewhere) != "Delivered somewhere other than the buyer's address" || FindingTitle("x_y") != "X y" {
		t.Error("finding titles")
	}
}

func TestChecklistAndNotReceived(t *testing.T) {
	c, ex, _ := recifeCase()
	c.Shipments[0].Events[1].Place = "São Paulo SP"
	c.Dispute.NotReceived = true
	c.Dispute.SellerContacted = date(2026, 10, 15)
	p := NewPacket(c, ex, nil, time.Date(2026, 11, 22, 9, 0, 0, 0, saoPaulo), PacketOptions{Address: "Av. Paulista 1000"})
	if !strings.Contains(p.Statement, "shows a delivery on 14 Oct 2026 in São Paulo SP, but nothing was delivered to me") {
		t.Errorf("statement of a delivery that never came: %s", p.Statement)
	}
	ans := map[string]string{}
	for _, it := range p.Checklist {
		ans[it.Question] = it.Answer
	}
	for q, want := range map[string]string{
		"Expected delivery date":               "5 Nov 2026",
		"Agreed delivery address":              "Av. Paulista 1000, São Paulo (01310-100), Brazil",
		"Where the tracking places the parcel": "RR123456785CN: Delivered on 14 Oct 2026 in São Paulo SP (Objeto entregue ao destinatário).",
		"Attempts to settle with the merchant": "15 Oct 2026: asked the seller; 20 Oct 2026: opened a dispute on AliExpress; exhibit 2: Seller chat.",
		"Item":                                 "USB-C charger 65 W; 23.49 USD; order 8150322711 from Shenzhen Bright Store 深圳市 on AliExpress.",
	} {
		if ans[q] != want {
			t.Errorf("%s: %q, want %q", q, ans[q], want)
		}
	}
}

// Delivered at home and never received: the steps taken beyond the tracking are dated facts in
// the refund timeline and the statement, with their references; ProofPack's own reminders are
// not deadlines a clerk weighs, so none of them is "ahead".
func TestRefundTimelineOfAParcelNotReceived(t *testing.T) {
	c, ex, _ := recifeCase()
	c.Shipments[0].Events[1].Place = "São Paulo SP"
	c.Dispute = tracker.Dispute{NotReceived: true, NotReceivedOn: date(2026, 10, 16),
		PODRequested:       tracker.Proof{On: date(2026, 10, 16), Ref: "Correios 123.456"},
		CarrierAnswered:    tracker.Proof{On: date(2026, 10, 23), Ref: "the signature is not mine"},
		PoliceReport:       tracker.Proof{On: date(2026, 10, 17), Ref: "BO 2026/8812"},
		NeighbourStatement: tracker.Proof{On: date(2026, 10, 18)},
		Opened:             date(2026, 10, 20)}
	p := NewPacket(c, ex, nil, time.Date(2026, 10, 25, 9, 0, 0, 0, saoPaulo), PacketOptions{})
	checkRefundLines(t, p, []string{
		"20 Sep 2026 Ordered and paid 23.49 USD",
		"23 Sep 2026 Marked shipped by the seller",
		"5 Nov 2026 Latest delivery date promised",
		"16 Oct 2026 Asked the carrier for proof of delivery (request or case number Correios 123.456)",
		"17 Oct 2026 Police report filed (report number BO 2026/8812)",
		"18 Oct 2026 Neighbour's statement obtained",
		"23 Oct 2026 Carrier's answer received: the signature is not mine",
		"20 Oct 2026 Dispute opened (AliExpress dispute), within the window that closes on 20 Nov 2026",
		"ahead 4 Nov 2026 Last day to escalate the AliExpress dispute",
		"ahead 5 Mar 2027 Last day for a card chargeback",
	})
	for _, w := range []string{
		"but nothing was delivered to me and I have not received the parcel. I asked the carrier for its proof of delivery on 16 Oct 2026 (request or case number Correios 123.456).",
		"The carrier answered on 23 Oct 2026: the signature is not mine.",
		"I reported the theft to the police on 17 Oct 2026 (report number BO 2026/8812).",
		"A neighbour gave me a signed statement on 18 Oct 2026.",
	} {
		if !strings.Contains(p.Statement, w) {
			t.Errorf("statement lacks %q:\n%s", w, p.Statement)
		}
	}
	if strings.Contains(p.Statement, "claim with the carrier") {
		t.Errorf("a step not taken is stated: %s", p.Statement)
	}
}
