package pdf

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"proofpack/evidence"
	"proofpack/tracker"
)

// A case with a dispute open, as a bank clerk receives it: the refund timeline, the card
// networks' checklist, the buyer's name and signature line, findings in words.
func clerkPacket(t *testing.T) (*fixture, *Output) {
	t.Helper()
	f := newFixture(t)
	f.c.Promised = tracker.Date{Year: 2026, Month: 11, Day: 5}
	f.c.Dispute = tracker.Dispute{SellerContacted: tracker.Date{Year: 2026, Month: 11, Day: 6}, Opened: tracker.Date{Year: 2026, Month: 11, Day: 10}}
	f.add(t, 1, "screenshot", "png", "image/png", screenshot(t, 1280, 1400, 1), "https://rastreamento.correios.com.br/app/index.php?objeto=RR123456785CN")
	f.add(t, 2, "file", "png", "image/png", screenshot(t, 600, 500, 2), "")
	f.ex[1].Note = "Chat with the seller, 6 Nov 2026"
	f.flags = []tracker.Flag{
		{Code: tracker.FlagDeliveredElsewhere, Severity: tracker.Critical, Message: "Delivered in Recife.", Exhibits: []int{1}},
		{Code: tracker.FlagInputCleaned, Severity: tracker.Info, Message: "Spaces were removed from the number.", Exhibits: []int{}},
		{Code: tracker.FlagDestinationTracking, Severity: tracker.Info, Message: "Correios tracks this number too.", Exhibits: []int{1}},
	}
	p := f.packet(evidence.PacketOptions{Buyer: tracker.Buyer{Name: "Ana Souza", Email: "ana@example.com", Phone: "+55 11 99999-0000"}, Address: "Av. Paulista 1000, apto 12"})
	out, err := Render(context.Background(), p, Options{Profile: Profiles["bank"], Root: f.root})
	if err != nil {
		t.Fatal(err)
	}
	return f, out
}

func TestPacketRefundTimelineReadsBack(t *testing.T) {
	f, out := clerkPacket(t)
	text := flat(poppler(t, out.PDF, "pdftotext"))
	for _, want := range []string{
		"Refund timeline",
		"6 Nov 2026 Asked the seller to solve it",
		"10 Nov 2026 Dispute opened (AliExpress dispute), within the window that closes on 20 Nov 2026",
		"25 Nov 2026 Ahead: Last day to escalate the AliExpress dispute Rule: A dispute can be opened from the 11th day",
		"Source: https://christinasbeautyjourney.blogspot.com",
		"5 Mar 2027 Ahead: Last day for a card chargeback Rule: Visa 13.1 and Mastercard 4853",
		"Merchandise not received (Visa 13.1, Mastercard 4853)",
		"Expected delivery date 5 Nov 2026",
		"Agreed delivery address Av. Paulista 1000, apto 12, São Paulo (01310-100), Brazil",
		"Where the tracking places the parcel RR123456785CN: Delivered on 14 Oct 2026 in Recife",
		"Attempts to settle with the merchant 6 Nov 2026: asked the seller; 10 Nov 2026: opened a dispute on AliExpress; exhibit 2: Chat with the seller, 6 Nov 2026.",
		"Claimant Ana Souza", "Contact ana@example.com · +55 11 99999-0000",
		"read and signed by Ana Souza", "Signature", "Date",
		"CRITICAL · Delivered somewhere other than the buyer's address",
		"Delivered · RR123456785CN: Objeto entregue ao destinatário",
		"In transit · RR123456785CN: Acceptance",
		"Exhibit 2 Chat with the seller, 6 Nov 2026",
		"Supports Delivered somewhere other than the buyer's address",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q", want)
		}
	}
	for _, bad := range []string{"delivered_elsewhere", "Input cleaned", "Destination tracking", "Correios tracks", "Buyer's file", "Proves", "Drafted by ProofPack"} {
		if strings.Contains(text, bad) {
			t.Errorf("text says %q", bad)
		}
	}
	// Short hashes on the exhibit pages, full ones in the index and the appendix.
	for _, e := range f.ex {
		if n := strings.Count(text, e.SHA256); n != 2 {
			t.Errorf("%s: full hash %d times, want the index and the appendix", e.Path, n)
		}
		if !strings.Contains(text, "SHA-256 "+e.SHA256[:12]+"… (in full in the evidence index)") {
			t.Errorf("%s: no short hash on its exhibit page", e.Path)
		}
	}
	if regexp.MustCompile(`SHA-256 [0-9a-f]{13,63}[^0-9a-f]`).MatchString(text) {
		t.Error("a hash cut at an odd length")
	}
}

