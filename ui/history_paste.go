package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// confirmOtherNumber is the box the buyer ticks when a history names another number but is about
// this parcel; the packet's error quotes it.
const confirmOtherNumber = "It names another tracking number, but it is about this parcel"

// showPasteHistory asks for the tracking history the buyer copied from a carrier page and adds it
// to the case as `proofpack events add` does: the text becomes an exhibit, its events join the
// shipment's.
func (v *caseView) showPasteHistory() {
	text := widget.NewMultiLineEntry()
	text.SetPlaceHolder(lang.L("Copy the tracking history from the carrier's page and paste it here:\ndates, places and what happened, in any of nine languages."))
	text.SetMinRowsVisible(14)
	numbers := v.c.Numbers()
	which := widget.NewSelect(numbers, nil)
	which.SetSelectedIndex(0)
	confirm := widget.NewCheck(lang.L(confirmOtherNumber), nil)
	items := []*widget.FormItem{widget.NewFormItem(lang.L("History"), text), widget.NewFormItem("", confirm)}
	if len(numbers) > 1 {
		items = append([]*widget.FormItem{widget.NewFormItem(lang.L("Tracking number"), which)}, items...)
	}
	d := dialog.NewForm(lang.L("Paste tracking history"), lang.L("Add"), lang.L("Cancel"), items, func(ok bool) {
		if ok {
			v.addHistory(which.Selected, text.Text, confirm.Checked)
		}
	}, v.app.win)
	d.Resize(fyne.NewSize(720, 520))
	d.Show()
}

// addHistory reads and keeps the history off the UI goroutine; the returned channel closes once
// the result is on screen.
// confirmed is the buyer's word that a text naming another number is about this parcel.
func (v *caseView) addHistory(number, text string, confirmed bool) <-chan struct{} {
	done := make(chan struct{})
	v.historyDone = done
	svc, id, win := v.app.svc, v.c.ID, v.app.win
	go func() {
		r, err := svc.AddHistory(id, number, text, confirmed)
		fyne.Do(func() {
			defer close(done)
			if err != nil {
				showError(err, win)
				if r.Exhibit == 0 {
					return
				}
			}
			v.app.reload(id)
			data := map[string]any{"Count": len(r.Page.Events), "Number": r.Number, "New": r.Fresh, "Exhibit": r.Exhibit, "Other": r.OtherNumber}
			msg := lang.L("Read {{.Count}} events for {{.Number}} ({{.New}} new). The text is kept as exhibit {{.Exhibit}}.", data)
			if r.Page.NotFound {
				msg = lang.L("The page says the carrier has no information on {{.Number}} yet. Kept as exhibit {{.Exhibit}}.", data)
			}
			if r.OtherNumber != "" {
				msg += "\n\n" + lang.L("The text names tracking number {{.Other}}, not {{.Number}}. If it is about this parcel, paste it again and tick the box; until then no packet is made from it.", data)
			}
			if err == nil {
				dialog.ShowInformation(lang.L("Tracking history added"), msg, win)
			}
		})
	}()
	return done
}
