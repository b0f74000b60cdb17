package evidence

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"proofpack/tracker"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

var saoPaulo = time.FixedZone("BRT", -3*3600)

func date(y int, m time.Month, d int) tracker.Date { return tracker.Date{Year: y, Month: m, Day: d} }

// recifeCase is the example: a parcel "delivered" in Recife to a buyer in São Paulo.
func recifeCase() (tracker.Case, []tracker.Exhibit, []tracker.Flag) {
	c := tracker.Case{
		ID: "7", Marketplace: "aliexpress", OrderNumber: "8150322711", Seller: "Shenzhen Bright Store 深圳市",
		Item: "USB-C charger 65 W", Amount: 2349, Currency: "USD",
		Ordered: date(2026, 9, 20), Shipped: date(2026, 9, 23), Promised: date(2026, 11, 5),
		Payment: "card", Buyer: tracker.Address{City: "São Paulo", Postcode: "01310-100", Country: "BR"},
		Shipments: []tracker.Shipment{{Number: "RR123456785CN", Carrier: "china_post", Events: []tracker.Event{
			{Time: time.Date(2026, 9, 24, 8, 30, 0, 0, time.UTC), Place: "深圳市", Description: "Acceptance", Status: tracker.StatusInTransit, Exhibit: 1},
			{Time: time.Date(2026, 10, 14, 10, 22, 0, 0, time.UTC), Place: "Recife", Description: "Objeto entregue ao destinatário", Status: tracker.StatusDelivered, Exhibit: 1},
			{Description: "Saiu para entrega ??", Unparsed: true, Exhibit: 1},
		}}},
		Dispute: tracker.Dispute{Opened: date(2026, 10, 20)},
	}
	at := time.Date(2026, 10, 16, 12, 5, 9, 0, time.UTC)
	ex := []tracker.Exhibit{
		{No: 1, Kind: "screenshot", Path: "cases/7/01-screenshot.png", SHA256: strings.Repeat("a1", 32), Size: 812345, MediaType: "image/png", URL: "https://rastreamento.correios.com.br/app/index.php?objeto=RR123456785CN", FinalURL: "https://rastreamento.correios.com.br/app/resultado.php", Title: "Rastreamento", CapturedAt: at, Zone: "America/Sao_Paulo"},
		{No: 1, Kind: "page", Path: "cases/7/01-page.mhtml", SHA256: strings.Repeat("b2", 32), Size: 99000, MediaType: "multipart/related", URL: "https://rastreamento.correios.com.br/app/index.php?objeto=RR123456785CN", CapturedAt: at, Zone: "America/Sao_Paulo"},
		{No: 1, Kind: "text", Path: "cases/7/01-text.txt", SHA256: strings.Repeat("c3", 32), Size: 2100, MediaType: "text/plain; charset=utf-8", CapturedAt: at, Zone: "America/Sao_Paulo"},
		{No: 2, Kind: "file", Path: "cases/7/02-file.png", SHA256: strings.Repeat("d4", 32), Size: 45000, MediaType: "image/png", Note: "Seller chat", CapturedAt: at.Add(time.Hour), Zone: "America/Sao_Paulo"},
		{No: 3, Kind: "file", Path: "cases/7/03-file.txt", SHA256: strings.Repeat("e5", 32), Size: 40, MediaType: "text/plain; charset=utf-8", CapturedAt: at.Add(2 * time.Hour)},
	}
	flags := []tracker.Flag{
		{Code: tracker.FlagDestinationTracking, Severity: tracker.Info, Message: "Correios tracks this number too.", Exhibits: []int{}},
		{Code: tracker.FlagDeliveredElsewhere, Severity: tracker.Critical, Message: "Delivered in Recife, not in São Paulo.", Action: "Open a dispute now.", Exhibits: []int{1}},
		{Code: tracker.FlagLinkMismatch, Severity: tracker.Warning, Message: "The seller's link belongs to another carrier.", Exhibits: []int{2}},
	}
	return c, ex, flags
}

// moscowCase has no exhibits and no flags: the packet must still say what it can.
func moscowCase() tracker.Case {
	return tracker.Case{
		ID: "9", Marketplace: "temu", OrderNumber: "PO-211-0042", Seller: "Магазин", Item: "Чехол",
		Amount: 990, Currency: "EUR", Ordered: date(2026, 10, 1),
		Buyer:     tracker.Address{City: "Москва", Country: "RU"},
		Shipments: []tracker.Shipment{{Number: "LP00123456789012"}},
	}
}

