package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"proofpack/casework"
	"proofpack/tracker"
)

// App is the open window: the case list on the left, the selected case on the right.
type App struct {
	app    fyne.App
	win    fyne.Window
	svc    *casework.Service
	cases  []tracker.Case
	list   *widget.List
	detail *fyne.Container // holds the selected case's view, or the empty-state message
	view   *caseView
	addBtn *widget.Button
	delBtn *widget.Button
}

// Create fills w with ProofPack's content and returns the App for tests to drive.
func Create(a fyne.App, w fyne.Window, svc *casework.Service) *App {
	u := &App{app: a, win: w, svc: svc}
	u.list = widget.NewList(u.listLength, newCaseRow, u.updateCaseRow)
	u.list.OnSelected = u.selectCase
	u.detail = container.NewStack()
	u.addBtn = widget.NewButtonWithIcon("Add order", theme.ContentAddIcon(), u.showAddOrder)
	u.addBtn.Importance = widget.HighImportance
	u.delBtn = widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), u.confirmDelete)
	u.delBtn.Disable()

	left := container.NewBorder(
		container.NewVBox(widget.NewLabelWithStyle("Cases", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})),
		container.NewHBox(u.addBtn, u.delBtn), nil, nil, u.list)
	split := container.NewHSplit(left, u.detail)
	split.SetOffset(0.32)
	w.SetContent(split)
	w.SetOnDropped(u.dropped)
	u.reload("")
	return u
}

// reload reads the cases again and selects the one with id ("" keeps the first case selected).
func (u *App) reload(id string) {
	cases, err := u.svc.Cases()
	if err != nil {
		dialog.ShowError(err, u.win)
		return
	}
	u.cases = cases
	u.list.Refresh()
	if len(cases) == 0 {
		u.showEmpty()
		return
	}
	idx := 0
	for i, c := range cases {
		if c.ID == id {
			idx = i
		}
	}
	u.list.Select(idx)
	u.selectCase(idx) // Select does not fire OnSelected for the row already selected
}

func (u *App) showEmpty() {
	u.view = nil
	u.delBtn.Disable()
	msg := widget.NewLabel("No cases yet.\n\nPress \"Add order\" to enter the order whose parcel has not come,\nor run 'proofpack demo' to explore sample cases.")
	msg.Alignment = fyne.TextAlignCenter
	u.detail.Objects = []fyne.CanvasObject{container.NewCenter(msg)}
	u.detail.Refresh()
}

func (u *App) listLength() int { return len(u.cases) }

func (u *App) selectCase(i widget.ListItemID) {
	if i < 0 || i >= len(u.cases) {
		return
	}
	if u.view != nil && u.view.c.ID == u.cases[i].ID {
		u.view.update(u.cases[i])
		return
	}
	u.view = newCaseView(u, u.cases[i])
	u.delBtn.Enable()
	u.detail.Objects = []fyne.CanvasObject{u.view.content}
	u.detail.Refresh()
}

// selected returns the case on screen, if any.
func (u *App) selected() (tracker.Case, bool) {
	if u.view == nil {
		return tracker.Case{}, false
	}
	return u.view.c, true
}

func (u *App) confirmDelete() {
	c, ok := u.selected()
	if !ok {
		return
	}
	msg := fmt.Sprintf("Delete case %s (%s order %s) and all its evidence files?\nThis cannot be undone.", c.ID, tracker.MarketplaceName(c.Marketplace), c.OrderNumber)
	dialog.ShowConfirm("Delete case", msg, func(yes bool) {
		if yes {
			u.deleteCase(c.ID)
		}
	}, u.win)
}

func (u *App) deleteCase(id string) {
	if err := u.svc.DeleteCase(id); err != nil {
		dialog.ShowError(err, u.win)
	}
	u.view = nil
	u.list.UnselectAll()
	u.reload("")
}

// dropped adds files dropped on the window to the case on screen as the buyer's own evidence.
func (u *App) dropped(_ fyne.Position, uris []fyne.URI) {
	var paths []string
	for _, uri := range uris {
		if uri.Scheme() == "file" {
			paths = append(paths, uri.Path())
		}
	}
	u.addFiles(paths)
}

// addFiles records the buyer's own files (chats, photos, receipts) as exhibits of the case on
// screen; a missing file or a folder adds nothing and says which.
func (u *App) addFiles(paths []string) {
	c, ok := u.selected()
	if !ok || len(paths) == 0 {
		return
	}
	added, err := u.svc.AddFiles(c.ID, paths, "")
	if err != nil {
		dialog.ShowError(err, u.win)
		return
	}
	u.view.changed()
	dialog.ShowInformation("Evidence added", fmt.Sprintf("Added %d files to case %s as exhibits, each with its SHA-256.", len(added), c.ID), u.win)
}
