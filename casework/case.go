package casework

import (
	"strings"

	"proofpack/evidence"
	"proofpack/tracker"
)

// Shipments builds the shipments for the pasted numbers and the seller's links (in the same
// order; fewer links than numbers is fine), keeping the events already read for a number that
// stays. More links than numbers is an error of the field "tracking_url".
func Shipments(inputs, links []string, old []tracker.Shipment) ([]tracker.Shipment, error) {
	if len(links) > len(inputs) {
		return nil, tracker.Invalid("tracking_url", "%d links for %d tracking numbers", len(links), len(inputs))
	}
	out := make([]tracker.Shipment, 0, len(inputs))
	for i, in := range inputs {
		link := ""
		if i < len(links) {
			link = links[i]
		}
		s := NewShipment(in, link, "")
		for _, o := range old {
			if o.Number == s.Number {
				s.Events = o.Events
			}
		}
		out = append(out, s)
	}
	return out, nil
}

// AddCase validates c and stores it as a new case.
func (s *Service) AddCase(c tracker.Case) (tracker.Case, error) {
	if err := c.Validate(); err != nil {
		return tracker.Case{}, err
	}
	return s.Store.AddCase(c)
}

// EditCase applies change to the stored case and saves it if the result is valid; when change
// fails or the result is invalid nothing is saved.
func (s *Service) EditCase(id string, change func(*tracker.Case) error) (tracker.Case, error) {
	return s.Store.UpdateCase(id, change)
}

// SaveStatement keeps the buyer's own statement for the packet with the case; "" goes back to
// the one built from the findings.
func (s *Service) SaveStatement(id, text string) (tracker.Case, error) {
	return s.Store.UpdateCase(id, func(c *tracker.Case) error {
		c.Statement = strings.TrimSpace(text)
		return nil
	})
}

// Case returns one stored case.
func (s *Service) Case(id string) (tracker.Case, error) { return s.Store.Case(id) }

// Cases returns every case, oldest first.
func (s *Service) Cases() ([]tracker.Case, error) { return s.Store.Cases() }

// DeleteCase removes a case with its exhibit records and files.
func (s *Service) DeleteCase(id string) error { return evidence.DeleteCase(s.Store, s.Dir, id) }
