package carrier

import (
	"strings"
	"testing"
)

// checkIndex is where a format keeps its check character, when it is not the last one.
var checkIndex = map[string]int{"fedex_astra_32": 27, "s10": 10}

// TestMutatedCheckDigitFails is the Ruby library's mutation test: in every valid number whose
// check digit holds, shifting that digit by 3 must make the same format report it invalid.
// It also proves every format with a check digit is exercised by at least one vector or real
// number (testdata/real).
func TestMutatedCheckDigitFails(t *testing.T) {
	exercised := map[string]bool{}
	var numbers []string
	for _, v := range loadVectors(t) {
		numbers = append(numbers, v.Number)
	}
	for _, r := range loadReal(t) {
		numbers = append(numbers, r.Number)
	}
	for _, number := range numbers {
		n, _ := Normalize(number)
		for _, m := range Detect(n, nil) {
			if m.CheckDigit != CheckValid {
				continue
			}
			exercised[m.Format.ID] = true
			mutated := mutateCheck(n, m)
			found := false
			for _, mm := range Detect(mutated, nil) {
				if mm.Format == m.Format && mm.Routing == m.Routing {
					found = true
					if mm.CheckDigit != CheckInvalid {
						t.Errorf("%s: %s with check shifted by 3 (%s) is %s", m.Format.ID, n, mutated, mm.CheckDigit)
					}
				}
			}
			if !found {
				t.Errorf("%s: mutated %s no longer fits the shape", m.Format.ID, mutated)
			}
		}
	}
	for _, f := range formats {
		if f.Check != nil && !exercised[f.ID] {
			t.Errorf("format %s has a check digit but no valid vector exercises it", f.ID)
		}
	}
}

// mutateCheck shifts m's check character by 3 within its alphabet (digits, or MOD 37,36).
func mutateCheck(n string, m Match) string {
	i := len(n) - 1
	if j, ok := checkIndex[m.Format.ID]; ok {
		i = len(n) - len(m.Number) + j
	}
	alphabet := mod37Alphabet[:10]
	if strings.HasPrefix(m.Format.ID, "dpd") {
		alphabet = mod37Alphabet[:36]
	}
	k := strings.IndexByte(alphabet, n[i])
	return n[:i] + string(alphabet[(k+3)%len(alphabet)]) + n[i+1:]
}

// TestS10EveryCountry builds a valid S10 number for every ISO country: each is recognised, its
// origin post named, and linked (origin and universal at least).
func TestS10EveryCountry(t *testing.T) {
	count := 0
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			cc := string([]rune{a, b})
			n := "EE12345678" + string(rune('0'+s10("12345678"))) + cc
			r := Check(n, Options{})
			known := len(r.Candidates) > 0 && r.Candidates[0].Format == "s10"
			if countryKnown(cc) != known {
				t.Errorf("%s: country known %v, S10 recognised %v", n, countryKnown(cc), known)
			}
			if !known {
				continue
			}
			count++
			c := r.Candidates[0]
			if c.CheckDigit != CheckValid || c.Fields["origin_country"] != cc || c.Carrier != postOf(cc) {
				t.Errorf("%s: %+v", n, c)
			}
			if roles(c)[RoleOrigin] == 0 || roles(c)[RoleUniversal] != 1 {
				t.Errorf("%s: links %+v", n, c.Links)
			}
			if _, listed := byID[c.Carrier]; !listed && Name(c.Carrier) == c.Carrier {
				t.Errorf("%s: carrier %s has no display name", n, c.Carrier)
			}
		}
	}
	if count < 240 {
		t.Errorf("only %d countries recognised", count)
	}
}
