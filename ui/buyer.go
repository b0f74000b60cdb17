package ui

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2/dialog"
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
		dialog.ShowError(err, u.win)
		return
	}
	if asked || b.Name != "" {
		then()
		return
	}
	entries := map[string]*widget.Entry{}
	var items []*widget.FormItem
	for _, f := range []struct{ field, label, hint string }{
		{"name", "Your name", "as on your card or account"},
		{"email", "E-mail", "where the bank or platform can reach you"},
		{"phone", "Phone", "optional"},
	} {
		e := widget.NewEntry()
		e.SetPlaceHolder(f.hint)
		field := f.field
		e.Validator = func(s string) error { var x tracker.Buyer; return x.Set(field, s) }
		entries[f.field] = e
		items = append(items, widget.NewFormItem(f.label, e))
	}
	dialog.ShowForm("Who signs the packet?", "Save", "Skip", items, func(ok bool) {
		if ok {
			for _, field := range tracker.BuyerFields {
				if _, err := u.svc.SetBuyerField(field, entries[field].Text); err != nil {
					var te *tracker.Error
					if errors.As(err, &te) {
						err = fmt.Errorf("%s: %s", field, te.Msg)
					}
					dialog.ShowError(err, u.win)
					return
				}
			}
		}
		if err := u.svc.Store.SetSetting(buyerAskedKey, true); err != nil {
			dialog.ShowError(err, u.win)
			return
		}
		then()
	}, u.win)
}
