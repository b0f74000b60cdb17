package ui

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"proofpack/casework"
	"proofpack/tracker"
	"proofpack/tracker/deadlines"
)

// stageView is the refund timeline on the case's first tab: the stage, the next deadline, a
// button for each dispute step and the messages to the seller.
type stageView struct {
	v       *caseView
	stage   *widget.Label
	next    *widget.Label
	todo    *widget.Label
	warn    *widget.Label
	steps   *fyne.Container
	buttons map[string]*widget.Button // by step field, for tests
	card    *widget.Card

	notReceived *widget.Check
	follow      *fyne.Container // the follow-ups of a parcel not received, under its box
}

func newStageView(v *caseView) *stageView {
	s := &stageView{v: v, stage: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		next: widget.NewLabel(""), todo: widget.NewLabel(""), warn: widget.NewLabel(""), steps: container.NewGridWrap(fyne.NewSize(225, 36)), notReceived: widget.NewCheck(lang.L("The tracking says delivered, but the parcel never came"), nil),
		follow: container.NewGridWithColumns(2)}
	s.next.Wrapping, s.todo.Wrapping, s.warn.Wrapping = fyne.TextWrapWord, fyne.TextWrapWord, fyne.TextWrapWord
	s.warn.Importance = widget.WarningImportance
	msgs := widget.NewButtonWithIcon(lang.L("Messages to the seller"), theme.MailComposeIcon(), func() { v.app.showSellerMessages(v.c) })
	s.card = widget.NewCard(lang.L("Refund timeline"), "", container.NewVBox(s.stage, s.next, s.todo, s.warn, s.steps, s.notReceived, s.follow, msgs))
	s.update(v.c)
	v.onUpdate(s.update)
	return s
}

// update shows the case's stage and next deadline as of today, and a button for each step not
// yet recorded (the recorded ones show their date).
func (s *stageView) update(c tracker.Case) {
	tl := casework.TimelineOf(c, tracker.DateOf(s.v.app.svc.Now()))
	s.stage.SetText(lang.L("Stage: {{.Stage}}", map[string]any{"Stage": sayKnown(tl.StageWords)}))
	s.next.SetText(lang.L("Nothing due."))
	if n := tl.Next; n != nil {
		when := lang.L("Next deadline {{.Date}}", map[string]any{"Date": n.Due.String()})
		if n.Due.Before(tracker.DateOf(s.v.app.svc.Now())) {
			when = lang.L("Overdue since {{.Date}}", map[string]any{"Date": n.Due.String()})
		}
		s.next.SetText(when + ": " + sayWords(n.Said, n.Message))
	}
	s.todo.SetText("")
	if step := tl.NextStep; step != "" {
		s.todo.SetText(lang.L("Next step: {{.Step}}", map[string]any{"Step": sayWords(tl.NextSaid, step)}) + ".")
	}
	s.warn.SetText(strings.Join(tl.Conflicts, " "))
	s.warn.Hidden = len(tl.Conflicts) == 0
	s.buttons = map[string]*widget.Button{}
	var objs []fyne.CanvasObject
	d := c.Dispute
	for _, st := range deadlines.Steps(&d) {
		if !st.Date.IsZero() {
			objs = append(objs, widget.NewLabel("✓ "+sayKnown(st.Label)+" "+st.Date.String()))
			continue
		}
		b := widget.NewButton(sayKnown(st.Label)+"…", s.ask(st.Field, sayKnown(st.Label)))
		s.buttons[st.Field] = b
		objs = append(objs, b)
	}
	promised := widget.NewButton(lang.L("Seller promised a date")+"…", s.ask("seller_promised", lang.L("The seller promised to ship or refund by")))
	s.buttons["seller_promised"] = promised
	objs = append(objs, promised)
	s.follow.Objects = s.followUps(c)
	s.follow.Hidden = len(s.follow.Objects) == 0
	s.follow.Refresh()
	s.notReceived.OnChanged = nil // setting the box from the case is not the buyer's change
	s.notReceived.SetChecked(d.NotReceived)
	s.notReceived.OnChanged = func(on bool) {
		if _, err := s.v.app.svc.SetNotReceived(c.ID, on); err != nil {
			showError(err, s.v.app.win)
		}
		s.v.changed()
	}
	s.steps.Objects = objs
	s.steps.Refresh()
}

