package chrome

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"proofpack/evidence"
)

// Capture captures the batch in b, in up to Options.Tabs tabs at once, each reused from page to
// page and replaced after a page fails. See evidence.Capturer.
func (b *Browser) Capture(ctx context.Context, req evidence.Request, progress func(evidence.Progress)) ([]evidence.Result, error) {
	if req.Confirm != nil && !b.opt.Visible {
		return nil, errors.New("assisted capture needs a visible browser window")
	}
	if req.PageTimeout <= 0 {
		req.PageTimeout = evidence.DefaultPageTimeout
	}
	if err := os.MkdirAll(req.Dir, 0o700); err != nil {
		return nil, err
	}
	tabs := b.opt.Tabs
	if req.Confirm != nil || tabs < 1 {
		tabs = 1 // the buyer confirms one page at a time
	}
	tabs = min(tabs, len(req.Pages))
	var mu sync.Mutex
	done := 0
	report := func(url string, finished bool) {
		mu.Lock()
		defer mu.Unlock()
		if finished {
			done++
		}
		if progress != nil {
			progress(evidence.Progress{Done: done, Total: len(req.Pages), URL: url})
		}
	}
	results := make([]evidence.Result, len(req.Pages))
	next := make(chan int, len(req.Pages))
	for i := range req.Pages {
		next <- i
	}
	close(next)
	var wg sync.WaitGroup
	for range tabs {
		wg.Go(func() {
			var t *tab
			defer func() {
				if t != nil {
					t.close()
				}
			}()
			for i := range next {
				p := req.Pages[i]
				report(p.URL, false)
				results[i] = b.capturePage(ctx, &t, req, p)
				report(p.URL, true)
			}
		})
	}
	wg.Wait()
	return results, nil
}

// capturePage captures p in *t, opening a tab when there is none and dropping it after a
// failure, since its renderer may be stuck in a script.
func (b *Browser) capturePage(ctx context.Context, t **tab, req evidence.Request, p evidence.Page) evidence.Result {
	if err := ctx.Err(); err != nil {
		return evidence.Result{Page: p, Err: fmt.Errorf("capture canceled: %w", err)}
	}
	if *t == nil {
		nt, err := b.newTab()
		if err != nil {
			return evidence.Result{Page: p, Err: err}
		}
		*t = nt
	}
	r := (*t).capture(ctx, req, p)
	if r.Err != nil {
		(*t).close()
		*t = nil
	}
	return r
}

// tab is one browser tab, the dialogs it has dismissed since the last page began, and what it
// watches of the page's requests.
type tab struct {
	b       *Browser
	ctx     context.Context
	cancel  context.CancelFunc
	traffic *traffic
	guard   guard
	mu      sync.Mutex
	dialogs []string // the first maxDialogNotes, as notes
	more    int      // and how many came after them
}

// maxDialogNotes keeps a page that nags with dozens of alerts from filling the exhibit's note.
const maxDialogNotes = 5

// dialogWords names a dialog type for the note a buyer reads.
var dialogWords = map[page.DialogType]string{
	page.DialogTypeAlert:        "an alert",
	page.DialogTypeConfirm:      "a confirm dialog",
	page.DialogTypePrompt:       "a prompt",
	page.DialogTypeBeforeunload: "a leave-this-page dialog",
}

// tabOpenLimit bounds opening a tab, which never takes long unless the browser is gone.
const tabOpenLimit = 20 * time.Second

