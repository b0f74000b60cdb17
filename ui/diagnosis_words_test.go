package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"proofpack/tracker"
	"proofpack/tracker/storetest"
)

// labelTexts are the whole texts of the labels on w's content (a wrapped label draws its text
// in several pieces).
func labelTexts(w fyne.Window) []string {
	var out []string
	walk(w.Canvas().Content(), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Text != "" {
			out = append(out, l.Text)
		}
	})
	return out
}

// deliveredFarAway is a case whose parcel was delivered in Recife to a buyer in São Paulo.
func deliveredFarAway() tracker.Case {
	c := storetest.Sample("1004", "LP00612345678902")
	c.Buyer = tracker.Address{City: "São Paulo", Postcode: "01310-100", Country: "BR"}
	c.Shipments[0].Events = append(c.Shipments[0].Events, tracker.Event{
		Time: time.Date(2026, 10, 20, 14, 0, 0, 0, time.UTC), Place: "CDD RECIFE - PE", Description: "Objeto entregue", Status: tracker.StatusDelivered})
	return c
}

// In Russian the Diagnosis tab says the flags' messages and next steps in Russian, the
// numbers, dates and places in them as the domain gave them, and no English sentence of the
// flags' catalogue is left.
func TestDiagnosisFlagsInRussian(t *testing.T) {
	en := catalogue(t, "en")
	english := sayFormats(t, "../tracker")
	for _, tc := range []struct {
		name    string
		c       tracker.Case
		message []string // pieces of the message, in order
		step    string
	}{
		{"stalled", stalledCase(), []string{"Нет новых событий отслеживания для LP00612345678901 уже ", " дн.: последнее — \"Accepted\" (深圳市) от 2026-09-28"},
			"Следующий шаг: Попросите продавца узнать у перевозчика, где посылка. Если обещанная дата доставки прошла, откройте спор о неполученном товаре и сначала сохраните страницу отслеживания (Сохранить страницу, или proofpack capture) и приложите её."},
		{"delivered elsewhere", deliveredFarAway(), []string{"По отслеживанию LP00612345678902 доставлен: «CDD RECIFE - PE», 2026-10-20. Это Recife, примерно 2 130 km от вашего адреса; ваш город — São Paulo."},
			"Следующий шаг: Откройте спор о неполученном товаре сейчас: напишите, что по отслеживанию посылку доставили в другое место (Recife, примерно 2 130 km от вашего адреса), и сначала сохраните"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			speak(t, "ru")
			u, _, w := newTestApp(t, tc.c)
			w.Resize(fyne.NewSize(1000, 700))
			u.view.tabs.SelectIndex(2)
			texts := labelTexts(w)
			all := strings.Join(texts, "\n")
			if !inOrder(all, tc.message) {
				t.Errorf("the message is not in Russian: %q", texts)
			}
			if !strings.Contains(all, tc.step) {
				t.Errorf("the next step is not in Russian (%q): %q", tc.step, texts)
			}
			for _, text := range texts {
				for format := range english {
					fixed, _, _ := strings.Cut(format, "%")
					if len(strings.Fields(fixed)) >= 3 && en[format] != "" && strings.Contains(text, strings.TrimSpace(fixed)) {
						t.Errorf("%q is still in English (%q)", text, fixed)
					}
				}
			}
		})
	}
}

func inOrder(s string, pieces []string) bool {
	for _, p := range pieces {
		i := strings.Index(s, p)
		if i < 0 {
			return false
		}
		s = s[i+len(p):]
	}
	return true
}
