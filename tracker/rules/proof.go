package rules

import (
	"slices"
	"strings"

	"proofpack/tracker"
)

// pageKinds are the exhibit kinds that show a tracking page.
var pageKinds = []string{"history", "screenshot", "page", "text", "pdf"}

// pageExhibits are the exhibits that show this shipment's tracking page, found by the number
// in their URL or note: with no events, they are what proves "nothing there". A capture taken
// before the page had settled proves nothing (see unsettledPages).
func (c check) pageExhibits() []int {
	out := []int{}
	for _, e := range c.in.Exhibits {
		if slices.Contains(pageKinds, e.Kind) && c.aboutThisNumber(e) && !e.Unsettled {
			out = appendNo(out, e.No)
		}
	}
	return out
}

// aboutThisNumber reports whether an exhibit names this shipment's number in its URL or note.
func (c check) aboutThisNumber(e tracker.Exhibit) bool {
	return strings.Contains(e.URL, c.sh.Number) || strings.Contains(e.Note, c.sh.Number)
}

// eventExhibits are the exhibits the events were read from.
func eventExhibits(evs ...tracker.Event) []int {
	out := []int{}
	for _, e := range evs {
		if e.Exhibit > 0 {
			out = appendNo(out, e.Exhibit)
		}
	}
	return out
}

func appendNo(nos []int, n int) []int {
	if slices.Contains(nos, n) {
		return nos
	}
	return append(nos, n)
}

// attach tells the buyer what to attach: "attach exhibit 3", "attach exhibits 3 and 5", or,
// with none yet, how to make one.
func attach(nos []int) tracker.Words {
	switch len(nos) {
	case 0:
		return tracker.Say("capture the tracking page first (Capture, or proofpack capture) and attach it")
	}
	return tracker.Say("attach %s", tracker.ExhibitsWords(nos))
}

// holidayNote says which holidays stretched a wait: " (longer because of Golden Week 2026)".
func holidayNote(hs []Holiday) tracker.Words {
	if len(hs) == 0 {
		return tracker.Words{}
	}
	names := make([]string, len(hs))
	for i, h := range hs {
		names[i] = h.Name
	}
	if len(hs) == 1 {
		return tracker.Say(" (longer because of %s in China)", names[0])
	}
	return tracker.Say(" (longer because of %s and %s in China)", strings.Join(names[:len(names)-1], " and "), names[len(names)-1])
}

func day(t tracker.Event) string { return tracker.DateOf(t.Time).String() }

// flag makes a flag whose message and next step keep their words for the window's language.
func flag(code string, sev tracker.Severity, exhibits []int, action, msg tracker.Words) tracker.Flag {
	return tracker.Flag{Code: code, Severity: sev, Message: msg.String(), Action: action.String(), Exhibits: exhibits, Said: msg, Todo: action}
}
