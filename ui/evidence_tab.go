package ui

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"proofpack/casework"
	"proofpack/evidence"
	"proofpack/tracker"
)

// evidenceView is the Evidence tab: capture the tracking pages (headless, or assisted in a
// visible browser), add the buyer's own files, verify every hash, and a gallery of exhibits.
type evidenceView struct {
	v        *caseView
	task     *task
	capture  *widget.Button
	assisted *widget.Button
	address  *widget.Entry // any web address to capture instead of the tracking pages
	status   *widget.Label
	gallery  *fyne.Container
	problems map[string]string // exhibit path -> what Verify found wrong with it
	done     <-chan struct{}   // closes when the capture under way ends
	// addDialog is the paths box of the add-files dialog opened last, for tests to fill.
	addDialog *widget.Entry
	// changeText is the text box of the describe or remove dialog opened last, and changeDone
	// closes when the change it asked for is saved and shown: for tests.
	changeText *widget.Entry
	changeDone <-chan struct{}
}

func evidenceTab(v *caseView) fyne.CanvasObject {
	ev := &evidenceView{v: v, task: newTask(), status: widget.NewLabel(""), gallery: container.NewVBox()}
	v.evidence = ev
	ev.status.Wrapping = fyne.TextWrapWord
	ev.address = widget.NewEntry()
	ev.address.SetPlaceHolder(lang.L("Paste any web address to capture it (empty: the tracking pages)"))
	ev.address.Validator = addressValidator
	ev.capture = widget.NewButtonWithIcon(lang.L("Capture"), theme.MediaPhotoIcon(), func() { ev.startCapture(false) })
	ev.capture.Importance = widget.HighImportance
	ev.assisted = widget.NewButtonWithIcon(lang.L("Capture in a browser window…"), theme.ComputerIcon(), func() { ev.startCapture(true) })
	add := widget.NewButtonWithIcon(lang.L("Add your own files…"), theme.ContentAddIcon(), ev.chooseFiles)
	verify := widget.NewButtonWithIcon(lang.L("Verify hashes"), theme.ConfirmIcon(), func() { ev.verify() })
	hint := widget.NewLabel(lang.L("Drop screenshots of seller chats, photos or receipts anywhere on the window to add them to this case."))
	hint.Wrapping = fyne.TextWrapWord
	ev.fill()
	v.onUpdate(func(tracker.Case) { ev.fill() })
	top := container.NewVBox(container.NewBorder(nil, nil, nil, container.NewHBox(ev.capture, ev.assisted), ev.address),
		container.NewHBox(add, verify), ev.task.box, ev.status, hint, widget.NewSeparator())
	return container.NewBorder(top, nil, nil, nil, container.NewVScroll(ev.gallery))
}

