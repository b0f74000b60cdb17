package ui

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"proofpack/casework"
	"proofpack/tracker"
)

// ShowReview tells the reviewer where the case in the window came from and what checking its
// files found, each file that changed named with the word "changed", and offers to import the
// case into their own data folder.
func ShowReview(u *App, archive string, chk casework.ArchiveCheck, importCase func() (tracker.Case, error)) {
	var b strings.Builder
	b.WriteString(lang.L("This case comes from {{.File}} and is open read-only.", map[string]any{"File": filepath.Base(archive)}) + "\n\n")
	if chk.OK() {
		b.WriteString(lang.L("All {{.Count}} files match the SHA-256 recorded when the case was exported.", map[string]any{"Count": chk.Files}))
	} else {
		b.WriteString(lang.L("What does not match the record made when the case was exported:") + "\n")
		for _, f := range chk.Findings {
			fmt.Fprintf(&b, "  %s\n", f)
		}
	}
	msg := widget.NewLabel(strings.TrimRight(b.String(), "\n"))
	msg.Wrapping = fyne.TextWrapWord
	if !chk.OK() { // a changed case is shown, never imported as evidence
		d := dialog.NewCustom(lang.L("Review of an exported case"), lang.L("Close"), msg, u.win)
		d.Resize(fyne.NewSize(620, 240))
		d.Show()
		return
	}
	d := dialog.NewCustomConfirm(lang.L("Review of an exported case"), lang.L("Import into my cases"), lang.L("Just review"), msg, func(doImport bool) {
		if !doImport {
			return
		}
		c, err := importCase()
		if err != nil {
			showError(err, u.win)
			return
		}
		dialog.ShowInformation(lang.L("Imported"), lang.L("The case is now case {{.Case}} in your own data folder ({{.Marketplace}} order {{.Order}}).",
			map[string]any{"Case": c.ID, "Marketplace": marketplaceName(c.Marketplace), "Order": c.OrderNumber}), u.win)
	}, u.win)
	d.Resize(fyne.NewSize(620, 260))
	d.Show()
}
