package chrome

import (
	"context"
	"encoding/json"
	"fmt"
	"mime"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"proofpack/evidence"
)

// Carrier pages load their events a moment after the page itself. A page has settled when no
// request has been in flight for quietWindow (requests older than longPoll are long polls and
// do not count, nor do sockets and event streams) and its text has not changed for as long.
// A slow answer taken for a long poll does no harm: its page still shows a loading message.
const (
	quietWindow = 500 * time.Millisecond
	longPoll    = 3 * time.Second
	settlePoll  = 100 * time.Millisecond
)

// Bounds of the JSON kept from one page: carrier answers are a few kilobytes, and a page that
// streams megabytes of JSON must not fill the case folder.
const (
	maxResponses     = 40
	maxResponseBytes = 1 << 20
	maxResponsesSize = 4 << 20
)

// traffic follows the requests of the page a tab is capturing, to tell when it has settled, and
// notes the JSON responses it loads. Its event method runs on the tab's reading goroutine.
type traffic struct {
	mainFrame cdp.FrameID

	mu       sync.Mutex
	inflight map[network.RequestID]time.Time // request -> when it started
	last     time.Time                       // when a request last started or ended
	idle     bool                            // Chromium's networkIdle, and no request since
	jsons    []*jsonResponse
	byID     map[network.RequestID]*jsonResponse
	over     bool // more JSON responses came than maxResponses
}

// jsonResponse is a JSON response seen on the wire; its body can be asked for once done.
type jsonResponse struct {
	id   network.RequestID
	url  string
	mime string
	code int
	done bool
}

func newTraffic(mainFrame cdp.FrameID) *traffic {
	tr := &traffic{mainFrame: mainFrame}
	tr.reset()
	return tr
}

// reset forgets the page before: called as a new page starts in the tab.
func (tr *traffic) reset() {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	tr.inflight = map[network.RequestID]time.Time{}
	tr.byID = map[network.RequestID]*jsonResponse{}
	tr.jsons, tr.idle, tr.over, tr.last = nil, false, false, time.Now()
}

// dropped reports whether JSON responses came beyond maxResponses.
func (tr *traffic) dropped() bool {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	return tr.over
}

func (tr *traffic) event(ev any) {
	now := time.Now()
	tr.mu.Lock()
	defer tr.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		if ev.Type == network.ResourceTypeEventSource || ev.Type == network.ResourceTypeWebSocket {
			return
		}
		if _, redirected := tr.inflight[ev.RequestID]; !redirected {
			tr.inflight[ev.RequestID] = now
		}
		tr.last, tr.idle = now, false
	case *network.EventResponseReceived:
		if ev.Response == nil || !isJSON(ev.Response.MimeType) || tr.byID[ev.RequestID] != nil {
			return
		}
		if len(tr.jsons) == maxResponses {
			tr.over = true
			return
		}
		j := &jsonResponse{id: ev.RequestID, url: ev.Response.URL, mime: ev.Response.MimeType, code: int(ev.Response.Status)}
		tr.jsons = append(tr.jsons, j)
		tr.byID[ev.RequestID] = j
	case *network.EventLoadingFinished:
		delete(tr.inflight, ev.RequestID)
		tr.last = now
		if j := tr.byID[ev.RequestID]; j != nil {
			j.done = true
		}
	case *network.EventLoadingFailed:
		delete(tr.inflight, ev.RequestID)
		tr.last = now
	case *page.EventLifecycleEvent:
		if ev.FrameID != tr.mainFrame {
			return
		}
		switch ev.Name {
		case "init":
			tr.idle = false
		case "networkIdle":
			tr.idle = len(tr.inflight) == 0
		}
	}
}

