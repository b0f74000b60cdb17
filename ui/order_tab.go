package ui

import (
	"net/url"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"proofpack/casework"
	"proofpack/tracker"
	"proofpack/tracker/carrier"
)

// orderTab shows what was bought, from whom, where it should arrive and the dispute so far.
func orderTab(v *caseView) fyne.CanvasObject {
	body := container.NewVBox()
	stage := newStageView(v)
	fill := func(c tracker.Case) {
		d := orderDetails(c, v.app.list.summary(c.ID)) // the title, then the refund timeline the buyer acts on, then the order
		body.Objects = append([]fyne.CanvasObject{d[0], stage.card}, d[1:]...)
	}
	fill(v.c) // laid out with the tab
	v.onUpdate(func(c tracker.Case) {
		fill(c)
		body.Refresh()
	})
	return container.NewVScroll(container.NewPadded(body))
}

// orderDetails shows the order with the list's headline, so a parcel delivered in another town
// never reads a green "Delivered" here.
func orderDetails(c tracker.Case, sum casework.Summary) []fyne.CanvasObject {
	title := widget.NewLabelWithStyle(c.Item, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	status := widget.NewLabelWithStyle(headlineText(sum), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	status.Importance = summaryImportance(sum)

	// The rows first, then the form: each Append lays the whole form out again.
	var items []*widget.FormItem
	add := func(label, value string) {
		if strings.TrimSpace(value) != "" {
			l := widget.NewLabel(value)
			l.Wrapping = fyne.TextWrapWord
			items = append(items, widget.NewFormItem(lang.L(label), l))
		}
	}
	add("Case", c.ID)
	add("Marketplace", marketplaceName(c.Marketplace))
	add("Order number", c.OrderNumber)
	add("Seller", c.Seller)
	add("Amount", c.Amount.String()+" "+c.Currency)
	add("Paid by", paymentLabel(c.Payment))
	add("Ordered", c.Ordered.String())
	add("Shipped", c.Shipped.String())
	add("Promised by", c.Promised.String())
	add("Deliver to", deliverTo(c.Buyer))
	for _, s := range c.Shipments {
		add("Tracking number", trackingLine(s))
		if u, err := url.Parse(s.Link); err == nil && s.Link != "" {
			h := widget.NewHyperlink(s.Link, u)
			h.Truncation = fyne.TextTruncateEllipsis // a long link never widens the window
			items = append(items, widget.NewFormItem(lang.L("Seller's link"), h))
		}
	}
	add("Dispute opened", c.Dispute.Opened.String())
	add("Escalated", c.Dispute.Escalated.String())
	add("Decided for you", c.Dispute.Won.String())
	add("Refund promised", c.Dispute.RefundPromised.String())
	add("Refund received", c.Dispute.RefundReceived.String())
	add("Notes", c.Notes)
	return []fyne.CanvasObject{container.NewBorder(nil, nil, nil, status, title), widget.NewForm(items...)}
}

func deliverTo(a tracker.Address) string {
	city := strings.TrimSpace(a.City + " " + a.Postcode)
	if n := tracker.CountryName(a.Country); n != "" {
		return city + ", " + n
	}
	return city
}

// paymentLabel names a payment route as a label: "Card", "PayPal", "Marketplace balance".
func paymentLabel(id string) string {
	n := tracker.PaymentName(id)
	if n == "" {
		return n
	}
	return sayKnown(strings.ToUpper(n[:1]) + n[1:]) // "Card", "PayPal", "Marketplace balance"
}

// trackingLine is a number with the name of the carrier it was recognised as, if any.
func trackingLine(s tracker.Shipment) string {
	if s.Carrier == "" {
		return s.Number
	}
	return s.Number + " · " + carrier.Name(s.Carrier)
}