// followUps are the steps of a parcel delivered but not received, once the buyer says so: a
// button for each step not yet taken, the date and reference of each one taken.
func (s *stageView) followUps(c tracker.Case) []fyne.CanvasObject {
	d := c.Dispute
	var objs []fyne.CanvasObject
	for _, f := range deadlines.FollowUps(&d) {
		switch {
		case !f.Proof.IsZero():
			text := "✓ " + sayKnown(f.Label) + " " + f.Proof.On.String()
			if f.Proof.Ref != "" {
				text += " · " + f.Proof.Ref
			}
			done := widget.NewLabel(text)
			done.Truncation = fyne.TextTruncateEllipsis
			objs = append(objs, done)
		case d.NotReceived:
			b := widget.NewButton(sayKnown(f.Label)+"…", s.askFollowUp(f.Field, sayKnown(f.Label), sayKnown(f.RefLabel)))
			s.buttons[f.Field] = b
			objs = append(objs, b)
		}
	}
	return objs
}

// askFollowUp returns the button action that asks for a follow-up's date (today by default)
// and its reference, and records them.
func (s *stageView) askFollowUp(field, label, refLabel string) func() {
	return func() {
		u := s.v.app
		date := widget.NewEntry()
		date.SetText(tracker.DateOf(u.svc.Now()).String())
		date.Validator = func(t string) error { _, err := tracker.ParseDate(t); return err }
		ref := widget.NewEntry()
		ref.SetPlaceHolder(lang.L("Optional: the number or a short note"))
		items := []*widget.FormItem{widget.NewFormItem(lang.L("Date"), date), widget.NewFormItem(refLabel, ref)}
		dialog.ShowForm(label, lang.L("Record"), lang.L("Cancel"), items, func(ok bool) {
			if !ok {
				return
			}
			day, err := tracker.ParseDate(date.Text)
			if err == nil {
				_, err = u.svc.RecordFollowUp(s.v.c.ID, field, tracker.Proof{On: day, Ref: ref.Text})
			}
			s.done(label, err)
		}, u.win)
	}
}

// ask returns the button action that asks for a step's date (today by default) and records it.
func (s *stageView) ask(field, label string) func() {
	return func() {
		u := s.v.app
		e := widget.NewEntry()
		e.SetText(tracker.DateOf(u.svc.Now()).String())
		e.Validator = func(t string) error { _, err := tracker.ParseDate(t); return err }
		dialog.ShowForm(label, lang.L("Record"), lang.L("Cancel"), []*widget.FormItem{widget.NewFormItem(lang.L("Date"), e)}, func(ok bool) {
			if ok {
				s.record(field, label, e.Text)
			}
		}, u.win)
	}
}

// record saves a step dated text, or says plainly why it cannot be true.
func (s *stageView) record(field, label, text string) {
	u := s.v.app
	day, err := tracker.ParseDate(text)
	if err == nil {
		_, err = u.svc.RecordStep(s.v.c.ID, field, day)
	}
	s.done(label, err)
}

// done shows the case as recorded, or says plainly which step cannot be true and why.
func (s *stageView) done(label string, err error) {
	if err != nil {
		var te *tracker.Error
		if errors.As(err, &te) {
			err = fmt.Errorf("%s: %s", label, sayKnown(te.Msg))
		}
		dialog.ShowError(err, s.v.app.win)
		return
	}
	s.v.changed()
}

// showSellerMessages shows the ready texts for the case, each with a Copy button.
func (u *App) showSellerMessages(c tracker.Case) {
	ms, err := u.svc.SellerMessages(c.ID, deadlines.LanguageOf(c.Buyer.Country))
	if err != nil {
		showError(err, u.win)
		return
	}
	titles := map[string]string{deadlines.AskShipDate: lang.L("Ask for the real ship date"), deadlines.AskTracking: lang.L("Ask for a tracking number that works"),
		deadlines.AskRefund: lang.L("Ask for the refund")}
	tabs := container.NewAppTabs()
	for _, kind := range deadlines.MessageKinds {
		box := container.NewVBox()
		for _, m := range ms {
			if m.Kind != kind {
				continue
			}
			text := widget.NewLabel(m.Text)
			text.Wrapping = fyne.TextWrapWord
			text.Selectable = true
			copyText := m.Text
			box.Add(container.NewBorder(nil, nil, widget.NewLabelWithStyle(m.Lang, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
				widget.NewButtonWithIcon(lang.L("Copy"), theme.ContentCopyIcon(), func() { u.app.Clipboard().SetContent(copyText) }), text))
		}
		tabs.Append(container.NewTabItem(titles[kind], container.NewVScroll(box)))
	}
	note := widget.NewLabel(lang.L("Send one in the marketplace's chat, then record it: \"{{.Asked}}\", and the date the seller promises, which becomes a reminder.",
		map[string]any{"Asked": lang.L("Asked the seller")}))
	note.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(lang.L("Messages to the seller"), lang.L("Close"), container.NewBorder(note, nil, nil, nil, tabs), u.win)
	d.Resize(fyne.NewSize(760, 520))
	d.Show()
}
