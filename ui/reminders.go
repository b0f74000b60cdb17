package ui

import (
	"fmt"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"proofpack/tracker"
	"proofpack/tracker/deadlines"
)

// showReminders opens the Reminders view: what is due across the open cases, overdue first,
// then this week, then later; each row opens its case.
func (u *App) showReminders() {
	rs, err := u.svc.Reminders()
	if err != nil {
		showError(err, u.win)
		return
	}
	var d *dialog.CustomDialog
	d = dialog.NewCustom(lang.L("Reminders"), lang.L("Close"), container.NewVScroll(u.remindersList(rs, func(id string) {
		d.Hide()
		u.reload(id)
	})), u.win)
	d.Resize(fyne.NewSize(820, 560))
	d.Show()
}

// remindersList groups reminders under Overdue, This week and Later.
func (u *App) remindersList(rs []deadlines.Reminder, open func(caseID string)) *fyne.Container {
	today := tracker.DateOf(u.svc.Now())
	box := container.NewVBox()
	if len(rs) == 0 {
		box.Add(widget.NewLabel(lang.L("Nothing due: no open case has a deadline.")))
		return box
	}
	for _, g := range []struct{ bucket, title string }{
		{deadlines.Overdue, "Overdue"}, {deadlines.ThisWeek, "This week"}, {deadlines.Later, "Later"},
	} {
		var rows []fyne.CanvasObject
		for _, r := range rs {
			if deadlines.Bucket(r, today) != g.bucket {
				continue
			}
			msg := widget.NewLabel(sayWords(r.Said, r.Message))
			msg.Wrapping = fyne.TextWrapWord
			id := r.CaseID
			rows = append(rows, container.NewBorder(nil, nil,
				widget.NewLabelWithStyle(r.Due.String(), fyne.TextAlignLeading, fyne.TextStyle{Monospace: true}),
				widget.NewButton(lang.L("Case {{.Case}}", map[string]any{"Case": id}), func() { open(id) }), msg))
		}
		if len(rows) == 0 {
			continue
		}
		h := widget.NewLabelWithStyle(fmt.Sprintf("%s (%d)", lang.L(g.title), len(rows)), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		if g.bucket == deadlines.Overdue {
			h.Importance = widget.DangerImportance
		}
		box.Add(h)
		box.Add(container.NewVBox(rows...))
	}
	return box
}

// remindersButton opens the Reminders view from the main window.
func (u *App) remindersButton() *widget.Button {
	return widget.NewButtonWithIcon(lang.L("Reminders"), theme.HistoryIcon(), u.showReminders)
}

// Notifier shows a desktop notification; FyneNotifier is the real one, tests pass their own.
type Notifier interface {
	Notify(title, body string)
}

// FyneNotifier sends notifications through Fyne's App.SendNotification.
func FyneNotifier(a fyne.App) Notifier { return fyneNotifier{a} }

type fyneNotifier struct{ a fyne.App }

func (n fyneNotifier) Notify(title, body string) {
	fyne.Do(func() { n.a.SendNotification(fyne.NewNotification(title, body)) })
}

// notifiedKey is the setting that remembers which reminders were notified, so each one speaks
// once, across runs too.
const notifiedKey = "notified_reminders"

// notifications sends each reminder due within a week (or overdue) once.
type notifications struct {
	mu sync.Mutex
	u  *App
	n  Notifier
}

func reminderKey(r deadlines.Reminder) string {
	return r.CaseID + "|" + r.Kind + "|" + r.Route + "|" + r.Due.String()
}

// check notifies the reminders not yet notified that are due this week or overdue.
func (ns *notifications) check() error {
	ns.mu.Lock()
	defer ns.mu.Unlock()
	rs, err := ns.u.svc.Reminders()
	if err != nil {
		return err
	}
	st := ns.u.svc.Store
	var sent []string
	if _, err := st.Setting(notifiedKey, &sent); err != nil {
		return err
	}
	done := map[string]bool{}
	for _, k := range sent {
		done[k] = true
	}
	today := tracker.DateOf(ns.u.svc.Now())
	changed := false
	for _, r := range rs {
		if deadlines.Bucket(r, today) == deadlines.Later || done[reminderKey(r)] {
			continue
		}
		data := map[string]any{"Case": r.CaseID, "Date": r.Due.String()}
		title := lang.L("ProofPack, case {{.Case}}: due {{.Date}}", data)
		if r.Due.Before(today) {
			title = lang.L("ProofPack, case {{.Case}}: overdue since {{.Date}}", data)
		}
		ns.n.Notify(title, sayWords(r.Said, r.Message))
		done[reminderKey(r)] = true
		sent = append(sent, reminderKey(r))
		changed = true
	}
	if !changed {
		return nil
	}
	return st.SetSetting(notifiedKey, sent)
}

// StartNotifications checks the reminders now and then every interval while the app runs, and
// returns the function that stops it. Errors are not shown: the Reminders view says the same.
func (u *App) StartNotifications(n Notifier, every time.Duration) (stop func()) {
	ns := &notifications{u: u, n: n}
	quit := make(chan struct{})
	go func() {
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			ns.check()
			select {
			case <-quit:
				return
			case <-t.C:
			}
		}
	}()
	var once sync.Once
	return func() { once.Do(func() { close(quit) }) }
}
