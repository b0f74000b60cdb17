package tracker

import "time"

// Row is what a list of cases shows, sorts, filters and searches of one case, without its
// shipments' events: the store keeps it beside the case and rewrites it in the same transaction
// as every save, so a list of ten thousand cases reads short rows instead of decoding every case
// with all its events, and a row is never older than its case.
type Row struct {
	ID          string
	Marketplace string
	OrderNumber string
	Seller      string
	Item        string
	Amount      Cents
	Currency    string
	Ordered     Date
	Shipped     Date
	Promised    Date
	Payment     string
	Numbers     []string // normalised, in shipment order
	Inputs      []string // as the buyer pasted them, for search
	Dispute     Dispute
	Buyer       Address
	Updated     time.Time
	// Saved tells the case's saves apart, one second or one process from the other: the store
	// sets it anew at each save and each change of its exhibits, and a summary computed for
	// another is not the case's summary.
	Saved uint64
	// Kept is the list's summary of the case, in the application layer's own format, as
	// kept by Store.KeepSummaries; "" when none is kept. Every save of the case or change of
	// its exhibits drops it.
	Kept string
}

// RowOf is the list's row of a case.
func RowOf(c Case) Row {
	r := Row{ID: c.ID, Marketplace: c.Marketplace, OrderNumber: c.OrderNumber, Seller: c.Seller, Item: c.Item,
		Amount: c.Amount, Currency: c.Currency, Ordered: c.Ordered, Shipped: c.Shipped, Promised: c.Promised, Payment: c.Payment, Dispute: c.Dispute, Buyer: c.Buyer, Updated: c.Updated,
		Numbers: c.Numbers(), Inputs: make([]string, 0, len(c.Shipments))}
	for _, s := range c.Shipments {
		r.Inputs = append(r.Inputs, s.Input)
	}
	return r
}

// Case is the case as far as its row tells: everything but its shipments, notes and statement.
// Enough for the dispute deadlines (tracker/deadlines) and for another case's side of a shared
// number.
func (r Row) Case() Case {
	return Case{ID: r.ID, Marketplace: r.Marketplace, OrderNumber: r.OrderNumber, Seller: r.Seller, Item: r.Item,
		Amount: r.Amount, Currency: r.Currency, Ordered: r.Ordered, Shipped: r.Shipped, Promised: r.Promised,
		Payment: r.Payment, Buyer: r.Buyer, Dispute: r.Dispute, Updated: r.Updated}
}

// KeptSummary is a summary for Store.KeepSummaries: Data for the case ID as of its save Saved.
type KeptSummary struct {
	ID    string
	Saved uint64
	Data  []byte
}