func (b *Browser) newTab() (*tab, error) {
	t := &tab{b: b, guard: guard{private: b.private}}
	t.ctx, t.cancel = chromedp.NewContext(b.ctx)
	steps := []chromedp.Action[chromedp.Void]{}
	if !b.opt.Visible {
		steps = append(steps, chromedp.EmulateViewport(int64(b.opt.Width), int64(b.opt.Height)))
	}
	// The first Do opens the tab and ties its life to the context it gets, so it must get the
	// tab's own context; the limit is kept from outside.
	opened := make(chan error, 1)
	go func() { opened <- chromedp.Do(t.ctx, steps...) }()
	var err error
	select {
	case err = <-opened:
	case <-time.After(tabOpenLimit):
		err = fmt.Errorf("no answer within %s", tabOpenLimit)
	}
	if err != nil {
		t.cancel()
		return nil, fmt.Errorf("opening a browser tab: %w", err)
	}
	// A page tab's main frame has the target's ID. chromedp turns lifecycle events on for
	// every tab; settling needs networkIdle, so it does not rely on that.
	t.traffic = newTraffic(cdp.FrameID(chromedp.FromContext(t.ctx).Target.TargetID))
	if err := chromedp.Listen(t.ctx, t.traffic.event); err != nil {
		t.cancel()
		return nil, fmt.Errorf("opening a browser tab: %w", err)
	}
	if _, err := chromedp.Call(t.ctx, page.SetLifecycleEventsEnabled, page.SetLifecycleEventsEnabledParams{Enabled: true}); err != nil {
		t.cancel()
		return nil, fmt.Errorf("opening a browser tab: %w", err)
	}
	if err := t.watch(); err != nil {
		t.cancel()
		return nil, err
	}
	// An alert, confirm or beforeunload dialog blocks the page until someone answers it.
	dialogs := chromedp.Events(t.ctx, page.JavascriptDialogOpening)
	go func() {
		for ev, err := range dialogs {
			if err != nil {
				return
			}
			t.mu.Lock()
			if len(t.dialogs) < maxDialogNotes {
				t.dialogs = append(t.dialogs, fmt.Sprintf("the page showed %s: %q (closed with OK)", dialogWords[ev.Type], ev.Message))
			} else {
				t.more++
			}
			t.mu.Unlock()
			chromedp.Call(t.ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true})
		}
	}()
	return t, nil
}

func (t *tab) close() { t.cancel() }

func (t *tab) takeDialogs() []string {
	t.mu.Lock()
	defer t.mu.Unlock()
	d := t.dialogs
	if t.more > 0 {
		d = append(d, fmt.Sprintf("and %d more dialogs", t.more))
	}
	t.dialogs, t.more = nil, 0
	return d
}

// within derives a context of the tab that ends after d or when the caller's ctx ends.
func (t *tab) within(ctx context.Context, d time.Duration) (context.Context, context.CancelFunc) {
	c, cancel := context.WithTimeout(t.ctx, d)
	stop := context.AfterFunc(ctx, cancel)
	return c, func() { stop(); cancel() }
}

func (t *tab) capture(ctx context.Context, req evidence.Request, p evidence.Page) (r evidence.Result) {
	r = evidence.Result{Page: p, Browser: t.b.version, Zone: evidence.ZoneName(req.Zone)}
	t.takeDialogs()
	defer func() {
		refused, _ := t.guard.outcome()
		r.Notes = append(append(r.Notes, refused...), t.takeDialogs()...)
	}()
	limit := req.PageTimeout

	t.traffic.reset()
	t.guard.start(ctx, p.URL)
	// Loading and settling share two thirds of the limit; the rest is for saving.
	start := time.Now()
	pctx, cancel := t.within(ctx, limit)
	defer cancel()
	err := t.load(pctx, p.URL, limit, &r)
	if err == nil && req.Confirm != nil {
		// The buyer takes the time they need; the page limit starts again afterwards.
		if err = req.Confirm(ctx, p); err == nil {
			cancel()
			start = time.Now()
			pctx, cancel = t.within(ctx, limit)
			defer cancel()
		}
	}
	settled := false
	if err == nil {
		settled, err = t.settle(pctx, start.Add(limit*2/3))
	}
	if refusal := t.refusal(); refusal != nil {
		err = refusal
	}
	if err == nil {
		if !settled {
			r.Unsettled = true
			r.Notes = append(r.Notes, fmt.Sprintf("the page was still loading or changing after %s: it may not show every event", (limit*2/3).Round(time.Second)))
		}
		err = t.save(pctx, req, &r)
	}
	if refusal := t.refusal(); refusal != nil {
		err = refusal
	}
	if err != nil {
		switch {
		case ctx.Err() != nil:
			err = fmt.Errorf("capture canceled: %w", ctx.Err())
		case pctx.Err() != nil:
			err = fmt.Errorf("%w: nothing came back within %s (a script may never stop)", evidence.ErrTimeout, limit)
		case navigatedAway(err):
			err = errMoved
		}
		r.Err = err
		r.Files = nil
		r.Responses = nil
	}
	return r
}

