package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"proofpack/tracker"
	"proofpack/tracker/storetest"
)

// speak switches the window's language for one test, as Settings does.
func speak(t *testing.T, language string) {
	t.Helper()
	useLanguage(language)
	t.Cleanup(func() { useLanguage("") })
}

func stalledCase() tracker.Case {
	c := storetest.Sample("1003", "LP00612345678901")
	c.Shipments[0].Events[0].Time = c.Shipments[0].Events[0].Time.AddDate(0, 0, -3) // 2026-09-28
	return c
}

// The window speaks Spanish and Russian from the same screens, problem words included.
func TestWindowInTwoLanguages(t *testing.T) {
	for _, tc := range []struct {
		language, add, stalled, tab, count, save string
	}{
		{"es", "Añadir pedido", "Detenido hace 55 días", "Expediente", "1 de 1 casos", "Guardar"},
		{"ru", "Добавить заказ", "Стоит 55 дн.", "Пакет", "1 из 1 дел", "Сохранить"},
	} {
		t.Run(tc.language, func(t *testing.T) {
			speak(t, tc.language)
			u, _, _ := newTestApp(t, stalledCase())
			if u.addBtn.Text != tc.add {
				t.Errorf("Add order reads %q", u.addBtn.Text)
			}
			if row := rowTexts(u, 0); !row[tc.stalled] {
				t.Errorf("row: %v", row)
			}
			if u.list.count.Text != tc.count {
				t.Errorf("count %q", u.list.count.Text)
			}
			if u.view.tabs.Items[4].Text != tc.tab {
				t.Errorf("tab %q", u.view.tabs.Items[4].Text)
			}
			// The filter still works in the window's language.
			u.list.filter.SetSelected(lang.L(filterAction))
			if n := u.list.list.Length(); n != 1 {
				t.Errorf("needs action shows %d rows", n)
			}
			test.Tap(u.addBtn)
			if u.lastForm == nil || u.lastForm.save.Text != tc.save || !strings.Contains(u.lastForm.missing.Text, u.lastForm.labelOf(u.lastForm.order)) {
				t.Errorf("the order form in %s: save %q, %q", tc.language, u.lastForm.save.Text, u.lastForm.missing.Text)
			}
		})
	}
}

// Choosing a language in Settings applies it at once and keeps it with the data folder.
func TestSettingsChangeTheLanguageAtOnce(t *testing.T) {
	t.Cleanup(func() { useLanguage("") })
	u, _, w := newTestApp(t, stalledCase())
	test.Tap(findButtonByIcon(t, u))
	u.lastSettings.language.SetSelected("Português")
	test.Tap(findButton(w.Canvas().Overlays().Top(), "Save"))
	<-u.Loaded()
	if u.addBtn.Text != "Adicionar pedido" || !rowTexts(u, 0)["Parado há 55 dias"] {
		t.Errorf("after choosing Português: %q, %v", u.addBtn.Text, rowTexts(u, 0))
	}
	if c, ok := u.selected(); !ok || c.OrderNumber != "1003" {
		t.Error("the case on screen was lost")
	}
	if p, _ := u.svc.Preferences(); p.Language != "pt" {
		t.Errorf("stored language %q", p.Language)
	}
}
