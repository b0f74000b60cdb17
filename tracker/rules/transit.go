package rules

import "proofpack/tracker"

// stalled raises a flag when a parcel in transit has had no new event for too long.
func (c check) stalled() []tracker.Flag {
	if len(c.dated) == 0 || c.dated[0].Status != tracker.StatusInTransit {
		return nil
	}
	last := c.dated[0]
	due, hs := deadline(tracker.DateOf(last.Time), c.s.StalledAfter, c.s.Holidays)
	if !c.h.reached(due) {
		return nil
	}
	where := tracker.Words{}
	if last.Place != "" {
		where = tracker.Say(" in %s", last.Place)
	}
	proof := eventExhibits(last)
	return []tracker.Flag{flag(tracker.FlagStalled, tracker.Warning, proof,
		tracker.Say("Ask the seller to ask the carrier where the parcel is. If the promised delivery date has passed, open a dispute for an item not received and %s.", attach(proof)),
		tracker.Say("No new tracking event for %s in %d days: the last was %q%s on %s%s.",
			c.sh.Number, tracker.DateOf(last.Time).DaysUntil(c.today), last.Description, where, day(last), holidayNote(hs)))}
}
