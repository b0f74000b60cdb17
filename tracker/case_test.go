package tracker

import (
	"strings"
	"testing"
	"time"
)

func validCase() Case {
	return Case{
		Marketplace: "aliexpress", OrderNumber: "8193447022115096", Seller: "Bright Store", Item: "Desk lamp",
		Amount: 2340, Currency: "USD", Ordered: Date{2026, 9, 28}, Shipped: Date{2026, 9, 30}, Payment: "card",
		Buyer:     Address{City: "São Paulo", Postcode: "01310-100", Country: "BR"},
		Shipments: []Shipment{{Number: "RR204873517CN", Input: "RR 204 873 517 CN"}},
	}
}

func TestValidateNamesTheBadField(t *testing.T) {
	tests := []struct {
		name, field string
		change      func(*Case)
	}{
		{"empty order number", "order_number", func(c *Case) { c.OrderNumber = "  " }},
		{"unknown marketplace", "marketplace", func(c *Case) { c.Marketplace = "alibaba" }},
		{"unknown payment", "payment", func(c *Case) { c.Payment = "cash" }},
		{"lowercase currency", "currency", func(c *Case) { c.Currency = "usd" }},
		{"unknown country", "country", func(c *Case) { c.Buyer.Country = "XX" }},
		{"empty city", "city", func(c *Case) { c.Buyer.City = "" }},
		{"no order date", "ordered", func(c *Case) { c.Ordered = Date{} }},
		{"shipped before ordered", "shipped", func(c *Case) { c.Shipped = Date{2026, 9, 1} }},
		{"no tracking number", "tracking", func(c *Case) { c.Shipments = nil }},
		{"300 character number", "tracking", func(c *Case) { c.Shipments[0].Input = strings.Repeat("7", 300) }},
		{"link that is not a web link", "tracking_url", func(c *Case) { c.Shipments[0].Link = "javascript:alert(1)" }},
		{"seller name of a page", "seller", func(c *Case) { c.Seller = strings.Repeat("x", 201) }},
		{"negative amount", "amount", func(c *Case) { c.Amount = -1 }},
	}
	if err := validCase().Validate(); err != nil {
		t.Fatalf("the valid case fails: %v", err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := validCase()
			tt.change(&c)
			err := c.Validate()
			if err == nil {
				t.Fatal("accepted")
			}
			if KindOf(err) != KindInvalid || FieldOf(err) != tt.field {
				t.Errorf("error %q names field %q (kind %d), want %q", err, FieldOf(err), KindOf(err), tt.field)
			}
		})
	}
}

func TestParseAmount(t *testing.T) {
	good := map[string]Cents{"12.50": 1250, "12,5": 1250, "12": 1200, "0.99": 99, " 7.05 ": 705}
	for in, want := range good {
		if got, err := ParseAmount(in); err != nil || got != want {
			t.Errorf("ParseAmount(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"12,5x", "", "-3", "1.234", "1e3", "12.50 USD", "１２"} {
		if _, err := ParseAmount(in); err == nil {
			t.Errorf("ParseAmount(%q) accepted", in)
		}
	}
	if s := Cents(1205).String(); s != "12.05" {
		t.Errorf("Cents(1205) = %q", s)
	}
}

func TestParseDate(t *testing.T) {
	for in, want := range map[string]Date{
		"2026-09-01":                {2026, 9, 1},
		"2026-09-01T23:30:00-03:00": {2026, 9, 1},
	} {
		if got, err := ParseDate(in); err != nil || got != want {
			t.Errorf("ParseDate(%q) = %v, %v", in, got, err)
		}
	}
	for _, in := range []string{"2026-13-01", "01/09/2026", "yesterday", ""} {
		if _, err := ParseDate(in); err == nil {
			t.Errorf("ParseDate(%q) accepted", in)
		}
	}
	if d := (Date{2026, 2, 27}).AddDays(2); d != (Date{2026, 3, 1}) {
		t.Errorf("AddDays across February: %v", d)
	}
	if n := (Date{2026, 9, 1}).DaysUntil(Date{2026, 10, 1}); n != 30 {
		t.Errorf("DaysUntil = %d", n)
	}
}

func TestStatusIsTheLatestDatedEvent(t *testing.T) {
	c := validCase()
	if c.Status() != StatusNotFound {
		t.Errorf("no events: %s", c.Status())
	}
	c.Shipments[0].Events = []Event{
		{Time: Date{2026, 10, 14}.In(time.UTC), Status: StatusDelivered},
		{Time: Date{2026, 10, 1}.In(time.UTC), Status: StatusInTransit},
		{Description: "garbled", Status: StatusException, Unparsed: true},
	}
	if c.Status() != StatusDelivered {
		t.Errorf("status %s, want delivered", c.Status())
	}
}

func TestExhibitsText(t *testing.T) {
	for _, tt := range []struct {
		nos  []int
		want string
	}{
		{nil, ""},
		{[]int{3}, "exhibit 3"},
		{[]int{2, 3}, "exhibits 2 and 3"},
		{[]int{1, 2, 10}, "exhibits 1, 2 and 10"},
	} {
		if got := ExhibitsText(tt.nos); got != tt.want {
			t.Errorf("ExhibitsText(%v) = %q, want %q", tt.nos, got, tt.want)
		}
	}
}
