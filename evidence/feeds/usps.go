package feeds

import (
	"encoding/json"
	"strings"

	"proofpack/tracker"
)

// USPS's tracking API (apis.usps.com/tracking/v3) answers {"trackingNumber", "statusSummary",
// "trackingEvents": [{"eventType", "eventTimestamp" (local), "GMTTimestamp", "eventCity",
// "eventState", "eventZIP", "eventCountry", "eventCode"}]}. Places are printed as the USPS
// page prints them: "HERNANDO, FL 34442".
type uspsResponse struct {
	TrackingNumber *string `json:"trackingNumber"`
	TrackingEvents []struct {
		EventType      string  `json:"eventType"`
		EventTimestamp string  `json:"eventTimestamp"`
		EventCity      *string `json:"eventCity"`
		EventState     *string `json:"eventState"`
		EventZIP       *string `json:"eventZIP"`
		EventCountry   *string `json:"eventCountry"`
		EventCode      string  `json:"eventCode"`
	} `json:"trackingEvents"`
}

// uspsStatus are the USPS event codes whose status is certain from the code.
var uspsStatus = map[string]tracker.Status{
	"01": tracker.StatusDelivered,
	"OF": tracker.StatusOutForDelivery,
	"GX": tracker.StatusInfoReceived, // Shipping Label Created, USPS Awaiting Item
	"MA": tracker.StatusInfoReceived, // Pre-Shipment Info Sent to USPS
}

func readUSPS(body []byte) ([]Reading, bool) {
	var r uspsResponse
	if json.Unmarshal(body, &r) != nil || r.TrackingNumber == nil || r.TrackingEvents == nil {
		return nil, false
	}
	rd := Reading{Number: *r.TrackingNumber, Events: []tracker.Event{}}
	for _, e := range r.TrackingEvents {
		place := str(e.EventCity)
		if st := strings.TrimSpace(str(e.EventState) + " " + str(e.EventZIP)); st != "" {
			place = strings.TrimPrefix(place+", "+st, ", ")
		}
		if c := str(e.EventCountry); c != "" && place == "" {
			place = c
		}
		at, ok := wallClock(e.EventTimestamp)
		if !ok {
			rd.Events = append(rd.Events, undated(place, e.EventType))
			continue
		}
		rd.Events = append(rd.Events, event(at, place, e.EventType, uspsStatus[e.EventCode]))
	}
	return []Reading{rd}, true
}

func str(s *string) string {
	if s == nil {
		return ""
	}
	return strings.TrimSpace(*s)
}
