package ui

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"proofpack/evidence"
	"proofpack/evidence/chrome"
	"proofpack/tracker/storetest"
)

// The Capture button captures the case's tracking page in real Chromium, off the UI goroutine,
// and the gallery shows the exhibit; the page's events join the case.
func TestEvidenceTabCapturesTheTrackingPage(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<!doctype html><meta charset="utf-8"><title>Rastreamento</title><h1>Objeto QQTEST000001</h1>
<p>14/10/2026 10:22<br>Objeto entregue ao destinatário<br>RECIFE - PE</p>
<p>09/10/2026 06:05<br>Objeto recebido pelos Correios do Brasil<br>CURITIBA - PR</p>`)
	}))
	defer srv.Close()
	c := storetest.Sample("1001", "QQTEST000001") // no carrier fits: the seller's link is the only page
	c.Shipments[0].Events = nil
	c.Shipments[0].Link = srv.URL + "/track"
	u, s, _ := newTestApp(t, c)
	u.svc.Capturer = chrome.Capturer{}
	showAgain(u)
	ev := u.view.evidenceTab()

	test.Tap(ev.capture)
	<-ev.done
	<-u.Loaded()
	if !strings.Contains(ev.status.Text, "Captured 1 pages") || !strings.Contains(ev.status.Text, "2 new tracking events") {
		t.Fatalf("status after capture: %q", ev.status.Text)
	}
	ex, err := s.Exhibits(u.view.c.ID)
	if err != nil || len(ex) < 3 {
		t.Fatalf("exhibits %+v %v", ex, err)
	}
	got, _ := s.Case(u.view.c.ID)
	if n := len(got.Shipments[0].Events); n != 2 {
		t.Errorf("%d events after the capture, want 2", n)
	}
	var thumbs int
	walk(ev.gallery, func(o fyne.CanvasObject) {
		if _, ok := o.(*canvas.Image); ok {
			thumbs++
		}
	})
	if thumbs != 1 {
		t.Errorf("%d thumbnails in the gallery, want 1", thumbs)
	}
	if texts := strings.Join(keys(labelsIn(ev.gallery)), "\n"); !strings.Contains(texts, "Exhibit 1: Rastreamento") || !strings.Contains(texts, ex[0].SHA256) {
		t.Errorf("gallery:\n%s", texts)
	}
}

func TestVerifyMarksAChangedFile(t *testing.T) {
	u, s, _ := newTestApp(t, storetest.Sample("1001", "RR204873517CN"))
	chat := filepath.Join(t.TempDir(), "chat.png")
	os.WriteFile(chat, []byte("\x89PNG not really"), 0o600)
	u.dropped(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI(chat)})
	<-u.filesDone
	<-u.Loaded()
	ex, _ := s.Exhibits(u.view.c.ID)
	if len(ex) != 1 || ex[0].Kind != "file" || ex[0].Source != "chat.png" {
		t.Fatalf("dropped file: %+v", ex)
	}
	stored := filepath.Join(u.svc.Dir, filepath.FromSlash(ex[0].Path))
	b, _ := os.ReadFile(stored)
	b[len(b)-1] ^= 1
	os.WriteFile(stored, b, 0o600)

	ev := u.view.evidenceTab()
	<-ev.verify()
	if !strings.Contains(ev.status.Text, "01-file.png: changed") {
		t.Errorf("status: %q", ev.status.Text)
	}
	marked := false
	walk(ev.gallery, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, "CHANGED") && l.Importance == widget.DangerImportance {
			marked = true
		}
	})
	if !marked {
		t.Error("the changed file is not marked in the gallery")
	}
}

func TestDroppingAFolderAddsNothing(t *testing.T) {
	u, s, w := newTestApp(t, storetest.Sample("1001", "RR204873517CN"))
	u.dropped(fyne.NewPos(1, 1), []fyne.URI{storage.NewFileURI(t.TempDir())})
	<-u.filesDone
	if ex, _ := s.Exhibits(u.view.c.ID); len(ex) != 0 {
		t.Errorf("a folder was added: %+v", ex)
	}
	if msg := dialogText(w); !strings.Contains(msg, "is a folder") {
		t.Errorf("message: %q", msg)
	}
}

// Assisted capture asks in the window before each page; Skip and Capture now answer the browser.
func TestAssistedCaptureAsksInTheWindow(t *testing.T) {
	u, _, w := newTestApp(t, storetest.Sample("1001", "RR204873517CN"))
	ev := u.view.evidenceTab()
	for _, tt := range []struct {
		button string
		ok     bool
	}{{"Capture now", true}, {"Skip", false}} {
		answer := make(chan error, 1)
		ev.ask(evidence.Page{URL: "https://example.test/track", No: 4}, answer)
		if msg := dialogText(w); !strings.Contains(msg, "Exhibit 4: https://example.test/track") {
			t.Errorf("dialog: %q", msg)
		}
		test.Tap(findButton(w.Canvas().Overlays().Top(), tt.button))
		if err := <-answer; (err == nil) != tt.ok {
			t.Errorf("%s: answered %v", tt.button, err)
		}
	}
	// A cancelled capture stops waiting for the buyer.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := ev.confirm(ctx, evidence.Page{URL: "https://example.test/track", No: 5}); err != context.Canceled {
		t.Errorf("confirm after cancel: %v", err)
	}
}

// Offline, every address fails once in plain words: no raw error lines, no address twice.
func TestCaptureSummaryOffline(t *testing.T) {
	fail := func(url, code string) evidence.Result {
		return evidence.Result{Page: evidence.Page{URL: url}, Err: fmt.Errorf("this computer is not connected to the internet (net::%s)", code)}
	}
	got := evidence.Captured{Pages: []evidence.Result{
		fail("https://global.cainiao.com/detail.htm?mailNoList=RR1", "ERR_INTERNET_DISCONNECTED"),
		fail("https://parcelsapp.com/en/tracking/RR1", "ERR_NAME_NOT_RESOLVED"),
	}}
	msg := captureSummary(got, 0, fmt.Errorf("no page could be captured: %w", got.Pages[0].Err))
	if !strings.HasPrefix(msg, "No internet connection: the pages were not captured.") {
		t.Errorf("summary: %q", msg)
	}
	if strings.Count(msg, "cainiao") != 1 || strings.Count(msg, "parcelsapp") != 1 || strings.Contains(msg, "net::") {
		t.Errorf("each address once, no raw codes: %q", msg)
	}
}

// Any address typed or pasted is captured, not only the tracking links.
func TestCaptureAnAddressTyped(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<!doctype html><meta charset="utf-8"><title>Seller chat</title><p>We shipped it, trust us.</p>`)
	}))
	defer srv.Close()
	u, s, w := newTestApp(t, storetest.Sample("1001", "RR204873517CN"))
	u.svc.Capturer = chrome.Capturer{}
	ev := u.view.evidenceTab()
	w.Canvas().Focus(ev.address)
	test.Type(ev.address, "cainiao.com")
	test.Tap(ev.capture)
	if ev.done != nil || !strings.Contains(ev.status.Text, "not a web address") {
		t.Fatalf("a bad address was captured: %q", ev.status.Text)
	}
	ev.address.SetText(srv.URL + "/chat")
	test.Tap(ev.capture)
	<-ev.done
	<-u.Loaded()
	if !strings.Contains(ev.status.Text, "Captured 1 pages") {
		t.Fatalf("status: %q", ev.status.Text)
	}
	ex, _ := s.Exhibits(u.view.c.ID)
	if len(ex) == 0 || ex[0].URL != srv.URL+"/chat" {
		t.Fatalf("exhibits %+v", ex)
	}
	if ev.address.Text != "" {
		t.Error("the address stays in the box after its capture")
	}
}

