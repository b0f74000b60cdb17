package rules

import (
	"proofpack/tracker"
	"proofpack/tracker/place"
)

// deliveredElsewhere flags a delivery in a town, postcode or country that is not the buyer's.
// A delivery event that names the buyer's own town clears the shipment, so a page that prints
// the town on one line and the facility on another is never an accusation.
func (c check) deliveredElsewhere() []tracker.Flag {
	var bad []tracker.Event
	var reason string
	for _, e := range c.dated {
		if e.Status != tracker.StatusDelivered {
			continue
		}
		m := place.Match(e.Place, c.in.Case.Buyer)
		switch m.Verdict {
		case place.Same:
			return nil
		case place.Different:
			if bad == nil {
				reason = m.Reason
			}
			bad = append(bad, e)
		}
	}
	if bad == nil {
		return nil
	}
	e := bad[0]
	proof := eventExhibits(bad...)
	return []tracker.Flag{flag(tracker.FlagDeliveredElsewhere, tracker.Critical, proof,
		"Open a dispute now for an item not received: say the tracking shows a delivery somewhere else and "+attach(proof)+". Ask the carrier for the proof of delivery with its address.",
		"The tracking shows %s delivered in %s on %s, but you live in %s: %s.",
		c.sh.Number, e.Place, day(e), c.in.Case.Buyer.City, reason)}
}

// deliveredBeforeOrder flags a delivery dated before the order (or the shipping date): the
// number belongs to someone else's parcel.
func (c check) deliveredBeforeOrder() []tracker.Flag {
	cs := c.in.Case
	ref, what := cs.Ordered, "you ordered"
	if !cs.Shipped.IsZero() {
		ref, what = cs.Shipped, "the seller says it shipped"
	}
	if ref.IsZero() {
		return nil
	}
	for _, e := range c.dated {
		if e.Status == tracker.StatusDelivered && tracker.DateOf(e.Time).Before(ref) {
			proof := eventExhibits(e)
			return []tracker.Flag{flag(tracker.FlagDeliveredBeforeOrder, tracker.Critical, proof,
				"Open a dispute now: the number cannot be your parcel's. Say so and "+attach(proof)+".",
				"The tracking shows %s delivered on %s, before %s (%s): the number belongs to another, older parcel.",
				c.sh.Number, day(e), what, ref)}
		}
	}
	return nil
}
