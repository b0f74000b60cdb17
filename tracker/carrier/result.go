package carrier

import "proofpack/tracker"

// Result is what Check finds about one pasted number; its JSON is the `check --json` contract.
type Result struct {
	Input      string         `json:"input"`
	Normalized string         `json:"normalized"`
	Fixes      []string       `json:"fixes"`
	Candidates []Candidate    `json:"candidates"`
	Flags      []tracker.Flag `json:"flags"`
	// LinkCarrier is the carrier the seller's link belongs to, when it names one we know.
	LinkCarrier string `json:"link_carrier,omitempty"`
}

// Candidate is one carrier format the number fits, best first in Result.Candidates.
type Candidate struct {
	Carrier    string            `json:"carrier"`          // conformance courier_code, else snake_case id
	Format     string            `json:"format"`           // "s10" for UPU S10 numbers
	Name       string            `json:"name"`             // human name of carrier and format
	CheckDigit string            `json:"check_digit"`      // valid, invalid or none
	Fields     map[string]string `json:"fields,omitempty"` // decoded: service, origin country...
	Links      []Link            `json:"links"`
	Number     string            `json:"number"`     // as the carrier prints it: USPS without the 420+ZIP prefix, LaserShip with its dash
	Confidence string            `json:"confidence"` // high (check digit holds), medium (distinctive shape), low (broad shape or failed check)
}

// Link is a tracking page for the number.
type Link struct {
	Role    string `json:"role"` // origin, destination or universal
	Carrier string `json:"carrier"`
	URL     string `json:"url"`
	// NumberInURL is false for a search page: the buyer types or pastes the number there.
	NumberInURL bool `json:"number_in_url"`
}

// Options carry what the case knows beyond the number itself.
type Options struct {
	Country    string // buyer's (destination) country, ISO alpha-2; "" when unknown
	SellerLink string // the tracking link the seller gave; "" when none
}
