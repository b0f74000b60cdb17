package rules

import (
	"strings"

	"proofpack/tracker"
	"proofpack/tracker/place"
)

// deliveredElsewhere flags a delivery in a town or country that is not the buyer's. The place
// is looked up in the gazetteer (place.Locate), because an "elsewhere" in the packet accuses
// the seller: only a known town farther than place.NearKM, or another country, is critical and
// states its distance; a neighbouring town is a warning (ask for the proof of delivery); a
// place that names no known town, or a name several towns share, is delivery_place_unclear and
// asks the buyer. A delivery event that names the buyer's own town clears the shipment, so a
// page that prints the town on one line and the facility on another is never an accusation.
func (c check) deliveredElsewhere() []tracker.Flag {
	found := map[place.Verdict][]tracker.Event{}
	locs := map[place.Verdict]place.Location{}
	for _, e := range c.dated {
		if e.Status != tracker.StatusDelivered {
			continue
		}
		loc := place.Locate(e.Place, c.in.Case.Buyer)
		if loc.Verdict == place.Same {
			return nil
		}
		if _, ok := locs[loc.Verdict]; !ok {
			locs[loc.Verdict] = loc
		}
		found[loc.Verdict] = append(found[loc.Verdict], e)
	}
	// The least accusing reading wins: a page that also prints a neighbouring town may mean it.
	for _, v := range []place.Verdict{place.Near, place.Different, place.Unclear} {
		if evs := found[v]; evs != nil {
			return []tracker.Flag{c.elsewhereFlag(locs[v], evs)}
		}
	}
	return nil
}

func (c check) elsewhereFlag(loc place.Location, bad []tracker.Event) tracker.Flag {
	e := bad[0]
	proof := eventExhibits(bad...)
	city := c.in.Case.Buyer.City
	km := place.RoundKM(loc.KM)
	distance := tracker.Words{}
	if km > 0 {
		distance = tracker.Say("about %s", place.KMText(km))
		if loc.AtLeast {
			distance = tracker.Say("at least %s", place.KMText(km))
		}
	}
	switch loc.Verdict {
	case place.Near:
		f := flag(tracker.FlagDeliveredElsewhere, tracker.Warning, proof,
			tracker.Say("Ask the carrier for the proof of delivery (signature, photo or GPS point). If it is not your address, open a dispute for an item not received and %s.", attach(proof)),
			tracker.Say("The tracking shows %s delivered at '%s' on %s: that is %s, %s from your address; you live in %s. A neighbouring town may be the carrier's name for your delivery area.",
				c.sh.Number, strings.TrimSpace(e.Place), day(e), loc.Town.Name, distance, city))
		f.DistanceKM = km
		return f
	case place.Different:
		var f tracker.Flag
		if loc.Town.Name == "" { // another country, no town named
			f = flag(tracker.FlagDeliveredElsewhere, tracker.Critical, proof,
				tracker.Say("Open a dispute now for an item not received: say the tracking shows a delivery somewhere else and %s. Ask the carrier for the proof of delivery with its address.", attach(proof)),
				tracker.Say("The tracking shows %s delivered at '%s' on %s, but you live in %s: %s.",
					c.sh.Number, strings.TrimSpace(e.Place), day(e), city, loc.Reason))
		} else {
			f = flag(tracker.FlagDeliveredElsewhere, tracker.Critical, proof,
				tracker.Say("Open a dispute now for an item not received: say the tracking shows a delivery in %s, %s from your address, and %s. Ask the carrier for the proof of delivery with its address.", loc.Town.Name, distance, attach(proof)),
				tracker.Say("The tracking shows %s delivered at '%s' on %s: that is %s, %s from your address; you live in %s.",
					c.sh.Number, strings.TrimSpace(e.Place), day(e), loc.Town.Name, distance, city))
		}
		f.DistanceKM = km
		return f
	}
	return flag(tracker.FlagDeliveryPlaceUnclear, tracker.Warning, proof,
		tracker.Say("If it is your town or your delivery office, nothing is wrong with the place. If it is not, ask the carrier for the proof of delivery with its address, then open a dispute and %s.", attach(proof)),
		tracker.Say("The page says the parcel was delivered at '%s'. Is that your town? We cannot tell: %s.",
			strings.TrimSpace(e.Place), loc.Reason))
}

// deliveredBeforeOrder flags a delivery dated before the order (or the shipping date): the
// number belongs to someone else's parcel.
func (c check) deliveredBeforeOrder() []tracker.Flag {
	cs := c.in.Case
	ref, what := cs.Ordered, tracker.Say("you ordered")
	if !cs.Shipped.IsZero() {
		ref, what = cs.Shipped, tracker.Say("the seller says it shipped")
	}
	if ref.IsZero() {
		return nil
	}
	for _, e := range c.dated {
		if e.Status == tracker.StatusDelivered && tracker.DateOf(e.Time).Before(ref) {
			proof := eventExhibits(e)
			return []tracker.Flag{flag(tracker.FlagDeliveredBeforeOrder, tracker.Critical, proof,
				tracker.Say("Open a dispute now: the number cannot be your parcel's. Say so and %s.", attach(proof)),
				tracker.Say("The tracking shows %s delivered on %s, before %s (%s): the number belongs to another, older parcel.",
					c.sh.Number, day(e), what, ref))}
		}
	}
	return nil
}