// fill shows every exhibit number as one card: the screenshot's thumbnail, where and when it
// was captured, and each file with its SHA-256 and what Verify last found. Removed exhibits
// follow in their own section, greyed, with when and why: withdrawn, never hidden.
func (ev *evidenceView) fill() {
	svc := ev.v.app.svc
	ex, err := svc.Exhibits(ev.v.c.ID)
	if err != nil {
		ev.gallery.Objects = []fyne.CanvasObject{widget.NewLabel(lang.L("Could not read the exhibits: {{.Error}}", map[string]any{"Error": errorText(err)}))}
		ev.gallery.Refresh()
		return
	}
	ev.gallery.Objects = nil
	if len(ex) == 0 {
		ev.gallery.Objects = append(ev.gallery.Objects, widget.NewLabel(lang.L("No exhibits yet. Capture the tracking pages, or add your own files.")))
	}
	log, _ := svc.ExhibitHistory(ev.v.c.ID)
	var removed [][]tracker.Exhibit
	for _, group := range byNumber(ex) {
		if group[0].Removed {
			removed = append(removed, group)
			continue
		}
		ev.gallery.Objects = append(ev.gallery.Objects, ev.card(group, nil), widget.NewSeparator())
	}
	if len(removed) > 0 {
		head := widget.NewLabelWithStyle(lang.L("Removed: kept, hashed and checked, but left out of the packet"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		ev.gallery.Objects = append(ev.gallery.Objects, head)
		for _, group := range removed {
			ev.gallery.Objects = append(ev.gallery.Objects, ev.card(group, log), widget.NewSeparator())
		}
	}
	ev.gallery.Refresh()
}

func byNumber(ex []tracker.Exhibit) [][]tracker.Exhibit {
	var out [][]tracker.Exhibit
	for _, e := range ex {
		if n := len(out); n > 0 && out[n-1][0].No == e.No {
			out[n-1] = append(out[n-1], e)
			continue
		}
		out = append(out, []tracker.Exhibit{e})
	}
	return out
}

// card is one exhibit number; a removed one (log holds its removal) is greyed and says when
// and why it was removed, and can only be opened.
func (ev *evidenceView) card(group []tracker.Exhibit, log []tracker.ExhibitChange) fyne.CanvasObject {
	first := group[0]
	title := lang.L("Exhibit {{.No}}", map[string]any{"No": first.No})
	switch {
	case first.Description != "":
		title += ": " + first.Description
	case first.Title != "":
		title += ": " + first.Title
	case first.Source != "":
		title += ": " + first.Source
	case first.Kind == evidence.KindHistory:
		title += ": " + lang.L("tracking history you pasted")
	}
	lines := []fyne.CanvasObject{widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	if u := cmp.Or(first.FinalURL, first.URL); u != "" {
		l := widget.NewLabel(u)
		l.Truncation = fyne.TextTruncateEllipsis
		lines = append(lines, l)
	}
	when := lang.L("Captured {{.Time}}", map[string]any{"Time": first.CapturedAt.UTC().Format("2006-01-02 15:04:05 UTC")})
	if first.HTTPStatus >= 400 {
		when += " · " + lang.L("the page answered HTTP {{.Code}}", map[string]any{"Code": first.HTTPStatus})
	}
	lines = append(lines, widget.NewLabel(when))
	replaced := first.Description != "" && (first.Kind == evidence.KindFile || first.Kind == evidence.KindHistory)
	if first.Note != "" && !replaced { // a file's note is the description it was added with
		n := widget.NewLabel(first.Note)
		n.Wrapping = fyne.TextWrapWord
		lines = append(lines, n)
	}
	if first.Removed {
		lines = append(lines, widget.NewLabel(removalText(first.No, log)))
	}
	thumb := ev.thumbnail(group)
	for _, e := range group {
		l := widget.NewLabel(fmt.Sprintf("%s  %.0f KB  SHA-256 %s", filepath.Base(e.Path), float64(e.Size)/1000, e.SHA256))
		l.Truncation = fyne.TextTruncateEllipsis
		if p, bad := ev.problems[e.Path]; bad {
			l.SetText(fmt.Sprintf("%s: %s", filepath.Base(e.Path), strings.ToUpper(p)))
			l.Importance = widget.DangerImportance
		} else if ev.problems != nil {
			l.Importance = widget.SuccessImportance
		}
		lines = append(lines, l)
	}
	open := widget.NewButton(lang.L("Open"), func() { ev.open(group[0]) })
	buttons := container.NewHBox(open)
	if first.Removed {
		for _, o := range lines {
			if l, ok := o.(*widget.Label); ok && l.Importance != widget.DangerImportance {
				l.Importance = widget.LowImportance // greyed: withdrawn, still there
			}
		}
	} else {
		buttons.Add(widget.NewButton(lang.L("Describe…"), func() { ev.describe(first) }))
		buttons.Add(widget.NewButton(lang.L("Remove…"), func() { ev.remove(first) }))
	}
	return container.NewBorder(nil, nil, thumb, nil, container.NewVBox(append(lines, buttons)...))
}

// removalText says when exhibit no was removed and why, from the case's exhibit history.
func removalText(no int, log []tracker.ExhibitChange) string {
	for i := len(log) - 1; i >= 0; i-- {
		c := log[i]
		if c.Exhibit != no || c.Action != tracker.ExhibitRemoved {
			continue
		}
		when := c.At.Local().Format("2006-01-02 15:04")
		if c.Reason == "" {
			return lang.L("Removed {{.When}}", map[string]any{"When": when})
		}
		return lang.L("Removed {{.When}}: {{.Reason}}", map[string]any{"When": when, "Reason": c.Reason})
	}
	return lang.L("Removed")
}

// describe asks for the exhibit's description, prefilled with the current one; Save is enabled
// only for words the packet can print (see evidence.CheckDescription).
func (ev *evidenceView) describe(e tracker.Exhibit) {
	text := widget.NewEntry()
	text.SetText(e.Described())
	text.SetPlaceHolder(lang.L("What it shows, e.g. Chat where the seller promises a refund"))
	text.Validator = func(s string) error { return fieldProblem(evidence.CheckDescription(s)) }
	hint := widget.NewLabel(lang.L("The packet uses it as the exhibit's title; the old words stay in the case's history."))
	hint.Wrapping = fyne.TextWrapWord
	items := []*widget.FormItem{widget.NewFormItem(lang.L("What it shows"), text), widget.NewFormItem("", hint)}
	title := lang.L("Describe exhibit {{.No}}", map[string]any{"No": e.No})
	ev.askChange(title, lang.L("Save"), items, text, 260, func() error {
		_, err := ev.v.app.svc.DescribeExhibit(ev.v.c.ID, e.No, text.Text, casework.ByWindow)
		return err
	})
}

// remove asks the buyer to confirm that exhibit e is withdrawn, with an optional reason, and
// says what that means: left out of the packet, its files kept.
func (ev *evidenceView) remove(e tracker.Exhibit) {
	reason := widget.NewEntry()
	reason.SetPlaceHolder(lang.L("Optional, e.g. the receipt of another order"))
	reason.Validator = func(s string) error { return fieldProblem(evidence.CheckReason(s)) }
	msg := widget.NewLabel(lang.L("The packet will leave exhibit {{.No}} out. Its files stay in the case folder, hashed and checked by Verify, and the removal is kept in the case's history. The reason is printed in the packet's evidence index.", map[string]any{"No": e.No}))
	msg.Wrapping = fyne.TextWrapWord
	items := []*widget.FormItem{widget.NewFormItem("", msg), widget.NewFormItem(lang.L("Reason"), reason)}
	title := lang.L("Remove exhibit {{.No}}?", map[string]any{"No": e.No})
	ev.askChange(title, lang.L("Remove"), items, reason, 300, func() error {
		_, err := ev.v.app.svc.RemoveExhibit(ev.v.c.ID, e.No, reason.Text, casework.ByWindow)
		return err
	})
}

// askChange shows the form of a change to an exhibit, its text box focused, and saves the
// change if the buyer confirms.
func (ev *evidenceView) askChange(title, confirm string, items []*widget.FormItem, text *widget.Entry, height float32, save func() error) {
	d := dialog.NewForm(title, confirm, lang.L("Cancel"), items, func(ok bool) {
		if ok {
			ev.changeExhibit(save)
		}
	}, ev.v.app.win)
	d.Resize(fyne.NewSize(min(640, ev.v.app.win.Canvas().Size().Width-40), height))
	d.Show()
	ev.v.app.win.Canvas().Focus(text)
	ev.changeText = text
}

// changeExhibit saves a change off the UI goroutine, then shows the case again, or the problem.
func (ev *evidenceView) changeExhibit(save func() error) {
	done := make(chan struct{})
	ev.changeDone = done
	go func() {
		err := save()
		fyne.Do(func() {
			defer close(done)
			if err != nil {
				dialog.ShowError(errors.New(fieldProblem(err).Error()), ev.v.app.win)
				return
			}
			ev.v.changed()
		})
	}()
}

// fieldProblem words a change's error in the window's language: its field's label, then the
// message; nil stays nil.
func fieldProblem(err error) error {
	var te *tracker.Error
	if err == nil || !errors.As(err, &te) || te.Field == "" {
		return err
	}
	label := map[string]string{"description": "What it shows", "reason": "Reason", "exhibit": "Exhibit"}[te.Field]
	if label == "" {
		return err
	}
	return fmt.Errorf("%s: %s", lang.L(label), sayKnown(te.Msg))
}

// open shows an exhibit's first file (the screenshot, the buyer's file) in the system's viewer.
func (ev *evidenceView) open(e tracker.Exhibit) {
	u := exhibitURL(ev.v.app.svc.Dir, e)
	if err := ev.v.app.app.OpenURL(u); err != nil {
		dialog.ShowError(errors.New(lang.L("Cannot open {{.File}}: {{.Error}}", map[string]any{"File": u.Path, "Error": err})), ev.v.app.win)
	}
}

// exhibitURL is the file URL of an exhibit's file in the data folder.
func exhibitURL(dir string, e tracker.Exhibit) *url.URL {
	return &url.URL{Scheme: "file", Path: filepath.Join(dir, filepath.FromSlash(e.Path))}
}

// thumbnail is the exhibit's first picture scaled into a fixed box, or an empty box.
func (ev *evidenceView) thumbnail(group []tracker.Exhibit) fyne.CanvasObject {
	box := fyne.NewSize(120, 160)
	for _, e := range group {
		if strings.HasPrefix(e.MediaType, "image/") {
			img := canvas.NewImageFromFile(filepath.Join(ev.v.app.svc.Dir, filepath.FromSlash(e.Path)))
			img.FillMode = canvas.ImageFillContain
			img.ScaleMode = canvas.ImageScaleFastest
			img.SetMinSize(box)
			return img
		}
	}
	r := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	r.SetMinSize(box)
	return r
}

// startCapture captures the case's tracking pages off the UI goroutine. Assisted capture opens
// a visible browser and asks before each page, so the buyer can get past a captcha first.
func (ev *evidenceView) startCapture(assisted bool) {
	svc := ev.v.app.svc
	if svc.Capturer == nil {
		dialog.ShowError(errors.New(lang.L("Capturing is not available in this window.")), ev.v.app.win)
		return
	}
	id := ev.v.c.ID
	urls := strings.Fields(ev.address.Text)
	if err := addressValidator(ev.address.Text); err != nil {
		ev.status.SetText(err.Error())
		return
	}
	opt := evidence.CaptureOptions{}
	if assisted {
		opt.Confirm = ev.confirm
	}
	ev.capture.Disable()
	ev.assisted.Disable()
	ev.status.SetText(lang.L("Starting the browser…"))
	var got evidence.Captured
	var fresh int
	ev.done = ev.task.start(func(ctx context.Context, progress func(done, total int)) error {
		var err error
		got, fresh, err = svc.Capture(ctx, id, urls, opt, func(p evidence.Progress) {
			progress(p.Done, p.Total)
			fyne.Do(func() {
				ev.status.SetText(lang.L("Capturing {{.Address}} ({{.Done}} of {{.Total}} done)", map[string]any{"Address": p.URL, "Done": p.Done, "Total": p.Total}))
			})
		})
		return err
	}, func(err error) {
		ev.capture.Enable()
		ev.assisted.Enable()
		ev.status.SetText(captureSummary(got, fresh, err))
		if len(got.Exhibits) > 0 {
			ev.address.SetText("")
			ev.v.changed()
		}
	})
}

// addressValidator accepts nothing (the tracking pages) or web addresses, one or several.
func addressValidator(s string) error {
	for _, f := range strings.Fields(s) {
		if !strings.HasPrefix(f, "http://") && !strings.HasPrefix(f, "https://") {
			return errors.New(lang.L("{{.Address}} is not a web address: it must start with https://", map[string]any{"Address": strconv.Quote(f)}))
		}
	}
	return nil
}

// offlineCodes are Chromium's words for a computer that cannot reach the internet.
var offlineCodes = []string{"ERR_INTERNET_DISCONNECTED", "ERR_NAME_NOT_RESOLVED", "ERR_NETWORK_CHANGED", "ERR_ADDRESS_UNREACHABLE", "ERR_PROXY_CONNECTION_FAILED"}

func offline(err error) bool {
	for _, c := range offlineCodes {
		if err != nil && strings.Contains(err.Error(), c) {
			return true
		}
	}
	return false
}

// captureSummary says in plain words what a capture did: the pages kept, and each address that
// failed once, with why; when no page could load because the computer is offline, it says so.
func captureSummary(got evidence.Captured, fresh int, err error) string {
	failed := got.Failed()
	var b strings.Builder
	switch {
	case errors.Is(err, context.Canceled):
		b.WriteString(lang.L("Cancelled.") + " ")
	case err != nil && len(failed) == 0:
		b.WriteString(errorText(err) + " ")
	}
	nos := map[int]bool{}
	for _, e := range got.Exhibits {
		nos[e.No] = true
	}
	if len(nos) > 0 {
		b.WriteString(lang.L("Captured {{.Pages}} pages as exhibits; {{.Events}} new tracking events read from them.", map[string]any{"Pages": len(nos), "Events": fresh}))
	}
	allOffline := len(failed) > 0
	for _, r := range failed {
		allOffline = allOffline && offline(r.Err)
	}
	seen := map[string]bool{}
	if allOffline {
		b.WriteString("\n" + lang.L("No internet connection: the pages were not captured."))
	}
	for _, r := range failed {
		if seen[r.Page.URL] {
			continue
		}
		seen[r.Page.URL] = true
		if allOffline {
			fmt.Fprintf(&b, "\n  %s", r.Page.URL)
		} else {
			b.WriteString("\n" + lang.L("Not captured: {{.Address}}: {{.Error}}", map[string]any{"Address": r.Page.URL, "Error": r.Err}))
		}
	}
	return strings.TrimSpace(b.String())
}

// confirm runs on the capturing goroutine for each page of an assisted capture: it asks the
// buyer, in the window, to capture the page in the browser now or skip it.
func (ev *evidenceView) confirm(ctx context.Context, p evidence.Page) error {
	answer := make(chan error, 1)
	fyne.Do(func() { ev.ask(p, answer) })
	select {
	case <-ctx.Done():
		return ctx.Err()
	case err := <-answer:
		return err
	}
}

// ask shows the "Capture this page?" dialog; the buyer's choice goes to answer (nil: capture).
func (ev *evidenceView) ask(p evidence.Page, answer chan<- error) {
	ev.v.app.win.RequestFocus() // above the browser window the page opened in
	msg := lang.L("Exhibit {{.No}}: {{.Address}} is open in the browser window.\nSolve any captcha or cookie wall there, then capture it.", map[string]any{"No": p.No, "Address": p.URL})
	dialog.NewCustomConfirm(lang.L("Capture this page?"), lang.L("Capture now"), lang.L("Skip"), widget.NewLabel(msg), func(ok bool) {
		if ok {
			answer <- nil
		} else {
			answer <- errors.New("skipped")
		}
	}, ev.v.app.win).Show()
}

// fileKinds are what the file chooser shows: pictures, PDFs, text and saved pages.
var fileKinds = []string{".png", ".jpg", ".jpeg", ".gif", ".webp", ".pdf", ".txt", ".html", ".mhtml"}

// chooseFiles adds several of the buyer's own files at once: paths pasted or typed one per line,
// or picked with Browse (pictures and PDFs), with a description the packet uses as their title.
func (ev *evidenceView) chooseFiles() {
	win := ev.v.app.win
	paths := widget.NewMultiLineEntry()
	paths.SetPlaceHolder(lang.L("Paste or type the files' paths, one per line, or press Browse…"))
	paths.SetMinRowsVisible(5)
	note := widget.NewEntry()
	note.SetPlaceHolder(lang.L("What they show, e.g. Chat with the seller, 12 October"))
	browse := widget.NewButtonWithIcon(lang.L("Browse…"), theme.FolderOpenIcon(), func() {
		fd := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err != nil || r == nil {
				return
			}
			r.Close()
			paths.SetText(strings.TrimSpace(paths.Text + "\n" + r.URI().Path()))
		}, win)
		fd.SetFilter(storage.NewExtensionFileFilter(fileKinds))
		fd.Resize(fyne.NewSize(min(900, win.Canvas().Size().Width-40), min(640, win.Canvas().Size().Height-40)))
		fd.Show()
	})
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Files"), container.NewBorder(nil, container.NewHBox(browse), nil, nil, paths)),
		widget.NewFormItem(lang.L("What they show"), note),
	}
	d := dialog.NewForm(lang.L("Add your own files"), lang.L("Add"), lang.L("Cancel"), items, func(ok bool) {
		if ok {
			ev.v.app.addFiles(pathLines(paths.Text), strings.TrimSpace(note.Text))
		}
	}, win)
	d.Resize(fyne.NewSize(min(720, win.Canvas().Size().Width-40), 380))
	d.Show()
	ev.addDialog = paths
}

