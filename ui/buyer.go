package ui

import (
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"proofpack/tracker"
)

// buyerAskedKey remembers that the buyer was asked for a name, so a buyer who skipped is not
// asked before every packet.
const buyerAskedKey = "buyer_asked"

// askBuyerOnce asks for the buyer's name and contact before the first packet (a packet is a
// claim a person signs: the cover names the claimant, the statement ends with a signature
// line), saves them and goes on with then; afterwards it goes straight on.
func (u *App) askBuyerOnce(then func()) {
	b, err := u.svc.Buyer()
	var asked bool
	if err == nil {
		_, err = u.svc.Store.Setting(buyerAskedKey, &asked)
	}
	if err != nil {
		showError(err, u.win)
		return
	}
	if asked || b.Name != "" {
		then()
		return
	}
	entries := map[string]*widget.Entry{}
	var items []*widget.FormItem
	for _, f := range []struct{ field, label, hint string }{
		{"name", lang.L("Your name"), lang.L("as on your card or account")},
		{"email", lang.L("E-mail"), lang.L("where the bank or platform can reach you")},
		{"phone", lang.L("Phone"), lang.L("optional")},
	} {
		e := widget.NewEntry()
		e.SetPlaceHolder(f.hint)
		field := f.field
		e.Validator = func(s string) error { var x tracker.Buyer; return x.Set(field, s) }
		entries[f.field] = e
		items = append(items, widget.NewFormItem(f.label, e))
	}
	dialog.ShowForm(lang.L("Who signs the packet?"), lang.L("Save"), lang.L("Skip"), items, func(ok bool) {
		if ok {
			for _, field := range tracker.BuyerFields {
				if _, err := u.svc.SetBuyerField(field, entries[field].Text); err != nil {
					showError(err, u.win)
					return
				}
			}
		}
		if err := u.svc.Store.SetSetting(buyerAskedKey, true); err != nil {
			showError(err, u.win)
			return
		}
		then()
	}, u.win)
}
