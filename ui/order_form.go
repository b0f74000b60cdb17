package ui

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"proofpack/casework"
	"proofpack/tracker"
	"proofpack/tracker/carrier"
)

// orderForm is the "Add order" form: one entry per case field, each checked as it is typed, and
// the whole case checked again by tracker.Case.Validate before anything is saved.
type orderForm struct {
	marketplace, payment                    *widget.Select
	order, seller, item, amount, currency   *widget.Entry
	ordered, shipped, promised              *widget.Entry
	tracking, link, city, postcode, country *widget.Entry
	number                                  *numberView // what the tracking number is, as typed
	items                                   []*widget.FormItem
}

func newOrderForm() *orderForm {
	f := &orderForm{
		marketplace: widget.NewSelect(marketplaceLabels(), nil),
		payment:     widget.NewSelect(paymentLabels(), nil),
	}
	f.marketplace.SetSelected("AliExpress")
	f.payment.SetSelected("Card")
	entry := func(place string, v fyne.StringValidator) *widget.Entry {
		e := widget.NewEntry()
		e.SetPlaceHolder(place)
		e.Validator = v
		return e
	}
	f.order = entry("as shown in your order list", required("order number"))
	f.seller = entry("shop or seller name", required("seller"))
	f.item = entry("what you bought", required("item"))
	f.amount = entry("12.50", func(s string) error { _, err := tracker.ParseAmount(s); return err })
	f.currency = entry("USD", func(s string) error {
		if len(strings.TrimSpace(s)) != 3 {
			return errors.New("a three-letter code like USD")
		}
		return nil
	})
	f.ordered = entry("YYYY-MM-DD", dateValidator(true))
	f.shipped = entry("YYYY-MM-DD (optional)", dateValidator(false))
	f.promised = entry("YYYY-MM-DD (optional)", dateValidator(false))
	f.tracking = entry("the number the seller gave", required("tracking number"))
	f.link = entry("https://... (optional)", nil)
	f.city = entry("your city", required("city"))
	f.postcode = entry("your postcode (optional)", nil)
	f.country = entry("US, BR, PL...", func(s string) error {
		if tracker.CountryName(strings.ToUpper(strings.TrimSpace(s))) == "" {
			return errors.New("a two-letter country code like US")
		}
		return nil
	})
	f.number = newNumberView()
	for _, e := range []*widget.Entry{f.tracking, f.link, f.country} {
		e.OnChanged = func(string) { f.checkNumber() }
	}
	f.items = []*widget.FormItem{
		widget.NewFormItem("Marketplace", f.marketplace),
		widget.NewFormItem("Order number", f.order),
		widget.NewFormItem("Seller", f.seller),
		widget.NewFormItem("Item", f.item),
		widget.NewFormItem("Amount", f.amount),
		widget.NewFormItem("Currency", f.currency),
		widget.NewFormItem("Paid by", f.payment),
		widget.NewFormItem("Ordered on", f.ordered),
		widget.NewFormItem("Shipped on", f.shipped),
		widget.NewFormItem("Promised by", f.promised),
		widget.NewFormItem("Tracking number", f.tracking),
		widget.NewFormItem("", f.number.box),
		widget.NewFormItem("Seller's tracking link", f.link),
		widget.NewFormItem("City", f.city),
		widget.NewFormItem("Postcode", f.postcode),
		widget.NewFormItem("Country", f.country),
	}
	return f
}

// checkNumber recognises the tracking number as it is typed, offline, against the country and
// the seller's link typed so far.
func (f *orderForm) checkNumber() {
	if strings.TrimSpace(f.tracking.Text) == "" {
		f.number.clear()
		return
	}
	f.number.show(carrier.Check(f.tracking.Text, carrier.Options{
		Country: strings.ToUpper(strings.TrimSpace(f.country.Text)), SellerLink: strings.TrimSpace(f.link.Text),
	}))
}

