package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"proofpack/tracker"
	"proofpack/tracker/storetest"
)

func TestDiagnosisShowsDeliveryElsewhereAsCritical(t *testing.T) {
	c := storetest.Sample("1001", "RR204873517CN") // buyer in Kraków
	c.Shipments[0].Events = append(c.Shipments[0].Events, tracker.Event{
		Time: time.Date(2026, 10, 14, 10, 22, 0, 0, time.UTC), Place: "RECIFE - PE",
		Description: "Objeto entregue ao destinatário", Status: tracker.StatusDelivered,
	})
	u, _, _ := newTestApp(t, c)
	if tab := u.view.tabs.Items[2]; tab.Text != "Diagnosis" {
		t.Fatalf("third tab is %q", tab.Text)
	}
	content := u.view.built(2)
	texts := strings.Join(keys(labelsIn(content)), "\n")
	critical := 0
	walk(content, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Importance == widget.DangerImportance && strings.Contains(l.Text, "you live in Kraków") {
			critical++
		}
	})
	if critical != 1 {
		t.Errorf("%d critical cards about the delivery elsewhere, want 1", critical)
	}
	for _, want := range []string{"Status: Delivered", "RECIFE - PE", "Next step:"} {
		if !strings.Contains(texts, want) {
			t.Errorf("diagnosis does not show %q:\n%s", want, texts)
		}
	}
}

func TestDiagnosisOfADeliveryAtHomeRaisesNoAlarm(t *testing.T) {
	c := storetest.Sample("1002", "LP00612345678901")
	c.Shipments[0].Events = append(c.Shipments[0].Events, tracker.Event{
		Time: time.Date(2026, 10, 14, 10, 22, 0, 0, time.UTC), Place: "UP KRAKOW 1",
		Description: "Doręczono", Status: tracker.StatusDelivered,
	})
	u, _, _ := newTestApp(t, c)
	tab := u.view.built(2)
	walk(tab, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Importance == widget.DangerImportance {
			t.Errorf("a delivery at home gets a critical card: %q", l.Text)
		}
	})
	if texts := strings.Join(keys(labelsIn(tab)), "\n"); !strings.Contains(texts, "Status: Delivered") {
		t.Errorf("status not shown:\n%s", texts)
	}
}

func TestPastedHistoryBecomesEventsAndAnExhibit(t *testing.T) {
	c := storetest.Sample("1003", "RR204873517CN") // buyer in Kraków
	c.Shipments[0].Events = nil
	u, s, w := newTestApp(t, c)
	id := u.view.c.ID
	test.Tap(findButton(u.view.built(2), "Paste tracking history"))
	form := w.Canvas().Overlays().Top()
	var entry *widget.Entry
	walk(form, func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok && e.MultiLine {
			entry = e
		}
	})
	if entry == nil {
		t.Fatal("no text box in the paste dialog")
	}
	entry.SetText("15.10.2026 12:01\nPrzesyłka doręczona do odbiorcy\nUP Kraków 1\n\n12.10.2026 08:00\nPrzesyłka przyjęta w kraju przeznaczenia\nWarszawa\n")
	test.Tap(findButton(form, "Add"))
	<-u.view.historyDone
	<-u.Loaded()

	got, err := s.Case(id)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(got.Shipments[0].Events); n != 2 {
		t.Fatalf("%d events stored, want 2", n)
	}
	ex, _ := s.Exhibits(id)
	if len(ex) != 1 || ex[0].Kind != "history" {
		t.Errorf("exhibits %+v", ex)
	}
	if msg := dialogText(w); !strings.Contains(msg, "Read 2 events") {
		t.Errorf("confirmation: %q", msg)
	}
	if texts := strings.Join(keys(labelsIn(u.view.built(2))), "\n"); !strings.Contains(texts, "Status: Delivered") {
		t.Errorf("the tab did not refresh:\n%s", texts)
	}
}
