package evidence

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"
	"time"

	"proofpack/tracker"
)

// Captured is what CaptureCase got: the recorded exhibits and every page's result, whose Text
// feeds the event parser.
type Captured struct {
	Exhibits []tracker.Exhibit
	Pages    []Result
}

// Failed returns the pages that could not be captured.
func (c Captured) Failed() []Result {
	var out []Result
	for _, r := range c.Pages {
		if r.Err != nil {
			out = append(out, r)
		}
	}
	return out
}

// CaptureOptions tune CaptureCase; the zero value captures headless with a 30 s page limit.
type CaptureOptions struct {
	PageTimeout time.Duration
	PDF         bool
	Zone        *time.Location
	Confirm     func(ctx context.Context, p Page) error // assisted capture, see Request.Confirm
}

// DefaultPageTimeout is generous: carrier pages are slow, and a cold machine slower still.
const DefaultPageTimeout = 30 * time.Second

// CaptureCase captures urls for a case with c and records every page that worked as one
// exhibit number. It draws the numbers first (see the package comment), stages the files in a
// private folder in the data folder's TempDir, and removes that folder when done.
func CaptureCase(ctx context.Context, s tracker.Store, dataDir string, c Capturer, caseID string, urls []string, opt CaptureOptions, progress func(Progress)) (Captured, error) {
	var out Captured
	if len(urls) == 0 {
		return out, tracker.Invalid("url", "there is no tracking link to capture: give --url LINK")
	}
	if !validID(caseID) {
		return out, tracker.NotFound("no case %s", tracker.Quote(caseID))
	}
	for _, u := range urls {
		if !isWebLink(u) {
			// The browser would open a file:// link as a local file, and keep it as if a carrier
			// had shown it; a link without its scheme fails with Chromium's own words.
			return out, tracker.Invalid("url", "%s is not a web link: give the tracking page's address as it shows in the browser, starting with https://", tracker.Quote(u))
		}
	}
	next, err := NextNumber(s, caseID)
	if err != nil {
		return out, err
	}
	if err := mkdirPrivate(TempDir(dataDir)); err != nil {
		return out, err
	}
	staging, err := os.MkdirTemp(TempDir(dataDir), "capture-")
	if err != nil {
		return out, err
	}
	defer os.RemoveAll(staging)
	req := Request{CaseID: caseID, Dir: staging, PageTimeout: opt.PageTimeout, PDF: opt.PDF, Zone: opt.Zone, Confirm: opt.Confirm}
	if req.PageTimeout <= 0 {
		req.PageTimeout = DefaultPageTimeout
	}
	for i, u := range urls {
		req.Pages = append(req.Pages, Page{URL: u, No: next + i})
	}
	out.Pages, err = c.Capture(ctx, req, progress)
	if err != nil {
		return out, err
	}
	var groups []Group
	for i, r := range out.Pages {
		if r.Err != nil || len(r.Files) == 0 {
			continue
		}
		markEventless(&out.Pages[i])
		groups = append(groups, groupOf(out.Pages[i]))
	}
	if len(groups) == 0 {
		why := errors.Join(pageErrors(out.Pages)...)
		if why == nil {
			why = errors.New("the browser saved no files")
		}
		if free, ok := freeBytes(staging); ok && free < lowDisk {
			// The browser's own words for a full disk are "Failed to generate MHTML" and the like.
			why = fmt.Errorf("%w\nthe disk holding the data folder is full (%d KB free): free some space, then capture again", why, free/1000)
		}
		return out, fmt.Errorf("no page could be captured: %w", why)
	}
	out.Exhibits, err = Add(s, dataDir, caseID, groups...)
	return out, err
}

// lowDisk is the free space below which a failed capture is put down to a full disk: a page's
// screenshot and archive need a few megabytes.
const lowDisk = 8 << 20

// isWebLink reports whether u is an http or https address with a host: the only pages that
// are a carrier's.
func isWebLink(u string) bool {
	p, err := url.Parse(u)
	return err == nil && (p.Scheme == "http" || p.Scheme == "https") && p.Host != ""
}

func groupOf(r Result) Group {
	g := Group{No: r.Page.No}
	for _, f := range r.Files {
		g.Files = append(g.Files, File{Src: f.Path, Ext: f.Ext, Exhibit: tracker.Exhibit{
			Kind: f.Kind, MediaType: f.MediaType, URL: r.Page.URL, FinalURL: r.FinalURL,
			Title: r.Title, HTTPStatus: r.HTTPStatus, CapturedAt: r.CapturedAt, Zone: r.Zone,
			Browser: r.Browser, Viewport: r.Viewport, Note: strings.Join(r.Notes, "; "), Unsettled: r.Unsettled,
			OtherNumber: r.OtherNumber,
		}})
	}
	return g
}

func pageErrors(rs []Result) []error {
	var errs []error
	for _, r := range rs {
		if r.Err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", r.Page.URL, r.Err))
		}
	}
	return errs
}
