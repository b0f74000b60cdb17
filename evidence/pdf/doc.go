// Package pdf renders an evidence.Packet as the PDF a buyer uploads, sized by an export
// profile (bank, paypal, marketplace, archive), plus the loose files some profiles add.
//
// It owns the layout (cover, statement, findings, timeline, one exhibit per page run, evidence
// index, integrity appendix), the embedded fonts' use, image re-encoding, and fitting a packet
// into a profile's limits: it measures what it made and re-encodes harder or leaves out the
// least important exhibits until the limits hold, and says which it left out on the cover.
// Renderer hands the drawing to casework.MakePacket, which owns the rest of the job (check the
// hashes, diagnose, write the files atomically).
//
// It is the only package that imports gofpdf. It imports evidence (the model), tracker and
// tracker/carrier and assets; never bbolt, chromedp or Fyne. What the packet says is decided in
// evidence; this package only draws it.
package pdf
