package tracker

import (
	"net/url"
	"strings"
	"time"
	"unicode/utf8"
)

// Marketplaces ProofPack knows the dispute rules of; "other" covers any shop paid by card or PayPal.
var Marketplaces = []string{"aliexpress", "ebay", "amazon", "temu", "etsy", "shein", "wish", "other"}

// Payments are the routes the money took, which decide who can give it back.
var Payments = []string{"card", "paypal", "balance"}

// Case is one order the buyer is chasing: what was bought, from whom, where it should arrive,
// how it was paid, its shipments and how far the dispute has come.
type Case struct {
	ID          string     `json:"id"`
	Marketplace string     `json:"marketplace"`
	OrderNumber string     `json:"order_number"`
	Seller      string     `json:"seller"`
	Item        string     `json:"item"`
	Amount      Cents      `json:"amount"`
	Currency    string     `json:"currency"`
	Ordered     Date       `json:"ordered"`
	Shipped     Date       `json:"shipped"`
	Promised    Date       `json:"promised"` // the latest delivery date the seller or listing promised
	Payment     string     `json:"payment"`
	Buyer       Address    `json:"buyer"`
	Shipments   []Shipment `json:"shipments"`
	Dispute     Dispute    `json:"dispute"`
	Notes       string     `json:"notes"`
	// Statement is the buyer's own account for the packet, saved as it is typed; "" lets the
	// packet build it from the findings.
	Statement string    `json:"statement,omitempty"`
	Created   time.Time `json:"created"`
	Updated   time.Time `json:"updated"`
}

// Address is where the parcel should arrive. City and country are enough to spot a delivery
// elsewhere; the street stays out of ProofPack unless the buyer types it into the statement.
type Address struct {
	City     string `json:"city"`
	Postcode string `json:"postcode"`
	Country  string `json:"country"` // ISO 3166-1 alpha-2, upper case
}

// Shipment is one tracking number of the order, with the link the seller gave and the events
// read for it.
type Shipment struct {
	Number  string  `json:"number"`  // normalised: what carriers and the store match on
	Input   string  `json:"input"`   // as the buyer pasted it, kept for the record
	Carrier string  `json:"carrier"` // best carrier id found when added; "" when none fits
	Link    string  `json:"link"`    // the tracking link the seller sent, if any
	Events  []Event `json:"events"`
}

// Dispute records the steps the buyer has taken; reminders and flags follow from them.
type Dispute struct {
	Opened         Date `json:"opened"`
	Escalated      Date `json:"escalated"`
	Won            Date `json:"won"`
	RefundPromised Date `json:"refund_promised"`
	RefundReceived Date `json:"refund_received"`
}

// Numbers returns the case's tracking numbers in shipment order.
func (c Case) Numbers() []string {
	out := make([]string, 0, len(c.Shipments))
	for _, s := range c.Shipments {
		out = append(out, s.Number)
	}
	return out
}

// Limits on free text: generous for people, small enough that a pasted page cannot end up in a field.
const (
	maxShort  = 200
	maxNumber = 64
	maxNotes  = 20000
)

// Validate checks every field a buyer or a CSV can get wrong and names the first bad one.
func (c Case) Validate() error {
	req := []struct{ field, v string }{
		{"marketplace", c.Marketplace}, {"order_number", c.OrderNumber}, {"seller", c.Seller},
		{"item", c.Item}, {"currency", c.Currency}, {"city", c.Buyer.City}, {"country", c.Buyer.Country},
	}
	for _, r := range req {
		if strings.TrimSpace(r.v) == "" {
			return Invalid(r.field, "must not be empty")
		}
		if utf8.RuneCountInString(r.v) > maxShort {
			return Invalid(r.field, "is longer than 200 characters")
		}
	}
	if !oneOf(c.Marketplace, Marketplaces) {
		return Invalid("marketplace", "%q is not one of %s", c.Marketplace, strings.Join(Marketplaces, ", "))
	}
	if c.Payment != "" && !oneOf(c.Payment, Payments) {
		return Invalid("payment", "%q is not one of %s", c.Payment, strings.Join(Payments, ", "))
	}
	if !isCurrency(c.Currency) {
		return Invalid("currency", "%q is not a three-letter currency code like USD or EUR", c.Currency)
	}
	if c.Amount < 0 {
		return Invalid("amount", "must not be negative")
	}
	if CountryName(c.Buyer.Country) == "" {
		return Invalid("country", "%q is not an ISO 3166 country code like US, BR or PL", c.Buyer.Country)
	}
	if utf8.RuneCountInString(c.Buyer.Postcode) > 20 {
		return Invalid("postcode", "is longer than 20 characters")
	}
	if c.Ordered.IsZero() {
		return Invalid("ordered", "must not be empty")
	}
	if !c.Shipped.IsZero() && c.Shipped.Before(c.Ordered) {
		return Invalid("shipped", "%s is before the order date %s", c.Shipped, c.Ordered)
	}
	if !c.Promised.IsZero() && c.Promised.Before(c.Ordered) {
		return Invalid("promised", "%s is before the order date %s", c.Promised, c.Ordered)
	}
	if len(c.Shipments) == 0 {
		return Invalid("tracking", "a case needs at least one tracking number")
	}
	for _, s := range c.Shipments {
		if err := s.validate(); err != nil {
			return err
		}
	}
	if utf8.RuneCountInString(c.Notes) > maxNotes {
		return Invalid("notes", "is longer than 20000 characters")
	}
	if utf8.RuneCountInString(c.Statement) > maxNotes {
		return Invalid("statement", "is longer than 20000 characters")
	}
	return nil
}

func (s Shipment) validate() error {
	if strings.TrimSpace(s.Number) == "" {
		return Invalid("tracking", "must not be empty")
	}
	if utf8.RuneCountInString(s.Input) > maxNumber || utf8.RuneCountInString(s.Number) > maxNumber {
		return Invalid("tracking", "is longer than %d characters: paste only the tracking number", maxNumber)
	}
	if s.Link != "" {
		u, err := url.Parse(s.Link)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return Invalid("tracking_url", "%q is not a web link (http:// or https://)", s.Link)
		}
	}
	return nil
}

func oneOf(v string, set []string) bool {
	for _, s := range set {
		if v == s {
			return true
		}
	}
	return false
}

func isCurrency(s string) bool {
	if len(s) != 3 {
		return false
	}
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}
