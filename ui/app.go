package ui

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"proofpack/casework"
	"proofpack/tracker"
)

// App is the open window: the case list on the left, the selected case on the right.
type App struct {
	app      fyne.App
	win      fyne.Window
	svc      *casework.Service
	list     *caseList
	detail   *fyne.Container // holds the selected case's view, or the empty state
	view     *caseView
	addBtn   *widget.Button
	editBtn  *widget.Button
	delBtn   *widget.Button
	toolbar  *fyne.Container // the buttons under the list
	lastForm *orderForm      // the order form opened last, for tests to fill
	// lastSettings is the Settings view opened last, likewise.
	lastSettings *settingsView
	// filesDone closes when the files added last are on screen, for tests to wait on.
	filesDone <-chan struct{}
}

// Create fills w with ProofPack's content and returns the App for tests to drive. The cases load
// off the UI goroutine; Loaded says when they are on screen.
func Create(a fyne.App, w fyne.Window, svc *casework.Service) *App {
	u := &App{app: a, win: w, svc: svc}
	// The cases are read while the widgets are built, on another core: the two waits overlap.
	read := readRows(svc)
	if p, err := svc.Preferences(); err == nil {
		if p.Language != "" {
			useLanguage(p.Language)
		}
		if p.Theme != "" {
			u.applyTheme(p.Theme)
		}
	}
	u.build()
	u.list.receive(read, "")
	return u
}

// build makes the window's content in the current language; a change of language builds it
// again.
func (u *App) build() {
	w := u.win
	u.view = nil
	u.list = newCaseList(u)
	u.detail = container.New(boundedLayout{fyne.NewSize(560, 480)})
	u.addBtn = widget.NewButtonWithIcon(lang.L("Add order"), theme.ContentAddIcon(), u.showAddOrder)
	u.addBtn.Importance = widget.HighImportance
	u.delBtn = widget.NewButtonWithIcon(lang.L("Delete"), theme.DeleteIcon(), u.confirmDelete)
	u.delBtn.Disable()
	u.editBtn = widget.NewButtonWithIcon(lang.L("Edit"), theme.DocumentCreateIcon(), u.showEditOrder)
	u.editBtn.Disable()

	settings := widget.NewButtonWithIcon("", theme.SettingsIcon(), u.showSettings)
	// Two rows of buttons sharing the list's width: in one row their words overflow it in
	// Spanish, Portuguese and Russian.
	u.toolbar = container.NewVBox(container.NewGridWithColumns(2, u.addBtn, u.remindersButton()),
		container.NewBorder(nil, nil, nil, settings, container.NewGridWithColumns(2, u.editBtn, u.delBtn)))
	left := container.NewBorder(u.list.top, u.toolbar, nil, nil, u.list.list)
	split := container.NewHSplit(container.New(boundedLayout{fyne.NewSize(300, 480)}, left), u.detail)
	split.SetOffset(0.34)
	w.SetContent(split)
	w.SetMainMenu(u.fileMenu())
	w.SetOnDropped(u.dropped)
	u.bindKeys()
}

// Open shows the case with id ("": the first row) on the tab named tab (one of TabNames; "":
// the first), as a buyer clicking them would: the command line's --case and --tab. It returns at
// once with a channel that closes when the case is on screen on that tab.
func (u *App) Open(id, tab string) (<-chan struct{}, error) {
	i, err := TabIndex(tab)
	if err != nil {
		return nil, err
	}
	if id != "" {
		if _, err := u.svc.Case(id); err != nil {
			return nil, err
		}
	}
	u.reload(id)
	loaded, shown := u.Loaded(), make(chan struct{})
	go func() {
		<-loaded
		fyne.Do(func() {
			if u.view != nil {
				u.view.tabs.SelectIndex(i)
			}
			close(shown)
		})
	}()
	return shown, nil
}

// TabIndex is the position of the tab named tab (one of TabNames) among a case's tabs; "" is
// the first.
func TabIndex(tab string) (int, error) {
	if tab == "" {
		return 0, nil
	}
	if i := slices.Index(TabNames(), tab); i >= 0 {
		return i, nil
	}
	return 0, tracker.Invalid("tab", "%s is not a tab: use one of %s", tracker.Quote(tab), strings.Join(TabNames(), ", "))
}

// Loaded returns a channel that closes once the latest reload is on screen.
func (u *App) Loaded() <-chan struct{} { return u.list.loaded }

