package ui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"proofpack/casework"
	"proofpack/tracker"
	"proofpack/tracker/boltstore"
	"proofpack/tracker/storetest"
)

// newTestApp opens the window on a real store in a temporary data folder, holding the cases given.
func newTestApp(t *testing.T, cases ...tracker.Case) (*App, *boltstore.Store, fyne.Window) {
	t.Helper()
	return newTestAppIn(t, filepath.Join(t.TempDir(), "data"), cases...)
}

// newTestAppIn is newTestApp on the data folder dir.
func newTestAppIn(t *testing.T, dir string, cases ...tracker.Case) (*App, *boltstore.Store, fyne.Window) {
	t.Helper()
	s, err := boltstore.OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	for _, c := range cases {
		if _, err := s.AddCase(c); err != nil {
			t.Fatal(err)
		}
	}
	a := test.NewTempApp(t)
	w := a.NewWindow("ProofPack")
	w.Resize(fyne.NewSize(1100, 700))
	now := time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC)
	u := Create(a, w, &casework.Service{Store: s, Dir: dir, Clock: func() time.Time { return now }})
	<-u.Loaded()
	return u, s, w
}

// reloadAndWait reloads the list and waits until it is on screen.
func reloadAndWait(u *App, id string) {
	u.reload(id)
	<-u.Loaded()
}

// showAgain builds the view of the case on screen (else the first row) afresh, as selecting it
// anew does, for tests that changed the services.
func showAgain(u *App) {
	id := u.list.cases[u.list.rows[0]].ID
	if u.view != nil {
		id = u.view.c.ID
	}
	u.view = nil
	u.show(id)
}

// rowTexts are the texts of the list's row i, as drawn.
func rowTexts(u *App, i int) map[string]bool {
	row := newCaseRow()
	u.list.updateRow(i, row)
	return labelsIn(row)
}

// The list puts problems first, in words and colour: a parcel delivered in another town is red
// above a quiet one; a parcel delivered at home is green and last.
func TestListShowsProblemsFirst(t *testing.T) {
	home := storetest.Sample("1001", "RR204873517CN")
	home.Shipments[0].Events = []tracker.Event{{Time: time.Date(2026, 10, 20, 9, 0, 0, 0, time.UTC), Place: "Kraków", Description: "Delivered", Status: tracker.StatusDelivered}}
	elsewhere := storetest.Sample("1002", "RR123456785CN")
	elsewhere.Item = "Phone case"
	elsewhere.Shipments[0].Events = []tracker.Event{{Time: time.Date(2026, 10, 20, 9, 0, 0, 0, time.UTC), Place: "RECIFE - PE", Description: "Objeto entregue ao destinatário", Status: tracker.StatusDelivered}}
	stalled := storetest.Sample("1003", "LP00612345678901")
	stalled.Marketplace = "temu"
	stalled.Shipments[0].Events = []tracker.Event{{Time: time.Date(2026, 9, 28, 9, 0, 0, 0, time.UTC), Place: "Shenzhen", Description: "Departed from sorting center", Status: tracker.StatusInTransit}}
	u, _, _ := newTestApp(t, home, elsewhere, stalled)

	if n := u.list.list.Length(); n != 3 {
		t.Fatalf("list has %d rows, want 3", n)
	}
	first := rowTexts(u, 0)
	for _, want := range []string{"AliExpress · 1002", "Phone case", "Delivered elsewhere", "23.40 USD", "act by 2026-12-27 · waiting for the parcel · 55 days since the order"} {
		if !first[want] {
			t.Errorf("row 1 does not show %q; it shows %v", want, first)
		}
	}
	if second := rowTexts(u, 1); !second["Temu · 1003"] || !second["Stalled 55 days"] {
		t.Errorf("row 2: %v", second)
	}
	if last := rowTexts(u, 2); !last["AliExpress · 1001"] || !last["Delivered"] {
		t.Errorf("row 3: %v", last)
	}
	if s := u.list.cases[u.list.rows[0]].Summary; summaryImportance(s) != widget.DangerImportance {
		t.Errorf("delivered elsewhere is not red: %+v", s)
	}
	// The worst case is selected and its details are on the right.
	if c, ok := u.selected(); !ok || c.OrderNumber != "1002" {
		t.Fatalf("selected %+v", c)
	}
	shown := labelsIn(u.detail)
	for _, want := range []string{"Kraków 30-001, Poland", "RR123456785CN · China Post / EMS"} {
		if !shown[want] {
			t.Errorf("details do not show %q", want)
		}
	}
}

