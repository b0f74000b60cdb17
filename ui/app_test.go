package ui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"proofpack/casework"
	"proofpack/tracker"
	"proofpack/tracker/boltstore"
	"proofpack/tracker/storetest"
)

// newTestApp opens the window on a real store in a temporary data folder, holding the cases given.
func newTestApp(t *testing.T, cases ...tracker.Case) (*App, *boltstore.Store, fyne.Window) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "data")
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
	return u, s, w
}

func TestListShowsEveryCaseWithItsStatus(t *testing.T) {
	delivered := storetest.Sample("1001", "RR204873517CN")
	delivered.Shipments[0].Events[0].Status = tracker.StatusDelivered
	quiet := storetest.Sample("1002", "LP00612345678901")
	quiet.Marketplace, quiet.Item = "temu", "Phone case"
	quiet.Shipments[0].Events = nil
	u, _, _ := newTestApp(t, delivered, quiet)

	if n := u.list.Length(); n != 2 {
		t.Fatalf("list has %d rows, want 2", n)
	}
	row := newCaseRow()
	u.updateCaseRow(1, row)
	texts := labelsIn(row)
	for _, want := range []string{"Temu · 1002", "Phone case", "Nothing online"} {
		if !texts[want] {
			t.Errorf("row 2 does not show %q; it shows %v", want, texts)
		}
	}
	// The first case is selected and its details are on the right.
	if c, ok := u.selected(); !ok || c.OrderNumber != "1001" {
		t.Fatalf("selected %+v", c)
	}
	shown := labelsIn(u.detail)
	for _, want := range []string{"Kraków 30-001, Poland", "RR204873517CN · China Post / EMS", "Delivered"} {
		if !shown[want] {
			t.Errorf("details do not show %q", want)
		}
	}
}

func TestEmptyStoreExplainsWhatToDo(t *testing.T) {
	u, _, _ := newTestApp(t)
	found := false
	for text := range labelsIn(u.detail) {
		if len(text) > 0 && strings.Contains(text, "Add order") && strings.Contains(text, "proofpack demo") {
			found = true
		}
	}
	if !found {
		t.Errorf("the empty state does not point at Add order and demo: %v", labelsIn(u.detail))
	}
	if !u.delBtn.Disabled() {
		t.Error("Delete is enabled with nothing selected")
	}
}

func TestAddOrderFormSavesAValidOrder(t *testing.T) {
	u, s, _ := newTestApp(t)
	f := newOrderForm()
	fill(f, map[*widget.Entry]string{
		f.order: "8190225644107788", f.seller: "Global Gadgets", f.item: "Earbuds", f.amount: "17,85",
		f.currency: "usd", f.ordered: "2026-09-29", f.tracking: "LP00612345678901", f.city: "Москва",
		f.postcode: "125009", f.country: "ru",
	})
	f.payment.SetSelected("PayPal")
	u.addOrder(f)

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
}

func TestAddOrderFormRefusesBadInput(t *testing.T) {
	u, s, w := newTestApp(t)
	f := newOrderForm()
	fill(f, map[*widget.Entry]string{
		f.order: "1", f.seller: "S", f.item: "I", f.amount: "12,5x", f.currency: "USD",
		f.ordered: "2026-09-29", f.tracking: "LP1", f.city: "Austin", f.country: "US",
	})
	if f.amount.Validate() == nil {
		t.Error("the amount entry accepts 12,5x")
	}
	u.addOrder(f)
	if cases, _ := s.Cases(); len(cases) != 0 {
		t.Fatalf("a case was saved from bad input: %+v", cases)
	}
	if msg := dialogText(w); !strings.Contains(msg, "Amount") {
		t.Errorf("the error does not name the amount: %q", msg)
	}

	// A field that only the whole case can check: shipped before ordered.
	fill(f, map[*widget.Entry]string{f.amount: "12.50", f.shipped: "2026-09-01"})
	u.addOrder(f)
	if cases, _ := s.Cases(); len(cases) != 0 {
		t.Fatalf("a case was saved with a ship date before the order date")
	}
	if msg := dialogText(w); !strings.Contains(msg, "Shipped on") {
		t.Errorf("the error does not name the ship date: %q", msg)
	}
	for _, bad := range []struct {
		e *widget.Entry
		v string
	}{{f.country, "XX"}, {f.ordered, "29/09/2026"}, {f.order, "  "}} {
		bad.e.SetText(bad.v)
		if bad.e.Validate() == nil {
			t.Errorf("entry accepts %q", bad.v)
		}
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
	cases, _ := s.Cases()
	if len(cases) != 1 || cases[0].OrderNumber != "1002" {
		t.Fatalf("after Yes: %+v", cases)
	}
	if c, ok := u.selected(); !ok || c.OrderNumber != "1002" {
		t.Errorf("selected after delete: %+v", c)
	}
}

func fill(f *orderForm, values map[*widget.Entry]string) {
	for e, v := range values {
		e.SetText("")
		test.Type(e, v)
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
