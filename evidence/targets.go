package evidence

import (
	"context"
	"fmt"
	"strings"
	"time"

	"proofpack/evidence/feeds"
	"proofpack/tracker"
	"proofpack/tracker/carrier"
	"proofpack/tracker/history"
)

// Target is a page to capture and the shipment whose number it tracks (-1 when unknown).
type Target struct {
	URL      string
	Shipment int
}

// Targets lists what to capture for a case: the given links, else each shipment's seller link
// and the links of its best carrier match, each once.
func Targets(c tracker.Case, links []string) []Target {
	var out []Target
	seen := map[string]bool{}
	add := func(u string, sh int) {
		if u != "" && !seen[u] {
			seen[u] = true
			out = append(out, Target{URL: u, Shipment: sh})
		}
	}
	for _, u := range links {
		add(u, shipmentOf(c, u))
	}
	if len(links) > 0 {
		return out
	}
	for i, s := range c.Shipments {
		add(s.Link, i)
		r := carrier.Check(s.Input, carrier.Options{Country: c.Buyer.Country, SellerLink: s.Link})
		if len(r.Candidates) > 0 {
			for _, l := range r.Candidates[0].Links {
				add(l.URL, i)
			}
		}
	}
	return out
}

// shipmentOf finds the shipment a link is about: the one whose number it contains, or the only one.
func shipmentOf(c tracker.Case, u string) int {
	for i, s := range c.Shipments {
		if s.Number != "" && strings.Contains(strings.ToUpper(u), strings.ToUpper(s.Number)) {
			return i
		}
	}
	if len(c.Shipments) == 1 {
		return 0
	}
	return -1
}

// URLs returns the targets' addresses, for CaptureCase.
func URLs(ts []Target) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.URL
	}
	return out
}

// MergeEvents reads the tracking events of each captured page (from the JSON it loaded when
// evidence/feeds knows its shape, else from its text) and adds them to the shipment its target
// names, citing the page's exhibit number. It returns how many events were
// new. Pages without events, or of no known shipment, add nothing.
func MergeEvents(s tracker.Store, caseID string, got Captured, targets []Target, now time.Time) (int, error) {
	shipment := map[string]int{}
	for _, t := range targets {
		shipment[t.URL] = t.Shipment
	}
	c, err := s.Case(caseID)
	if err != nil {
		return 0, err
	}
	pages := map[int][]history.Page{} // shipment -> parsed pages
	nos := map[int][]int{}
	for _, r := range got.Pages {
		sh, ok := shipment[r.Page.URL]
		if r.Err != nil || !ok || sh < 0 || sh >= len(c.Shipments) {
			continue
		}
		p, ok := structuredEvents(r, c.Shipments[sh].Number)
		if !ok {
			var perr error
			if p, perr = history.Parse(r.Text, history.Options{Now: now, MonthFirst: c.Buyer.Country == "US"}); perr != nil {
				continue
			}
		}
		if len(p.Events) == 0 {
			continue // a page without events (a search form, a captcha) is still evidence
		}
		pages[sh] = append(pages[sh], p)
		nos[sh] = append(nos[sh], r.Page.No)
	}
	if len(pages) == 0 {
		return 0, nil
	}
	fresh := 0
	_, err = s.UpdateCase(caseID, func(c *tracker.Case) error {
		fresh = 0
		for sh, ps := range pages {
			if sh >= len(c.Shipments) {
				return fmt.Errorf("the case's shipments changed while capturing")
			}
			for i, p := range ps {
				var n int
				c.Shipments[sh].Events, n = history.Merge(c.Shipments[sh].Events, p.Events, nos[sh][i])
				fresh += n
			}
		}
		return nil
	})
	return fresh, err
}

// structuredEvents reads the events of a page from the JSON it loaded, when a reader of
// evidence/feeds knows its shape: the carrier's own fields beat reading its layout. Readings
// about another number than the shipment's are left out.
func structuredEvents(r Result, number string) (history.Page, bool) {
	bodies := make([][]byte, len(r.Responses))
	for i, resp := range r.Responses {
		bodies[i] = resp.Body
	}
	var evs []tracker.Event
	for _, rd := range feeds.Read(bodies...) {
		if rd.Number != "" && number != "" && !strings.EqualFold(rd.Number, number) {
			continue
		}
		evs, _ = history.Merge(evs, rd.Events, 0)
	}
	return history.Page{Events: evs}, len(evs) > 0
}

// CaptureTracking captures a case's tracking pages (the given links, else its Targets), records
// them as exhibits and reads their events into the case: the one capture that the command line
// and the window both run. When the pages are kept but their events cannot be saved, it returns
// what it captured together with the error.
func CaptureTracking(ctx context.Context, s tracker.Store, dataDir string, c Capturer, caseID string, links []string, opt CaptureOptions, progress func(Progress), now time.Time) (Captured, int, error) {
	cs, err := s.Case(caseID)
	if err != nil {
		return Captured{}, 0, err
	}
	targets := Targets(cs, links)
	got, err := CaptureCase(ctx, s, dataDir, c, caseID, URLs(targets), opt, progress)
	if err != nil {
		return got, 0, err
	}
	fresh, err := MergeEvents(s, caseID, got, targets, now)
	if err != nil {
		return got, fresh, fmt.Errorf("the pages are kept, but their events were not saved: %w", err)
	}
	return got, fresh, nil
}
