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

// Rendered is a packet drawn for a profile (by evidence/pdf): the PDF and the profile's loose
// files, which the application layer writes.
type Rendered struct {
	Profile string
	PDF     []byte
	Pages   int
	// Loose are the profile's extra files, each named by what follows the PDF's path without
	// its extension: "-pictures/03-screenshot.jpg", ".zip".
	Loose   []LooseFile
	Notes   []string // what the buyer must be told
	LeftOut []int    // exhibit numbers the profile's limits left out
}

// LooseFile is one extra file of a packet.
type LooseFile struct {
	Suffix string
	Data   []byte
}