// reload reads the cases again off the UI goroutine and then selects the one with id ("" keeps
// the case on screen, else the first row).
func (u *App) reload(id string) {
	if id == "" && u.view != nil {
		id = u.view.c.ID
	}
	u.list.load(id)
}

// show puts the case with id on the right, or the empty state when there are no cases.
func (u *App) show(id string) {
	c, ok := u.list.caseByID(id)
	if !ok {
		if u.list.total() == 0 {
			u.showEmpty()
		}
		return
	}
	if u.view != nil && u.view.c.ID == id {
		u.view.update(c)
		return
	}
	if u.view != nil {
		u.view.leave()
		if saved, ok := u.list.caseByID(id); ok { // leaving may have saved this very case
			c = saved
		}
	}
	u.view = newCaseView(u, c)
	u.delBtn.Enable()
	u.editBtn.Enable()
	u.detail.Objects = []fyne.CanvasObject{u.view.content}
	u.detail.Refresh()
}

// emptySteps is the empty state's three-step guide.
const emptySteps = "1. Add the order: where you bought, the amount and the tracking number the seller gave.\n2. Paste the tracking history or capture the carrier's page: ProofPack shows what is wrong.\n3. Make the packet: one PDF with your statement and the proof, ready for the dispute."

// showEmpty greets a buyer with no cases: what ProofPack does in three steps, and two buttons.
func (u *App) showEmpty() {
	u.view = nil
	u.delBtn.Disable()
	u.editBtn.Disable()
	title := widget.NewLabelWithStyle(lang.L("Your parcel has not come? Start here."), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	steps := widget.NewLabel(lang.L(emptySteps))
	steps.Wrapping = fyne.TextWrapWord
	add := widget.NewButtonWithIcon(lang.L("Add order"), theme.ContentAddIcon(), u.showAddOrder)
	add.Importance = widget.HighImportance
	sample := widget.NewButtonWithIcon(lang.L("Load sample cases"), theme.FolderOpenIcon(), u.loadSamples)
	box := container.NewVBox(title, steps, container.NewCenter(container.NewHBox(add, sample)))
	u.detail.Objects = []fyne.CanvasObject{container.NewCenter(container.NewGridWrap(fyne.NewSize(560, 260), box))}
	u.detail.Refresh()
}

// loadSamples fills the empty data folder with the sample cases of `proofpack demo`.
func (u *App) loadSamples() {
	if _, err := u.svc.LoadSamples(); err != nil {
		showError(err, u.win)
		return
	}
	u.reload("")
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
	msg := lang.L("Delete case {{.Case}} ({{.Marketplace}} order {{.Order}}) and all its evidence files?\nThis cannot be undone.",
		map[string]any{"Case": c.ID, "Marketplace": marketplaceName(c.Marketplace), "Order": c.OrderNumber})
	dialog.ShowConfirm(lang.L("Delete case"), msg, func(yes bool) {
		if yes {
			u.deleteCase(c.ID)
		}
	}, u.win)
}

func (u *App) deleteCase(id string) {
	if u.view != nil {
		u.view.leave()
	}
	if err := u.svc.DeleteCase(id); err != nil {
		showError(err, u.win)
	}
	u.view = nil
	u.list.list.UnselectAll()
	u.list.load("")
}

// dropped adds files dropped on the window to the case on screen as the buyer's own evidence.
func (u *App) dropped(_ fyne.Position, uris []fyne.URI) {
	var paths []string
	for _, uri := range uris {
		if uri.Scheme() == "file" {
			paths = append(paths, uri.Path())
		}
	}
	u.addFiles(paths, "")
}

// addFiles records the buyer's own files (chats, photos, receipts) as exhibits of the case on
// screen, with what they show (note), off the UI goroutine; a missing file or a folder adds
// nothing and says which. The returned channel closes once the result is on screen.
func (u *App) addFiles(paths []string, note string) <-chan struct{} {
	done := make(chan struct{})
	u.filesDone = done
	c, ok := u.selected()
	if !ok || len(paths) == 0 {
		close(done)
		return done
	}
	go func() {
		added, err := u.svc.AddFiles(c.ID, paths, note)
		fyne.Do(func() {
			defer close(done)
			if err != nil {
				showError(err, u.win)
				return
			}
			u.reload(c.ID)
			dialog.ShowInformation(lang.L("Evidence added"), lang.L("Added {{.Count}} files to case {{.Case}} as exhibits, each with its SHA-256.",
				map[string]any{"Count": len(added), "Case": c.ID}), u.win)
		})
	}()
	return done
}
