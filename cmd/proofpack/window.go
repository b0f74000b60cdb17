package main

import (
	"fmt"
	"image/png"
	"os"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/software"

	"proofpack/assets"
	"proofpack/casework"
	"proofpack/evidence/pdf"
	"proofpack/tracker"
	"proofpack/ui"
)

// appID must match FyneApp.toml: Fyne keys preferences and desktop integration on it.
const appID = "app.proofpack.desktop"

// windowOpen is what the window shows first: a case (--case) on a tab (--tab).
type windowOpen struct{ caseID, tab string }

// openWindow runs the window until it is closed, showing open's case and tab first. With
// screenshot set it renders the window once, saves it as PNG and exits: the smoke test and the
// README pictures use that.
func (e *env) openWindow(screenshot string, open windowOpen) error {
	s, dir, err := e.openWithDir()
	if tracker.KindOf(err) == tracker.KindLocked {
		fmt.Fprintln(e.stderr, "proofpack:", err)
		if serr := showOpenError(err, screenshot); serr != nil {
			return serr
		}
		return &exitErr{code: exitError}
	}
	if err != nil {
		return err
	}
	svc := &casework.Service{Store: s, Dir: dir, Capturer: capturer(dir), Packets: pdf.Renderer{}}
	// A tab or case that is not there is said here, before a window (or a display) is needed.
	if _, err := ui.TabIndex(open.tab); err != nil {
		return err
	}
	if open.caseID != "" {
		if _, err := svc.Case(open.caseID); err != nil {
			return err
		}
	}
	var then func(*ui.App) (<-chan struct{}, error)
	if open != (windowOpen{}) {
		then = func(u *ui.App) (<-chan struct{}, error) { return u.Open(open.caseID, open.tab) }
	}
	return showCases("ProofPack", svc, screenshot, then)
}

// showCases shows the window titled title on the data folder's use cases; then, when set, runs
// once the window's content is made (a review's dialog, the case to open) and may return when
// what it shows is on screen (nil: when the cases are); its error (no such case) ends the
// command before the window shows.
func showCases(title string, svc *casework.Service, screenshot string, then func(*ui.App) (<-chan struct{}, error)) error {
	a := app.NewWithID(appID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	w := a.NewWindow(title)
	u := ui.Create(a, w, svc)
	w.Resize(fyne.NewSize(1180, 720))
	if screenshot == "" {
		defer u.StartNotifications(ui.FyneNotifier(a), time.Hour)()
	}
	ready := u.Loaded()
	if then != nil {
		shown, err := then(u)
		if err != nil {
			return err
		}
		if shown != nil {
			ready = shown
		}
	}
	return runWindow(a, w, screenshot, ready)
}

// runWindow shows w until it is closed or, with screenshot set, until it is rendered once and
// saved as PNG, after ready closes (what the window loads is on screen; nil: nothing to wait for).
func runWindow(a fyne.App, w fyne.Window, screenshot string, ready <-chan struct{}) error {
	var shotErr error
	if screenshot != "" {
		go func() {
			if ready != nil {
				select {
				case <-ready:
				case <-time.After(time.Minute): // shoot what there is: the test then says what is missing
				}
			}
			// Give the driver a few frames to lay out and paint before reading the canvas.
			time.Sleep(time.Second)
			fyne.DoAndWait(func() { shotErr = savePNG(screenshot, w) })
			fyne.Do(a.Quit)
		}()
	} else {
		hideOwnConsole()
	}
	w.ShowAndRun()
	return shotErr
}

// showOpenError tells the buyer, who started the window from a menu and sees no terminal, why
// it cannot open the data folder: a small window with the message, which quits when closed.
func showOpenError(err error, screenshot string) error {
	a := app.NewWithID(appID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	w := a.NewWindow("ProofPack")
	w.Resize(fyne.NewSize(640, 300))
	d := dialog.NewError(err, w)
	d.SetOnClosed(a.Quit)
	d.Show()
	return runWindow(a, w, screenshot, nil)
}

// savePNG renders the window's content with Fyne's software painter at the window's size. The GL
// canvas's own Capture reads the front buffer, which Mesa under Xvfb returns all black.
func savePNG(path string, w fyne.Window) error {
	size := w.Canvas().Size()
	c := software.NewCanvas()
	c.SetContent(w.Content())
	for _, o := range w.Canvas().Overlays().List() { // dialogs, such as the one of a locked folder
		c.Overlays().Add(o)
	}
	c.Resize(size)
	c.Content().Refresh() // lay out again for the new canvas's text measurements
	img := c.Capture()
	if img == nil || img.Bounds().Empty() {
		return fmt.Errorf("the window could not be captured")
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if err := f.Chmod(0o600); err != nil { // whatever the umask, as every file ProofPack writes
		f.Close()
		return err
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
