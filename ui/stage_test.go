package ui

import (
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"proofpack/tracker"
	"proofpack/tracker/storetest"
)

// timelineCase is an AliExpress order paid by card, promised by the given day; the test window's
// today is 22 November 2026.
func timelineCase(order, promised string) tracker.Case {
	c := storetest.Sample(order, "RR123456785CN")
	c.Payment = "card"
	c.Ordered, _ = tracker.ParseDate("2026-10-01")
	c.Shipped, _ = tracker.ParseDate("2026-10-03")
	c.Promised, _ = tracker.ParseDate(promised)
	return c
}

func shows(o fyne.CanvasObject, part string) bool {
	for text := range labelsIn(o) {
		if strings.Contains(text, part) {
			return true
		}
	}
	return false
}

// tapForDialog taps the case's button and returns the dialog it opens, with its text boxes in
// order.
func tapForDialog(t *testing.T, u *App, w fyne.Window, button string) (fyne.CanvasObject, []*widget.Entry) {
	t.Helper()
	b := findButton(u.detail, button)
	if b == nil {
		t.Fatalf("no %q button; the case shows %v", button, labelsIn(u.detail))
	}
	test.Tap(b)
	top := w.Canvas().Overlays().Top()
	var es []*widget.Entry
	walk(top, func(o fyne.CanvasObject) {
		if x, ok := o.(*widget.Entry); ok {
			es = append(es, x)
		}
	})
	return top, es
}

// recordVia taps a step's button, types the date into the dialog and presses Record.
func recordVia(t *testing.T, u *App, w fyne.Window, button, date string) {
	t.Helper()
	top, es := tapForDialog(t, u, w, button)
	if len(es) == 0 || es[0].Text != "2026-11-22" {
		t.Fatalf("the date dialog does not offer today: %d entries", len(es))
	}
	es[0].SetText(date)
	test.Tap(findButton(top, "Record"))
}

func TestRecordingADisputeStepMovesTheNextStep(t *testing.T) {
	u, s, w := newTestApp(t, timelineCase("1001", "2026-11-20"))
	for _, want := range []string{"Stage: waiting for the parcel", "Next deadline 2026-12-05: Open the dispute on AliExpress by 2026-12-05", "Next step: ask the seller."} {
		if !shows(u.detail, want) {
			t.Errorf("before: the Order tab lacks %q: %v", want, labelsIn(u.detail))
		}
	}
	recordVia(t, u, w, "Dispute opened…", "2026-11-22")
	<-u.Loaded()
	c, _ := s.Cases()
	if got := c[0].Dispute.Opened.String(); got != "2026-11-22" {
		t.Fatalf("dispute opened = %q", got)
	}
	for _, want := range []string{"Stage: dispute open", "Next deadline 2026-12-07: Escalate your AliExpress dispute by 2026-12-07", "Next step: escalate the dispute.", "✓ Dispute opened 2026-11-22"} {
		if !shows(u.detail, want) {
			t.Errorf("after: the Order tab lacks %q: %v", want, labelsIn(u.detail))
		}
	}
	if findButton(u.detail, "Dispute opened…") != nil {
		t.Error("a recorded step still offers its button")
	}

	var box *widget.Check
	walk(u.detail, func(o fyne.CanvasObject) {
		if c, ok := o.(*widget.Check); ok && strings.Contains(c.Text, "never came") {
			box = c
		}
	})
	test.Tap(box)
	if c, _ := s.Cases(); !c[0].Dispute.NotReceived {
		t.Error("the 'never came' box did not record it")
	}

	// A step in the future is refused, and says which step and why.
	recordVia(t, u, w, "Escalated…", "2026-12-01")
	if msg := dialogText(w); !strings.Contains(msg, "Escalated: 2026-12-01 is in the future") {
		t.Errorf("error dialog: %q", msg)
	}
	if c, _ := s.Cases(); !c[0].Dispute.Escalated.IsZero() {
		t.Error("a step in the future was saved")
	}
}

