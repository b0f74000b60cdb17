package pdf

import (
	"fmt"
	"path/filepath"
	"strings"

	"proofpack/tracker"
)

// Profile is where a packet is going and the limits that place sets. Limits come from
// research/evidence.md section 5.4 (Visa/Marqeta, Amex, Mastercom, PayPal).
type Profile struct {
	Name        string
	Description string
	MaxBytes    int64   // largest file accepted; 0 means no limit
	MaxPages    int     // 0 means no limit
	MaxDPI      float64 // images are downscaled past this; 0 means no cap
	NameLimit   int     // longest file name accepted, in ASCII characters; 0 means no limit
	Images      bool    // also hand over each exhibit picture as its own file
	Archive     bool    // also write a zip with every original file and the hash lists
	// Qualities are the JPEG steps tried in order until the packet fits; after the last, the
	// pictures are downscaled along DPISteps before exhibits are left out. 150 DPI is the
	// floor: below it a 1280-pixel page's text is no longer readable at 100 % zoom.
	Qualities []int
	DPISteps  []float64
}

// Profiles are the places a packet can go, by name.
var Profiles = map[string]Profile{
	"bank": {Name: "bank", Description: "one PDF of at most 2 MB and 20 pages, images at most 300 DPI, for a card chargeback",
		MaxBytes: 2_000_000, MaxPages: 20, MaxDPI: 300, NameLimit: 16, Qualities: []int{72, 60, 50}, DPISteps: []float64{150}},
	"paypal": {Name: "paypal", Description: "one PDF under 10 MB for a PayPal dispute",
		MaxBytes: 10_000_000 - 1, Qualities: []int{85, 72, 60, 50}, DPISteps: []float64{150}},
	"marketplace": {Name: "marketplace", Description: "one PDF under 5 MB plus each exhibit picture as an image, for marketplaces that take only pictures",
		MaxBytes: 5_000_000 - 1, Images: true, Qualities: []int{85, 72, 60, 50}, DPISteps: []float64{150}},
	"archive": {Name: "archive", Description: "the PDF at full quality plus a zip of every original file with its hashes",
		Archive: true, Qualities: []int{92}},
}

// ProfileNames lists the profiles in the order the command and the window offer them.
var ProfileNames = []string{"bank", "paypal", "marketplace", "archive"}

// ProfileNamed returns the profile called name.
func ProfileNamed(name string) (Profile, error) {
	p, ok := Profiles[name]
	if !ok {
		return Profile{}, fmt.Errorf("no profile %s: use one of %s", tracker.Quote(name), strings.Join(ProfileNames, ", "))
	}
	return p, nil
}

// NameProblem says what is wrong with a file name for this profile, or "" when nothing is.
func (p Profile) NameProblem(file string) string {
	if p.NameLimit == 0 {
		return ""
	}
	name := filepath.Base(file)
	for _, r := range name {
		if r > 126 || r < 32 {
			return fmt.Sprintf("%s is not plain ASCII; the %s profile wants an ASCII name of at most %d characters", tracker.Quote(name), p.Name, p.NameLimit)
		}
	}
	if len(name) > p.NameLimit {
		return fmt.Sprintf("%s has %d characters; the %s profile wants at most %d", tracker.Quote(name), len(name), p.Name, p.NameLimit)
	}
	return ""
}

// ShortName is a file name that fits every profile: the order number's letters and digits,
// cut to fit, e.g. "8150322711.pdf".
func ShortName(orderNumber string) string {
	var b strings.Builder
	for _, r := range orderNumber {
		if r < 128 && (r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '-') {
			b.WriteRune(r)
		}
	}
	s := b.String()
	if s == "" {
		s = "packet"
	}
	if len(s) > 12 {
		s = s[len(s)-12:]
	}
	return s + ".pdf"
}
