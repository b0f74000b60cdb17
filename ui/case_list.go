package ui

import (
	"cmp"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"proofpack/casework"
	"proofpack/evidence"
	"proofpack/tracker"
)

// caseList is the left side of the window: search, filter and sort over every case, and a
// virtual list (only the visible rows exist) that puts problems first. It holds the cases' short
// list rows (casework.ListRows), loaded off the UI goroutine; a case is read in full only when
// it is shown.
type caseList struct {
	u      *App
	list   *widget.List
	top    fyne.CanvasObject
	search *widget.Entry
	filter *widget.Select
	sortBy *widget.Select
	count  *widget.Label
	choice map[string]string // a filter or sort choice as shown -> as the code names it

	cases []casework.ListRow
	index map[string]int // case ID -> position in cases
	// texts is what search matches, lower case, per position in cases; made at the first
	// search, as most starts never search and ten thousand cases take a while.
	texts []string
	rows  []int // positions in cases on screen, in order

	gen       int           // the newest load; older loads finishing late are dropped
	loaded    chan struct{} // closes when the newest load is on screen
	selecting bool          // a selection made by the program, not the buyer
	selected  int           // the selected row, -1 for none, as the list was last told
}

// The filter's choices: every case, the ones needing action, a stage, or a marketplace.
const (
	filterAll     = "All cases"
	filterAction  = "Needs action"
	filterWaiting = "Waiting for the parcel"
	filterDispute = "Dispute open"
	filterDone    = "Settled"
)

// The sort's choices.
const (
	sortProblems = "Problems first"
	sortNewest   = "Newest first"
	sortOldest   = "Oldest first"
	sortAmount   = "Largest amount"
)

func newCaseList(u *App) *caseList {
	l := &caseList{u: u, index: map[string]int{}, loaded: make(chan struct{}), selected: -1}
	l.list = widget.NewList(func() int { return len(l.rows) }, newCaseRow, l.updateRow)
	l.list.OnSelected = func(i widget.ListItemID) {
		l.selected = i
		if !l.selecting && i >= 0 && i < len(l.rows) {
			u.show(l.cases[l.rows[i]].ID)
		}
	}
	l.list.OnUnselected = func(i widget.ListItemID) {
		if l.selected == i {
			l.selected = -1
		}
	}
	l.search = widget.NewEntry()
	l.search.SetPlaceHolder(lang.L("Search order, tracking number, seller, item"))
	l.search.OnChanged = func(string) { l.refilter("", false) }
	l.choice = map[string]string{}
	shown := func(keys ...string) []string { // the choices in the window's language
		out := make([]string, len(keys))
		for i, k := range keys {
			out[i] = lang.L(k)
			l.choice[out[i]] = k
		}
		return out
	}
	options := shown(filterAll, filterAction, filterWaiting, filterDispute, filterDone)
	for _, m := range tracker.Marketplaces {
		options = append(options, shown(tracker.MarketplaceName(m))...)
	}
	l.filter = widget.NewSelect(options, nil)
	l.filter.SetSelected(lang.L(filterAll))
	l.sortBy = widget.NewSelect(shown(sortProblems, sortNewest, sortOldest, sortAmount), nil)
	l.sortBy.SetSelected(lang.L(sortProblems))
	l.filter.OnChanged = func(string) { l.refilter("", false) }
	l.sortBy.OnChanged = func(string) { l.refilter("", false) }
	l.count = widget.NewLabel("")
	l.count.Importance = widget.LowImportance
	l.top = container.NewVBox(l.search, container.NewGridWithColumns(2, l.filter, l.sortBy), l.count)
	return l
}

// load reads every case's row and summary off the UI goroutine, then shows them and selects the
// case with id (the first row when id is "" or filtered out).
func (l *caseList) load(id string) { l.receive(readRows(l.u.svc), id) }

// listRead is what readRows read.
type listRead struct {
	rows []casework.ListRow
	err  error
}

// readRows starts reading every case's row and summary off the UI goroutine.
func readRows(svc *casework.Service) <-chan listRead {
	read := make(chan listRead, 1)
	go func() {
		rows, err := svc.ListRows()
		read <- listRead{rows, err}
	}()
	return read
}

