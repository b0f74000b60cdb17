package history

import (
	"time"

	"proofpack/tracker"
)

// Merge adds the events of a page (read from exhibit no) to those already known: a history pasted
// twice, or the origin and destination posts' pages of one number, adds each event once. It
// returns the events newest first and how many were new.
func Merge(old, page []tracker.Event, no int) ([]tracker.Event, int) {
	type key struct {
		t                  time.Time
		place, description string
		unparsed           bool
	}
	seen := map[key]bool{}
	out := make([]tracker.Event, 0, len(old)+len(page))
	for _, ev := range old {
		seen[key{ev.Time, ev.Place, ev.Description, ev.Unparsed}] = true
		out = append(out, ev)
	}
	fresh := 0
	for _, ev := range page {
		k := key{ev.Time, ev.Place, ev.Description, ev.Unparsed}
		if seen[k] {
			continue
		}
		seen[k] = true
		ev.Exhibit = no
		out = append(out, ev)
		fresh++
	}
	SortNewestFirst(out)
	return out, fresh
}
