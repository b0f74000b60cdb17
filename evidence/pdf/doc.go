// Package pdf renders an evidence.Packet as the PDF a buyer uploads, sized by an export
// profile (bank, paypal, marketplace, archive), plus the loose files some profiles add.
//
// It owns the layout (cover with the claimant, statement with a signature line, findings, refund
// timeline, the card networks' checklist for the bank profile, timeline, exhibits, evidence
// index, integrity appendix; a part starts a new page only when the current one is half full), the embedded fonts' use, image re-encoding, and fitting a packet
// into a profile's limits: it measures what it made and re-encodes harder or leaves out the
// least important exhibits until the limits hold, and says which it left out on the cover.
// Make is the whole job of one packet (check the hashes, diagnose, render, write atomically),
// shared by `proofpack packet` and the window's Packet tab.
//
// Any Unicode draws: each character is set in DejaVu Sans, else in the Han font, else (emoji
// and everything past U+FFFF, which gofpdf cannot embed) printed as U+FFFD, and the cover and
// Output.Notes say so once. FuzzPacket and FuzzRuns hold that.
//
// It is the only package that imports gofpdf. It imports evidence (the model), tracker,
// tracker/carrier and tracker/rules (for Make) and assets; never bbolt, chromedp or Fyne. What the packet says is decided in evidence; this
// package only draws it.
package pdf
