package place

import (
	"strings"
	"unicode"

	"proofpack/tracker"
)

// normPostcode writes a postcode without spaces and dashes, upper case; a US ZIP+4 keeps only
// its five-digit ZIP, which is what pages print and what names the delivery area.
func normPostcode(pc, country string) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(pc) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	s := b.String()
	if country == "US" && len(s) == 9 {
		s = s[:5]
	}
	return s
}

// shape writes letters as A and digits as 9: 01310-100 and 04538132 are both 99999999.
func shape(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= '0' && c <= '9' {
			b[i] = '9'
		} else {
			b[i] = 'A'
		}
	}
	return string(b)
}

// postcodeIn finds a postcode in text shaped like the buyer's (01310-100 and 04538-132 for
// Brazil, 80202 and 11201 for the US, 00-950 for Poland, 125009 for Russia, K1A 0B1 for
// Canada). It reads either one run of letters and digits or two joined by one dash or space.
func postcodeIn(text string, buyer tracker.Address) (string, bool) {
	want := normPostcode(buyer.Postcode, buyer.Country)
	if want == "" {
		return "", false
	}
	ws := shape(want)
	runs, seps := alnumRuns(text)
	for i := range runs {
		if i+1 < len(runs) && (seps[i] == "-" || seps[i] == " ") {
			if j := runs[i] + runs[i+1]; shape(j) == ws && shape(runs[i]) != ws {
				return j, true
			}
		}
		if shape(runs[i]) == ws {
			return runs[i], true
		}
	}
	return "", false
}

// alnumRuns splits text into runs of ASCII letters and digits (upper-cased) and the text
// between each run and the next.
func alnumRuns(text string) (runs, seps []string) {
	isAlnum := func(c byte) bool { return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' }
	for i := 0; i < len(text); {
		if !isAlnum(text[i]) {
			i++
			continue
		}
		j := i
		for j < len(text) && isAlnum(text[j]) {
			j++
		}
		k := j
		for k < len(text) && !isAlnum(text[k]) {
			k++
		}
		runs = append(runs, strings.ToUpper(text[i:j]))
		seps = append(seps, text[j:k])
		i = k
	}
	return runs, seps
}