// Search matches order, tracking number, seller and item; the filter keeps the cases that need
// action or one marketplace.
func TestSearchAndFilter(t *testing.T) {
	a := storetest.Sample("1001", "RR204873517CN")
	b := storetest.Sample("2002", "LP00612345678901")
	b.Marketplace, b.Seller, b.Item = "temu", "Cheap Things", "Phone case"
	b.Dispute.RefundReceived = tracker.Date{Year: 2026, Month: 11, Day: 1}
	u, _, _ := newTestApp(t, a, b)
	for query, want := range map[string]int{"": 2, "lp006": 1, "phone": 1, "CHEAP": 1, "2002": 1, "lamp bright": 1, "nothing": 0} {
		u.list.search.SetText("")
		test.Type(u.list.search, query)
		if n := u.list.list.Length(); n != want {
			t.Errorf("search %q: %d rows, want %d", query, n, want)
		}
	}
	u.list.search.SetText("")
	u.list.filter.SetSelected(filterAction)
	if n := u.list.list.Length(); n != 1 || !rowTexts(u, 0)["AliExpress · 1001"] {
		t.Errorf("needs action: %d rows", n)
	}
	u.list.filter.SetSelected("Temu")
	if n := u.list.list.Length(); n != 1 || !rowTexts(u, 0)["Refunded"] {
		t.Errorf("Temu: %d rows %v", n, rowTexts(u, 0))
	}
	if u.list.count.Text != "1 of 2 cases" {
		t.Errorf("count %q", u.list.count.Text)
	}
}

// An empty folder greets the buyer with three steps and buttons, never a terminal command; the
// sample button fills the list.
func TestEmptyStoreOffersButtons(t *testing.T) {
	u, _, _ := newTestApp(t)
	if !u.delBtn.Disabled() {
		t.Error("Delete is enabled with nothing selected")
	}
	for text := range labelsIn(u.detail) {
		if strings.Contains(text, "proofpack") {
			t.Errorf("the empty state speaks of commands: %q", text)
		}
	}
	if findButton(u.detail, "Add order") == nil {
		t.Error("no Add order button")
	}
	test.Tap(findButton(u.detail, "Load sample cases"))
	<-u.Loaded()
	if n := u.list.list.Length(); n < 3 {
		t.Fatalf("%d rows after loading the samples", n)
	}
	if _, ok := u.selected(); !ok {
		t.Error("no sample case on screen")
	}
}

// typeInto types each value into its entry as a buyer would, clicking into it first (which
// moves the focus away from the last one) and replacing what was there.
func typeInto(w fyne.Window, values map[*widget.Entry]string) {
	for e, v := range values {
		w.Canvas().Focus(e)
		e.SetText("")
		test.Type(w.Canvas().Focused(), v)
	}
}