// receive shows the rows that read gives once they come, and selects the case with id as load
// does.
func (l *caseList) receive(read <-chan listRead, id string) {
	l.gen++
	gen, done := l.gen, make(chan struct{})
	l.loaded = done
	go func() {
		r := <-read
		fyne.Do(func() {
			defer close(done)
			if gen != l.gen {
				return
			}
			if r.err != nil {
				showError(r.err, l.u.win)
				return
			}
			l.set(r.rows)
			l.refilter(id, true)
		})
	}()
}

// set keeps the loaded rows with their summaries.
func (l *caseList) set(rows []casework.ListRow) {
	l.cases = rows
	l.index = make(map[string]int, len(rows))
	l.texts = nil
	for i := range rows {
		l.index[rows[i].ID] = i
	}
}

// summary is the listed summary of the case with id; zero when it is not listed.
func (l *caseList) summary(id string) casework.Summary {
	if i, ok := l.index[id]; ok {
		return l.cases[i].Summary
	}
	return casework.Summary{}
}

// searchTexts returns what search matches, made at the first call after a load.
func (l *caseList) searchTexts() []string {
	if l.texts == nil {
		l.texts = make([]string, len(l.cases))
		for i := range l.cases {
			l.texts[i] = searchText(l.cases[i].Row)
		}
	}
	return l.texts
}

// searchText is what the search box matches in a case.
func searchText(r *tracker.Row) string {
	parts := append([]string{r.OrderNumber, r.Seller, r.Item, tracker.MarketplaceName(r.Marketplace), marketplaceName(r.Marketplace)}, r.Numbers...)
	return strings.ToLower(strings.Join(append(parts, r.Inputs...), "\n"))
}

func (l *caseList) total() int { return len(l.cases) }

// caseByID reads a listed case in full, as saved last.
func (l *caseList) caseByID(id string) (tracker.Case, bool) {
	if _, ok := l.index[id]; !ok {
		return tracker.Case{}, false
	}
	c, err := l.u.svc.Case(id)
	if err != nil {
		showError(err, l.u.win)
		return tracker.Case{}, false
	}
	return c, true
}

// refilter applies search, filter and sort. With pick (after a load) it shows the case with id,
// else the one on screen, else the first row; without (the buyer typing a search) it only
// keeps the row of the case on screen selected, so the case view is never rebuilt per key.
func (l *caseList) refilter(id string, pick bool) {
	l.rows = matching(l.cases, l.searchTexts, l.search.Text, l.choice[l.filter.Selected])
	sortRows(l.rows, l.cases, l.choice[l.sortBy.Selected])
	l.count.SetText(lang.L("{{.Shown}} of {{.Total}} cases", map[string]any{"Shown": len(l.rows), "Total": len(l.cases)}))
	if id == "" && l.u.view != nil {
		id = l.u.view.c.ID
	}
	row := slices.IndexFunc(l.rows, func(p int) bool { return l.cases[p].ID == id })
	if pick && row < 0 && len(l.rows) > 0 {
		row = 0
	}
	// Selecting redraws the rows: one redraw, not two, as each costs the visible rows' text
	// shaping again.
	l.selecting = true
	switch {
	case row == l.selected:
		l.list.Refresh()
	case row < 0:
		l.list.UnselectAll()
	default:
		l.list.Select(row)
	}
	l.selecting = false
	switch {
	case !pick:
	case len(l.cases) == 0:
		l.u.showEmpty()
	case row >= 0:
		l.u.show(l.cases[l.rows[row]].ID)
	}
}

// matching returns the positions of the cases the search and the filter let through; texts
// gives what search matches, asked only when there is a search.
func matching(cases []casework.ListRow, texts func() []string, query, filter string) []int {
	words := strings.Fields(strings.ToLower(query))
	var searched []string
	if len(words) > 0 {
		searched = texts()
	}
	rows := make([]int, 0, len(cases))
next:
	for i := range cases {
		for _, w := range words {
			if !strings.Contains(searched[i], w) {
				continue next
			}
		}
		if keep(&cases[i], filter) {
			rows = append(rows, i)
		}
	}
	return rows
}

func keep(c *casework.ListRow, filter string) bool {
	switch filter {
	case "", filterAll:
		return true
	case filterAction:
		return c.Summary.NeedsAction
	case filterWaiting:
		return c.Dispute.Opened.IsZero() && !settled(c.Row)
	case filterDispute:
		return !c.Dispute.Opened.IsZero() && !settled(c.Row)
	case filterDone:
		return settled(c.Row)
	}
	return tracker.MarketplaceName(c.Marketplace) == filter
}

