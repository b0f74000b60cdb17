package ui

import (
	"context"
	"errors"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// chooseBackup asks where to write a backup of the data folder and writes it while the window
// keeps working.
func (u *App) chooseBackup() {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		w.Close() // Backup writes the file itself, atomically
		u.backup(w.URI().Path())
	}, u.win)
	d.SetFileName("proofpack-backup-" + u.svc.Now().Format("2006-01-02") + ".zip")
	d.Show()
}

// backup writes the backup off the UI goroutine with a progress bar and Cancel.
func (u *App) backup(out string) <-chan struct{} {
	t := newTask()
	t.bar.Hide()
	busy := widget.NewProgressBarInfinite()
	msg := widget.NewLabel(lang.L("Backing up to {{.File}}…", map[string]any{"File": out}))
	d := dialog.NewCustomWithoutButtons(lang.L("Back up"), container.NewVBox(msg, busy, t.box), u.win)
	d.Show()
	start := time.Now()
	return t.start(func(ctx context.Context, _ func(int, int)) error {
		res, err := u.svc.Backup(ctx, out)
		if err == nil {
			msg.Text = lang.L("Backed up {{.Cases}} cases and {{.Files}} exhibit files to {{.File}} in {{.Time}}.",
				map[string]any{"Cases": res.Cases, "Files": res.Exhibits, "File": out, "Time": time.Since(start).Round(time.Second / 10)})
		}
		return err
	}, func(err error) {
		d.Hide()
		switch {
		case errors.Is(err, context.Canceled):
			dialog.ShowInformation(lang.L("Back up"), lang.L("Cancelled: no backup was written."), u.win)
		case err != nil:
			showError(err, u.win)
		default:
			dialog.ShowInformation(lang.L("Back up"), msg.Text, u.win)
		}
	})
}