// refusal is the error of a page whose main frame the guard stopped; its other refused requests
// become notes on the result at the end.
func (t *tab) refusal() error {
	_, err := t.guard.outcome()
	return err
}

// load navigates to url. Loading gets two thirds of the limit; then it is stopped and the
// page is taken as it is, if the site sent a page at all.
func (t *tab) load(pctx context.Context, url string, limit time.Duration, r *evidence.Result) error {
	mark := newMark()
	// The old document carries the mark: if it still does after the navigation, the site never
	// answered and there is nothing of this page to capture.
	if err := chromedp.Do(pctx, chromedp.Evaluate[chromedp.Void](`document.__proofpack = "`+mark+`"`)); err != nil {
		return err
	}
	lctx, cancel := context.WithTimeout(pctx, limit*2/3)
	defer cancel()
	resp, err := chromedp.Run(lctx, chromedp.NavigateResponse(url))
	switch {
	case err == nil:
		if resp != nil {
			r.HTTPStatus = int(resp.Status)
		}
		return nil
	case lctx.Err() != nil && pctx.Err() == nil:
		if _, err := chromedp.Call(pctx, page.StopLoading, cdp.Empty{}); err != nil {
			return err
		}
		same, err := chromedp.Run(pctx, chromedp.Evaluate[bool](`document.__proofpack === "`+mark+`"`))
		if err != nil {
			return err
		}
		if same {
			return fmt.Errorf("%w: %s did not answer within %s", evidence.ErrTimeout, url, limit*2/3)
		}
		r.Notes = append(r.Notes, fmt.Sprintf("the page had not finished loading after %s and was captured as it was", (limit*2/3).Round(time.Second)))
		status, err := chromedp.Run(pctx, chromedp.Evaluate[int](`(performance.getEntriesByType("navigation")[0] || {}).responseStatus || 0`))
		if err != nil {
			return err
		}
		r.HTTPStatus = status
		return nil
	default:
		if refusal := t.refusal(); refusal != nil {
			return refusal
		}
		var le *chromedp.LoadError
		if errors.As(err, &le) {
			return fmt.Errorf("the page could not be loaded: %s", loadErrorWords(le.ErrorText))
		}
		return err
	}
}

// loadErrorWords says why Chromium could not load a page, in the buyer's words, keeping its
// code (net::ERR_NAME_NOT_RESOLVED) for whoever helps them.
func loadErrorWords(code string) string {
	var why string
	switch {
	case strings.Contains(code, "ERR_INTERNET_DISCONNECTED"):
		why = "this computer is not connected to the internet"
	case strings.Contains(code, "ERR_NAME_NOT_RESOLVED"):
		why = "the site's name was not found: check the link and that this computer is online"
	case strings.Contains(code, "ERR_CONNECTION_REFUSED"), strings.Contains(code, "ERR_CONNECTION_RESET"),
		strings.Contains(code, "ERR_CONNECTION_CLOSED"), strings.Contains(code, "ERR_EMPTY_RESPONSE"):
		why = "the site did not accept the connection: try again later"
	case strings.Contains(code, "TIMED_OUT"):
		why = "the site did not answer: try again later"
	case strings.Contains(code, "ERR_CERT_"), strings.Contains(code, "ERR_SSL_"):
		why = "the site's security certificate is not valid: check that the link is the carrier's"
	case strings.Contains(code, "ERR_ABORTED"):
		why = "the link did not open a page (it may start a download)"
	case strings.Contains(code, "ERR_TOO_MANY_REDIRECTS"):
		why = "the site keeps sending the browser elsewhere: open the link in a browser and capture the page it settles on"
	default:
		return code
	}
	return why + " (" + code + ")"
}

