// Package tracker holds ProofPack's domain: a buyer's Case (an order with its shipments), the
// tracking Events and Flags found for it, the Exhibits that prove them, the Reminders that keep
// the buyer on time, and the Store that keeps them.
//
// A shipment keeps the tracking numbers it had (Shipment.Former: a consolidator's number
// replaced by the post's on arrival) and each event the number it was read for, so a new
// number never loses the old one's history (Case.SetShipments). Input is tidied (CleanLine,
// CleanText: no control characters, terminal escapes or bidi overrides) and validated with
// dates from 2000 to a year ahead and ISO 4217 currencies; messages quote values cut short
// (Quote).
//
// It imports only the standard library, so every rule built on it tests in milliseconds. The
// edges that touch the outside world live in their own packages and depend on this one, never
// the reverse:
//
//	tracker            domain types, validation, Store interface, error kinds, Clock
//	tracker/carrier    tracking numbers: cleaning, carrier rules, check digits, links
//	tracker/history    page or pasted text -> Events; status words; dates and places
//	tracker/place      is this place the buyer's town? folding, postcodes, other names
//	tracker/rules      Evaluate(case, now) -> Flags; the China holiday calendar
//	tracker/deadlines  dispute windows per marketplace and payment route -> Reminders
//	tracker/storetest  the contract every Store keeps, as one test suite
//	tracker/pack       compact binary records (the store's list rows, kept summaries)
//	tracker/boltstore  the bbolt Store
//	evidence           exhibits: capture interface, hashing, manifest, verify, packet model
//	evidence/chrome    the chromedp Capturer
//	evidence/pdf       the gofpdf packet renderer
//	ui                 Fyne screens (never fyne/v2/app)
//	cmd/proofpack      main, subcommands, wiring
package tracker
