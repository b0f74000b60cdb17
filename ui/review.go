package ui

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"proofpack/casework"
	"proofpack/tracker"
)

// ShowReview tells the reviewer where the case in the window came from and what checking its
// files found, each file that changed named with the word "changed", and offers to import the
// case into their own data folder.
func ShowReview(u *App, archive string, chk casework.ArchiveCheck, importCase func() (tracker.Case, error)) {
	var b strings.Builder
	fmt.Fprintf(&b, "This case comes from %s and is open read-only.\n\n", filepath.Base(archive))
	if chk.OK() {
		fmt.Fprintf(&b, "All %d files match the SHA-256 recorded when the case was exported.", chk.Files)
	} else {
		b.WriteString("What does not match the record made when the case was exported:\n")
		for _, f := range chk.Findings {
			fmt.Fprintf(&b, "  %s\n", f)
		}
	}
	msg := widget.NewLabel(strings.TrimRight(b.String(), "\n"))
	msg.Wrapping = fyne.TextWrapWord
	if !chk.OK() { // a changed case is shown, never imported as evidence
		d := dialog.NewCustom("Review of an exported case", "Close", msg, u.win)
		d.Resize(fyne.NewSize(620, 240))
		d.Show()
		return
	}
	d := dialog.NewCustomConfirm("Review of an exported case", "Import into my cases", "Just review", msg, func(doImport bool) {
		if !doImport {
			return
		}
		c, err := importCase()
		if err != nil {
			dialog.ShowError(err, u.win)
			return
		}
		dialog.ShowInformation("Imported", fmt.Sprintf("The case is now case %s in your own data folder (%s order %s).", c.ID, c.Marketplace, c.OrderNumber), u.win)
	}, u.win)
	d.Resize(fyne.NewSize(620, 260))
	d.Show()
}
