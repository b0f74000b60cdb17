package ui

import (
	"regexp"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"proofpack/casework"
)

// screen opens one of the window's screens: a tab of the case on screen, or a dialog.
type screen struct {
	name string
	open func(u *App, w fyne.Window)
}

// screens are the window's screens, the main one first; each leaves what it opened on top.
func screens() []screen {
	tab := func(i int) func(*App, fyne.Window) {
		return func(u *App, _ fyne.Window) { u.view.tabs.SelectIndex(i) }
	}
	return []screen{
		{"order", tab(0)}, {"tracking", tab(1)}, {"diagnosis", tab(2)}, {"evidence", tab(3)}, {"packet", tab(4)},
		{"add order", func(u *App, _ fyne.Window) { u.showAddOrder() }},
		{"edit order", func(u *App, _ fyne.Window) { u.showEditOrder() }},
		{"settings", func(u *App, _ fyne.Window) { u.showSettings() }},
		{"reminders", func(u *App, _ fyne.Window) { u.showReminders() }},
		{"delete", func(u *App, _ fyne.Window) { u.confirmDelete() }},
		{"about", func(u *App, _ fyne.Window) { u.showAbout() }},
		{"paste history", func(u *App, _ fyne.Window) { u.view.showPasteHistory() }},
		{"add files", func(u *App, _ fyne.Window) { u.view.evidenceTab().chooseFiles() }},
		{"seller messages", func(u *App, _ fyne.Window) { u.showSellerMessages(u.view.c) }},
		{"record a step", func(u *App, _ fyne.Window) { newStageView(u.view).ask("dispute_opened", lang.L("Dispute opened"))() }},
		{"who signs", func(u *App, _ fyne.Window) { u.askBuyerOnce(func() {}) }},
	}
}

// drawnTexts are the texts drawn on w: its content and every dialog over it.
func drawnTexts(w fyne.Window) []string {
	var out []string
	collect := func(o fyne.CanvasObject) {
		walk(o, func(o fyne.CanvasObject) {
			if t, ok := o.(*canvas.Text); ok && strings.TrimSpace(t.Text) != "" {
				out = append(out, t.Text)
			}
		})
	}
	collect(w.Canvas().Content())
	for _, o := range w.Canvas().Overlays().List() {
		collect(o)
	}
	return out
}

// englishLeft says which English words of the catalogue a text drawn in another language still
// shows: the whole text being an English key that has a translation, or the start of such a key
// (two or more words before any placeholder, capitalised: a lower-case key such as "open a
// dispute" also reads inside the use cases' own English sentences, which stay English) inside it.
func englishLeft(text string, en, words map[string]string) []string {
	var left []string
	for k := range en {
		if words[k] == k { // the same in both languages ("OK", "PayPal")
			continue
		}
		fixed := strings.TrimSpace(regexp.MustCompile(`\{\{[^}]*\}\}.*`).ReplaceAllString(k, ""))
		switch {
		case text == k:
			left = append(left, k)
		case len(strings.Fields(fixed)) >= 2 && len(fixed) >= 8 && unicode.IsUpper([]rune(fixed)[0]) && strings.Contains(text, fixed):
			left = append(left, fixed)
		}
	}
	return left
}

// Every screen of the window, the dialogs included, drawn at 1000×700 in each language: in
// Spanish, Portuguese and Russian it shows no word of the English catalogue that has a
// translation (nothing bypasses lang.L), and in every language no word is laid out past the
// window's right edge, where a scroller would hide it (long words wrap or truncate).
func TestScreensInEveryLanguage(t *testing.T) {
	en := catalogue(t, "en")
	for _, code := range casework.Languages {
		words := catalogue(t, code)
		translated := map[string]bool{} // the texts that can only be this language's
		for k, v := range words {
			if v != en[k] {
				translated[v] = true
			}
		}
		for _, s := range screens() {
			t.Run(code+"/"+s.name, func(t *testing.T) {
				speak(t, code)
				u, _, w := newTestApp(t, stalledCase())
				w.Resize(fyne.NewSize(1000, 700))
				s.open(u, w)
				texts := drawnTexts(w)
				if len(texts) < 5 {
					t.Fatalf("%d texts drawn: the screen did not open", len(texts))
				}
				spoken := code == "en"
				for _, text := range texts {
					if left := englishLeft(text, en, words); code != "en" && len(left) > 0 {
						t.Errorf("%q is still in English (%q)", text, left)
					}
					spoken = spoken || translated[text]
				}
				if !spoken {
					t.Errorf("nothing drawn in %s: %q", code, texts)
				}
				for _, o := range append([]fyne.CanvasObject{w.Canvas().Content()}, w.Canvas().Overlays().List()...) {
					for _, txt := range pastTheRightEdge(o, 1000) {
						t.Errorf("%q runs past the window's right edge", txt)
					}
				}
			})
		}
	}
}

// pastTheRightEdge are the visible texts under o that end right of x.
func pastTheRightEdge(o fyne.CanvasObject, x float32) []string {
	var out []string
	d := fyne.CurrentApp().Driver()
	var visit func(o fyne.CanvasObject)
	visit = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		if txt, ok := o.(*canvas.Text); ok && strings.TrimSpace(txt.Text) != "" && d.AbsolutePositionForObject(txt).X+txt.MinSize().Width > x+1 {
			out = append(out, txt.Text)
		}
		switch c := o.(type) {
		case *fyne.Container:
			for _, k := range c.Objects {
				visit(k)
			}
		case fyne.Widget:
			for _, k := range test.WidgetRenderer(c).Objects() {
				visit(k)
			}
		}
	}
	visit(o)
	return out
}

// In every language the buttons under the list need no more width than the list has in a
// 1000×700 window, so none of their words run into the next button or the case.
func TestButtonsFitInEveryLanguage(t *testing.T) {
	for _, code := range casework.Languages {
		t.Run(code, func(t *testing.T) {
			speak(t, code)
			u, _, w := newTestApp(t, stalledCase())
			w.Resize(fyne.NewSize(1000, 700))
			if need, room := u.toolbar.MinSize().Width, u.toolbar.Size().Width; need > room {
				t.Errorf("the buttons need %v px, the list has %v", need, room)
			}
			if need, room := u.list.top.MinSize().Width, u.list.top.Size().Width; need > room {
				t.Errorf("search, filter and sort need %v px, the list has %v", need, room)
			}
		})
	}
}
