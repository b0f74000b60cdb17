package ui

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"proofpack/evidence"
	"proofpack/evidence/pdf"
	"proofpack/tracker/storetest"
)

func TestPacketTabMakesTheBuyersPacket(t *testing.T) {
	c := storetest.Sample("1001", "RR204873517CN") // buyer in Kraków
	c.Shipments[0].Events = nil
	u, s, w := newTestApp(t, c)
	u.svc.Packets = pdf.Renderer{}
	if _, err := evidence.AddHistory(s, u.svc.Dir, u.view.c.ID, 0, "14/10/2026 10:22\nObjeto entregue ao destinatário\nRECIFE - PE\n", u.svc.Now()); err != nil {
		t.Fatal(err)
	}
	reloadAndWait(u, u.view.c.ID)
	showAgain(u) // build the tabs again with the packet services in place
	p := u.view.packetTab()
	if !strings.Contains(p.statement.Text, "RECIFE") && !strings.Contains(p.statement.Text, "Recife") {
		t.Errorf("the draft statement does not mention the delivery in Recife: %q", p.statement.Text)
	}
	if p.profile.Selected != "bank" || filepath.Base(p.out.Text) != "pp1-bank.pdf" {
		t.Errorf("defaults: profile %q, out %q", p.profile.Selected, p.out.Text)
	}
	p.statement.SetText("I never received the lamp. The tracking shows Recife; I live in Kraków.")
	test.Tap(p.make)
	// The first packet asks who signs it.
	ask := w.Canvas().Overlays().Top()
	walk(ask, func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok && e.PlaceHolder == "as on your card or account" {
			e.SetText("Jan Kowalski")
		}
	})
	test.Tap(findButton(ask, "Save"))
	<-p.done
	if !p.open.Visible() || !strings.Contains(p.result.Text, "pp1-bank.pdf") {
		t.Fatalf("after making: %q", p.result.Text)
	}
	text, err := exec.Command("pdftotext", p.made.Files[0], "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(text), "I never received the lamp.") {
		t.Errorf("the buyer's statement is not in the packet")
	}
	if !strings.Contains(string(text), "Jan Kowalski") {
		t.Errorf("the packet does not name who signs it")
	}
	if fi, err := os.Stat(p.made.Files[0]); err != nil || fi.Size() == 0 {
		t.Errorf("packet file: %v", err)
	}
}

func TestTaskCancels(t *testing.T) {
	newTestApp(t)
	tk := newTask()
	var got error
	reported := make(chan struct{})
	finished := tk.start(func(ctx context.Context, progress func(done, total int)) error {
		progress(1, 4)
		close(reported)
		<-ctx.Done()
		return ctx.Err()
	}, func(err error) { got = err })
	if !tk.box.Visible() {
		t.Error("no progress bar while running")
	}
	<-reported
	if tk.bar.Value != 0.25 {
		t.Errorf("progress %v, want 0.25", tk.bar.Value)
	}
	if again := tk.start(nil, nil); again != nil {
		t.Error("a second task started while one runs")
	}
	test.Tap(tk.cancel)
	<-finished
	if got != context.Canceled || tk.box.Visible() || tk.running {
		t.Errorf("after cancel: err %v, bar visible %v, running %v", got, tk.box.Visible(), tk.running)
	}
}

// selectCase selects the list's row of the case with this order number, as a click would.
func selectCase(t *testing.T, u *App, order string) {
	t.Helper()
	for i, p := range u.list.rows {
		if u.list.cases[p].OrderNumber == order {
			u.list.list.Select(i)
			return
		}
	}
	t.Fatalf("no row for order %s", order)
}

// The statement is saved as it is typed: switching to another case and back shows it, the store
// has it, and the packet tab says when the last packet was made.
func TestStatementSurvivesSwitchingCases(t *testing.T) {
	u, s, w := newTestApp(t, storetest.Sample("1001", "RR204873517CN"), storetest.Sample("1002", "LP00612345678901"))
	selectCase(t, u, "1001")
	a := u.view.c.ID
	p := u.view.packetTab()
	if !strings.Contains(p.lastMade.Text, "No packet made yet") {
		t.Errorf("last made: %q", p.lastMade.Text)
	}
	w.Canvas().Focus(p.statement)
	p.statement.SetText("")
	test.Type(p.statement, "The seller never answered my three messages.")
	selectCase(t, u, "1002")
	if u.view.c.ID == a {
		t.Fatal("the other case is not on screen")
	}
	if stored, _ := s.Case(a); stored.Statement != "The seller never answered my three messages." {
		t.Errorf("stored statement %q", stored.Statement)
	}
	selectCase(t, u, "1001")
	if got := u.view.packetTab().statement.Text; got != "The seller never answered my three messages." {
		t.Errorf("statement after switching back: %q", got)
	}
	// Without switching: saved a moment after the last key.
	p = u.view.packetTab()
	test.Type(p.statement, " Twice.")
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if stored, _ := s.Case(a); strings.Contains(stored.Statement, "Twice.") {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Error("the statement was not saved after typing stopped")
}