// errMoved marks a page that navigated while it was being saved: its text, archive and
// screenshot would be of different documents.
var errMoved = errors.New("the page reloaded or moved to another address while it was being captured: capture it again, or use assisted capture")

// navigatedAway reports Chromium's answer to a command that met the page navigating: while
// settling or saving, a page that reloads itself gets one of these instead of an answer, and the
// buyer should read errMoved, not the protocol's words.
func navigatedAway(err error) bool {
	var ce *cdproto.Error
	if !errors.As(err, &ce) {
		return false
	}
	for _, m := range []string{"Inspected target navigated or closed", "Execution context was destroyed", "Cannot find context with specified id"} {
		if strings.Contains(ce.Message, m) {
			return true
		}
	}
	return false
}

// newMark is a random token set on a document to tell it from the next one in the same tab.
func newMark() string {
	token := make([]byte, 8)
	rand.Read(token)
	return hex.EncodeToString(token)
}

// moved reports whether the tab no longer shows the document marked with mark; a document it
// cannot ask is gone too.
func moved(pctx context.Context, mark string) bool {
	same, err := chromedp.Run(pctx, chromedp.Evaluate[bool](`document.__proofpack === "`+mark+`"`))
	return err != nil || !same
}

// pageState is read in one round trip, before the banner changes the page.
type pageState struct {
	Text   string `json:"text"`
	Width  int    `json:"width"`
	Height int    `json:"height"`
	Title  string `json:"title"`
	URL    string `json:"url"`
}

// readState also marks the document, so that save can tell whether every file came from it.
const readState = `(document.__proofpack = %q, {text: (document.body || document.documentElement || {}).innerText || "", width: innerWidth, height: innerHeight,
	title: document.title, url: location.href})`

// save reads the page's text, archives it as MHTML, draws the banner and takes the screenshot
// (and the PDF), writing each file into req.Dir once it knows they all show the same document.
func (t *tab) save(pctx context.Context, req evidence.Request, r *evidence.Result) error {
	mark := newMark()
	if err := t.shoot(pctx, req, r, mark); err != nil {
		// A page that keeps reloading may not answer at all: a short look is enough.
		qctx, cancel := context.WithTimeout(pctx, 3*time.Second)
		defer cancel()
		if pctx.Err() == nil && moved(qctx, mark) {
			return errMoved
		}
		return err
	}
	return nil
}

