package feeds

import (
	"encoding/json"

	"proofpack/tracker"
	"proofpack/tracker/history"
)

// DHL's tracking page (dhl.com, "utapi") and its Shipment Tracking – Unified API answer
// {"shipments": [{"id", "service", "events": [{"timestamp" (local), "location": {"address":
// {"addressLocality", "postalCode", "countryCode"}}, "statusCode", "status", "description"}]}]}.
// statusCode is DHL's own summary: pre-transit, transit, delivered, failure or unknown.
type dhlResponse struct {
	Shipments []struct {
		ID     json.RawMessage `json:"id"` // a string, or a number in DHL's own examples
		Events []struct {
			Timestamp string `json:"timestamp"`
			Location  *struct {
				Address struct {
					Locality    string `json:"addressLocality"`
					CountryCode string `json:"countryCode"`
				} `json:"address"`
			} `json:"location"`
			StatusCode  string `json:"statusCode"`
			Status      string `json:"status"`
			Description string `json:"description"`
		} `json:"events"`
	} `json:"shipments"`
}

func readDHL(body []byte) ([]Reading, bool) {
	var r dhlResponse
	if json.Unmarshal(body, &r) != nil || len(r.Shipments) == 0 || r.Shipments[0].ID == nil || r.Shipments[0].Events == nil {
		return nil, false
	}
	var out []Reading
	for _, s := range r.Shipments {
		rd := Reading{Events: []tracker.Event{}}
		var id string
		if json.Unmarshal(s.ID, &id) == nil {
			rd.Number = id
		} else {
			rd.Number = string(s.ID)
		}
		for _, e := range s.Events {
			place := ""
			if l := e.Location; l != nil {
				place = l.Address.Locality
				if place == "" {
					place = l.Address.CountryCode
				}
			}
			words := e.Description
			if words == "" {
				words = e.Status
			}
			at, ok := wallClock(e.Timestamp)
			if !ok {
				rd.Events = append(rd.Events, undated(place, words))
				continue
			}
			rd.Events = append(rd.Events, event(at, place, words, dhlStatus(e.StatusCode, words)))
		}
		out = append(out, rd)
	}
	return out, true
}

// dhlStatus trusts DHL's summary code where it is certain and reads the words within it: a
// "transit" event may be out for delivery or waiting at a pickup point, never a delivery.
func dhlStatus(code, words string) tracker.Status {
	switch code {
	case "delivered":
		return tracker.StatusDelivered
	case "pre-transit":
		return tracker.StatusInfoReceived
	case "transit":
		switch s := history.Classify(words); s {
		case tracker.StatusOutForDelivery, tracker.StatusPickup:
			return s
		}
		return tracker.StatusInTransit
	}
	return ""
}