// pathLines are the non-empty lines of a paste of paths, with quotes a file manager adds removed.
func pathLines(text string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		l = strings.Trim(strings.TrimSpace(l), `"'`)
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}

// verify re-hashes every file of the case off the UI goroutine and marks the ones that changed
// or went missing; the returned channel closes once the result is on screen.
func (ev *evidenceView) verify() <-chan struct{} {
	done := make(chan struct{})
	svc, id, win := ev.v.app.svc, ev.v.c.ID, ev.v.app.win
	ev.status.SetText(lang.L("Checking every file against its SHA-256…"))
	go func() {
		v, err := svc.Verify(id)
		fyne.Do(func() {
			defer close(done)
			if err != nil {
				ev.status.SetText("")
				showError(err, win)
				return
			}
			ev.showVerified(v.Cases[0])
		})
	}()
	return done
}

// showVerified marks the files of a verify report in the gallery and says what it found.
func (ev *evidenceView) showVerified(rep evidence.Report) {
	ev.problems = map[string]string{}
	for _, p := range rep.Problems {
		ev.problems[p.Path] = p.Problem
	}
	ev.fill()
	if rep.OK() {
		ev.status.Importance = widget.MediumImportance
		ev.status.SetText(lang.L("All {{.Count}} files match the SHA-256 recorded when they were saved.", map[string]any{"Count": rep.Files}))
		return
	}
	lines := make([]string, 0, len(rep.Problems))
	for _, p := range rep.Problems {
		lines = append(lines, p.String())
	}
	slices.Sort(lines)
	ev.status.SetText(lang.L("These files do not match their records:") + "\n" + strings.Join(lines, "\n"))
	ev.status.Importance = widget.DangerImportance
	ev.status.Refresh()
}
