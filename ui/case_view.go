package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"proofpack/tracker"
)

// caseTabs lists the builders of a case's tabs, in order. Add a tab by writing its file and one
// line here. (A function, not a variable: tabs reach back to newCaseView, a cycle for a var.)
func caseTabs() []func(*caseView) *container.TabItem {
	return []func(*caseView) *container.TabItem{
		orderTab,
		trackingTab,
		diagnosisTab,
		evidenceTab,
		packetTab,
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
	refreshers []func(tracker.Case)
	leavers    []func()
	// historyDone closes when the history pasted last is on screen, for tests to wait on.
	historyDone <-chan struct{}
	packet      *packetView   // the Packet tab, for tests to drive
	evidence    *evidenceView // the Evidence tab, likewise
}

func newCaseView(a *App, c tracker.Case) *caseView {
	v := &caseView{app: a, c: c}
	var items []*container.TabItem
	for _, build := range caseTabs() {
		item := build(v)
		// A wrapped label asks for its whole text on one line until it is first laid out: held
		// to a small minimum, each tab takes the room it is given and its text wraps into it.
		item.Content = container.New(boundedLayout{fyne.NewSize(300, 200)}, item.Content)
		items = append(items, item)
	}
	// All at once: each Append lays out and refreshes every tab again, most of a case's showing.
	v.tabs = container.NewAppTabs(items...)
	v.content = v.tabs
	return v
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
