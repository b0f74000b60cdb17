package carrier

import (
	"slices"
	"testing"
)

// cleaningCases double as fuzz seeds.
var cleaningCases = []struct {
	in, want string
	fixes    []string
}{
	{"RR123456785CN", "RR123456785CN", nil},
	{"rr123456785cn", "RR123456785CN", []string{FixUppercase}},
	{" RR 1234 5678 5 CN ", "RR123456785CN", []string{FixSpaces}},
	{"RR\t123456785\nCN\r\n", "RR123456785CN", []string{FixSpaces}},
	{"RR\u00a0123456785\u00a0CN", "RR123456785CN", []string{FixSpaces}},           // NBSP (NFKC makes it a space)
	{"RR\u202f123456785CN", "RR123456785CN", []string{FixSpaces}},                 // narrow NBSP
	{"\ufeffRR123456785CN\u200b", "RR123456785CN", []string{FixInvisible}},        // BOM, zero-width space
	{"\u200fRR123456785CN\u200e", "RR123456785CN", []string{FixInvisible}},        // RTL and LTR marks
	{"\u2066RR123456785CN\u2069", "RR123456785CN", []string{FixInvisible}},        // bidi isolate
	{"ＲＲ１２３４５６７８５ＣＮ", "RR123456785CN", []string{FixFullWidth}},                    // full-width
	{"ｒｒ１２３４５６７８５ｃｎ", "RR123456785CN", []string{FixFullWidth, FixUppercase}},      // full-width lowercase
	{"1Z-879E-930-346-834-440", "1Z879E930346834440", []string{FixDashes}},        // ASCII hyphen
	{"1Z\u2013879E\u2014930346834440", "1Z879E930346834440", []string{FixDashes}}, // en and em dash
	{"1Z\u2212879E930346834440", "1Z879E930346834440", []string{FixDashes}},       // minus sign
	{"1Z\uff0d879E930346834440", "1Z879E930346834440", []string{FixDashes}},       // full-width hyphen: a dash, not a width fix
	{"1LS7119013618127-1", "1LS71190136181271", []string{FixDashes}},              // LaserShip's own dash
	{"  9400 1112\u00a00108-0805\u200b4830 16 ", "9400111201080805483016", []string{FixInvisible, FixSpaces, FixDashes}},
	{"", "", nil},
	{"📦RR123456785CN", "📦RR123456785CN", nil}, // an emoji is not cleaned away: it is not a separator
	{"RR123456785CN\x00\xff", "RR123456785CN\x00\xff", nil},
}

func TestNormalize(t *testing.T) {
	for _, tt := range cleaningCases {
		got, fixes := Normalize(tt.in)
		if got != tt.want || !slices.Equal(fixes, tt.fixes) {
			t.Errorf("Normalize(%q) = %q, %q; want %q, %q", tt.in, got, fixes, tt.want, tt.fixes)
		}
	}
}

// TestCleanedNumbersAreRecognised: a pasted number with junk finds the same carrier as the
// clean one, and says it was cleaned.
func TestCleanedNumbersAreRecognised(t *testing.T) {
	for _, in := range []string{"\u200brr 1234-5678-5 cn", "ＲＲ１２３４５６７８５ＣＮ", "RR\u00a0123456785\u00a0CN"} {
		r := Check(in, Options{})
		if len(r.Candidates) == 0 || r.Candidates[0].Format != "s10" || r.Candidates[0].CheckDigit != CheckValid {
			t.Errorf("%q: want a valid S10 first, got %v", in, summary(r))
		}
		if !hasFlag(r, "input_cleaned") {
			t.Errorf("%q: no input_cleaned flag", in)
		}
	}
	if r := Check("1LS7119013618127-1", Options{}); hasFlag(r, "input_cleaned") {
		t.Errorf("LaserShip's own dash reported as junk")
	}
}
