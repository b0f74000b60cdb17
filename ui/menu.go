package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"proofpack/tracker/place"
)

// fileMenu is the window's menu: importing order lists, backing up the data folder, and About.
func (u *App) fileMenu() *fyne.MainMenu {
	return fyne.NewMainMenu(
		fyne.NewMenu("File",
			fyne.NewMenuItem("Import orders…", u.chooseOrderList),
			fyne.NewMenuItem("Back up…", u.chooseBackup),
		),
		fyne.NewMenu("Help", fyne.NewMenuItem("About ProofPack", u.showAbout)),
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
		version = "development build"
	}
	return fmt.Sprintf("ProofPack %s\n\nEvidence and dispute packets for parcels that never came. Your cases stay on this computer.\n\n%s",
		version, strings.Join(credits, "\n"))
}

func (u *App) showAbout() {
	msg := widget.NewLabel(u.aboutText())
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom("About ProofPack", "Close", msg, u.win)
	d.Resize(fyne.NewSize(560, 320))
	d.Show()
}
