package carrier

import (
	"encoding/json"
	"testing"
	"unicode/utf8"
)

// FuzzCheck feeds detection anything at all. Whatever comes in: no panic, the input is echoed,
// unknown_format exactly when nothing fits, every candidate is complete, cleaning is stable, and
// the compiled shapes agree with their RE2 text. CI runs it for 30 s:
//
//	go test -run '^$' -fuzz FuzzCheck -fuzztime 30s ./tracker/carrier
func FuzzCheck(f *testing.F) {
	for _, c := range cleaningCases {
		f.Add(c.in, "")
	}
	for _, in := range badInputs {
		f.Add(in, "US")
	}
	for _, v := range loadVectors(f) {
		f.Add(v.Number, "DE")
	}
	f.Fuzz(func(t *testing.T, input, country string) {
		r := Check(input, Options{Country: country, SellerLink: input})
		if r.Input != input {
			t.Fatalf("input not echoed: %q", r.Input)
		}
		if (len(r.Candidates) == 0) != hasFlag(r, "unknown_format") {
			t.Fatalf("%q: %d candidates, flags %v", input, len(r.Candidates), r.Flags)
		}
		for _, c := range r.Candidates {
			if len(c.Links) == 0 || c.Carrier == "" || c.Format == "" || c.Number == "" {
				t.Fatalf("%q: incomplete candidate %+v", input, c)
			}
			switch c.CheckDigit {
			case CheckValid, CheckInvalid, CheckNone:
			default:
				t.Fatalf("%q: check digit %q", input, c.CheckDigit)
			}
		}
		if again, fixes := Normalize(r.Normalized); utf8.ValidString(input) && (again != r.Normalized || len(fixes) != 0) {
			t.Fatalf("cleaning %q is not stable: %q then %q %v", input, r.Normalized, again, fixes)
		}
		if _, err := json.Marshal(r); err != nil {
			t.Fatal(err)
		}
		assertShapesAgree(t, r.Normalized)
		assertShapesAgree(t, input)
	})
}