func TestAddOrderSavesAValidOrderAndRemembersHome(t *testing.T) {
	u, s, w := newTestApp(t)
	test.Tap(u.addBtn)
	f := u.lastForm
	if f == nil || w.Canvas().Overlays().Top() == nil {
		t.Fatal("Add order opened no form")
	}
	if !f.save.Disabled() {
		t.Error("Save is enabled on an empty form")
	}
	typeInto(w, map[*widget.Entry]string{
		f.order: "8190225644107788", f.seller: "Global Gadgets", f.item: "Earbuds", f.amount: "17,85",
		f.currency: "usd", f.ordered: "2026-09-29", f.tracking: "LP00612345678901", f.city: "Москва",
		f.postcode: "125009", f.country: "ru",
	})
	f.payment.SetSelected("PayPal")
	if f.save.Disabled() {
		t.Fatalf("Save is disabled on a valid order: %q", f.missing.Text)
	}
	test.Tap(f.save)
	<-u.Loaded()
	cases, err := s.Cases()
	if err != nil || len(cases) != 1 {
		t.Fatalf("cases %v %v", cases, err)
	}
	c := cases[0]
	if c.Amount != 1785 || c.Currency != "USD" || c.Buyer.Country != "RU" || c.Payment != "paypal" || c.Marketplace != "aliexpress" {
		t.Errorf("saved %+v", c)
	}
	if got, _ := u.selected(); got.ID != c.ID {
		t.Errorf("the new case is not selected")
	}
	if w.Canvas().Overlays().Top() != nil {
		t.Error("the form stayed open after saving")
	}
	// The next order starts with the buyer's home address and currency.
	test.Tap(u.addBtn)
	g := u.lastForm
	if g.city.Text != "Москва" || g.country.Text != "RU" || g.currency.Text != "USD" || g.postcode.Text != "125009" {
		t.Errorf("not prefilled: %q %q %q", g.city.Text, g.country.Text, g.currency.Text)
	}
}

// A typo never loses what was typed: Save stays disabled, each bad field is marked beside it,
// and fixing it saves everything else as typed.
func TestOrderFormErrorKeepsEveryField(t *testing.T) {
	u, s, w := newTestApp(t)
	test.Tap(u.addBtn)
	f := u.lastForm
	typed := map[*widget.Entry]string{
		f.order: "1", f.seller: "Shop", f.item: "Lamp", f.amount: "12,5x", f.currency: "USD",
		f.ordered: "2026-09-29", f.shipped: "2026-09-01", f.tracking: "RR123456785CN", f.city: "Austin", f.country: "US",
	}
	typeInto(w, typed)
	if !f.save.Disabled() {
		t.Fatal("Save is enabled with the amount 12,5x")
	}
	if !strings.Contains(f.missing.Text, "Amount") {
		t.Errorf("what stops Save: %q", f.missing.Text)
	}
	if f.amount.Validate() == nil {
		t.Error("the amount is not marked")
	}
	typeInto(w, map[*widget.Entry]string{f.amount: "12.50"})
	// A field only the whole case can check: shipped before ordered.
	if !f.save.Disabled() || !strings.Contains(f.missing.Text, "Shipped on") {
		t.Fatalf("shipped before ordered: save disabled %v, %q", f.save.Disabled(), f.missing.Text)
	}
	if !strings.Contains(textsIn(f.form), "2026-09-01 is before the order date") {
		t.Errorf("the ship date is not marked beside it:\n%s", textsIn(f.form))
	}
	test.Tap(f.save) // disabled: nothing happens, the form stays
	if cases, _ := s.Cases(); len(cases) != 0 || w.Canvas().Overlays().Top() == nil {
		t.Fatal("a case was saved, or the form closed")
	}
	for e, v := range typed {
		if e != f.amount && e.Text != v {
			t.Errorf("%s lost what was typed: %q, want %q", f.labelOf(e), e.Text, v)
		}
	}
	typeInto(w, map[*widget.Entry]string{f.shipped: "2026-10-01"})
	if f.save.Disabled() {
		t.Fatalf("still disabled: %q", f.missing.Text)
	}
	test.Tap(f.save)
	<-u.Loaded()
	cases, _ := s.Cases()
	if len(cases) != 1 || cases[0].Amount != 1250 || cases[0].Shipped.String() != "2026-10-01" || cases[0].Item != "Lamp" {
		t.Fatalf("saved %+v", cases)
	}
	for _, bad := range []struct {
		e *widget.Entry
		v string
	}{{f.country, "XX"}, {f.ordered, "29/09/2026"}, {f.order, "  "}, {f.link, "cainiao.com/x"}} {
		bad.e.SetText(bad.v)
		if bad.e.Validate() == nil {
			t.Errorf("entry accepts %q", bad.v)
		}
	}
}

