package tracker

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// now is the clock of these tests: validCase's order (2026-09-28) is two months old.
var now = time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)

func TestDatesBetween2000AndAYearAhead(t *testing.T) {
	tests := []struct {
		name, field string
		change      func(*Case)
	}{
		{"year 0000", "ordered", func(c *Case) { c.Ordered, c.Shipped = Date{0, 1, 1}, Date{} }},
		{"year 1999", "ordered", func(c *Case) { c.Ordered, c.Shipped = Date{1999, 12, 31}, Date{} }},
		{"order in 9999", "ordered", func(c *Case) { c.Ordered, c.Shipped = Date{9999, 12, 31}, Date{} }},
		{"order next week", "ordered", func(c *Case) { c.Ordered, c.Shipped = Date{2026, 12, 7}, Date{} }},
		{"order the day after tomorrow", "ordered", func(c *Case) { c.Ordered, c.Shipped = Date{2026, 12, 2}, Date{} }},
		{"promised in 9999", "promised", func(c *Case) { c.Promised = Date{9999, 12, 31} }},
		{"shipped in 2028", "shipped", func(c *Case) { c.Shipped = Date{2028, 1, 1} }},
		{"dispute opened in 0001", "dispute_opened", func(c *Case) { c.Dispute.Opened = Date{1, 1, 1} }},
		{"refund due in 2100", "refund_promised", func(c *Case) { c.Dispute.RefundPromised = Date{2100, 1, 1} }},
	}
	for _, tt := range tests {
		c := validCase()
		tt.change(&c)
		err := c.ValidateAt(now)
		if err == nil || FieldOf(err) != tt.field || KindOf(err) != KindInvalid {
			t.Errorf("%s: error = %v, want an invalid %s", tt.name, err, tt.field)
		}
	}
	for name, change := range map[string]func(*Case){
		"ordered today":                   func(c *Case) { c.Ordered, c.Shipped = Date{2026, 11, 30}, Date{} },
		"ordered tomorrow (another zone)": func(c *Case) { c.Ordered, c.Shipped = Date{2026, 12, 1}, Date{} },
		"ordered 2000-01-01":              func(c *Case) { c.Ordered, c.Shipped = Date{2000, 1, 1}, Date{} },
		"promised in eleven months":       func(c *Case) { c.Promised = Date{2027, 10, 30} },
	} {
		c := validCase()
		change(&c)
		if err := c.ValidateAt(now); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestCurrenciesAreISO4217(t *testing.T) {
	for _, bad := range []string{"ZZZ", "BTC", "XXX", "XTS", "XAU", "usd", "US", "EURO", ""} {
		c := validCase()
		c.Currency = bad
		if err := c.ValidateAt(now); FieldOf(err) != "currency" {
			t.Errorf("currency %q: error = %v, want an invalid currency", bad, err)
		}
	}
	for _, good := range []string{"USD", "EUR", "BRL", "PLN", "RUB", "CNY", "JPY", "XOF", "UAH"} {
		c := validCase()
		c.Currency = good
		if err := c.ValidateAt(now); err != nil {
			t.Errorf("currency %s: %v", good, err)
		}
	}
}

func TestCleanRemovesEscapesControlsAndBidi(t *testing.T) {
	tests := []struct{ in, line, text string }{
		{"\x1b[31mRed\x1b[0m shop", "Red shop", "Red shop"},
		{"\x1b]0;pwned\x07Lamp", "Lamp", "Lamp"},
		{"\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\", "link", "link"},
		{"a\u202eevil\u202c b\u2067c\u2069\u200f", "aevil bc", "aevil bc"},
		{"nul\x00bell\a del\x7f c1\u0085 csi\u009b", "nulbell del c1 csi", "nulbell del c1 csi"},
		{"two\nlines\r\nand\ttab", "two lines  and tab", "two\nlines\nand\ttab"},
		{"bad \xff utf8", "bad \uFFFD utf8", "bad \uFFFD utf8"},
		{"zwj 👨\u200d👩 stays, ZWNJ می\u200cخواهم too", "zwj 👨\u200d👩 stays, ZWNJ می\u200cخواهم too", "zwj 👨\u200d👩 stays, ZWNJ می\u200cخواهم too"},
		{"  São Paulo  ", "São Paulo", "São Paulo"},
	}
	for _, tt := range tests {
		if got := CleanLine(tt.in); got != tt.line {
			t.Errorf("CleanLine(%q) = %q, want %q", tt.in, got, tt.line)
		}
		if got := CleanText(tt.in); got != tt.text {
			t.Errorf("CleanText(%q) = %q, want %q", tt.in, got, tt.text)
		}
	}
}

func TestTidyCleansEveryTextField(t *testing.T) {
	c := validCase()
	c.Seller, c.Item, c.Notes, c.Buyer.City = "\x1b[2J\x1b[HShop", "Lamp\u202e", "line 1\x1b[31m\nline 2", "Recife\a"
	c.Shipments[0].Input, c.Shipments[0].Link = "RR204873517CN\x1b[0m", "https://t.example/\u202e"
	c.Tidy()
	if c.Seller != "Shop" || c.Item != "Lamp" || c.Notes != "line 1\nline 2" || c.Buyer.City != "Recife" ||
		c.Shipments[0].Input != "RR204873517CN" || c.Shipments[0].Link != "https://t.example/" {
		t.Errorf("tidied case: %+v", c)
	}
}

func TestLetterlessTrackingNumberRefused(t *testing.T) {
	for _, n := range []string{"שלום", "---", "…", "🙂🙂🙂", "مرحبا"} {
		c := validCase()
		c.Shipments[0] = Shipment{Number: n, Input: n}
		if err := c.ValidateAt(now); FieldOf(err) != "tracking" || !strings.Contains(err.Error(), "no letters A-Z or digits") {
			t.Errorf("tracking number %q: error = %v", n, err)
		}
	}
	c := validCase()
	c.Shipments[0] = Shipment{Number: CleanLine("\u202e\u202e\u2067"), Input: "\u202e\u202e\u2067"}
	if err := c.ValidateAt(now); FieldOf(err) != "tracking" {
		t.Errorf("a number of bidi marks only: %v", err)
	}
}

func TestLongValuesAreCutInMessages(t *testing.T) {
	long := strings.Repeat("Z", 128<<10)
	for name, err := range map[string]error{
		"currency": func() error { c := validCase(); c.Currency = long; return c.ValidateAt(now) }(),
		"country":  func() error { c := validCase(); c.Buyer.Country = long; return c.ValidateAt(now) }(),
		"link":     func() error { c := validCase(); c.Shipments[0].Link = "x" + long; return c.ValidateAt(now) }(),
		"date":     func() error { _, err := ParseDate(long); return err }(),
		"amount":   func() error { _, err := ParseAmount(long); return err }(),
	} {
		if err == nil || len(err.Error()) > 300 || strings.Contains(err.Error(), strings.Repeat("Z", 41)) {
			t.Errorf("%s: message of %d bytes: %.300v", name, len(err.Error()), err)
		}
	}
	if q := Quote("\x1b[31mred"); strings.ContainsRune(q, 0x1b) {
		t.Errorf("Quote lets an escape through: %s", q)
	}
}

// events of number, for the shipment tests.
func eventsOf(number string, n int) []Event {
	var out []Event
	for i := range n {
		out = append(out, Event{Time: time.Date(2026, 10, 1+i, 9, 0, 0, 0, time.UTC), Description: number + " event", Status: StatusInTransit, Number: number})
	}
	return out
}

// TestNewNumberKeepsTheOldOnesHistory: `case edit --tracking NEW` dropped the old number's 5
// events; putting the old number back did not bring them back.
func TestNewNumberKeepsTheOldOnesHistory(t *testing.T) {
	c := validCase()
	c.Shipments[0].Events = eventsOf("", 5) // saved before events named their number
	c.Shipments[0].Link = "https://seller.example/RR204873517CN"
	if err := c.SetShipments([]Shipment{{Number: "LX123456789PL", Input: "LX123456789PL", Carrier: "poczta_polska"}}); err != nil {
		t.Fatal(err)
	}
	sh := c.Shipments[0]
	if len(c.Shipments) != 1 || sh.Number != "LX123456789PL" || len(sh.Events) != 5 {
		t.Fatalf("after the new number: %+v", c.Shipments)
	}
	if len(sh.Former) != 1 || sh.Former[0] != (Former{Number: "RR204873517CN", Input: "RR 204 873 517 CN", Link: "https://seller.example/RR204873517CN"}) {
		t.Errorf("former numbers = %+v", sh.Former)
	}
	for _, e := range sh.Events {
		if sh.NumberOf(e) != "RR204873517CN" {
			t.Errorf("event %q now says it was read for %s", e.Description, sh.NumberOf(e))
		}
	}
	c.Shipments[0].Events = append(c.Shipments[0].Events, eventsOf("LX123456789PL", 2)...)
	if c.ShipmentOf("RR204873517CN") != 0 || c.ShipmentOf("LX123456789PL") != 0 || c.ShipmentOf("nope") != -1 {
		t.Error("ShipmentOf does not find the current and the former number")
	}

	// The old number back: everything is still there, each event with its own number.
	if err := c.SetShipments([]Shipment{{Number: "RR204873517CN", Input: "RR204873517CN"}}); err != nil {
		t.Fatal(err)
	}
	sh = c.Shipments[0]
	if sh.Number != "RR204873517CN" || len(sh.Events) != 7 || len(sh.Former) != 1 || sh.Former[0].Number != "LX123456789PL" {
		t.Fatalf("after the old number came back: %+v", sh)
	}
	per := map[string]int{}
	for _, e := range sh.Events {
		per[sh.NumberOf(e)]++
	}
	if per["RR204873517CN"] != 5 || per["LX123456789PL"] != 2 {
		t.Errorf("events per number = %v", per)
	}
	if err := c.ValidateAt(now); err != nil {
		t.Error(err)
	}
}

func TestSetShipmentsRefusesToDropEvents(t *testing.T) {
	c := validCase()
	c.Shipments = append(c.Shipments, Shipment{Number: "LP00612345678901", Input: "LP00612345678901", Events: eventsOf("", 3)})
	// The first number changes and the second, with events, is not given again.
	err := c.SetShipments([]Shipment{{Number: "LX123456789PL"}})
	if FieldOf(err) != "tracking" || !strings.Contains(err.Error(), "LP00612345678901 has 3 tracking events") {
		t.Errorf("dropping a shipment with events: %v", err)
	}
	if len(c.Shipments) != 2 || c.Shipments[1].Number != "LP00612345678901" {
		t.Errorf("a refused change changed the case: %+v", c.Shipments)
	}
	// A shipment without events may go; the one given again keeps its events.
	if err := c.SetShipments([]Shipment{{Number: "LP00612345678901"}}); err != nil || len(c.Shipments) != 1 || len(c.Shipments[0].Events) != 3 || len(c.Shipments[0].Former) != 0 {
		t.Errorf("keeping the second number only: %v %+v", err, c.Shipments)
	}
}

// TestOldCaseJSONLoads: a case saved before shipments kept their numbers loads, its events
// belong to the current number, and changing the number keeps them.
func TestOldCaseJSONLoads(t *testing.T) {
	old := `{"id":"3","marketplace":"aliexpress","order_number":"81","seller":"S","item":"Lamp","amount":"12.50",
"currency":"USD","ordered":"2026-09-28","shipped":"","promised":"","payment":"card",
"buyer":{"city":"Recife","postcode":"","country":"BR"},
"shipments":[{"number":"LP00612345678901","input":"LP00612345678901","carrier":"cainiao","link":"",
"events":[{"time":"2026-10-03T09:05:47Z","place":"Shenzhen","description":"Accepted","status":"in_transit","exhibit":1}]}],
"dispute":{"opened":"","escalated":"","won":"","refund_promised":"","refund_received":""},"notes":"",
"created":"2026-10-01T00:00:00Z","updated":"2026-10-01T00:00:00Z"}`
	var c Case
	if err := json.Unmarshal([]byte(old), &c); err != nil {
		t.Fatal(err)
	}
	sh := c.Shipments[0]
	if len(sh.Former) != 0 || sh.NumberOf(sh.Events[0]) != "LP00612345678901" {
		t.Fatalf("old shipment read as %+v", sh)
	}
	if err := c.SetShipments([]Shipment{{Number: "RR204873517BR", Input: "RR204873517BR"}}); err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(c)
	var back Case
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	sh = back.Shipments[0]
	if sh.Number != "RR204873517BR" || len(sh.Former) != 1 || sh.Former[0].Carrier != "cainiao" || sh.Events[0].Number != "LP00612345678901" {
		t.Errorf("after a new number and a round trip: %+v", sh)
	}
}
