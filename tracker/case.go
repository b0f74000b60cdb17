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

// Shipment is one parcel of the order: its tracking number, the link the seller gave, the
// numbers it had before and the events read for each of them.
type Shipment struct {
	Number  string `json:"number"`  // normalised: what carriers and the store match on
	Input   string `json:"input"`   // as the buyer pasted it, kept for the record
	Carrier string `json:"carrier"` // best carrier id found when added; "" when none fits
	Link    string `json:"link"`    // the tracking link the seller sent, if any
	// Former are the numbers the parcel had before this one, oldest first: a consolidator's
	// LP number replaced by the last-mile post's on arrival, a typo put right. Their events
	// stay in Events, each naming the number it was read for.
	Former []Former `json:"former,omitempty"`
	Events []Event  `json:"events"`
	// ETA is the estimated delivery day the carrier's page last printed ("Estimated delivery",
	// "Орієнтовна дата доставки"): a promise, never an event. Zero when no page gave one.
	ETA Date `json:"eta"`
}

// Former is a tracking number a shipment had before, as it was recorded then.
type Former struct {
	Number  string `json:"number"`
	Input   string `json:"input"`
	Carrier string `json:"carrier"`
	Link    string `json:"link,omitempty"`
}

// Has reports whether number is the shipment's number now or was one of its former numbers.
func (s Shipment) Has(number string) bool {
	if s.Number == number {
		return true
	}
	for _, f := range s.Former {
		if f.Number == number {
			return true
		}
	}
	return false
}

// NumberOf is the tracking number an event of the shipment was read for: events saved before
// ProofPack kept numbers carry none and belong to the current one.
func (s Shipment) NumberOf(e Event) string {
	if e.Number == "" {
		return s.Number
	}
	return e.Number
}

// ShipmentOf returns the index of the shipment that has, or had, number; -1 when none does.
func (c Case) ShipmentOf(number string) int {
	for i, s := range c.Shipments {
		if s.Number == number {
			return i
		}
	}
	for i, s := range c.Shipments {
		if s.Has(number) {
			return i
		}
	}
	return -1
}

// SetShipments gives the case the shipments in next (number, input, carrier and link), in
// order, without losing any event: next[i] continues the old shipment that has or had its
// number, else the old shipment in the same place whose number is not given again (its number
// changed: the old one becomes a former number, its events stay with it). Putting an old
// number back makes it current again, with everything it had. An old shipment with events that
// no new number continues is refused, naming it: its history would be lost.
func (c *Case) SetShipments(next []Shipment) error {
	old := c.Shipments
	from := make([]int, len(next)) // the old shipment each new one continues, -1 for none
	taken := make([]bool, len(old))
	for i, n := range next {
		from[i] = -1
		for j, o := range old {
			if !taken[j] && o.Has(n.Number) {
				from[i], taken[j] = j, true
				break
			}
		}
	}
	for i := range next {
		if from[i] < 0 && i < len(old) && !taken[i] {
			from[i], taken[i] = i, true
		}
	}
	for j, o := range old {
		if !taken[j] && len(o.Events) > 0 {
			return Invalid("tracking", "%s has %d tracking events that would be lost: give it again (or the number that replaced it, in its place)", o.Number, len(o.Events))
		}
	}
	out := make([]Shipment, len(next))
	for i, n := range next {
		n.Former, n.Events = nil, nil
		if from[i] >= 0 {
			n = old[from[i]].renumbered(n)
		}
		out[i] = n
	}
	c.Shipments = out
	return nil
}

// renumbered is s continued under n's number, input, carrier and link: when the number
// changes, the old one joins Former (and a former one given again leaves it), and every event
// keeps the number it was read for.
func (s Shipment) renumbered(n Shipment) Shipment {
	n.Events = make([]Event, len(s.Events))
	for i, e := range s.Events {
		e.Number = s.NumberOf(e)
		n.Events[i] = e
	}
	n.Former = nil
	for _, f := range s.Former {
		if f.Number != n.Number {
			n.Former = append(n.Former, f)
		}
	}
	if s.Number != n.Number {
		n.Former = append(n.Former, Former{Number: s.Number, Input: s.Input, Carrier: s.Carrier, Link: s.Link})
	}
	return n
}

// Dispute records the steps the buyer has taken; reminders and flags follow from them.
type Dispute struct {
	Opened         Date `json:"opened"`
	Escalated      Date `json:"escalated"`
	Won            Date `json:"won"`
	RefundPromised Date `json:"refund_promised"`
	RefundReceived Date `json:"refund_received"`
	// SellerContacted is when the buyer first asked the seller; SellerPromised the date the
	// seller promised to ship, deliver or refund by. Both are reminders' anchors.
	SellerContacted Date `json:"seller_contacted,omitzero"`
	SellerPromised  Date `json:"seller_promised,omitzero"`
	// NotReceived: the buyer says a parcel the tracking shows delivered never came;
	// NotReceivedOn is the day they said so, the anchor of the reminders that follow.
	NotReceived   bool `json:"not_received,omitempty"`
	NotReceivedOn Date `json:"not_received_on,omitzero"`
	// The steps that win a "delivered, but not to me" case where the tracking alone loses:
	// asking the carrier for its proof of delivery and its answer, a claim with the carrier, a
	// police report, a neighbour's statement.
	PODRequested       Proof `json:"pod_requested,omitzero"`
	CarrierAnswered    Proof `json:"carrier_answered,omitzero"`
	CarrierClaim       Proof `json:"carrier_claim,omitzero"`
	PoliceReport       Proof `json:"police_report,omitzero"`
	NeighbourStatement Proof `json:"neighbour_statement,omitzero"`
}

