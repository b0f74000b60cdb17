package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"proofpack/tracker/place"
)

// fileMenu is the window's menu: importing order lists, backing up the data folder, and About.
func (u *App) fileMenu() *fyne.MainMenu {
	return fyne.NewMainMenu(
		fyne.NewMenu(lang.L("File"),
			fyne.NewMenuItem(lang.L("Import orders…"), u.chooseOrderList),
			fyne.NewMenuItem(lang.L("Back up…"), u.chooseBackup),
		),
		fyne.NewMenu(lang.L("Help"), fyne.NewMenuItem(lang.L("About ProofPack"), u.showAbout)),
	)
}

// credits are the data and libraries whose licences ask to be named where the buyer sees them.
var credits = []string{
	place.Credit,
	"Fonts: DejaVu Sans (free licence) and Droid Sans Fallback (Apache License 2.0).",
	"Public holidays: rickar/cal (BSD 3-Clause). Calendar files: arran4/golang-ical (Apache License 2.0).",
	"Window: Fyne (BSD 3-Clause). Store: bbolt (MIT). Captures: chromedp (MIT). PDF: gofpdf (MIT).",
}

// aboutText is what About says: the version, what ProofPack does, and the credits.
func (u *App) aboutText() string {
	version := u.app.Metadata().Version
	if version == "" {
		version = lang.L("development build")
	}
	return "ProofPack " + version + "\n\n" +
		lang.L("Evidence and dispute packets for parcels that never came. Your cases stay on this computer.") + "\n\n" +
		strings.Join(credits, "\n")
}

func (u *App) showAbout() {
	msg := widget.NewLabel(u.aboutText())
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(lang.L("About ProofPack"), lang.L("Close"), msg, u.win)
	d.Resize(fyne.NewSize(560, 320))
	d.Show()
}