// The same form edits a case (Ctrl+E): it opens filled, keeps the events, and records the
// dispute's steps.
func TestEditOrderRecordsTheDispute(t *testing.T) {
	u, s, w := newTestApp(t, storetest.Sample("1001", "RR204873517CN"))
	test.Tap(u.editBtn)
	f := u.lastForm
	if f == nil || f.order.Text != "1001" || f.tracking.Text != "RR204873517CN" || f.city.Text != "Kraków" || f.amount.Text != "23.40" {
		t.Fatalf("the edit form is not filled: %+v", f)
	}
	typeInto(w, map[*widget.Entry]string{f.item: "Desk lamp, USB-C", f.opened: "2026-11-20"})
	test.Tap(f.save)
	<-u.Loaded()
	c, _ := s.Case(u.view.c.ID)
	if c.Item != "Desk lamp, USB-C" || c.Dispute.Opened.String() != "2026-11-20" || len(c.Shipments[0].Events) != 1 {
		t.Fatalf("after editing: %+v", c)
	}
	if !labelsIn(u.detail)["Desk lamp, USB-C"] {
		t.Error("the Order tab does not show the new item")
	}
}

func TestDeleteAsksFirst(t *testing.T) {
	u, s, w := newTestApp(t, storetest.Sample("1001", "RR204873517CN"), storetest.Sample("1002", "LP1"))
	test.Tap(u.delBtn)
	if cases, _ := s.Cases(); len(cases) != 2 {
		t.Fatal("deleted before confirmation")
	}
	no := findButton(w.Canvas().Overlays().Top(), "No")
	if no == nil {
		t.Fatal("no confirmation dialog")
	}
	test.Tap(no)
	if cases, _ := s.Cases(); len(cases) != 2 {
		t.Fatal("deleted after No")
	}
	test.Tap(u.delBtn)
	test.Tap(findButton(w.Canvas().Overlays().Top(), "Yes"))
	<-u.Loaded()
	cases, _ := s.Cases()
	if len(cases) != 1 || cases[0].OrderNumber != "1002" {
		t.Fatalf("after Yes: %+v", cases)
	}
	if c, ok := u.selected(); !ok || c.OrderNumber != "1002" {
		t.Errorf("selected after delete: %+v", c)
	}
}

// labelsIn collects the text of every label and hyperlink under o.
func labelsIn(o fyne.CanvasObject) map[string]bool {
	out := map[string]bool{}
	walk(o, func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			out[w.Text] = true
		case *widget.Hyperlink:
			out[w.Text] = true
		}
	})
	return out
}

// textsIn joins every text drawn under o, labels and the form's hints alike.
func textsIn(o fyne.CanvasObject) string {
	var all []string
	walk(o, func(o fyne.CanvasObject) {
		if t, ok := o.(*canvas.Text); ok && t.Text != "" {
			all = append(all, t.Text)
		}
	})
	return strings.Join(all, "\n")
}

func dialogText(w fyne.Window) string {
	top := w.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	var all string
	walk(top, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			all += l.Text + "\n"
		}
	})
	return all
}

func findButton(o fyne.CanvasObject, text string) *widget.Button {
	var found *widget.Button
	walk(o, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && found == nil {
			found = b
		}
	})
	return found
}

// walk visits o and everything inside it, through containers and widget renderers.
func walk(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	if o == nil {
		return
	}
	visit(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walk(c, visit)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			walk(c, visit)
		}
	}
}

// shortcut presses Ctrl (Cmd on macOS) with key.
func shortcut(w fyne.Window, key fyne.KeyName) {
	w.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault})
}