func TestSellerMessagesAndAmazonWarning(t *testing.T) {
	c := timelineCase("1001", "2026-11-20")
	c.Marketplace = "amazon"
	c.Buyer = tracker.Address{City: "Recife", Country: "BR"}
	u, _, w := newTestApp(t, c)
	if !shows(u.detail, "card chargeback ends your Amazon A-to-z Guarantee claim") {
		t.Errorf("no warning that a chargeback ends the A-to-z claim: %v", labelsIn(u.detail))
	}
	test.Tap(findButton(u.detail, "Messages to the seller"))
	text := dialogText(w)
	for _, want := range []string{"Hello Bright Store,", "您好，Bright Store：", "Olá, Bright Store:"} {
		if !strings.Contains(text, want) {
			t.Errorf("messages lack %q", want)
		}
	}
	test.Tap(findButton(w.Canvas().Overlays().Top(), "Copy"))
	if got := u.app.Clipboard().Content(); !strings.HasPrefix(got, "Hello Bright Store,") {
		t.Errorf("clipboard: %q", got)
	}
}

type fakeNotifier struct {
	mu   sync.Mutex
	sent []string
}

func (f *fakeNotifier) Notify(title, body string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.sent = append(f.sent, title+": "+body)
}

func (f *fakeNotifier) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.sent)
}

// StartNotifications checks at once and again on each tick, until stopped.
func TestStartNotificationsRunsAtStart(t *testing.T) {
	u, _, _ := newTestApp(t, timelineCase("1002", "2026-11-01"))
	n := &fakeNotifier{}
	stop := u.StartNotifications(n, time.Hour) // no tick within the test: only the check at start
	defer stop()
	for i := 0; i < 200 && n.count() == 0; i++ {
		time.Sleep(10 * time.Millisecond)
	}
	if n.count() != 1 {
		t.Fatalf("at start: %d notifications, want the overdue one", n.count())
	}
	stop()
	stop() // twice is harmless
}

func TestRemindersViewAndNotificationsOnce(t *testing.T) {
	u, s, w := newTestApp(t, timelineCase("1001", "2026-11-20"), timelineCase("1002", "2026-11-01"))
	cs, _ := s.Cases()
	late := cs[1].ID

	n := &fakeNotifier{}
	ns := &notifications{u: u, n: n}
	if err := ns.check(); err != nil {
		t.Fatal(err)
	}
	if len(n.sent) != 1 || !strings.Contains(n.sent[0], "case "+late+": overdue since 2026-11-16") {
		t.Fatalf("first check: %q", n.sent)
	}
	if err := ns.check(); err != nil || len(n.sent) != 1 {
		t.Errorf("each reminder once: %q %v", n.sent, err)
	}
	// The next run of the app remembers too.
	again := &fakeNotifier{}
	(&notifications{u: u, n: again}).check()
	if len(again.sent) != 0 {
		t.Errorf("notified again after a restart: %q", again.sent)
	}

	test.Tap(findButton(w.Content(), "Reminders"))
	text := dialogText(w)
	for _, want := range []string{"Overdue (1)", "Later (3)", "Open the dispute on AliExpress by 2026-11-16"} {
		if !strings.Contains(text, want) {
			t.Errorf("Reminders view lacks %q:\n%s", want, text)
		}
	}
	test.Tap(findButton(w.Canvas().Overlays().Top(), "Case "+late))
	<-u.Loaded()
	if c, _ := u.selected(); c.ID != late {
		t.Errorf("the reminder's case is not opened: %s", c.ID)
	}
}

func TestTheBuyerIsAskedOnceForTheSignature(t *testing.T) {
	u, s, w := newTestApp(t, timelineCase("1001", "2026-11-20"))
	calls := 0
	u.askBuyerOnce(func() { calls++ })
	top := w.Canvas().Overlays().Top()
	if top == nil || calls != 0 {
		t.Fatalf("no question before the first packet (calls %d)", calls)
	}
	var es []*widget.Entry
	walk(top, func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok {
			es = append(es, e)
		}
	})
	if len(es) != 3 {
		t.Fatalf("%d entries", len(es))
	}
	es[0].SetText("Ana Souza")
	es[1].SetText("ana@example.com")
	test.Tap(findButton(top, "Save"))
	var b tracker.Buyer
	s.Setting(tracker.BuyerKey, &b)
	if calls != 1 || b.Name != "Ana Souza" || b.Email != "ana@example.com" {
		t.Fatalf("after Save: calls %d, buyer %+v", calls, b)
	}
	u.askBuyerOnce(func() { calls++ })
	if calls != 2 {
		t.Error("asked twice")
	}
}

// neverCameBox is the Order tab's "the parcel never came" box.
func neverCameBox(t *testing.T, u *App) *widget.Check {
	t.Helper()
	var box *widget.Check
	walk(u.detail, func(o fyne.CanvasObject) {
		if c, ok := o.(*widget.Check); ok && strings.Contains(c.Text, "never came") {
			box = c
		}
	})
	if box == nil {
		t.Fatal("no 'never came' box")
	}
	return box
}

