package carrier

import (
	"encoding/json"
	"os"
	"testing"
)

// vector is one public test number of the tracking_number_data suite.
type vector struct {
	Courier string `json:"courier"`
	Name    string `json:"name"`
	Number  string `json:"number"`
	Valid   bool   `json:"valid"`
}

// vectorFiles: the shared conformance copy when the checkout sits beside ../shared, else the
// copy kept in testdata (MIT licence, see testdata/LICENSE.tracking_number_data).
var vectorFiles = []string{
	"../../../shared/conformance/tracking_number_data/vectors.json",
	"testdata/vectors.json",
}

func loadVectors(tb testing.TB) []vector {
	tb.Helper()
	for _, p := range vectorFiles {
		b, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		var vs []vector
		if err := json.Unmarshal(b, &vs); err != nil {
			tb.Fatalf("%s: %v", p, err)
		}
		return vs
	}
	tb.Fatal("no vectors file found")
	return nil
}

// TestVectors applies the conformance suite's rule: a valid number has a candidate of its
// courier whose check digit does not fail; an invalid one has none that passes.
func TestVectors(t *testing.T) {
	vs := loadVectors(t)
	valid := map[[2]string]bool{}
	for _, v := range vs {
		if v.Valid {
			valid[[2]string{v.Courier, v.Number}] = true
		}
	}
	for _, v := range vs {
		res := Check(v.Number, Options{})
		passing := false
		for _, c := range res.Candidates {
			mine := c.Carrier == v.Courier || v.Courier == "s10" && c.Format == "s10"
			if mine && c.CheckDigit != CheckInvalid {
				passing = true
			}
		}
		switch {
		case v.Valid && !passing:
			t.Errorf("%s/%s valid %q: no passing candidate in %v", v.Courier, v.Name, v.Number, summary(res))
		case !v.Valid && passing && !valid[[2]string{v.Courier, v.Number}]:
			t.Errorf("%s/%s invalid %q: offered as passing in %v", v.Courier, v.Name, v.Number, summary(res))
		}
	}
}

func summary(r Result) []string {
	var out []string
	for _, c := range r.Candidates {
		out = append(out, c.Format+":"+c.CheckDigit)
	}
	return out
}