func TestKeyboard(t *testing.T) {
	u, s, w := newTestApp(t, storetest.Sample("1001", "RR204873517CN"), storetest.Sample("1002", "LP00612345678901"))
	shortcut(w, fyne.KeyN)
	if w.Canvas().Overlays().Top() == nil || u.lastForm == nil || u.lastForm.base.ID != "" {
		t.Fatal("Ctrl+N opened no new order form")
	}
	w.Canvas().Unfocus() // nothing focused: keys go to the window
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if w.Canvas().Overlays().Top() != nil {
		t.Fatal("Escape left the form open")
	}
	shortcut(w, fyne.KeyE)
	if u.lastForm.base.ID != u.view.c.ID {
		t.Error("Ctrl+E did not open the case on screen")
	}
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	shortcut(w, fyne.KeyF)
	if w.Canvas().Focused() != u.list.search {
		t.Error("Ctrl+F did not go to the search box")
	}
	shortcut(w, fyne.KeyP)
	if u.view.tabs.Selected().Text != "Packet" {
		t.Errorf("Ctrl+P shows %q", u.view.tabs.Selected().Text)
	}
	w.Canvas().Unfocus()
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyDelete})
	if dialogText(w) == "" || !strings.Contains(dialogText(w), "cannot be undone") {
		t.Fatalf("Delete did not ask first: %q", dialogText(w))
	}
	test.Tap(findButton(w.Canvas().Overlays().Top(), "Yes"))
	<-u.Loaded()
	if cases, _ := s.Cases(); len(cases) != 1 {
		t.Errorf("%d cases after Delete and Yes", len(cases))
	}
}

// Settings are kept in the store and applied at once: the theme, the home address the next
// order starts with, and the waits of the diagnosis.
func TestSettingsAreStoredAndApplied(t *testing.T) {
	u, _, w := newTestApp(t, storetest.Sample("1001", "RR204873517CN"))
	test.Tap(findButtonByIcon(t, u))
	s := u.lastSettings
	if s == nil || s.grace.Text != "15" || s.stalled.Text != "20" {
		t.Fatalf("settings view: %+v", s)
	}
	typeInto(w, map[*widget.Entry]string{s.city: "Porto Alegre", s.country: "br", s.currency: "brl", s.stalled: "30"})
	s.theme.SetSelected("Dark")
	test.Tap(findButton(w.Canvas().Overlays().Top(), "Save"))
	<-u.Loaded()
	if _, ok := u.app.Settings().Theme().(variantTheme); !ok {
		t.Error("the dark theme is not applied")
	}
	if r, _ := u.svc.Settings(); r.StalledAfter != 30 || r.OnlineGrace != 15 {
		t.Errorf("stored waits %+v", r)
	}
	test.Tap(u.addBtn)
	if f := u.lastForm; f.city.Text != "Porto Alegre" || f.country.Text != "BR" || f.currency.Text != "BRL" {
		t.Errorf("the order form starts with %q %q %q", f.city.Text, f.country.Text, f.currency.Text)
	}
}

// findButtonByIcon finds the Settings button, which shows only its icon.
func findButtonByIcon(t *testing.T, u *App) *widget.Button {
	var found *widget.Button
	walk(u.win.Content(), func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Icon != nil && b.Icon.Name() == theme.SettingsIcon().Name() {
			found = b
		}
	})
	if found == nil {
		t.Fatal("no Settings button")
	}
	return found
}

// The window never asks to grow: every sample case fits 1000x700, whatever its longest line.
func TestLayoutFitsASmallWindow(t *testing.T) {
	u, _, w := newTestApp(t)
	w.Resize(fyne.NewSize(1000, 700))
	test.Tap(findButton(u.detail, "Load sample cases"))
	<-u.Loaded()
	for i := range u.list.rows {
		u.list.list.Select(i)
		for _, tab := range u.view.tabs.Items {
			u.view.tabs.Select(tab)
			if min := w.Content().MinSize(); min.Width > 1000 || min.Height > 700 {
				t.Errorf("case %s, tab %s asks for %v", u.view.c.OrderNumber, tab.Text, min)
			}
			// Inside, too, every line wraps or truncates to the room the case has.
			if min := u.view.content.MinSize(); min.Width > 1000-300 {
				t.Errorf("case %s, tab %s is %v wide", u.view.c.OrderNumber, tab.Text, min)
			}
		}
	}
	if s := w.Canvas().Size(); s.Width != 1000 || s.Height != 700 {
		t.Errorf("the window became %v", s)
	}
}
