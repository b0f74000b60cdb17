// Package rules is ProofPack's diagnosis: from a case, its tracking events and its exhibits it
// finds what is wrong with the parcel (not online yet, a provisional number, never shipped,
// stalled, delivered elsewhere or before the order, a number reused on another case, or shared
// with an order of the same seller days apart: a combined shipment, not a reuse; plus the
// number-level flags of tracker/carrier) and where the refund timeline stands (a dispute window
// open, a last day near, a refund overdue, a "delivered" parcel the buyer never got, from
// tracker/deadlines) and says, for each, what to do next and which exhibits
// prove it. Thresholds are Settings; the China holiday calendar that stretches them is data.
//
// It imports proofpack/tracker, tracker/carrier, tracker/history, tracker/place and
// tracker/deadlines only: no
// store, GUI, browser or network. Load reads a case through the small Source interface that
// tracker.Store satisfies.
package rules