// Proof is a dated step the buyer took to prove a parcel never came, with what identifies it
// to a clerk: the carrier's claim number, the police report number, or a short note.
type Proof struct {
	On  Date   `json:"on"`
	Ref string `json:"ref,omitempty"`
}

// IsZero reports whether the step was not recorded.
func (p Proof) IsZero() bool { return p == Proof{} }

// proofs are the dispute's proof steps by their JSON field, for checks over all of them.
func (d *Dispute) proofs() []struct {
	field string
	p     *Proof
} {
	return []struct {
		field string
		p     *Proof
	}{
		{"pod_requested", &d.PODRequested}, {"carrier_answered", &d.CarrierAnswered}, {"carrier_claim", &d.CarrierClaim},
		{"police_report", &d.PoliceReport}, {"neighbour_statement", &d.NeighbourStatement},
	}
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
	maxLink   = 2000 // what browsers and carriers' pages handle; a seller's link is far shorter
)

// Validate checks every field a buyer or a CSV can get wrong and names the first bad one;
// dates are checked against today by the clock (see ValidateAt).
func (c Case) Validate() error { return c.ValidateAt(time.Now()) }

// FirstDate is the earliest date a case may carry: online marketplaces with tracked parcels
// are younger, and 0000-01-01 or 1900 is a typo.
var FirstDate = Date{2000, time.January, 1}

// ValidateAt is Validate with "today" taken from now: every date between FirstDate and a year
// ahead, and the order date not after today (one day of slack: the marketplace may show the
// order in its own time zone, a day ahead of the buyer's).
func (c Case) ValidateAt(now time.Time) error {
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
		return Invalid("marketplace", "%s is not one of %s", Quote(c.Marketplace), strings.Join(Marketplaces, ", "))
	}
	if c.Payment != "" && !oneOf(c.Payment, Payments) {
		return Invalid("payment", "%s is not one of %s", Quote(c.Payment), strings.Join(Payments, ", "))
	}
	if !IsCurrency(c.Currency) {
		return Invalid("currency", "%s is not an ISO 4217 currency code like USD, EUR or BRL", Quote(c.Currency))
	}
	if c.Amount < 0 {
		return Invalid("amount", "must not be negative")
	}
	if CountryName(c.Buyer.Country) == "" {
		return Invalid("country", "%s is not an ISO 3166 country code like US, BR or PL", Quote(c.Buyer.Country))
	}
	if utf8.RuneCountInString(c.Buyer.Postcode) > 20 {
		return Invalid("postcode", "is longer than 20 characters")
	}
	if c.Ordered.IsZero() {
		return Invalid("ordered", "must not be empty")
	}
	if err := c.datesAt(now); err != nil {
		return err
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
	for _, p := range c.Dispute.proofs() {
		if utf8.RuneCountInString(p.p.Ref) > maxShort {
			return Invalid(p.field, "the reference is longer than 200 characters: give the number or a short note")
		}
		if p.p.Ref != "" && p.p.On.IsZero() {
			return Invalid(p.field, "has a reference but no date: give the day the step was taken")
		}
	}
	return nil
}

// datesAt checks every date of the case against FirstDate, a year after now, and the order
// date against now.
func (c Case) datesAt(now time.Time) error {
	today := DateOf(now)
	last := today.AddDays(366)
	dates := []struct {
		field string
		d     Date
	}{
		{"ordered", c.Ordered}, {"shipped", c.Shipped}, {"promised", c.Promised},
		{"dispute_opened", c.Dispute.Opened}, {"dispute_escalated", c.Dispute.Escalated},
		{"dispute_won", c.Dispute.Won}, {"refund_promised", c.Dispute.RefundPromised},
		{"refund_received", c.Dispute.RefundReceived}, {"not_received_on", c.Dispute.NotReceivedOn},
	}
	for _, p := range c.Dispute.proofs() {
		dates = append(dates, struct {
			field string
			d     Date
		}{p.field, p.p.On})
	}
	for _, d := range dates {
		switch {
		case d.d.IsZero():
		case d.d.Before(FirstDate):
			return Invalid(d.field, "%s is before %s: check the year", d.d, FirstDate)
		case last.Before(d.d):
			return Invalid(d.field, "%s is more than a year from today (%s): check the year", d.d, today)
		}
	}
	if today.AddDays(1).Before(c.Ordered) {
		return Invalid("ordered", "%s is after today (%s): the order date is the day you paid", c.Ordered, today)
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
	if !hasLetterOrDigit(s.Number) {
		return Invalid("tracking", "%s has no letters A-Z or digits 0-9, which every tracking number is made of", Quote(s.Input))
	}
	if utf8.RuneCountInString(s.Link) > maxLink {
		return Invalid("tracking_url", "is longer than %d characters: give the tracking page's address only", maxLink)
	}
	if s.Link != "" {
		u, err := url.Parse(s.Link)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return Invalid("tracking_url", "%s is not a web link (http:// or https://)", Quote(s.Link))
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
