package casework

import (
	"strings"

	"proofpack/evidence"
	"proofpack/tracker"
	"proofpack/tracker/carrier"
)

// AddHistory keeps tracking history the buyer copied from a carrier page as an exhibit and adds
// its events to the shipment that has, or had, the given number ("" for the case's first),
// cleaned as the number check cleans it. confirmed says the buyer confirmed the text is about
// this parcel although it names another tracking number (events add --confirm-number).
func (s *Service) AddHistory(caseID, number, text string, confirmed bool) (evidence.HistoryAdded, error) {
	c, err := s.Store.Case(caseID)
	if err != nil {
		return evidence.HistoryAdded{}, err
	}
	n, err := numberOf(c, number)
	if err != nil {
		return evidence.HistoryAdded{}, err
	}
	return evidence.AddHistoryOf(s.Store, s.Dir, caseID, n, text, s.Now(), confirmed)
}

// numberOf finds the case's number that number names, as typed or pasted: a current or former
// number, cleaned or not, or the input it was saved from; "" is the first shipment's.
func numberOf(c tracker.Case, number string) (string, error) {
	if number == "" {
		if len(c.Shipments) == 0 {
			return "", tracker.Invalid("tracking", "case %s has no tracking number", c.ID)
		}
		return c.Shipments[0].Number, nil
	}
	for _, want := range []string{carrier.Check(number, carrier.Options{}).Normalized, strings.TrimSpace(number)} {
		if want != "" && c.ShipmentOf(want) >= 0 {
			return want, nil
		}
	}
	for _, s := range c.Shipments {
		if s.Input == number {
			return s.Number, nil
		}
	}
	return "", tracker.Invalid("tracking", "case %s has no tracking number %s; its numbers are %v", c.ID, tracker.Quote(number), c.Numbers())
}
