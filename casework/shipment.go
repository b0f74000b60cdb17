package casework

import (
	"strings"

	"proofpack/tracker"
	"proofpack/tracker/carrier"
)

// NewShipment turns a number as the buyer pasted or imported it into a shipment: normalised,
// with the best carrier it fits. courier, when given (an import's courier column), picks among
// the carriers the number fits; it never names a carrier the number does not fit.
func NewShipment(input, link, courier string) tracker.Shipment {
	r := carrier.Check(input, carrier.Options{})
	s := tracker.Shipment{Number: r.Normalized, Input: input, Link: strings.TrimSpace(link)}
	if s.Number == "" {
		s.Number = strings.TrimSpace(input)
	}
	hint := strings.ReplaceAll(strings.ToLower(strings.TrimSpace(courier)), "-", "_")
	for _, c := range r.Candidates {
		if hint != "" && c.Carrier == hint && c.CheckDigit != "invalid" {
			s.Carrier = c.Carrier
			return s
		}
	}
	if len(r.Candidates) > 0 && r.Candidates[0].CheckDigit != "invalid" {
		s.Carrier = r.Candidates[0].Carrier
	}
	return s
}