// followUpVia taps a follow-up's button, types its date and reference into the dialog and
// presses Record.
func followUpVia(t *testing.T, u *App, w fyne.Window, button, record, date, ref string) {
	t.Helper()
	top, es := tapForDialog(t, u, w, button)
	if len(es) != 2 || es[0].Text != "2026-11-22" {
		t.Fatalf("the dialog asks for the date (today by default) and a reference: %d entries", len(es))
	}
	es[0].SetText(date)
	es[1].SetText(ref)
	test.Tap(findButton(top, record))
}

// Delivered in the buyer's town, never received: once the box is ticked the Order tab offers
// the carrier, police and neighbour steps; recording one shows it with its reference, drops its
// button and moves the next step; a step that cannot be true is refused by name.
func TestRecordingAFollowUpOfAParcelNotReceived(t *testing.T) {
	c := timelineCase("1001", "2026-11-20")
	c.Shipments[0].Events = append(c.Shipments[0].Events, tracker.Event{Time: time.Date(2026, 11, 18, 13, 5, 0, 0, time.UTC),
		Place: "Kraków 30-001", Description: "Doręczono", Status: tracker.StatusDelivered})
	u, s, w := newTestApp(t, c)
	if findButton(u.detail, "Asked the carrier for proof of delivery…") != nil {
		t.Error("follow-ups offered before the buyer says the parcel never came")
	}
	test.Tap(neverCameBox(t, u))
	<-u.Loaded()
	for _, want := range []string{"Stage: waiting for the parcel · delivered but not received", "Next step: ask the carrier for its proof of delivery (and ask the seller)."} {
		if !shows(u.detail, want) {
			t.Errorf("after ticking the box: the Order tab lacks %q: %v", want, labelsIn(u.detail))
		}
	}
	for _, b := range []string{"Carrier claim filed…", "Police report filed…", "Neighbour's statement obtained…", "Carrier's answer received…"} {
		if findButton(u.detail, b) == nil {
			t.Errorf("no %q button", b)
		}
	}

	followUpVia(t, u, w, "Asked the carrier for proof of delivery…", "Record", "2026-11-21", "Poczta Polska 55/2026")
	<-u.Loaded()
	cs, _ := s.Cases()
	if got := cs[0].Dispute.PODRequested; got.On.String() != "2026-11-21" || got.Ref != "Poczta Polska 55/2026" {
		t.Fatalf("recorded %+v", got)
	}
	for _, want := range []string{"✓ Asked the carrier for proof of delivery 2026-11-21 · Poczta Polska 55/2026",
		"Next step: wait for the carrier's proof of delivery, then file a claim with the carrier if it is not your door (and ask the seller).",
		"Stage: waiting for the parcel · delivered but not received: asked the carrier for proof of delivery 2026-11-21"} {
		if !shows(u.detail, want) {
			t.Errorf("after recording: the Order tab lacks %q: %v", want, labelsIn(u.detail))
		}
	}
	if findButton(u.detail, "Asked the carrier for proof of delivery…") != nil {
		t.Error("a recorded follow-up still offers its button")
	}

	// Before the delivery scan: refused, the step named, nothing saved.
	followUpVia(t, u, w, "Police report filed…", "Record", "2026-11-17", "KP-1")
	if msg := dialogText(w); !strings.Contains(msg, "Police report filed: 2026-11-17 is before the tracking's delivery on 2026-11-18") {
		t.Errorf("error dialog: %q", msg)
	}
	if cs, _ := s.Cases(); !cs[0].Dispute.PoliceReport.IsZero() {
		t.Error("a refused step was saved")
	}
}

// The follow-up buttons and their dialog speak the window's language.
func TestFollowUpsInSpanish(t *testing.T) {
	speak(t, "es")
	c := timelineCase("1001", "2026-11-20")
	c.Dispute.NotReceived = true
	u, s, w := newTestApp(t, c)
	followUpVia(t, u, w, "Reclamación al transportista presentada…", "Registrar", "2026-11-20", "R-9")
	<-u.Loaded()
	if cs, _ := s.Cases(); cs[0].Dispute.CarrierClaim.Ref != "R-9" {
		t.Errorf("claim %+v", cs[0].Dispute.CarrierClaim)
	}
	if !shows(u.detail, "✓ Reclamación al transportista presentada 2026-11-20 · R-9") {
		t.Errorf("the recorded claim in Spanish: %v", labelsIn(u.detail))
	}
}
