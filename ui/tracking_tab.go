package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"proofpack/tracker"
	"proofpack/tracker/carrier"
)

// trackingTab shows each tracking number of the case with what ProofPack recognises in it and
// the links where the carriers track it.
func trackingTab(v *caseView) fyne.CanvasObject {
	body := container.NewVBox()
	fill := func(c tracker.Case) {
		body.Objects = nil
		for _, s := range c.Shipments {
			head := widget.NewLabelWithStyle(s.Number, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			nv := newNumberView()
			nv.show(carrier.Check(s.Input, carrier.Options{Country: c.Buyer.Country, SellerLink: s.Link}))
			body.Objects = append(body.Objects, head, nv.box, widget.NewSeparator())
		}
		body.Refresh()
	}
	fill(v.c)
	v.onUpdate(fill)
	return container.NewVScroll(container.NewPadded(body))
}
