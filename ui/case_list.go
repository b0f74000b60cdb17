package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"proofpack/tracker"
)

// A case row shows marketplace and order on the first line, item and status on the second.
func newCaseRow() fyne.CanvasObject {
	title := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Truncation = fyne.TextTruncateEllipsis
	item := widget.NewLabel("")
	item.Truncation = fyne.TextTruncateEllipsis
	status := widget.NewLabel("")
	return container.NewVBox(title, container.NewBorder(nil, nil, nil, status, item))
}

func (u *App) updateCaseRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(u.cases) {
		return
	}
	c := u.cases[i]
	box := o.(*fyne.Container)
	box.Objects[0].(*widget.Label).SetText(tracker.MarketplaceName(c.Marketplace) + " · " + c.OrderNumber)
	row := box.Objects[1].(*fyne.Container)
	row.Objects[0].(*widget.Label).SetText(c.Item)
	st := row.Objects[1].(*widget.Label)
	st.SetText(statusText(c.Status()))
	st.Importance = statusImportance(c.Status())
	st.Refresh()
	row.Refresh() // the status text changed width: lay the row out again
}

var statusTexts = map[tracker.Status]string{
	tracker.StatusNotFound: "Nothing online", tracker.StatusPending: "Pending",
	tracker.StatusInfoReceived: "Label only", tracker.StatusInTransit: "In transit",
	tracker.StatusOutForDelivery: "Out for delivery", tracker.StatusAttemptFail: "Delivery failed",
	tracker.StatusPickup: "Ready for pickup", tracker.StatusDelivered: "Delivered",
	tracker.StatusException: "Problem", tracker.StatusExpired: "Expired",
}

func statusText(s tracker.Status) string {
	if t, ok := statusTexts[s]; ok {
		return t
	}
	return string(s)
}

func statusImportance(s tracker.Status) widget.Importance {
	switch s {
	case tracker.StatusDelivered:
		return widget.SuccessImportance
	case tracker.StatusException, tracker.StatusAttemptFail, tracker.StatusExpired:
		return widget.DangerImportance
	case tracker.StatusNotFound:
		return widget.WarningImportance
	}
	return widget.MediumImportance
}
