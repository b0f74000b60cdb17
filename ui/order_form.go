package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"proofpack/casework"
	"proofpack/tracker"
	"proofpack/tracker/carrier"
)

// orderForm adds or edits a case: one entry per field, each checked as it is typed and marked
// beside it when wrong, and the whole case checked by tracker.Case.Validate. Save is enabled only
// when the whole case is valid, and nothing typed is lost on any error: the form stays open.
type orderForm struct {
	marketplace, payment                    *widget.Select
	order, seller, item, amount, currency   *widget.Entry
	ordered, shipped, promised              *widget.Entry
	tracking, link, city, postcode, country *widget.Entry
	opened, escalated, won                  *widget.Entry // the dispute's steps
	refundPromised, refundReceived          *widget.Entry
	number                                  *numberView // what the tracking number is, as typed
	items                                   []*widget.FormItem
	form                                    *widget.Form
	save                                    *widget.Button
	missing                                 *widget.Label // what stops Save, in words
	base                                    tracker.Case  // the stored case when editing
}

func newOrderForm() *orderForm {
	f := &orderForm{
		marketplace: widget.NewSelect(marketplaceLabels(), nil),
		payment:     widget.NewSelect(paymentLabels(), nil),
		base:        tracker.Case{Payment: "card"},
	}
	f.marketplace.SetSelected("AliExpress")
	f.payment.SetSelected(paymentLabel("card"))
	entry := func(place string, v fyne.StringValidator) *widget.Entry {
		e := widget.NewEntry()
		e.SetPlaceHolder(place)
		e.Validator = v
		return e
	}
	optionalDate := lang.L("YYYY-MM-DD (optional)")
	f.order = entry(lang.L("as shown in your order list"), required(lang.L("Enter the order number")))
	f.seller = entry(lang.L("shop or seller name"), required(lang.L("Enter the seller")))
	f.item = entry(lang.L("what you bought"), required(lang.L("Enter the item")))
	f.amount = entry("12.50", func(s string) error {
		if _, err := tracker.ParseAmount(s); err != nil {
			return errors.New(lang.L("Not an amount: write it like 12.50"))
		}
		return nil
	})
	f.currency = entry("USD", func(s string) error {
		s = strings.TrimSpace(s)
		if len(s) != 3 || strings.Trim(strings.ToUpper(s), "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
			return errors.New(lang.L("A three-letter code like USD"))
		}
		return nil
	})
	f.ordered = entry("YYYY-MM-DD", dateValidator(true))
	f.shipped = entry(optionalDate, dateValidator(false))
	f.promised = entry(optionalDate, dateValidator(false))
	f.tracking = entry(lang.L("the number the seller gave; several: separate with commas"), required(lang.L("Enter the tracking number")))
	f.link = entry(lang.L("https://... (optional)"), linkValidator)
	f.city = entry(lang.L("your city"), required(lang.L("Enter the city")))
	f.postcode = entry(lang.L("your postcode (optional)"), nil)
	f.country = entry("US, BR, PL...", func(s string) error {
		if tracker.CountryName(strings.ToUpper(strings.TrimSpace(s))) == "" {
			return errors.New(lang.L("A two-letter country code like US"))
		}
		return nil
	})
	f.opened = entry(lang.L("YYYY-MM-DD, when you opened it"), dateValidator(false))
	f.escalated = entry(optionalDate, dateValidator(false))
	f.won = entry(optionalDate, dateValidator(false))
	f.refundPromised = entry(optionalDate, dateValidator(false))
	f.refundReceived = entry(optionalDate, dateValidator(false))
	f.number = newNumberView()
	f.save = widget.NewButtonWithIcon(lang.L("Save"), theme.DocumentSaveIcon(), nil)
	f.save.Importance = widget.HighImportance
	f.missing = widget.NewLabel("")
	f.missing.Wrapping = fyne.TextWrapWord
	f.missing.Importance = widget.WarningImportance

	dispute := widget.NewLabelWithStyle(lang.L("Dispute"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.items = []*widget.FormItem{
		widget.NewFormItem(lang.L("Marketplace"), f.marketplace),
		widget.NewFormItem(lang.L("Order number"), f.order),
		widget.NewFormItem(lang.L("Seller"), f.seller),
		widget.NewFormItem(lang.L("Item"), f.item),
		widget.NewFormItem(lang.L("Amount"), f.amount),
		widget.NewFormItem(lang.L("Currency"), f.currency),
		widget.NewFormItem(lang.L("Paid by"), f.payment),
		widget.NewFormItem(lang.L("Ordered on"), f.ordered),
		widget.NewFormItem(lang.L("Shipped on"), f.shipped),
		widget.NewFormItem(lang.L("Promised by"), f.promised),
		widget.NewFormItem(lang.L("Tracking number"), f.tracking),
		widget.NewFormItem("", f.number.box),
		widget.NewFormItem(lang.L("Seller's tracking link"), f.link),
		widget.NewFormItem(lang.L("City"), f.city),
		widget.NewFormItem(lang.L("Postcode"), f.postcode),
		widget.NewFormItem(lang.L("Country"), f.country),
		widget.NewFormItem("", dispute),
		widget.NewFormItem(lang.L("Dispute opened"), f.opened),
		widget.NewFormItem(lang.L("Escalated"), f.escalated),
		widget.NewFormItem(lang.L("Decided for you"), f.won),
		widget.NewFormItem(lang.L("Refund promised"), f.refundPromised),
		widget.NewFormItem(lang.L("Refund received"), f.refundReceived),
	}
	f.form = widget.NewForm(f.items...)
	for _, e := range f.entries() {
		e.OnChanged = func(string) { f.check() }
	}
	f.marketplace.OnChanged = func(string) { f.check() }
	f.payment.OnChanged = func(string) { f.check() }
	f.check()
	return f
}

// entries are the form's text fields, in the order they are shown.
func (f *orderForm) entries() []*widget.Entry {
	return []*widget.Entry{f.order, f.seller, f.item, f.amount, f.currency, f.ordered, f.shipped, f.promised,
		f.tracking, f.link, f.city, f.postcode, f.country, f.opened, f.escalated, f.won, f.refundPromised, f.refundReceived}
}

// labelOf names an entry as the form shows it.
func (f *orderForm) labelOf(w fyne.CanvasObject) string {
	for _, it := range f.items {
		if it.Widget == w {
			return it.Text
		}
	}
	return ""
}

// fieldEntry is the entry that shows a domain field's error.
func (f *orderForm) fieldEntry(field string) *widget.Entry {
	return map[string]*widget.Entry{
		"order_number": f.order, "seller": f.seller, "item": f.item, "amount": f.amount, "currency": f.currency,
		"ordered": f.ordered, "shipped": f.shipped, "promised": f.promised, "tracking": f.tracking,
		"tracking_url": f.link, "city": f.city, "postcode": f.postcode, "country": f.country,
	}[field]
}

// prefill starts a new order with the buyer's home address and currency.
func (f *orderForm) prefill(p casework.Preferences) {
	for _, x := range []struct {
		e *widget.Entry
		v string
	}{{f.city, p.City}, {f.postcode, p.Postcode}, {f.country, p.Country}, {f.currency, p.Currency}} {
		if x.v != "" {
			x.e.SetText(x.v)
		}
	}
}

// load fills the form from a stored case, for editing it.
func (f *orderForm) load(c tracker.Case) {
	f.base = c
	f.marketplace.SetSelected(marketplaceName(c.Marketplace))
	f.payment.SetSelected(paymentLabel(c.Payment))
	links := ""
	if len(c.Shipments) > 0 {
		links = c.Shipments[0].Link
	}
	amount := ""
	if c.Amount != 0 || c.Currency != "" {
		amount = c.Amount.String()
	}
	inputs := make([]string, 0, len(c.Shipments))
	for _, s := range c.Shipments {
		inputs = append(inputs, s.Number)
	}
	for e, v := range map[*widget.Entry]string{
		f.order: c.OrderNumber, f.seller: c.Seller, f.item: c.Item, f.amount: amount, f.currency: c.Currency,
		f.ordered: c.Ordered.String(), f.shipped: c.Shipped.String(), f.promised: c.Promised.String(),
		f.tracking: strings.Join(inputs, ", "), f.link: links, f.city: c.Buyer.City, f.postcode: c.Buyer.Postcode,
		f.country: c.Buyer.Country, f.opened: c.Dispute.Opened.String(), f.escalated: c.Dispute.Escalated.String(),
		f.won: c.Dispute.Won.String(), f.refundPromised: c.Dispute.RefundPromised.String(),
		f.refundReceived: c.Dispute.RefundReceived.String(),
	} {
		e.SetText(v)
	}
	f.check()
}

// check marks every bad field beside it, says what stops Save, and enables Save only when the
// whole case is valid.
func (f *orderForm) check() {
	f.checkNumber()
	var bad []string
	for _, e := range f.entries() {
		if e.Validator == nil {
			continue
		}
		err := e.Validator(e.Text)
		e.SetValidationError(err) // also clears what the whole-case check marked before
		if err != nil {
			bad = append(bad, f.labelOf(e))
		}
	}
	if len(bad) == 0 {
		_, err := f.toCase()
		if field := tracker.FieldOf(err); err != nil {
			if e := f.fieldEntry(field); e != nil {
				e.SetValidationError(errors.New(fieldMsg(err)))
			}
			bad = append(bad, formErr(err))
		}
	}
	if len(bad) == 0 {
		f.missing.SetText("")
		f.missing.Hide()
		f.save.Enable()
		return
	}
	f.missing.SetText(lang.L("To save, fix: ") + strings.Join(bad, ", "))
	f.missing.Show()
	f.save.Disable()
}

// checkNumber recognises the tracking number as it is typed, offline, against the country and
// the seller's link typed so far.
func (f *orderForm) checkNumber() {
	first := strings.TrimSpace(strings.Split(f.tracking.Text, ",")[0])
	if first == "" {
		f.number.clear()
		return
	}
	f.number.show(carrier.Check(first, carrier.Options{
		Country: strings.ToUpper(strings.TrimSpace(f.country.Text)), SellerLink: strings.TrimSpace(f.link.Text),
	}))
}

// toCase reads the entries onto the case being added or edited and validates the result; its
// error names the field at fault.
func (f *orderForm) toCase() (tracker.Case, error) {
	c := f.base
	c.Marketplace = marketplaceID(f.marketplace.Selected)
	c.OrderNumber = strings.TrimSpace(f.order.Text)
	c.Seller = strings.TrimSpace(f.seller.Text)
	c.Item = strings.TrimSpace(f.item.Text)
	c.Currency = strings.ToUpper(strings.TrimSpace(f.currency.Text))
	c.Payment = paymentID(f.payment.Selected)
	c.Buyer = tracker.Address{
		City:     strings.TrimSpace(f.city.Text),
		Postcode: strings.TrimSpace(f.postcode.Text),
		Country:  strings.ToUpper(strings.TrimSpace(f.country.Text)),
	}
	var err error
	if c.Amount, err = tracker.ParseAmount(f.amount.Text); err != nil {
		return c, tracker.Invalid("amount", "%v", err)
	}
	dates := []struct {
		field string
		e     *widget.Entry
		dst   *tracker.Date
	}{
		{"ordered", f.ordered, &c.Ordered}, {"shipped", f.shipped, &c.Shipped}, {"promised", f.promised, &c.Promised},
		{"dispute_opened", f.opened, &c.Dispute.Opened}, {"dispute_escalated", f.escalated, &c.Dispute.Escalated},
		{"dispute_won", f.won, &c.Dispute.Won}, {"refund_promised", f.refundPromised, &c.Dispute.RefundPromised},
		{"refund_received", f.refundReceived, &c.Dispute.RefundReceived},
	}
	for _, d := range dates {
		*d.dst = tracker.Date{}
		if strings.TrimSpace(d.e.Text) == "" {
			continue
		}
		if *d.dst, err = tracker.ParseDate(d.e.Text); err != nil {
			return c, tracker.Invalid(d.field, "%v", err)
		}
	}
	var inputs []string
	for _, n := range strings.Split(f.tracking.Text, ",") {
		if strings.TrimSpace(n) != "" {
			inputs = append(inputs, n)
		}
	}
	old := f.base.Shipments
	if c.Shipments, err = casework.Shipments(inputs, []string{f.link.Text}[:min(1, len(inputs))], old); err != nil {
		return c, err
	}
	for i := range c.Shipments[min(1, len(c.Shipments)):] { // later numbers keep the links they had
		for _, o := range old {
			if o.Number == c.Shipments[i+1].Number {
				c.Shipments[i+1].Link = o.Link
			}
		}
	}
	return c, c.Validate()
}

// showOrderForm opens the form in a scrolling dialog: empty with the home address for a new
// order, or filled with the case to edit. The dialog closes only when the case is saved.
func (u *App) showOrderForm(edit *tracker.Case) *orderForm {
	f := newOrderForm()
	u.lastForm = f
	title := lang.L("Add order")
	if edit != nil {
		title = lang.L("Edit order {{.Order}}", map[string]any{"Order": edit.OrderNumber})
		f.load(*edit)
	} else if p, err := u.svc.Preferences(); err == nil {
		f.prefill(p)
	}
	cancel := widget.NewButton(lang.L("Cancel"), nil)
	buttons := container.NewHBox(cancel, f.save)
	body := container.NewBorder(nil, container.NewVBox(f.missing, container.NewCenter(buttons)), nil, nil,
		container.NewVScroll(container.NewPadded(f.form)))
	d := dialog.NewCustomWithoutButtons(title, body, u.win)
	cancel.OnTapped = d.Hide
	f.save.OnTapped = func() {
		if u.saveOrder(f) {
			d.Hide()
		}
	}
	size := u.win.Canvas().Size()
	d.Resize(fyne.NewSize(min(640, size.Width-40), max(400, size.Height-60)))
	d.Show()
	u.win.Canvas().Focus(f.order)
	return f
}

func (u *App) showAddOrder() { u.showOrderForm(nil) }

// showEditOrder opens the form on the case on screen.
func (u *App) showEditOrder() {
	if c, ok := u.selected(); ok {
		u.showOrderForm(&c)
	}
}

// saveOrder adds or updates the case; on any error the form keeps everything typed and the
// error is shown beside its field (or in a dialog when no field is at fault).
func (u *App) saveOrder(f *orderForm) bool {
	c, err := f.toCase()
	if err == nil {
		c.Tidy()
		if f.base.ID == "" {
			c, err = u.svc.AddCase(c)
			if err == nil {
				err = u.svc.RememberHome(c)
			}
		} else {
			c, err = u.svc.EditCase(f.base.ID, func(stored *tracker.Case) error {
				events := map[string][]tracker.Event{}
				for _, s := range stored.Shipments {
					events[s.Number] = s.Events
				}
				for i := range c.Shipments { // events read since the form opened stay
					c.Shipments[i].Events = events[c.Shipments[i].Number]
				}
				*stored = c
				return nil
			})
		}
	}
	if err != nil {
		if e := f.fieldEntry(tracker.FieldOf(err)); e != nil {
			e.SetValidationError(errors.New(fieldMsg(err)))
		}
		f.missing.SetText(lang.L("Not saved: {{.Error}}", map[string]any{"Error": formErr(err)}))
		f.missing.Show()
		return false
	}
	u.reload(c.ID)
	return true
}

// formErr names the form label for a domain field, so the message points at the right entry.
func formErr(err error) string { return errorText(err) }

func linkValidator(s string) error {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	if !strings.HasPrefix(s, "http://") && !strings.HasPrefix(s, "https://") {
		return errors.New(lang.L("A web link starting with https://"))
	}
	return nil
}

// required refuses an empty field with msg, already in the window's language.
func required(msg string) fyne.StringValidator {
	return func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New(msg)
		}
		return nil
	}
}

func dateValidator(needed bool) fyne.StringValidator {
	return func(s string) error {
		if strings.TrimSpace(s) == "" {
			if needed {
				return errors.New(lang.L("Enter a date like 2026-09-01"))
			}
			return nil
		}
		if _, err := tracker.ParseDate(s); err != nil {
			return errors.New(lang.L("Not a date: use YYYY-MM-DD, e.g. 2026-09-01"))
		}
		return nil
	}
}

func marketplaceLabels() []string {
	out := make([]string, 0, len(tracker.Marketplaces))
	for _, m := range tracker.Marketplaces {
		out = append(out, marketplaceName(m))
	}
	return out
}

func marketplaceID(label string) string {
	for _, id := range tracker.Marketplaces {
		if marketplaceName(id) == label {
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

// fieldMsg is an error's message without its field, for showing beside the field.
func fieldMsg(err error) string {
	var te *tracker.Error
	if errors.As(err, &te) {
		return sayKnown(te.Msg)
	}
	return err.Error()
}
