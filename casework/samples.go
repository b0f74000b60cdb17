package casework

import (
	"encoding/json"
	"fmt"
	"strings"

	"proofpack/assets"
	"proofpack/tracker"
)

// sampleMarker starts the notes of every sample case, so a second load can see they are there.
const sampleMarker = "Sample case"

// LoadSamples adds the sample cases of assets/demo.json unless they are there already, for a
// buyer who wants to look around first (`proofpack demo`, the empty window's button).
func (s *Service) LoadSamples() ([]tracker.Case, error) {
	existing, err := s.Store.Cases()
	if err != nil {
		return nil, err
	}
	for _, c := range existing {
		if strings.HasPrefix(c.Notes, sampleMarker) {
			return nil, nil
		}
	}
	var samples []tracker.Case
	if err := json.Unmarshal(assets.Demo, &samples); err != nil {
		return nil, fmt.Errorf("assets/demo.json: %w", err)
	}
	var added []tracker.Case
	for _, c := range samples {
		for i, sh := range c.Shipments {
			ns := NewShipment(sh.Input, sh.Link, "")
			ns.Link, ns.Events = sh.Link, sh.Events
			c.Shipments[i] = ns
		}
		c, err := s.Store.AddCase(c)
		if err != nil {
			return added, fmt.Errorf("assets/demo.json, order %s: %w", c.OrderNumber, err)
		}
		added = append(added, c)
	}
	return added, nil
}