// quietFrom returns when the page's network is (or will be, if nothing starts meanwhile) quiet:
// Chromium said networkIdle and nothing started since, or quietWindow after the last request
// but long polls ended. ok is false while a request younger than longPoll is in flight.
// Chromium's own signal alone is not enough: one long poll holds it back for ever.
func (tr *traffic) quietFrom(now time.Time) (at time.Time, ok bool) {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	for _, start := range tr.inflight {
		if now.Sub(start) < longPoll {
			return time.Time{}, false
		}
	}
	if tr.idle {
		return now, true
	}
	return tr.last.Add(quietWindow), true
}

// finished returns the JSON responses whose bodies have arrived, in the order they came.
func (tr *traffic) finished() []jsonResponse {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	var out []jsonResponse
	for _, j := range tr.jsons {
		if j.done {
			out = append(out, *j)
		}
	}
	return out
}

// isJSON reports whether a media type is JSON: application/json, text/json or any +json.
func isJSON(media string) bool {
	t, _, err := mime.ParseMediaType(media)
	if err != nil {
		return false
	}
	return t == "application/json" || t == "text/json" || strings.HasSuffix(t, "+json")
}

// textSignature identifies the page's visible text without sending it: its length and a hash.
const textSignature = `(() => {
	const t = (document.body || document.documentElement || {}).innerText || "";
	let h = 0;
	for (let i = 0; i < t.length; i++) h = (h * 31 + t.charCodeAt(i)) | 0;
	return t.length + ":" + h;
})()`

// settle waits until the page has settled (see quietWindow) or until, whichever comes first,
// and reports whether it did. A page still blank or showing a loading message has not settled
// however quiet it is: some pages start fetching their events on a timer.
func (t *tab) settle(pctx context.Context, until time.Time) (bool, error) {
	var sig string
	var stable time.Time
	for {
		s, err := chromedp.Run(pctx, chromedp.Evaluate[string](textSignature))
		if err != nil {
			return false, err
		}
		now := time.Now()
		if s != sig {
			sig, stable = s, now
		}
		// The next look is when both windows could have passed, or a poll away while
		// requests are in flight or the page still shows a loading message.
		next := now.Add(settlePoll)
		if quiet, ok := t.traffic.quietFrom(now); ok {
			if at := later(stable.Add(quietWindow), quiet); at.After(now) {
				next = at
			} else {
				text, err := chromedp.Run(pctx, chromedp.Evaluate[string](visibleText))
				if err != nil {
					return false, err
				}
				if strings.TrimSpace(text) != "" && evidence.ShowsLoading(text) == "" {
					return true, nil
				}
			}
		}
		if !now.Before(until) {
			return false, nil
		}
		if until.Before(next) {
			next = until
		}
		select {
		case <-pctx.Done():
			return false, pctx.Err()
		case <-time.After(next.Sub(now)):
		}
	}
}

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

const visibleText = `(document.body || document.documentElement || {}).innerText || ""`

// responses asks the browser for the bodies of the JSON responses the page loaded, within the
// bounds above, and says in a note how many it left out; a body the browser no longer holds is
// left out too.
func (t *tab) responses(pctx context.Context) ([]evidence.Response, string) {
	var out []evidence.Response
	total, left := 0, 0
	for _, j := range t.traffic.finished() {
		res, err := chromedp.Call(pctx, network.GetResponseBody, network.GetResponseBodyParams{RequestID: j.id})
		if err != nil || len(res.Body) > maxResponseBytes || total+len(res.Body) > maxResponsesSize {
			left++
			continue
		}
		total += len(res.Body)
		body := json.RawMessage(res.Body)
		if !json.Valid(body) {
			body, _ = json.Marshal(string(res.Body))
		}
		out = append(out, evidence.Response{URL: j.url, Status: j.code, MIME: j.mime, Body: body})
	}
	if t.traffic.dropped() {
		left++
	}
	note := ""
	if left > 0 {
		note = fmt.Sprintf("some JSON answers the page loaded were not kept: more than %d, larger than %d MB each or %d MB in all, or no longer held by the browser",
			maxResponses, maxResponseBytes>>20, maxResponsesSize>>20)
	}
	return out, note
}