func TestPacketGolden(t *testing.T) {
	now := time.Date(2026, 11, 22, 9, 0, 0, 0, saoPaulo)
	c, ex, flags := recifeCase()
	names := func(id string) string { return map[string]string{"china_post": "China Post"}[id] }
	tests := []struct {
		name string
		p    Packet
	}{
		{"recife", NewPacket(c, ex, flags, now, PacketOptions{CarrierName: names})},
		{"recife-forced-short", NewPacket(c, ex, flags, now, PacketOptions{
			Statement: "  My own words.  ", Address: "Av. Paulista 1000, apto 12",
			Problems: []Problem{{Path: "cases/7/02-file.png", Problem: Missing}},
		}).Leave([]int{3, 2}, "the bank accepts at most 20 pages")},
		{"moscow-empty", NewPacket(moscowCase(), nil, nil, now, PacketOptions{})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			enc := json.NewEncoder(&b)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			if err := enc.Encode(tt.p); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "packet-"+tt.name+".json")
			if *update {
				if err := os.MkdirAll("testdata", 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -run TestPacketGolden -update to write it)", err)
			}
			if !bytes.Equal(b.Bytes(), want) {
				t.Errorf("packet differs from %s (rerun with -update after checking the change):\n%s", golden, b.String())
			}
		})
	}
}

func TestPacketStatementFromFlags(t *testing.T) {
	c, ex, flags := recifeCase()
	p := NewPacket(c, ex, flags, time.Date(2026, 11, 22, 9, 0, 0, 0, saoPaulo), PacketOptions{})
	for _, want := range []string{
		`On 20 Sep 2026 I ordered "USB-C charger 65 W" from Shenzhen Bright Store 深圳市 on AliExpress (order 8150322711) and paid 23.49 USD by card.`,
		"The tracking number RR123456785CN shows delivery in Recife on 14 Oct 2026; I live in São Paulo (01310-100), Brazil, and nothing was delivered to me (exhibit 1).",
		"The seller's link belongs to another carrier (exhibit 2).",
		"I opened a dispute on 20 Oct 2026.",
	} {
		if !strings.Contains(p.Statement, want) {
			t.Errorf("statement lacks %q:\n%s", want, p.Statement)
		}
	}
	if strings.Contains(p.Statement, "Correios tracks") {
		t.Errorf("an info flag reached the statement: %s", p.Statement)
	}
	if p.StatementByBuyer {
		t.Error("generated statement marked as the buyer's")
	}
	if want := "Item not received: the tracking shows delivery in Recife, not in São Paulo where I live; I ask for a full refund of 23.49 USD."; p.Cover.Claim != want {
		t.Errorf("claim = %q, want %q", p.Cover.Claim, want)
	}
	if len(p.Findings) != 2 || p.Findings[0].Code != tracker.FlagDeliveredElsewhere || p.Findings[1].Code != tracker.FlagLinkMismatch {
		t.Errorf("findings: most severe first, info findings that prove nothing left out: %+v", p.Findings)
	}
}

func TestPacketStatementOverrideAndAddress(t *testing.T) {
	c, ex, flags := recifeCase()
	now := time.Date(2026, 11, 22, 9, 0, 0, 0, saoPaulo)
	p := NewPacket(c, ex, flags, now, PacketOptions{Statement: "\n  I never got it.\n"})
	if p.Statement != "I never got it." || !p.StatementByBuyer {
		t.Errorf("override: got %q by buyer %v", p.Statement, p.StatementByBuyer)
	}
	if p.Cover.Address != "" {
		t.Errorf("address shown without the buyer choosing it: %q", p.Cover.Address)
	}
	p = NewPacket(c, ex, flags, now, PacketOptions{Statement: "   ", Address: "Rua Augusta 5"})
	if p.StatementByBuyer || !strings.HasPrefix(p.Statement, "On 20 Sep 2026") {
		t.Errorf("a blank override replaced the statement: %q", p.Statement)
	}
	if p.Cover.Address != "Rua Augusta 5" {
		t.Errorf("address = %q", p.Cover.Address)
	}
}