// toCase reads the entries into a case; it reports the first entry that does not parse.
func (f *orderForm) toCase(newShipment func(input string) tracker.Shipment) (tracker.Case, error) {
	c := tracker.Case{
		Marketplace: marketplaceID(f.marketplace.Selected),
		OrderNumber: strings.TrimSpace(f.order.Text),
		Seller:      strings.TrimSpace(f.seller.Text),
		Item:        strings.TrimSpace(f.item.Text),
		Currency:    strings.ToUpper(strings.TrimSpace(f.currency.Text)),
		Payment:     paymentID(f.payment.Selected),
		Buyer: tracker.Address{
			City:     strings.TrimSpace(f.city.Text),
			Postcode: strings.TrimSpace(f.postcode.Text),
			Country:  strings.ToUpper(strings.TrimSpace(f.country.Text)),
		},
	}
	var err error
	if c.Amount, err = tracker.ParseAmount(f.amount.Text); err != nil {
		return c, tracker.Invalid("Amount", "%v", err)
	}
	dates := []struct {
		label string
		e     *widget.Entry
		dst   *tracker.Date
	}{{"Ordered on", f.ordered, &c.Ordered}, {"Shipped on", f.shipped, &c.Shipped}, {"Promised by", f.promised, &c.Promised}}
	for _, d := range dates {
		if strings.TrimSpace(d.e.Text) == "" {
			continue
		}
		if *d.dst, err = tracker.ParseDate(d.e.Text); err != nil {
			return c, tracker.Invalid(d.label, "%v", err)
		}
	}
	if strings.TrimSpace(f.tracking.Text) != "" {
		s := newShipment(f.tracking.Text)
		s.Link = strings.TrimSpace(f.link.Text)
		c.Shipments = []tracker.Shipment{s}
	}
	return c, nil
}

// showAddOrder opens the form; the case is saved only when it validates as a whole.
func (u *App) showAddOrder() {
	f := newOrderForm()
	d := dialog.NewForm("Add order", "Add", "Cancel", f.items, func(ok bool) {
		if ok {
			u.addOrder(f)
		}
	}, u.win)
	d.Resize(fyne.NewSize(560, 720))
	d.Show()
}

func (u *App) addOrder(f *orderForm) {
	c, err := f.toCase(casework.NewShipment)
	if err == nil {
		c, err = u.svc.AddCase(c)
	}
	if err != nil {
		dialog.ShowError(fmt.Errorf("the order was not added: %s", formErr(err)), u.win)
		return
	}
	u.reload(c.ID)
}

// formErr names the form label for a domain field, so the message points at the right entry.
func formErr(err error) string {
	labels := map[string]string{
		"order_number": "Order number", "tracking": "Tracking number", "tracking_url": "Seller's tracking link",
		"ordered": "Ordered on", "shipped": "Shipped on", "promised": "Promised by",
	}
	var te *tracker.Error
	if errors.As(err, &te) && te.Field != "" {
		label := labels[te.Field]
		if label == "" {
			label = strings.ToUpper(te.Field[:1]) + strings.ReplaceAll(te.Field[1:], "_", " ")
		}
		return label + ": " + te.Msg
	}
	return err.Error()
}

func required(what string) fyne.StringValidator {
	return func(s string) error {
		if strings.TrimSpace(s) == "" {
			return fmt.Errorf("enter the %s", what)
		}
		return nil
	}
}

func dateValidator(needed bool) fyne.StringValidator {
	return func(s string) error {
		if strings.TrimSpace(s) == "" {
			if needed {
				return errors.New("enter a date like 2026-09-01")
			}
			return nil
		}
		_, err := tracker.ParseDate(s)
		return err
	}
}

func marketplaceLabels() []string {
	out := make([]string, 0, len(tracker.Marketplaces))
	for _, m := range tracker.Marketplaces {
		out = append(out, tracker.MarketplaceName(m))
	}
	return out
}

func marketplaceID(label string) string {
	for _, id := range tracker.Marketplaces {
		if tracker.MarketplaceName(id) == label {
			return id
		}
	}
	return ""
}

func paymentLabels() []string {
	out := make([]string, 0, len(tracker.Payments))
	for _, p := range tracker.Payments {
		out = append(out, paymentLabel(p))
	}
	return out
}

func paymentID(label string) string {
	for _, id := range tracker.Payments {
		if paymentLabel(id) == label {
			return id
		}
	}
	return ""
}
