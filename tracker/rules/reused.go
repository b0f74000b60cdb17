package rules

import (
	"strings"

	"proofpack/tracker"
)

// combinedWithin is how far apart two orders of one seller may be and still share a parcel:
// sellers combine the orders of a few weeks into one shipment under one number.
const combinedWithin = 45

// reused flags a number that other cases carry too. Orders of the same seller placed within
// combinedWithin days of each other are one parcel for both (combined_shipment, info, the cases
// linked); a number that also belongs to another seller's order, to an order months apart, or
// to a case whose seller or date is unknown is reused_number (critical), as before.
func (c check) reused() []tracker.Flag {
	var combined, reused []string
	for _, o := range c.in.Reused[c.sh.Number] {
		if combinedShipment(c.in.Case, o) {
			combined = append(combined, o.ID)
		} else {
			reused = append(reused, o.ID)
		}
	}
	var out []tracker.Flag
	if len(reused) > 0 {
		proof := eventExhibits(c.dated...)
		out = append(out, flag(tracker.FlagReusedNumber, tracker.Critical, proof,
			tracker.Say("Compare the orders: if they are different parcels, the number is not real for at least one of them. Ask the seller for the right number and, if none comes, open a dispute and %s.", attach(proof)),
			tracker.Say("%s is also the tracking number of %s, from another seller or an order more than %d days apart: one number cannot track two parcels.", c.sh.Number, caseList(reused), combinedWithin)))
	}
	if len(combined) > 0 {
		out = append(out, flag(tracker.FlagCombinedShipment, tracker.Info, []int{},
			tracker.Say("Expect one parcel for both orders. If it arrives with only part of the items, tell the seller which order is missing."),
			tracker.Say("%s is also the number of %s, ordered from the same seller within %d days: one parcel for both orders (a combined shipment), not a reused number.", c.sh.Number, caseList(combined), combinedWithin)))
	}
	return out
}

// combinedShipment reports whether two cases are orders of one seller placed within
// combinedWithin days of each other; an unknown seller or date is no proof.
func combinedShipment(a, b tracker.Case) bool {
	sa, sb := strings.TrimSpace(a.Seller), strings.TrimSpace(b.Seller)
	if sa == "" || !strings.EqualFold(sa, sb) || a.Ordered.IsZero() || b.Ordered.IsZero() {
		return false
	}
	d := a.Ordered.DaysUntil(b.Ordered)
	return -combinedWithin <= d && d <= combinedWithin
}

// listedCases is how many case IDs a message names before it counts the rest: a number shared
// by thousands of orders must not make a message (and every label or page showing it) that long.
const listedCases = 10

func caseList(ids []string) tracker.Words {
	if len(ids) == 1 {
		return tracker.Say("case %s", ids[0])
	}
	if len(ids) > listedCases {
		return tracker.Say("cases %s and %d others", strings.Join(ids[:listedCases], ", "), len(ids)-listedCases)
	}
	return tracker.Say("cases %s", strings.Join(ids, ", "))
}
