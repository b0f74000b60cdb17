package evidence

import (
	"strings"

	"proofpack/tracker/carrier"
)

// OtherNumber returns a tracking number that text names instead of own, or "" when the text names
// own (in any spelling carrier.Normalize cleans) or names no other number for sure. Only numbers
// whose check digit holds count, written with letters (RR123456785CN, 1Z…, LP…) or as 20 to 22
// digits (USPS, DHL Paket): a phone, an order or a postcode number must not make a page suspect.
func OtherNumber(text, own string) string {
	ownN, _ := carrier.Normalize(own)
	if ownN == "" {
		return ""
	}
	flat, _ := carrier.Normalize(text)
	if strings.Contains(flat, ownN) {
		return ""
	}
	var ms [8]carrier.Match
	for _, run := range strings.FieldsFunc(strings.ToUpper(text), func(r rune) bool {
		return !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
	}) {
		if len(run) < 10 || len(run) > 40 || strings.Contains(ownN, run) || !hasDigit(run) {
			continue
		}
		if letters := strings.IndexFunc(run, func(r rune) bool { return r >= 'A' && r <= 'Z' }) >= 0; !letters && (len(run) < 20 || len(run) > 22) {
			continue
		}
		for _, m := range carrier.Detect(run, ms[:0]) {
			if m.CheckDigit == carrier.CheckValid && !m.Format.Weak {
				return run
			}
		}
	}
	return ""
}

func hasDigit(s string) bool { return strings.ContainsAny(s, "0123456789") }
