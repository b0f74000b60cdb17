package tracker

// Severity says how loudly a flag should speak.
type Severity string

// The severities, in rising order.
const (
	Info     Severity = "info"
	Warning  Severity = "warning"
	Critical Severity = "critical"
)

// Flag is one finding about a case or a number: what is wrong in plain words, the next step, and
// the exhibits that prove it.
type Flag struct {
	Code     string   `json:"code"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
	Action   string   `json:"action"`
	Exhibits []int    `json:"exhibits"` // exhibit numbers; never nil in JSON
	// DistanceKM is how far from the buyer's town a delivered_elsewhere flag's delivery was,
	// rounded as the message words it; 0 when not known.
	DistanceKM int `json:"distance_km,omitempty"`
	// Said and Todo are Message and Action as format and arguments, for a window that speaks
	// another language; zero when the maker kept none (the English text is then shown).
	Said Words `json:"-"`
	Todo Words `json:"-"`
}

// Flag codes, as listed in DESIGN.md. Scripts match on these strings.
const (
	FlagInputCleaned          = "input_cleaned"
	FlagCheckDigitMismatch    = "check_digit_mismatch"
	FlagNumberUnclear         = "number_unclear" // fits formats with and without a check digit, none holding
	FlagUnknownFormat         = "unknown_format"
	FlagLinkMismatch          = "link_mismatch"
	FlagUntrackedService      = "untracked_service"
	FlagDestinationTracking   = "destination_tracking"
	FlagNumberChangesOnArrive = "number_changes_on_arrival"
	FlagNotYetOnline          = "not_yet_online"
	FlagProvisionalNumber     = "provisional_number"
	FlagNotShipped            = "not_shipped"
	FlagStalled               = "stalled"
	FlagDeliveredElsewhere    = "delivered_elsewhere"
	FlagDeliveryPlaceUnclear  = "delivery_place_unclear"
	FlagDeliveredBeforeOrder  = "delivered_before_order"
	FlagExhibitOtherNumber    = "exhibit_other_number"
	FlagReusedNumber          = "reused_number"
	FlagCombinedShipment      = "combined_shipment" // same number on orders of one seller, days apart
	FlagDisputeWindowOpen     = "dispute_window_open"
	FlagDisputeDeadlineNear   = "dispute_deadline_near"
	FlagRefundOverdue         = "refund_overdue"
	FlagDeliveredNotReceived  = "delivered_not_received"
)

// FlagCodes are every flag code above, for the tables that must name each one (the list's
// headlines).
var FlagCodes = []string{FlagInputCleaned, FlagCheckDigitMismatch, FlagNumberUnclear, FlagUnknownFormat,
	FlagLinkMismatch, FlagUntrackedService, FlagDestinationTracking, FlagNumberChangesOnArrive, FlagNotYetOnline,
	FlagProvisionalNumber, FlagNotShipped, FlagStalled, FlagDeliveredElsewhere, FlagDeliveryPlaceUnclear,
	FlagDeliveredBeforeOrder, FlagExhibitOtherNumber, FlagReusedNumber, FlagCombinedShipment,
	FlagDisputeWindowOpen, FlagDisputeDeadlineNear, FlagRefundOverdue, FlagDeliveredNotReceived}
