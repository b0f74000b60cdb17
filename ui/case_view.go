package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"proofpack/tracker"
)

// caseTab is one of a case's tabs: its title (a catalogue key), its icon, and the builder of
// its content, called the first time the tab is shown.
type caseTab struct {
	title string
	icon  fyne.Resource
	build func(*caseView) fyne.CanvasObject
}

// caseTabs lists a case's tabs, in order. Add a tab by writing its file and one line here. (A
// function, not a variable: tabs reach back to newCaseView, a cycle for a var.)
func caseTabs() []caseTab {
	return []caseTab{
		{"Order", theme.DocumentIcon(), orderTab},
		{"Tracking", theme.SearchIcon(), trackingTab},
		{"Diagnosis", theme.WarningIcon(), diagnosisTab},
		{"Evidence", theme.MediaPhotoIcon(), evidenceTab},
		{"Packet", theme.DocumentIcon(), packetTab},
	}
}

// TabNames name the case's tabs, in caseTabs' order, for the command line's --tab.
func TabNames() []string { return []string{"order", "tracking", "diagnosis", "evidence", "packet"} }

// caseView is one case on screen. Tabs keep what they need to refresh in refreshers.
type caseView struct {
	app        *App
	c          tracker.Case
	tabs       *container.AppTabs
	content    fyne.CanvasObject
	specs      []caseTab
	holders    []*fyne.Container // each tab's content, empty until the tab is first shown
	refreshers []func(tracker.Case)
	leavers    []func()
	// historyDone closes when the history pasted last is on screen, for tests to wait on.
	historyDone <-chan struct{}
	packet      *packetView   // the Packet tab once built, for tests to drive
	evidence    *evidenceView // the Evidence tab once built, likewise
}

// newCaseView shows a case with its first tab built. The others are built when first shown:
// building all five was most of the cost of showing a case, and of starting the app.
func newCaseView(a *App, c tracker.Case) *caseView {
	v := &caseView{app: a, c: c, specs: caseTabs()}
	items := make([]*container.TabItem, len(v.specs))
	for i, t := range v.specs {
		// A wrapped label asks for its whole text on one line until it is first laid out: held
		// to a small minimum, each tab takes the room it is given and its text wraps into it.
		v.holders = append(v.holders, container.New(boundedLayout{fyne.NewSize(300, 200)}))
		items[i] = container.NewTabItemWithIcon(lang.L(t.title), t.icon, v.holders[i])
	}
	// All at once: each Append lays out and refreshes every tab again.
	v.tabs = container.NewAppTabs(items...)
	v.tabs.OnSelected = func(*container.TabItem) {
		if i := v.tabs.SelectedIndex(); v.build(i) {
			v.holders[i].Refresh() // on screen already: lay the new content out
		}
	}
	v.build(0) // laid out with the view, once it is placed
	v.content = v.tabs
	return v
}

// build makes tab i's content, once, and says whether it did; the tab registers its refreshers
// as it is built and shows the case as it is then.
func (v *caseView) build(i int) bool {
	if i < 0 || i >= len(v.holders) || len(v.holders[i].Objects) > 0 {
		return false
	}
	v.holders[i].Objects = []fyne.CanvasObject{v.specs[i].build(v)}
	return true
}

// onLeave registers fn to run before the view is replaced by another case's.
func (v *caseView) onLeave(fn func()) { v.leavers = append(v.leavers, fn) }

// leave runs the onLeave funcs: work in progress (a statement being typed) is saved.
func (v *caseView) leave() {
	for _, fn := range v.leavers {
		fn()
	}
}

// onUpdate registers fn to run whenever the case is reloaded.
func (v *caseView) onUpdate(fn func(tracker.Case)) { v.refreshers = append(v.refreshers, fn) }

// update shows a newer version of the same case.
func (v *caseView) update(c tracker.Case) {
	v.c = c
	for _, fn := range v.refreshers {
		fn(c)
	}
}

// changed reloads the list after a tab changed the case; the reload updates the tabs once.
func (v *caseView) changed() { v.app.reload(v.c.ID) }
