package rules

import (
	"slices"

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
func (c check) unsettledNote() tracker.Words {
	nos := c.unsettledPages()
	const why = " captured while the page did not show the tracking history (it was still loading, or showed neither events nor a \"not found\" message), so it proves nothing either way: capture the page again."
	switch len(nos) {
	case 0:
		return tracker.Words{}
	case 1:
		return tracker.Say(" %s was"+why, exhibitsCapital(nos))
	}
	return tracker.Say(" %s were"+why, exhibitsCapital(nos))
}

// exhibitsCapital is tracker.ExhibitsWords starting a sentence: "Exhibits 2 and 3".
func exhibitsCapital(nos []int) tracker.Words {
	if len(nos) == 1 {
		return tracker.Say("Exhibit %d", nos[0])
	}
	w := tracker.ExhibitsWords(nos)
	return tracker.Say("Exhibits %s and %d", w.Args...)
}