// Two chat screenshots at once, pasted as paths, with the description the packet uses.
func TestAddTwoFilesWithADescription(t *testing.T) {
	u, s, w := newTestApp(t, storetest.Sample("1001", "RR204873517CN"))
	dir := t.TempDir()
	a, b := filepath.Join(dir, "chat 1.png"), filepath.Join(dir, "chat-2.jpg")
	os.WriteFile(a, []byte("\x89PNG one"), 0o600)
	os.WriteFile(b, []byte("\xff\xd8 two"), 0o600)
	ev := u.view.evidenceTab()
	test.Tap(findButton(u.view.built(3), "Add your own files…"))
	form := w.Canvas().Overlays().Top()
	ev.addDialog.SetText(a + "\n\"" + b + "\"\n")
	var note *widget.Entry
	walk(form, func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok && !e.MultiLine {
			note = e
		}
	})
	test.Type(note, "Chat with the seller, 12 October")
	test.Tap(findButton(form, "Add"))
	<-u.filesDone
	<-u.Loaded()
	ex, _ := s.Exhibits(u.view.c.ID)
	if len(ex) != 2 || ex[0].Note != "Chat with the seller, 12 October" || ex[1].Source != "chat-2.jpg" {
		t.Fatalf("exhibits %+v", ex)
	}
	if !strings.Contains(textsIn(u.view.built(3)), "Chat with the seller, 12 October") {
		t.Error("the gallery does not show the description")
	}
}

// Each exhibit has an Open button that hands its file to the system's viewer.
func TestOpenAnExhibit(t *testing.T) {
	u, _, _ := newTestApp(t, storetest.Sample("1001", "RR204873517CN"))
	chat := filepath.Join(t.TempDir(), "chat.png")
	os.WriteFile(chat, []byte("\x89PNG chat"), 0o600)
	<-u.addFiles([]string{chat}, "Chat")
	<-u.Loaded()
	ev := u.view.evidenceTab()
	if findButton(ev.gallery, "Open") == nil {
		t.Fatal("the exhibit has no Open button")
	}
	ex, _ := u.svc.Exhibits(u.view.c.ID)
	got := exhibitURL(u.svc.Dir, ex[0])
	if b, err := os.ReadFile(got.Path); got.Scheme != "file" || err != nil || string(b) != "\x89PNG chat" {
		t.Errorf("Open would hand over %v (%v)", got, err)
	}
}

