package carrier

import (
	"encoding/json"
	"strings"
	"testing"
)

func hasFlag(r Result, code string) bool {
	for _, f := range r.Flags {
		if f.Code == code {
			return true
		}
	}
	return false
}

func flagOf(r Result, code string) (msg, action string) {
	for _, f := range r.Flags {
		if f.Code == code {
			return f.Message, f.Action
		}
	}
	return "", ""
}

// badInputs are pastes that hold no number; they double as fuzz seeds.
var badInputs = []string{
	"",
	"   ",
	strings.Repeat("9", 10000),
	strings.Repeat("RR123456785CN", 800),
	"\x00\x01\x02\xff\xfe\x80",
	"📦🚚📦",
	"\u200f\u202e\u2067",
	"تتبع الشحنة",
	"hello world",
	"RR123456785XX", // S10-shaped, no such country
}

func TestBadInputIsUnknownFormat(t *testing.T) {
	for _, in := range badInputs {
		r := Check(in, Options{Country: "US", SellerLink: in})
		if len(r.Candidates) != 0 || !hasFlag(r, "unknown_format") {
			t.Errorf("%.40q: want no candidates and unknown_format, got %v %v", in, summary(r), r.Flags)
		}
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		for _, part := range []string{`"fixes":[`, `"candidates":[]`, `"exhibits":[]`} {
			if !strings.Contains(string(b), part) {
				t.Errorf("%.40q: JSON lacks %s: %.300s", in, part, b)
			}
		}
	}
}

func TestNumberFlags(t *testing.T) {
	tests := []struct {
		in      string
		opt     Options
		want    []string
		notWant []string
	}{
		{"RR123456785CN", Options{Country: "DE"}, []string{"destination_tracking"}, []string{"check_digit_mismatch", "untracked_service", "input_cleaned"}},
		{"RR123456785CN", Options{Country: "CN"}, nil, []string{"destination_tracking"}}, // domestic
		{"RR123456786CN", Options{}, []string{"check_digit_mismatch"}, []string{"destination_tracking"}},
		{"UA123456785CN", Options{}, []string{"untracked_service", "destination_tracking"}, nil},
		{"LP00123456789012", Options{}, []string{"number_changes_on_arrival"}, []string{"unknown_format"}},
		{"YT2229521272164446", Options{}, []string{"number_changes_on_arrival"}, nil},
		{"UK000000005YP", Options{}, []string{"number_changes_on_arrival"}, []string{"destination_tracking"}},
		{"1Z5R89390357567127", Options{}, nil, []string{"check_digit_mismatch", "number_changes_on_arrival"}},
		{"1Z5R89390357567128", Options{}, []string{"check_digit_mismatch"}, nil},
		// 14 digits fit only the broad DHL eCommerce shape, which has no check digit to fail.
		{"60120172242320", Options{}, nil, []string{"unknown_format", "check_digit_mismatch"}},
		// 12 digits fit FedEx Express and DHL Paket: FedEx's check digit fails, but DHL's is read
		// from samples only (a DHL return label fails it), so nothing is proven.
		{"601201722423", Options{}, []string{"number_unclear"}, []string{"unknown_format", "check_digit_mismatch"}},
		{"999991587211", Options{}, nil, []string{"check_digit_mismatch"}}, // DHL return label (karrio)
		// Real numbers that failed the only check digit we knew (issue 10): now read right.
		{"36301917596", Options{}, []string{"number_unclear"}, []string{"check_digit_mismatch"}},                 // GLS
		{"00340434161094042557", Options{}, nil, []string{"check_digit_mismatch", "number_unclear"}},             // DHL Paket
		{"6307253297994985", Options{}, nil, []string{"check_digit_mismatch"}},                                   // Correos Express
		{"PQ5HG70200028570115706M", Options{}, nil, []string{"unknown_format", "check_digit_mismatch"}},          // Correos
		{"3SDEVC6659149", Options{}, nil, []string{"unknown_format", "check_digit_mismatch"}},                    // PostNL
		{"DT106798246430", Options{}, nil, []string{"unknown_format", "check_digit_mismatch", "number_unclear"}}, // FedEx door tag
		{"1z5r 8939 0357 5671 27", Options{}, []string{"input_cleaned"}, []string{"check_digit_mismatch"}},
	}
	for _, tt := range tests {
		r := Check(tt.in, tt.opt)
		for _, code := range tt.want {
			if !hasFlag(r, code) {
				t.Errorf("%s %+v: no %s flag in %v", tt.in, tt.opt, code, r.Flags)
			}
		}
		for _, code := range tt.notWant {
			if hasFlag(r, code) {
				t.Errorf("%s %+v: unexpected %s flag", tt.in, tt.opt, code)
			}
		}
		for _, f := range r.Flags {
			if f.Message == "" || f.Action == "" || f.Exhibits == nil || f.Severity == "" {
				t.Errorf("%s: flag %s incomplete: %+v", tt.in, f.Code, f)
			}
		}
	}
}