func TestPacketTimelineOrder(t *testing.T) {
	c, ex, flags := recifeCase()
	p := NewPacket(c, ex, flags, time.Date(2026, 11, 22, 9, 0, 0, 0, saoPaulo), PacketOptions{})
	var got []string
	for _, r := range p.Timeline {
		got = append(got, r.When+" | "+r.What)
	}
	want := []string{
		"20 Sep 2026 | Ordered and paid 23.49 USD (order 8150322711)",
		"23 Sep 2026 | Seller marked the order shipped",
		"24 Sep 2026 08:30 | RR123456785CN: Acceptance",
		"14 Oct 2026 10:22 | RR123456785CN: Objeto entregue ao destinatário",
		// 12:05 UTC is 09:05 in São Paulo, where the buyer captured it.
		"16 Oct 2026 09:05 | Tracking page captured: https://rastreamento.correios.com.br/app/resultado.php",
		"16 Oct 2026 10:05 | File added by the buyer: Seller chat",
		// No zone recorded: the packet's own zone (BRT) is used.
		"16 Oct 2026 11:05 | File added by the buyer",
		"20 Oct 2026 | Dispute opened",
		"5 Nov 2026 | Latest delivery date the seller promised",
		"date not readable | RR123456785CN: Saiu para entrega ??",
	}
	if !slices.Equal(got, want) {
		t.Errorf("timeline:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestPacketPriorityAndLeave(t *testing.T) {
	c, ex, flags := recifeCase()
	ex = append(ex, tracker.Exhibit{No: 4, Kind: "screenshot", Path: "cases/7/04-screenshot.png", MediaType: "image/png"})
	c.Shipments[0].Events = append(c.Shipments[0].Events, tracker.Event{Time: time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC), Description: "In transit", Exhibit: 4})
	p := NewPacket(c, ex, flags, time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC), PacketOptions{})
	// 1: cited by a critical flag; 2: by a warning; 4: events were read from it; 3: nothing.
	if got := p.Priority(); !slices.Equal(got, []int{1, 2, 4, 3}) {
		t.Errorf("priority = %v", got)
	}
	q := p.Leave([]int{4, 3}, "the bank accepts at most 2 MB")
	if p.Exhibits[2].Omitted != "" {
		t.Error("Leave changed the packet it was called on")
	}
	var omitted []int
	for _, e := range q.Exhibits {
		if e.Omitted != "" {
			omitted = append(omitted, e.No)
		}
	}
	if !slices.Equal(omitted, []int{3, 4}) {
		t.Errorf("omitted = %v", omitted)
	}
	if w := q.Warnings[len(q.Warnings)-1]; !strings.HasPrefix(w, "Exhibits 3 and 4 were left out of this packet: the bank accepts at most 2 MB.") {
		t.Errorf("cover warning = %q", w)
	}
	one := p.Leave([]int{3}, "the bank accepts at most 20 pages")
	if w := one.Warnings[len(one.Warnings)-1]; w != "Exhibit 3 was left out of this packet: the bank accepts at most 20 pages. Its files and hashes are still listed in the evidence index." {
		t.Errorf("cover warning for one exhibit = %q", w)
	}
	if len(q.Sums()) != len(ex) {
		t.Errorf("left-out exhibits lost their hashes: %d sums for %d files", len(q.Sums()), len(ex))
	}
}

func TestPacketNoExhibitsSaysSo(t *testing.T) {
	p := NewPacket(moscowCase(), nil, nil, time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC), PacketOptions{})
	if len(p.Exhibits) != 0 || len(p.Warnings) != 1 || !strings.Contains(p.Warnings[0], "no exhibits") {
		t.Errorf("warnings = %q", p.Warnings)
	}
	if p.Cover.Tracking[0].Carrier != "carrier not recognised" || p.Cover.Country != "Russian Federation" {
		t.Errorf("cover = %+v", p.Cover)
	}
	if want := "Item not received: order PO-211-0042 has not arrived; I ask for a full refund of 9.90 EUR."; p.Cover.Claim != want {
		t.Errorf("claim = %q", p.Cover.Claim)
	}
}

func TestPacketForcedNamesChangedFiles(t *testing.T) {
	c, ex, flags := recifeCase()
	p := NewPacket(c, ex, flags, time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC), PacketOptions{
		Problems: []Problem{{Path: "cases/7/01-screenshot.png", Problem: Changed}},
	})
	if !strings.Contains(strings.Join(p.Warnings, " "), "01-screenshot.png (changed)") {
		t.Errorf("cover does not name the changed file: %q", p.Warnings)
	}
	if p.Exhibits[0].Files[0].Problem != Changed || p.Exhibits[0].Files[1].Problem != "" {
		t.Errorf("file problems = %+v", p.Exhibits[0].Files)
	}
}

// TestPacketSaysWhatTheCaseIs: the cover's headline follows the claim, a refund that never
// came is not an item not received, and a packet without files does not ask the reader to
// check lines it does not print.
func TestPacketSaysWhatTheCaseIs(t *testing.T) {
	now := time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)
	c := moscowCase()
	c.Dispute.RefundPromised = date(2026, 11, 1)
	p := NewPacket(c, nil, nil, now, PacketOptions{})
	if p.Cover.Problem != "Refund not received" || !strings.HasPrefix(p.Cover.Claim, p.Cover.Problem+":") {
		t.Errorf("problem %q for claim %q", p.Cover.Problem, p.Cover.Claim)
	}
	if v := strings.Join(p.Verify, " "); strings.Contains(v, "lines below") || !strings.Contains(v, "no files") {
		t.Errorf("verify for a packet without files: %q", p.Verify)
	}
	rc, ex, flags := recifeCase()
	p = NewPacket(rc, ex, flags, now, PacketOptions{})
	if p.Cover.Problem != "Item not received" {
		t.Errorf("problem = %q", p.Cover.Problem)
	}
	if p.Exhibits[0].ByBuyer || !p.Exhibits[1].ByBuyer {
		t.Errorf("by buyer: capture %v, buyer's file %v", p.Exhibits[0].ByBuyer, p.Exhibits[1].ByBuyer)
	}
}

