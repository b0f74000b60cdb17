package evidence

import (
	"context"
	"encoding/json"
	"errors"
	"time"
)

// Capturer captures a batch of web pages for one case. evidence/chrome implements it with
// Chromium; the UI and the command line only see this interface.
type Capturer interface {
	// Capture captures every page of req into req.Dir and returns one Result per page, in
	// order. A page that fails has Result.Err set and the batch goes on; the error return is
	// for the batch as a whole (no browser, ctx canceled before anything ran). progress, if not
	// nil, is called from the capturing goroutine.
	Capture(ctx context.Context, req Request, progress func(Progress)) ([]Result, error)
}

// Request is one batch of pages.
type Request struct {
	CaseID string
	Pages  []Page
	// Dir is the staging folder the capturer writes its files into; the caller owns it.
	Dir string
	// PageTimeout limits each page: loading, drawing the banner and saving its files.
	PageTimeout time.Duration
	// PDF asks for a printed PDF of each page as well.
	PDF bool
	// Zone is the buyer's zone shown in the banner next to UTC; nil means time.Local.
	Zone *time.Location
	// Confirm, when set, makes the capture assisted: the browser window is visible, each page
	// is loaded and Confirm waits for the buyer to get the page right (a captcha, a consent
	// wall) before it is captured. A Confirm error skips the page; ctx ends the batch.
	Confirm func(ctx context.Context, p Page) error
}

// Page is one address to capture and the exhibit number its banner shows.
type Page struct {
	URL string
	No  int
}

// Result is what the capturer got from one page.
type Result struct {
	Page       Page
	Files      []Staged // in Request.Dir
	FinalURL   string   // after redirects
	Title      string
	HTTPStatus int
	CapturedAt time.Time // UTC, the moment the banner was drawn
	Zone       string
	Browser    string // product and version, e.g. Chrome/131.0.6778.85
	Viewport   string // e.g. 1280x900
	Text       string // the page's visible text, for the event parser
	Banner     string // the banner's text as read back from the page before the screenshot
	// Unsettled is set when the page did not show its tracking history: it was captured before
	// it had settled (its requests or its text were still changing at the page's time limit, or
	// it still showed a loading message), or CaptureCase found neither an event nor a "not
	// found" message in it. Such a page proves nothing about the events it does not show (see
	// Notes for why).
	Unsettled bool
	// Responses are the JSON responses the page loaded, also saved as the responses file.
	Responses []Response
	Notes     []string
	// OtherNumber is a tracking number the page names instead of its shipment's (see
	// OtherNumber); set by CaptureTracking, recorded on the exhibit, and its events wait.
	OtherNumber string
	Err         error
}

// Response is one JSON response a captured page loaded: where from, and what it said.
type Response struct {
	URL    string `json:"url"`
	Status int    `json:"status"`
	MIME   string `json:"mime"`
	// Body is the JSON the server sent, or a JSON string holding the text when it did not parse.
	Body json.RawMessage `json:"body"`
}

// Staged is one file a capturer wrote.
type Staged struct {
	Kind      string // screenshot, page, text, pdf
	Path      string // absolute
	Ext       string // png, mhtml, txt, pdf
	MediaType string
}

// Progress reports a batch's progress as each page starts and ends: Done of Total pages are
// finished, and URL is the page that just started or ended. Reports come one at a time.
type Progress struct {
	Done, Total int
	URL         string
}

// Kinds of exhibit files.
const (
	KindScreenshot = "screenshot"
	KindPage       = "page"
	KindText       = "text"
	KindPDF        = "pdf"
	KindResponses  = "responses" // the JSON responses a captured page loaded
	KindHistory    = "history"
	KindFile       = "file"
)

// ErrTimeout marks a page that did not finish within the page time limit.
var ErrTimeout = errors.New("the page did not finish in time")

// ErrRedirectRefused marks a page that sent the browser from a public address to a private one
// (this computer, the local network, a cloud's metadata service): what answers there is not the
// carrier's page, so it is not captured.
var ErrRedirectRefused = errors.New("redirect to a private address refused")

// ErrNoBrowser marks a capturer that found no browser to run; its message says how to install one.
var ErrNoBrowser = errors.New("no browser to capture with")
