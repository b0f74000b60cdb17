package rules

import "proofpack/tracker"

// horizon notes the days on which a rule's answer turns as time passes, so that a report can
// say until when its flags hold (Report.Until) and a list can keep a diagnosis for days
// instead of running every rule on every case at each start.
type horizon struct {
	today tracker.Date
	until tracker.Date // the earliest day noted after today; zero when none
}

// reached reports whether today is day d or later, noting d when it is still ahead.
func (h *horizon) reached(d tracker.Date) bool {
	if !h.today.Before(d) {
		return true
	}
	if h.until.IsZero() || d.Before(h.until) {
		h.until = d
	}
	return false
}

// within reports whether today lies in [from, to], noting the days that answer turns.
func (h *horizon) within(from, to tracker.Date) bool {
	in := h.reached(from)
	return !h.reached(to.AddDays(1)) && in
}
