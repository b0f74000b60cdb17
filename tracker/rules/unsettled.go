package rules

import (
	"slices"
	"strings"

	"proofpack/tracker"
)

// unsettledPages are the captures of this shipment's tracking page that did not show its
// history (tracker.Exhibit.Unsettled): they show no events, yet prove nothing, so
// pageExhibits never cites them as "nothing there" and noEvents says why they do not count.
func (c check) unsettledPages() []int {
	out := []int{}
	for _, e := range c.in.Exhibits {
		if e.Unsettled && slices.Contains(pageKinds, e.Kind) && c.aboutThisNumber(e) {
			out = appendNo(out, e.No)
		}
	}
	return out
}

// unsettledNote is the sentence noEvents adds when captures were left out: "" when none were.
func (c check) unsettledNote() string {
	nos := c.unsettledPages()
	if len(nos) == 0 {
		return ""
	}
	verb := "was"
	if len(nos) > 1 {
		verb = "were"
	}
	return " " + capitalize(tracker.ExhibitsText(nos)) + " " + verb + " captured while the page did not show the tracking history (it was still loading, or showed neither events nor a \"not found\" message), so it proves nothing either way: capture the page again."
}

func capitalize(s string) string {
	return strings.ToUpper(s[:1]) + s[1:]
}