// Each exhibit can be described and removed like a user would: Describe opens a dialog with the
// current words, whose Save stays disabled for a bad description; Remove asks first, with an
// optional reason. The removed exhibit is shown greyed in a Removed section, never hidden, and
// the store has both changes in the case's history, made by the window.
func TestDescribeAndRemoveAnExhibit(t *testing.T) {
	u, s, w := newTestApp(t, storetest.Sample("1001", "RR204873517CN"))
	dir := t.TempDir()
	a, b := filepath.Join(dir, "chat.txt"), filepath.Join(dir, "receipt.txt")
	os.WriteFile(a, []byte("seller: refund on Monday"), 0o600)
	os.WriteFile(b, []byte("receipt of another order"), 0o600)
	<-u.addFiles([]string{a, b}, "Chat")
	<-u.Loaded()
	ev := u.view.evidenceTab()

	test.Tap(findButton(ev.gallery, "Describe…"))
	form := w.Canvas().Overlays().Top()
	if ev.changeText.Text != "Chat" || !strings.Contains(dialogText(w), "the old words stay") {
		t.Fatalf("describe dialog prefilled %q: %q", ev.changeText.Text, dialogText(w))
	}
	save := findButton(form, "Save")
	ev.changeText.SetText("line one\tand a tab")
	if !save.Disabled() {
		t.Error("Save is enabled for a description with a tab")
	}
	ev.changeText.SetText("")
	test.Type(ev.changeText, "Chat: the seller promises a refund")
	if save.Disabled() {
		t.Fatal("Save is disabled for a good description")
	}
	test.Tap(save)
	<-ev.changeDone
	<-u.Loaded()
	ev = u.view.evidenceTab()
	if texts := textsIn(ev.gallery); !strings.Contains(texts, "Exhibit 1: Chat: the seller promises a refund") {
		t.Errorf("gallery after describe:\n%s", texts)
	}

	removes := 0
	walk(ev.gallery, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Remove…" {
			removes++
			if removes == 2 {
				test.Tap(b)
			}
		}
	})
	if msg := dialogText(w); !strings.Contains(msg, "leave exhibit 2 out") || !strings.Contains(msg, "files stay") {
		t.Fatalf("remove dialog: %q", msg)
	}
	test.Type(ev.changeText, "receipt of another order")
	test.Tap(findButton(w.Canvas().Overlays().Top(), "Remove"))
	<-ev.changeDone
	<-u.Loaded()
	ev = u.view.evidenceTab()

	texts := textsIn(ev.gallery)
	if !strings.Contains(texts, "Removed: kept, hashed and checked") || !strings.Contains(texts, ": receipt of another order") {
		t.Errorf("the removed exhibit is not shown as removed:\n%s", texts)
	}
	greyed, buttons := false, 0
	walk(ev.gallery, func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			if strings.HasPrefix(x.Text, "Exhibit 2") && x.Importance == widget.LowImportance {
				greyed = true
			}
		case *widget.Button:
			if x.Text == "Remove…" || x.Text == "Describe…" {
				buttons++
			}
		}
	})
	if !greyed || buttons != 2 {
		t.Errorf("exhibit 2 greyed %v; %d describe/remove buttons, want 2 (exhibit 1's)", greyed, buttons)
	}
	ex, _ := s.Exhibits(u.view.c.ID)
	log, _ := s.ExhibitLog(u.view.c.ID)
	if !ex[1].Removed || ex[0].Description != "Chat: the seller promises a refund" || len(log) != 2 || log[0].By != "window" || log[1].Reason != "receipt of another order" {
		t.Errorf("stored %+v, history %+v", ex, log)
	}
	if _, err := os.Stat(filepath.Join(u.svc.Dir, filepath.FromSlash(ex[1].Path))); err != nil {
		t.Errorf("the removed exhibit's file went: %v", err)
	}
}

// The dialogs speak the window's language.
func TestRemoveDialogInSpanish(t *testing.T) {
	speak(t, "es")
	u, _, w := newTestApp(t, storetest.Sample("1001", "RR204873517CN"))
	a := filepath.Join(t.TempDir(), "chat.txt")
	os.WriteFile(a, []byte("chat"), 0o600)
	<-u.addFiles([]string{a}, "Chat")
	<-u.Loaded()
	test.Tap(findButton(u.view.evidenceTab().gallery, "Quitar…"))
	if msg := dialogText(w); !strings.Contains(msg, "El expediente dejará fuera la prueba 1") {
		t.Errorf("remove dialog in Spanish: %q", msg)
	}
	if findButton(w.Canvas().Overlays().Top(), "Quitar") == nil {
		t.Error("no Quitar button")
	}
}
