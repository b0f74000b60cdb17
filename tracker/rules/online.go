package rules

import (
	"proofpack/tracker"
)

// online raises not_yet_online or provisional_number for a number with no events, and
// not_shipped for one that has shown only "label created" for longer than the grace period.
func (c check) online() []tracker.Flag {
	if len(c.dated) == 0 {
		return c.noEvents()
	}
	for _, e := range c.dated {
		if e.Status != tracker.StatusInfoReceived && e.Status != tracker.StatusPending {
			return nil
		}
	}
	first := c.dated[len(c.dated)-1]
	due, hs := deadline(tracker.DateOf(first.Time), c.s.OnlineGrace, c.s.Holidays)
	if !c.h.reached(due) {
		return nil
	}
	return []tracker.Flag{flag(tracker.FlagNotShipped, tracker.Warning, eventExhibits(c.dated...),
		tracker.Say("Ask the seller whether the parcel was really handed to the carrier. If nothing moves within 3 days, open a dispute for an order not shipped and %s.", attach(eventExhibits(c.dated...))),
		tracker.Say("%s has shown only %q since %s: %d days in which the carrier never received the parcel%s.",
			c.sh.Number, c.dated[0].Description, day(first), tracker.DateOf(first.Time).DaysUntil(c.today), holidayNote(hs)))}
}

// noEvents: a new number gets a grace period (stretched by holidays) before it must show
// events; after it, or after the promised delivery date, it looks like a placeholder.
func (c check) noEvents() []tracker.Flag {
	cs := c.in.Case
	start, from := cs.Shipped, tracker.Say("the shipping date")
	if start.IsZero() {
		start, from = cs.Ordered, tracker.Say("the order date")
	}
	due, hs := deadline(start, c.s.OnlineGrace, c.s.Holidays)
	promised := !cs.Promised.IsZero() && c.h.reached(cs.Promised.AddDays(1))
	proof := c.pageExhibits()
	if !c.h.reached(due) && !promised {
		return []tracker.Flag{flag(tracker.FlagNotYetOnline, tracker.Info, proof,
			tracker.Say("Wait until %s and check again. If the seller has not told you when it shipped, ask them for the shipping date.", due),
			tracker.Say("No tracking events for %s yet. New numbers often take up to %d days after %s to appear%s, so this is normal until %s.%s",
				c.sh.Number, c.s.OnlineGrace, from, holidayNote(hs), due, c.unsettledNote()))}
	}
	why := tracker.Say("%d days after %s (%s)", start.DaysUntil(c.today), from, start)
	if promised {
		why = tracker.Say("and the promised delivery date %s has passed", cs.Promised)
	}
	return []tracker.Flag{flag(tracker.FlagProvisionalNumber, tracker.Warning, proof,
		tracker.Say("Ask the seller for a tracking number that works. If none comes within 3 days, open a dispute for an order not shipped and %s.", attach(proof)),
		tracker.Say("%s still shows no tracking events %s. It may be a placeholder number given to gain time.%s", c.sh.Number, why, c.unsettledNote()))}
}
