package tracker

import "time"

// Status is where a parcel is, in the words of the AfterShip taxonomy that scripts expect.
type Status string

// The statuses, from least to most final.
const (
	StatusNotFound       Status = "not_found" // the carrier knows nothing of the number (yet)
	StatusPending        Status = "pending"
	StatusInfoReceived   Status = "info_received" // a label exists; nothing has moved
	StatusInTransit      Status = "in_transit"
	StatusOutForDelivery Status = "out_for_delivery"
	StatusAttemptFail    Status = "attempt_fail"
	StatusPickup         Status = "available_for_pickup"
	StatusDelivered      Status = "delivered"
	StatusException      Status = "exception"
	StatusExpired        Status = "expired"
)

// Event is one line of a tracking history. Time is the wall-clock time printed on the page,
// stored as UTC digits because carriers rarely say which zone they mean. An event whose date could
// not be read keeps its text with Unparsed set, so nothing the buyer pasted is silently dropped.
type Event struct {
	Time        time.Time `json:"time"`
	Place       string    `json:"place"`
	Description string    `json:"description"`
	Status      Status    `json:"status"`
	Unparsed    bool      `json:"unparsed,omitempty"`
	Exhibit     int       `json:"exhibit,omitempty"` // the exhibit number the event was read from
	// Number is the tracking number the event was read for, which stays when the shipment's
	// number changes; "" (cases saved before) means the shipment's current number.
	Number string `json:"number,omitempty"`
}

// Status is where the case's parcels stand: the status of the latest dated event across its
// shipments, or not_found when no carrier has shown anything yet.
func (c Case) Status() Status {
	var latest *Event
	for i := range c.Shipments {
		for j := range c.Shipments[i].Events {
			ev := &c.Shipments[i].Events[j]
			if ev.Unparsed {
				continue
			}
			if latest == nil || ev.Time.After(latest.Time) {
				latest = ev
			}
		}
	}
	if latest == nil {
		return StatusNotFound
	}
	return latest.Status
}