func settled(c *tracker.Row) bool {
	return !c.Dispute.RefundReceived.IsZero() || !c.Dispute.Won.IsZero()
}

// sortRows orders the rows; problems first means worst flag, then oldest order.
func sortRows(rows []int, cases []casework.ListRow, by string) {
	slices.SortStableFunc(rows, func(a, b int) int {
		ca, cb := &cases[a], &cases[b]
		switch by {
		case sortNewest:
			return cmp.Compare(b, a)
		case sortOldest:
			return cmp.Compare(a, b)
		case sortAmount:
			return cmp.Compare(cb.Amount, ca.Amount)
		}
		sa, sb := &ca.Summary, &cb.Summary
		return cmp.Or(cmp.Compare(sb.Severity.Rank(), sa.Severity.Rank()), cmp.Compare(sb.Age, sa.Age), cmp.Compare(a, b))
	})
}

// A case row: marketplace and order with the amount; the item with the worst problem; the age
// and the next deadline.
func newCaseRow() fyne.CanvasObject {
	title := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Truncation = fyne.TextTruncateEllipsis
	amount := widget.NewLabel("")
	item := widget.NewLabel("")
	item.Truncation = fyne.TextTruncateEllipsis
	headline := widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	meta := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	meta.Truncation = fyne.TextTruncateEllipsis
	return container.NewVBox(
		container.NewBorder(nil, nil, nil, amount, title),
		container.NewBorder(nil, nil, nil, headline, item),
		meta)
}

func (l *caseList) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(l.rows) {
		return
	}
	c := &l.cases[l.rows[i]]
	s := c.Summary
	box := o.(*fyne.Container)
	line1, line2 := box.Objects[0].(*fyne.Container), box.Objects[1].(*fyne.Container)
	title, amount := line1.Objects[0].(*widget.Label), line1.Objects[1].(*widget.Label)
	item, headline := line2.Objects[0].(*widget.Label), line2.Objects[1].(*widget.Label)
	// The texts on the right first, then the lines laid out for their widths, then the texts
	// cut to fit the rest: each of those is shaped once, at its final width.
	amount.SetText(strings.TrimSpace(c.Amount.String() + " " + c.Currency))
	headline.Importance = summaryImportance(s)
	headline.SetText(headlineText(s))
	line1.Layout.Layout(line1.Objects, line1.Size())
	line2.Layout.Layout(line2.Objects, line2.Size())
	title.SetText(marketplaceName(c.Marketplace) + " · " + c.OrderNumber)
	item.SetText(c.Item)
	// The deadline first: a narrow list cuts the line's end, and the date matters most.
	meta := sayKnown(s.Stage.String()) + " · " + lang.L("{{.Days}} days since the order", map[string]any{"Days": s.Age})
	if !s.Deadline.IsZero() {
		meta = lang.L("act by {{.Date}}", map[string]any{"Date": s.Deadline.String()}) + " · " + meta
	}
	box.Objects[2].(*widget.Label).SetText(meta)
}

// headlineText says a summary's headline in the window's language.
func headlineText(s casework.Summary) string {
	if s.Code == tracker.FlagStalled && s.StalledDays > 0 {
		return lang.L("Stalled {{.Days}} days", map[string]any{"Days": s.StalledDays})
	}
	return sayKnown(s.Headline)
}

// summaryImportance colours a row's headline: red for a critical problem, amber for a warning,
// green for a parcel delivered or a refund received.
func summaryImportance(s casework.Summary) widget.Importance {
	switch {
	case s.Severity == tracker.Critical:
		return widget.DangerImportance
	case s.Severity == tracker.Warning:
		return widget.WarningImportance
	case s.Status == tracker.StatusDelivered || s.Headline == casework.HeadlineRefunded || s.Headline == casework.HeadlineWon:
		return widget.SuccessImportance
	}
	return statusImportance(s.Status)
}

// statusText names a case's tracking status in the window's language ("Nothing online").
func statusText(s tracker.Status) string { return sayKnown(casework.StatusWords(s)) }

// eventStatusText names a carrier event's status in the window's language, in the packet's
// words ("Label created"), so the buyer reads the same in both.
func eventStatusText(s tracker.Status) string { return sayKnown(evidence.StatusWords(s)) }

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
