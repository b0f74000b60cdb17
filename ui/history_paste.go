package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// showPasteHistory asks for the tracking history the buyer copied from a carrier page and adds it
// to the case as `proofpack events add` does: the text becomes an exhibit, its events join the
// shipment's.
func (v *caseView) showPasteHistory() {
	text := widget.NewMultiLineEntry()
	text.SetPlaceHolder("Copy the tracking history from the carrier's page and paste it here:\ndates, places and what happened, in any of nine languages.")
	text.SetMinRowsVisible(14)
	numbers := v.c.Numbers()
	which := widget.NewSelect(numbers, nil)
	which.SetSelectedIndex(0)
	confirm := widget.NewCheck("It names another tracking number, but it is about this parcel", nil)
	items := []*widget.FormItem{widget.NewFormItem("History", text), widget.NewFormItem("", confirm)}
	if len(numbers) > 1 {
		items = append([]*widget.FormItem{widget.NewFormItem("Tracking number", which)}, items...)
	}
	d := dialog.NewForm("Paste tracking history", "Add", "Cancel", items, func(ok bool) {
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
				dialog.ShowError(err, win)
				if r.Exhibit == 0 {
					return
				}
			}
			v.app.reload(id)
			msg := fmt.Sprintf("Read %d events for %s (%d new). The text is kept as exhibit %d.", len(r.Page.Events), r.Number, r.Fresh, r.Exhibit)
			if r.Page.NotFound {
				msg = fmt.Sprintf("The page says the carrier has no information on %s yet. Kept as exhibit %d.", r.Number, r.Exhibit)
			}
			if r.OtherNumber != "" {
				msg += fmt.Sprintf("\n\nThe text names tracking number %s, not %s. If it is about this parcel, paste it again and tick the box; until then no packet is made from it.", r.OtherNumber, r.Number)
			}
			if err == nil {
				dialog.ShowInformation("Tracking history added", msg, win)
			}
		})
	}()
	return done
}