func TestNoPageLeftNearlyEmpty(t *testing.T) {
	_, out := clerkPacket(t)
	if len(out.Fill) != out.Pages {
		t.Fatalf("%d fills for %d pages", len(out.Fill), out.Pages)
	}
	for i, v := range out.Fill[:len(out.Fill)-1] {
		if v < fullEnough {
			t.Errorf("page %d is %.0f%% full, then a new page starts:\n%s", i+1, v*100, strings.Join(out.Layout, "\n"))
		}
	}
	if dir := os.Getenv("PROOFPACK_PAGES"); dir != "" { // look at them: pdftoppm -r 60
		p := filepath.Join(dir, "clerk.pdf")
		os.WriteFile(p, out.PDF, 0o600)
		exec.Command("pdftoppm", "-r", "60", "-png", p, filepath.Join(dir, "clerk")).Run()
	}
	t.Logf("pages %d: %s", out.Pages, strings.Join(out.Layout, " | "))
}

// Delivered in the buyer's town and never received: the packet's refund timeline lists the
// steps taken with the carrier, the police and a neighbour, dated and with their references,
// as pdftotext reads them back; ProofPack's own follow-up reminders are not printed as ahead.
func TestPacketRefundTimelineListsTheFollowUps(t *testing.T) {
	f := newFixture(t)
	f.c.Shipments[0].Events[2].Place = "São Paulo SP"
	f.c.Dispute = tracker.Dispute{NotReceived: true, NotReceivedOn: tracker.Date{Year: 2026, Month: 10, Day: 16},
		PODRequested:       tracker.Proof{On: tracker.Date{Year: 2026, Month: 10, Day: 16}, Ref: "Correios 123.456"},
		CarrierClaim:       tracker.Proof{On: tracker.Date{Year: 2026, Month: 10, Day: 26}, Ref: "RC-2026-77"},
		PoliceReport:       tracker.Proof{On: tracker.Date{Year: 2026, Month: 10, Day: 17}, Ref: "BO 2026/8812"},
		NeighbourStatement: tracker.Proof{On: tracker.Date{Year: 2026, Month: 10, Day: 18}, Ref: "Maria Lima, apto 11"}}
	f.add(t, 1, "screenshot", "png", "image/png", screenshot(t, 1280, 1400, 1), "https://rastreamento.correios.com.br/app/index.php?objeto=RR123456785CN")
	out, err := Render(context.Background(), f.packet(evidence.PacketOptions{Buyer: tracker.Buyer{Name: "Ana Souza"}}), Options{Profile: Profiles["paypal"], Root: f.root})
	if err != nil {
		t.Fatal(err)
	}
	text := flat(poppler(t, out.PDF, "pdftotext"))
	for _, want := range []string{
		"16 Oct 2026 Asked the carrier for proof of delivery (request or case number Correios 123.456)",
		"17 Oct 2026 Police report filed (report number BO 2026/8812)",
		"18 Oct 2026 Neighbour's statement obtained: Maria Lima, apto 11",
		"26 Oct 2026 Carrier claim filed (claim number RC-2026-77)",
		"I filed a claim with the carrier on 26 Oct 2026 (claim number RC-2026-77).",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q", want)
		}
	}
	for _, bad := range []string{"Ask your neighbours", "Follow up your claim", "ProofPack's own reminder"} {
		if strings.Contains(text, bad) {
			t.Errorf("the packet prints the buyer's own reminder %q", bad)
		}
	}
}
