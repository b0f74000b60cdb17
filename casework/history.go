package casework

import (
	"proofpack/evidence"
	"proofpack/tracker"
	"proofpack/tracker/carrier"
)

// AddHistory keeps tracking history the buyer copied from a carrier page as an exhibit and adds
// its events to the shipment with the given number ("" for the case's first), cleaned as the
// number check cleans it.
func (s *Service) AddHistory(caseID, number, text string) (evidence.HistoryAdded, error) {
	c, err := s.Store.Case(caseID)
	if err != nil {
		return evidence.HistoryAdded{}, err
	}
	sh, err := shipmentOf(c, number)
	if err != nil {
		return evidence.HistoryAdded{}, err
	}
	return evidence.AddHistory(s.Store, s.Dir, caseID, sh, text, s.Now())
}

// shipmentOf finds the index of the shipment whose number is given; "" is the first.
func shipmentOf(c tracker.Case, number string) (int, error) {
	if number == "" {
		return 0, nil
	}
	want := carrier.Check(number, carrier.Options{}).Normalized
	for i, s := range c.Shipments {
		if s.Number == want || s.Number == number || s.Input == number {
			return i, nil
		}
	}
	return 0, tracker.Invalid("tracking", "case %s has no tracking number %s; its numbers are %v", c.ID, number, c.Numbers())
}
