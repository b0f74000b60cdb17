package chrome

import (
	"context"
	"errors"
	"fmt"
	"net/netip"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/chromedp"

	"proofpack/evidence"
)

// Options configure the browser. The zero value finds Chromium and runs it headless.
type Options struct {
	// ExecPath is the browser to run; "" looks for chromium, then Chrome (then Edge on Windows).
	ExecPath string
	// Visible opens a window (assisted capture); it needs a display.
	Visible bool
	// Width and Height are the viewport; 0 means 1280 by 900.
	Width, Height int
	// Tabs is how many pages are captured at once; 0 means one per CPU, at most 2 (more only
	// adds memory on the machines ProofPack runs on).
	Tabs int
	// Env adds variables to the browser's environment, e.g. DISPLAY for a test's Xvfb.
	Env []string
	// TempDir is the folder in which each browser gets its temporary folder (its profile and
	// TMPDIR), removed when it closes; "" means the system's temporary folder. ProofPack
	// passes one inside the data folder, so that what a crash leaves is removed at the next
	// start.
	TempDir string
}

// NotInstalledError says no browser was found and how to install one.
type NotInstalledError struct{ Tried string }

func (e *NotInstalledError) Error() string {
	if runtime.GOOS == "windows" {
		return "no Chrome or Edge found: install Google Chrome or Microsoft Edge"
	}
	return "Chromium is not installed: run `sudo apt-get install chromium`"
}

// Is lets callers that only know package evidence recognise it.
func (e *NotInstalledError) Is(target error) bool { return target == evidence.ErrNoBrowser }

// candidates are the browsers tried in order; Debian's is chromium.
var candidates = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome", "headless_shell"}

func findBrowser(path string) (string, error) {
	if path != "" {
		p, err := exec.LookPath(path)
		if err != nil {
			return "", &NotInstalledError{Tried: path}
		}
		return p, nil
	}
	for _, c := range append(candidates, installed(runtime.GOOS, os.Getenv)...) {
		if p, err := exec.LookPath(c); err == nil {
			return p, nil
		}
	}
	return "", &NotInstalledError{Tried: "chromium"}
}

// socketSuffix is where Chromium puts its singleton socket inside its TMPDIR. A Unix socket
// path holds at most 107 bytes: below a longer TMPDIR the browser refuses to start.
const socketSuffix = "/proofpack-chromium-1234567890/org.chromium.Chromium.XXXXXX/SingletonSocket"

// browserTempDirs makes the browser's folders in parent (the system's temporary folder when
// ""), all removed on Close: one holding its profile and its TMPDIR, where Chromium creates
// org.chromium.Chromium.* folders and does not remove them. When parent's path is too long for
// the socket, the TMPDIR is a second folder in /tmp.
func browserTempDirs(parent string) (dirs []string, profile, tmp string, err error) {
	if parent == "" {
		parent = os.TempDir()
	} else if err := os.MkdirAll(parent, 0o700); err != nil {
		return nil, "", "", err
	}
	own, err := os.MkdirTemp(parent, "proofpack-chromium-")
	if err != nil {
		return nil, "", "", err
	}
	dirs, profile, tmp = []string{own}, filepath.Join(own, "profile"), own
	if len(own)+len(socketSuffix) > 107 && runtime.GOOS != "windows" {
		if tmp, err = os.MkdirTemp("/tmp", "proofpack-chromium-"); err != nil {
			os.RemoveAll(own)
			return nil, "", "", err
		}
		dirs = append(dirs, tmp)
		// Named in the owned folder, so that a start after a crash removes it too (evidence.Recover).
		if err := os.WriteFile(filepath.Join(own, evidence.OutsideNote), []byte(tmp), 0o600); err != nil {
			os.RemoveAll(own)
			os.RemoveAll(tmp)
			return nil, "", "", err
		}
	}
	return dirs, profile, tmp, nil
}

// Browser is one running Chromium. Captures on it may run concurrently, each in its own tab.
type Browser struct {
	opt     Options
	ctx     context.Context // the browser's own context: its lifetime
	cancel  context.CancelFunc
	alloc   context.CancelFunc
	tmp     []string // the browser's profile and TMPDIR, removed on Close
	version string
	// private says whether a host is at a non-public address; tests replace it.
	private func(ctx context.Context, host string) (netip.Addr, bool)
}

// Start launches a browser. ctx only bounds the start; Close ends the browser.
func Start(ctx context.Context, opt Options) (*Browser, error) {
	path, err := findBrowser(opt.ExecPath)
	if err != nil {
		return nil, err
	}
	if opt.Tabs == 0 {
		opt.Tabs = min(runtime.NumCPU(), 2)
	}
	if opt.Width == 0 || opt.Height == 0 {
		opt.Width, opt.Height = 1280, 900
	}
	dirs, profile, tmp, err := browserTempDirs(opt.TempDir)
	if err != nil {
		return nil, err
	}
	flags := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("mute-audio", true),
		chromedp.WindowSize(opt.Width, opt.Height),
		chromedp.UserDataDir(profile),
		chromedp.Env(append([]string{"TMPDIR=" + tmp}, opt.Env...)...),
	)
	if opt.Visible {
		flags = append(flags, chromedp.VisibleWindow)
	}
	b := &Browser{opt: opt, tmp: dirs, private: privateHost}
	var allocCtx context.Context
	allocCtx, b.alloc = chromedp.NewExecAllocator(context.Background(), flags...)
	b.ctx, b.cancel = chromedp.NewContext(allocCtx)
	started := make(chan error, 1)
	go func() { started <- chromedp.Do(b.ctx) }()
	select {
	case err = <-started:
	case <-ctx.Done():
		err = ctx.Err()
	}
	if err == nil {
		var v browser.GetVersionResult
		v, err = chromedp.CallBrowser(b.ctx, browser.GetVersion, cdp.Empty{})
		b.version = v.Product
	}
	if err != nil {
		b.Close()
		if errors.Is(err, chromedp.ErrNoDisplay) {
			return nil, fmt.Errorf("assisted capture needs a display to show the browser window: %w", err)
		}
		return nil, fmt.Errorf("starting %s: %w", path, err)
	}
	return b, nil
}

// Version is the browser's product and version, e.g. HeadlessChrome/131.0.6778.85.
func (b *Browser) Version() string { return b.version }

// PID is the browser's main process, the root of its process tree.
func (b *Browser) PID() int {
	if c := chromedp.FromContext(b.ctx); c != nil && c.Browser != nil && c.Browser.Process() != nil {
		return c.Browser.Process().Pid
	}
	return 0
}

// Close ends the browser, waits until its processes are gone and removes its profile and
// temporary folder.
func (b *Browser) Close() error {
	b.cancel()
	b.alloc() // waits for the process
	var errs []error
	for _, d := range b.tmp {
		errs = append(errs, os.RemoveAll(d))
	}
	return errors.Join(errs...)
}

// Capturer is the evidence.Capturer: a browser of its own for each batch.
type Capturer struct{ Options }

var _ evidence.Capturer = Capturer{}

// Capture starts a browser (a visible one when req.Confirm is set), captures the batch and
// closes the browser.
func (c Capturer) Capture(ctx context.Context, req evidence.Request, progress func(evidence.Progress)) ([]evidence.Result, error) {
	opt := c.Options
	opt.Visible = opt.Visible || req.Confirm != nil
	b, err := Start(ctx, opt)
	if err != nil {
		return nil, err
	}
	defer b.Close()
	return b.Capture(ctx, req, progress)
}