func (t *tab) shoot(pctx context.Context, req evidence.Request, r *evidence.Result, mark string) error {
	st, err := chromedp.Run(pctx, chromedp.Evaluate[pageState](fmt.Sprintf(readState, mark)))
	if err != nil {
		return err
	}
	r.Text, r.Viewport, r.Title, r.FinalURL = st.Text, fmt.Sprintf("%dx%d", st.Width, st.Height), st.Title, st.URL
	if line := evidence.ShowsLoading(st.Text); line != "" {
		r.Unsettled = true
		r.Notes = append(r.Notes, fmt.Sprintf("the page still showed %q when it was captured: it may not show every event", line))
	}
	var left string
	if r.Responses, left = t.responses(pctx); left != "" {
		r.Notes = append(r.Notes, left)
	}
	snap, err := chromedp.Call(pctx, page.CaptureSnapshot, page.CaptureSnapshotParams{Format: page.CaptureSnapshotFormatMhtml})
	if err != nil {
		return fmt.Errorf("saving the page as MHTML: %w", err)
	}

	r.CapturedAt = time.Now().UTC()
	lines := bannerLines(req.CaseID, r.Page, r.FinalURL, r.CapturedAt, req.Zone)
	js, _ := json.Marshal(lines)
	if r.Banner, err = chromedp.Run(pctx, chromedp.Evaluate[string](fmt.Sprintf(drawBanner, js))); err != nil {
		return fmt.Errorf("drawing the banner: %w", err)
	}
	shot, err := chromedp.Run(pctx, chromedp.FullScreenshot(100))
	if err != nil {
		return fmt.Errorf("taking the screenshot: %w", err)
	}
	files := []struct {
		kind, ext, media string
		data             []byte
	}{
		{evidence.KindScreenshot, "png", "image/png", shot},
		{evidence.KindPage, "mhtml", "multipart/related", []byte(snap.Data)},
		{evidence.KindText, "txt", "text/plain; charset=utf-8", []byte(r.Text)},
	}
	if len(r.Responses) > 0 {
		b, err := json.MarshalIndent(r.Responses, "", "  ")
		if err != nil {
			return err
		}
		files = append(files, struct {
			kind, ext, media string
			data             []byte
		}{evidence.KindResponses, "json", "application/json", append(b, '\n')})
	}
	if req.PDF {
		pdf, err := chromedp.Run(pctx, chromedp.PrintToPDF(chromedp.PDFPrintBackground()))
		if err != nil {
			return fmt.Errorf("printing the page: %w", err)
		}
		files = append(files, struct {
			kind, ext, media string
			data             []byte
		}{evidence.KindPDF, "pdf", "application/pdf", pdf})
	}
	if moved(pctx, mark) {
		return errMoved
	}
	for _, f := range files {
		p := filepath.Join(req.Dir, evidence.FileName(r.Page.No, f.kind, f.ext))
		if err := os.WriteFile(p, f.data, 0o600); err != nil {
			return err
		}
		r.Files = append(r.Files, evidence.Staged{Kind: f.kind, Path: p, Ext: f.ext, MediaType: f.media})
	}
	return nil
}

// bannerLines is what the banner says: whose evidence, which exhibit, where and when.
func bannerLines(caseID string, p evidence.Page, final string, at time.Time, zone *time.Location) []string {
	if zone == nil {
		zone = time.Local
	}
	const layout = "2006-01-02 15:04:05"
	local := at.In(zone)
	lines := []string{
		fmt.Sprintf("ProofPack evidence · case %s · exhibit %d", caseID, p.No),
		fmt.Sprintf("Captured %s UTC · local %s %s (%s)", at.UTC().Format(layout), local.Format(layout), local.Format("MST -07:00"), evidence.ZoneName(zone)),
		"URL: " + final,
	}
	if final != p.URL && strings.TrimSpace(p.URL) != "" {
		lines = append(lines, "Requested: "+p.URL)
	}
	return lines
}

// drawBanner puts the banner above the page's content, in a shadow root that the page's
// styles cannot reach, and returns its text as the DOM holds it.
const drawBanner = `(() => {
	const lines = %s;
	const host = document.createElement("proofpack-banner");
	host.style.cssText = "all:initial;display:block;position:relative;z-index:2147483647";
	const root = host.attachShadow({mode: "open"});
	const box = document.createElement("div");
	box.style.cssText = "background:#ffe14d;color:#000;font:15px/1.4 sans-serif;padding:8px 12px;border-bottom:3px solid #000;overflow-wrap:anywhere;text-align:left";
	for (const l of lines) {
		const d = document.createElement("div");
		d.textContent = l;
		box.appendChild(d);
	}
	root.appendChild(box);
	// Above the body, so the body's margins and layout (flex, grid) leave the banner alone.
	const html = document.documentElement;
	html.insertBefore(host, document.body && document.body.parentNode === html ? document.body : html.firstChild);
	return Array.from(box.children, d => d.textContent).join("\n");
})()`