// The distance the rules measured goes into the buyer's statement.
func TestPacketStatesTheDistance(t *testing.T) {
	c, ex, flags := recifeCase()
	flags[1].DistanceKM = 2130
	p := NewPacket(c, ex, flags, time.Date(2026, 11, 22, 9, 0, 0, 0, saoPaulo), PacketOptions{})
	if !strings.Contains(p.Statement, "about 2 130 km from my address; I live in São Paulo") {
		t.Errorf("statement does not state the distance: %q", p.Statement)
	}
}

// An unclear delivery place is a question for the buyer, not a sentence for the packet: the
// packet states what the page shows.
func TestPacketStatesAnUnclearPlaceAsAFact(t *testing.T) {
	c, ex, flags := recifeCase()
	for i := range c.Shipments[0].Events {
		if c.Shipments[0].Events[i].Status == tracker.StatusDelivered {
			c.Shipments[0].Events[i].Place = "Centre Courrier 06"
		}
	}
	flags[1] = tracker.Flag{Code: tracker.FlagDeliveryPlaceUnclear, Severity: tracker.Warning, Message: "The page says the parcel was delivered at 'Centre Courrier 06'. Is that your town?", Action: "Confirm.", Exhibits: []int{1}}
	p := NewPacket(c, ex, flags, time.Date(2026, 11, 22, 9, 0, 0, 0, saoPaulo), PacketOptions{})
	if strings.Contains(p.Statement, "?") || !strings.Contains(p.Statement, "shows delivery at 'Centre Courrier 06' on") {
		t.Errorf("statement: %q", p.Statement)
	}
	for _, f := range p.Findings {
		if strings.Contains(f.Message, "?") {
			t.Errorf("finding asks a question: %q", f.Message)
		}
	}
}

// An exhibit the buyer removed is no part of the body: its number is not renumbered away (the
// banner in a screenshot shows it) but nothing cites it, and the index accounts for it as
// withdrawn with its hash and reason. A described exhibit is titled by the latest description.
func TestPacketLeavesRemovedOutAndUsesDescriptions(t *testing.T) {
	now := time.Date(2026, 11, 22, 9, 0, 0, 0, saoPaulo)
	c, ex, flags := recifeCase()
	c.Shipments[0].Events[1].Exhibit = 2 // the delivery was read from exhibit 2
	for i := range ex {
		switch ex[i].No {
		case 2:
			ex[i].Removed = true
		case 3:
			ex[i].Description = "Seller's promise to refund"
		}
	}
	log := []tracker.ExhibitChange{
		{Seq: 1, At: now.Add(-time.Hour), Exhibit: 3, Action: tracker.ExhibitDescribed, New: "Seller's promise to refund"},
		{Seq: 2, At: now.Add(-time.Minute), Exhibit: 2, Action: tracker.ExhibitRemoved, Reason: "another order's chat"},
	}
	p := NewPacket(c, ex, flags, now, PacketOptions{History: log})
	var nos []int
	for _, e := range p.Exhibits {
		nos = append(nos, e.No)
	}
	if !slices.Equal(nos, []int{1, 3}) || p.Exhibits[1].Title != "Seller's promise to refund" {
		t.Errorf("exhibits %v, titles %+v", nos, p.Exhibits)
	}
	for _, r := range p.Timeline {
		if slices.Contains(r.Exhibits, 2) {
			t.Errorf("timeline cites the removed exhibit: %+v", r)
		}
	}
	for _, f := range p.Findings {
		if slices.Contains(f.Exhibits, 2) {
			t.Errorf("finding cites the removed exhibit: %+v", f)
		}
	}
	if slices.Contains(p.Priority(), 2) || strings.Contains(strings.Join(p.Sums(), "\n"), "02-file.png") {
		t.Error("the removed exhibit is still among the packet's files")
	}
	if len(p.Withdrawn) != 1 {
		t.Fatalf("withdrawn %+v", p.Withdrawn)
	}
	w := p.Withdrawn[0]
	if w.No != 2 || w.Title != "Seller chat" || w.Reason != "another order's chat" || w.When != "22 Nov 2026" || len(w.Files) != 1 || w.Files[0].SHA256 != strings.Repeat("d4", 32) {
		t.Errorf("withdrawn %+v", w)
	}
}
