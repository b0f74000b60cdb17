package ui

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"proofpack/evidence/chrome"
	"proofpack/evidence/pdf"
)

// A new buyer's whole journey through the window, in one go, as issue 12 defines done: an order
// typed with a typo and fixed without retyping, a pasted history, the problem in the list, a
// page captured by its address, two chat screenshots with their descriptions, the dispute
// recorded as opened, and the packet, read back from the PDF. Real store, real Chromium against
// a loopback page, real PDF.
func TestANewBuyersWholeJourney(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<!doctype html><meta charset="utf-8"><title>Rastreamento</title><h1>Objeto RR204873517CN</h1>
<p>14/10/2026 10:22<br>Objeto entregue ao destinatário<br>RECIFE - PE</p>`)
	}))
	defer srv.Close()
	u, s, w := newTestApp(t)
	u.svc.Capturer, u.svc.Packets = chrome.Capturer{}, pdf.Renderer{}

	// The order, from the empty window's own button, with a typo in the amount.
	test.Tap(findButton(u.detail, "Add order"))
	f := u.lastForm
	typed := map[*widget.Entry]string{
		f.order: "8193447022115096", f.seller: "Shenzhen Bright Lighting Store", f.item: "LED desk lamp",
		f.amount: "23,4o", f.currency: "USD", f.ordered: "2026-09-28", f.tracking: "RR204873517CN",
		f.city: "São Paulo", f.postcode: "01310-100", f.country: "BR",
	}
	typeInto(w, typed)
	if !f.save.Disabled() || !strings.Contains(f.missing.Text, "Amount") {
		t.Fatalf("the amount 23,4o: Save disabled %v, %q", f.save.Disabled(), f.missing.Text)
	}
	typeInto(w, map[*widget.Entry]string{f.amount: "23,40"})
	for e, v := range typed {
		if e != f.amount && e.Text != v {
			t.Errorf("fixing the amount lost what was typed: %q, was %q", e.Text, v)
		}
	}
	test.Tap(f.save)
	<-u.Loaded()
	cases, err := s.Cases()
	if err != nil || len(cases) != 1 || cases[0].Amount != 2340 || cases[0].Buyer.City != "São Paulo" {
		t.Fatalf("saved %+v, %v", cases, err)
	}
	id := cases[0].ID

	// The history, pasted as the carrier's site shows it.
	test.Tap(findButton(u.view.built(2), "Paste tracking history"))
	form := w.Canvas().Overlays().Top()
	walk(form, func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok && e.MultiLine {
			e.SetText("14/10/2026 10:22\nObjeto entregue ao destinatário\nRECIFE - PE\n\n09/10/2026 06:05\nObjeto recebido pelos Correios do Brasil\nCURITIBA - PR\n")
		}
	})
	test.Tap(findButton(form, "Add"))
	<-u.view.historyDone
	<-u.Loaded()
	w.Canvas().Overlays().Top().Hide() // "Read 2 events"

	// The problem, in the list.
	if row := rowTexts(u, 0); !row["Delivered elsewhere"] {
		t.Errorf("the list's row says %v", keys(row))
	}

	// A page captured by its address.
	ev := u.view.evidenceTab()
	w.Canvas().Focus(ev.address)
	test.Type(ev.address, srv.URL+"/track")
	test.Tap(ev.capture)
	<-ev.done
	<-u.Loaded()
	if !strings.Contains(ev.status.Text, "Captured 1 pages") {
		t.Fatalf("capture: %q", ev.status.Text)
	}

	// Two chat screenshots at once with a description, then the second described on its own.
	dir := t.TempDir()
	a, b := filepath.Join(dir, "chat 1.png"), filepath.Join(dir, "chat 2.png")
	os.WriteFile(a, []byte("\x89PNG first chat"), 0o600)
	os.WriteFile(b, []byte("\x89PNG second chat"), 0o600)
	test.Tap(findButton(u.view.built(3), "Add your own files…"))
	form = w.Canvas().Overlays().Top()
	ev.addDialog.SetText(a + "\n" + b)
	walk(form, func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok && !e.MultiLine {
			test.Type(e, "Chat: the seller says it was delivered")
		}
	})
	test.Tap(findButton(form, "Add"))
	<-u.filesDone
	<-u.Loaded()
	var describe *widget.Button // the last exhibit's: the second chat
	walk(ev.gallery, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Describe…" {
			describe = b
		}
	})
	test.Tap(describe)
	form = w.Canvas().Overlays().Top()
	ev.changeText.SetText("Chat: the seller refuses a refund")
	test.Tap(findButton(form, "Save"))
	<-ev.changeDone
	<-u.Loaded()
	ex, _ := s.Exhibits(id)
	var notes []string
	for _, e := range ex {
		if e.Kind == "file" {
			notes = append(notes, e.Described())
		}
	}
	if strings.Join(notes, " | ") != "Chat: the seller says it was delivered | Chat: the seller refuses a refund" {
		t.Errorf("the chats are described as %q", notes)
	}

	// The dispute, recorded as opened.
	u.view.tabs.SelectIndex(0)
	recordVia(t, u, w, "Dispute opened…", "2026-11-22")
	<-u.Loaded()
	if c, _ := s.Case(id); c.Dispute.Opened.String() != "2026-11-22" {
		t.Fatalf("dispute opened %q", c.Dispute.Opened)
	}

	// The packet.
	p := u.view.packetTab()
	test.Tap(p.make)
	walk(w.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok && e.PlaceHolder == "as on your card or account" {
			e.SetText("Ana Souza")
		}
	})
	test.Tap(findButton(w.Canvas().Overlays().Top(), "Save"))
	<-p.done
	if len(p.made.Files) == 0 {
		t.Fatalf("no packet: %q", p.result.Text)
	}
	raw, err := exec.Command("pdftotext", p.made.Files[0], "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(raw)), " ")
	for _, want := range []string{"RR204873517CN", "RECIFE - PE", "São Paulo", "Rastreamento",
		"Chat: the seller says it was delivered", "Chat: the seller refuses a refund", "I opened a dispute on 22 Nov 2026", "Ana Souza"} {
		if !strings.Contains(text, want) {
			t.Errorf("the packet does not say %q", want)
		}
	}
}
