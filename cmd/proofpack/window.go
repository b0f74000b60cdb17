package main

import (
	"fmt"
	"image/png"
	"os"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/driver/software"

	"proofpack/assets"
	"proofpack/ui"
)

// appID must match FyneApp.toml: Fyne keys preferences and desktop integration on it.
const appID = "app.proofpack.desktop"

// openWindow runs the window until it is closed. With screenshot set it renders the window once,
// saves it as PNG and exits: the smoke test and the README pictures use that.
func (e *env) openWindow(screenshot string) error {
	svc, err := e.service()
	if err != nil {
		return err
	}
	a := app.NewWithID(appID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	w := a.NewWindow("ProofPack")
	ui.Create(a, w, svc)
	w.Resize(fyne.NewSize(1180, 720))
	var shotErr error
	if screenshot != "" {
		go func() {
			// Give the driver a few frames to lay out and paint before reading the canvas.
			time.Sleep(2 * time.Second)
			fyne.DoAndWait(func() { shotErr = savePNG(screenshot, w) })
			fyne.Do(a.Quit)
		}()
	}
	w.ShowAndRun()
	return shotErr
}

// savePNG renders the window's content with Fyne's software painter at the window's size. The GL
// canvas's own Capture reads the front buffer, which Mesa under Xvfb returns all black.
func savePNG(path string, w fyne.Window) error {
	size := w.Canvas().Size()
	c := software.NewCanvas()
	c.SetContent(w.Content())
	c.Resize(size)
	c.Content().Refresh() // lay out again for the new canvas's text measurements
	img := c.Capture()
	if img == nil || img.Bounds().Empty() {
		return fmt.Errorf("the window could not be captured")
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