// TestFailedCheckBesideShapeOnlyIsUnclear: a failed S10 check digit proves nothing while the
// shape-only DHL eCommerce format also fits (DESIGN: "not recognised for sure", never "made
// up"); the failed candidate ranks last and the buyer is asked which carrier the seller named.
func TestFailedCheckBesideShapeOnlyIsUnclear(t *testing.T) {
	r := Check("LX123456786CN", Options{})
	if len(r.Candidates) != 2 || r.Candidates[0].Format != "dhl_ecommerce" || r.Candidates[1].Format != "s10" ||
		r.Candidates[1].CheckDigit != CheckInvalid {
		t.Fatalf("want dhl_ecommerce then s10 invalid, got %v", summary(r))
	}
	if hasFlag(r, "check_digit_mismatch") || !hasFlag(r, "number_unclear") {
		t.Errorf("want number_unclear and no check_digit_mismatch, got %v", r.Flags)
	}
	if msg, action := flagOf(r, "number_unclear"); strings.Contains(msg+action, "made up") || !strings.Contains(action, "Which carrier did the seller name?") {
		t.Errorf("number_unclear %q / %q: want a question, no accusation", msg, action)
	}
}

func TestCandidatesRanked(t *testing.T) {
	r := Check("LX123456785CN", Options{})
	if len(r.Candidates) != 2 || r.Candidates[0].Format != "s10" || r.Candidates[0].CheckDigit != CheckValid ||
		r.Candidates[0].Confidence != "high" || r.Candidates[1].Confidence != "low" {
		t.Fatalf("want s10 valid (high) before dhl_ecommerce (low), got %v", summary(r))
	}
	for _, c := range r.Candidates {
		if len(c.Links) == 0 || c.Name == "" {
			t.Errorf("incomplete candidate %+v", c)
		}
	}
}

// Buyers read these messages: no standards jargon, and the country the item leaves named.
func TestUntrackedServiceSpeaksPlainly(t *testing.T) {
	msg, action := flagOf(Check("UA123456785CN", Options{Country: "US"}), "untracked_service")
	if strings.Contains(msg+action, "UPU") || !strings.Contains(msg, "China") {
		t.Errorf("untracked_service message %q / %q: want plain words naming China", msg, action)
	}
}

// A DHL Paket SSCC passes USPS's check digit by chance: DHL ranks first, USPS is not "high".
func TestDHLPaketBeforeUSPS(t *testing.T) {
	r := Check("00340434161094042557", Options{})
	if len(r.Candidates) < 2 || r.Candidates[0].Format != "dhl_paket_sscc" || r.Candidates[0].Confidence != "high" {
		t.Fatalf("want dhl_paket_sscc first (high), got %v", summary(r))
	}
	for _, c := range r.Candidates[1:] {
		if c.Carrier == "usps" && c.Confidence == "high" {
			t.Errorf("USPS behind DHL Paket still high: %+v", c)
		}
	}
}
