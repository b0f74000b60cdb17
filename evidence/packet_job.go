package evidence

import "time"

// PacketJob is one packet the buyer asked for, from the command line or the window.
type PacketJob struct {
	CaseID    string
	Out       string // the PDF to write; loose files go beside it
	Profile   string // bank, paypal, marketplace or archive
	Statement string // the buyer's own statement; "" for the one built from the findings
	Address   string // the full postal address, shown only when given
	Force     bool   // make it even when exhibit files changed or are missing
	Now       time.Time
	// Progress, when set, hears how many pictures are encoded out of how many.
	Progress func(done, total int)
}

// PacketMade is what a PacketJob wrote.
type PacketMade struct {
	Profile  string    `json:"profile"`
	Files    []string  `json:"files"` // the PDF first
	Pages    int       `json:"pages"`
	Bytes    int       `json:"bytes"`
	LeftOut  []int     `json:"left_out"` // exhibit numbers the profile's limits left out
	Notes    []string  `json:"notes"`    // what the buyer must be told
	Problems []Problem `json:"-"`        // files that did not match their hashes (forced)
}
