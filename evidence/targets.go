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

// Target is a page to capture, the shipment whose number it tracks (-1 when unknown) and that
// number, which the page's events are kept with.
type Target struct {
	URL      string
	Shipment int
	Number   string
}

// Targets lists what to capture for a case: the given links, else each shipment's seller link
// and the links of its best carrier match, each once.
func Targets(c tracker.Case, links []string) []Target {
	var out []Target
	seen := map[string]bool{}
	add := func(u string, sh int, number string) {
		if u != "" && !seen[u] {
			seen[u] = true
			out = append(out, Target{URL: u, Shipment: sh, Number: number})
		}
	}
	for _, u := range links {
		sh, number := shipmentOf(c, u)
		add(u, sh, number)
	}
	if len(links) > 0 {
		return out
	}
	for i, s := range c.Shipments {
		add(s.Link, i, s.Number)
		r := carrier.Check(s.Input, carrier.Options{Country: c.Buyer.Country, SellerLink: s.Link})
		if len(r.Candidates) > 0 {
			for _, l := range r.Candidates[0].Links {
				add(l.URL, i, s.Number)
			}
		}
	}
	return out
}

// shipmentOf finds the shipment a link is about and the number it names: the shipment whose
// number, now or former, the link contains, or the only one with its current number.
func shipmentOf(c tracker.Case, u string) (int, string) {
	up := strings.ToUpper(u)
	for i, s := range c.Shipments {
		if s.Number != "" && strings.Contains(up, strings.ToUpper(s.Number)) {
			return i, s.Number
		}
	}
	for i, s := range c.Shipments {
		for _, f := range s.Former {
			if f.Number != "" && strings.Contains(up, strings.ToUpper(f.Number)) {
				return i, f.Number
			}
		}
	}
	if len(c.Shipments) == 1 {
		return 0, c.Shipments[0].Number
	}
	return -1, ""
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
	target := map[string]Target{}
	for _, t := range targets {
		target[t.URL] = t
	}
	c, err := s.Case(caseID)
	if err != nil {
		return 0, err
	}
	confirmed, err := confirmedNumbers(s, caseID)
	if err != nil {
		return 0, err
	}
	type read struct {
		number string
		page   history.Page
		no     int
	}
	var pages []read
	for _, r := range got.Pages {
		t, ok := target[r.Page.URL]
		if r.Err != nil || !ok || t.Shipment < 0 || t.Number == "" {
			continue
		}
		if r.OtherNumber != "" && !confirmed[r.OtherNumber] {
			continue // about another parcel until the buyer confirms (exhibit_other_number)
		}
		p, ok := structuredEvents(r, t.Number)
		if !ok {
			var perr error
			if p, perr = history.Parse(r.Text, history.Options{Now: now, MonthFirst: c.Buyer.Country == "US"}); perr != nil {
				continue
			}
		}
		if len(p.Events) == 0 {
			continue // a page without events (a search form, a captcha) is still evidence
		}
		p.Events = ofNumber(p.Events, t.Number)
		pages = append(pages, read{t.Number, p, r.Page.No})
	}
	if len(pages) == 0 {
		return 0, nil
	}
	fresh := 0
	_, err = s.UpdateCase(caseID, func(c *tracker.Case) error {
		fresh = 0
		for _, p := range pages {
			sh := c.ShipmentOf(p.number)
			if sh < 0 {
				return fmt.Errorf("the case's tracking numbers changed while capturing")
			}
			var n int
			c.Shipments[sh].Events, n = history.Merge(c.Shipments[sh].Events, p.page.Events, p.no)
			if !p.page.ETA.IsZero() {
				c.Shipments[sh].ETA = tracker.DateOf(p.page.ETA)
			}
			fresh += n
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
	numbers := map[string]string{}
	for _, t := range targets {
		if t.Shipment >= 0 {
			numbers[t.URL] = cs.Shipments[t.Shipment].Number
		}
	}
	got, err := CaptureCase(ctx, s, dataDir, numberCheck{c, numbers}, caseID, URLs(targets), opt, progress)
	if err != nil {
		return got, 0, err
	}
	fresh, err := MergeEvents(s, caseID, got, targets, now)
	if err != nil {
		return got, fresh, fmt.Errorf("the pages are kept, but their events were not saved: %w", err)
	}
	return got, fresh, nil
}

// numberCheck marks each captured page that names another tracking number than the one its
// link was for, so the exhibit records it and its events wait for the buyer.
type numberCheck struct {
	Capturer
	numbers map[string]string // page URL -> its shipment's number
}

func (n numberCheck) Capture(ctx context.Context, req Request, progress func(Progress)) ([]Result, error) {
	rs, err := n.Capturer.Capture(ctx, req, progress)
	for i := range rs {
		if num := n.numbers[rs[i].Page.URL]; num != "" && rs[i].Err == nil {
			rs[i].OtherNumber = OtherNumber(rs[i].Text, num)
		}
	}
	return rs, err
}

// confirmedNumbers are the other numbers the buyer said are about the case's parcel all the same,
// on exhibits not removed since: as for the rules, a removed exhibit vouches for nothing.
func confirmedNumbers(s tracker.Store, caseID string) (map[string]bool, error) {
	ex, err := s.Exhibits(caseID)
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for _, e := range ex {
		if e.NumberConfirmed && !e.Removed {
			out[e.OtherNumber] = true
		}
	}
	return out, nil
}
