package carrier

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"testing"
)

// realNumber is one tracking number published by others, with the reading a person expects
// (testdata/real/README.md says where each comes from).
type realNumber struct {
	Number     string `json:"number"`
	Carrier    string `json:"carrier"` // a candidate of this carrier must be offered...
	Format     string `json:"format"`  // ...or of this format (UPU S10 numbers name "s10")
	CheckDigit string `json:"check_digit"`
	Real       bool   `json:"real"` // a real parcel's number: never called made up
	Best       bool   `json:"best"` // the expected candidate must rank first
	Source     string `json:"source"`
	Licence    string `json:"licence"`
	Note       string `json:"note"`
}

// TestRealNumbers reads every number of the real corpus and reports a score per carrier. It
// fails on any number read otherwise than expected, and above all on a real number called
// made up.
func TestRealNumbers(t *testing.T) {
	ns := loadReal(t)
	if len(ns) < 150 {
		t.Errorf("the corpus holds %d numbers, want at least 150", len(ns))
	}
	type tally struct{ pass, total int }
	score := map[string]*tally{}
	for i, n := range ns {
		key := n.Carrier + n.Format
		if key == "" || n.Source == "" || n.Licence == "" {
			t.Fatalf("numbers.json item %d (%s): carrier or format, source and licence are required", i+1, n.Number)
		}
		if score[key] == nil {
			score[key] = &tally{}
		}
		score[key].total++
		if problem := readReal(n); problem != "" {
			t.Errorf("%s (%s, %s): %s", n.Number, key, n.Source, problem)
			continue
		}
		score[key].pass++
	}
	keys := make([]string, 0, len(score))
	for k := range score {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	pass, total := 0, 0
	for _, k := range keys {
		t.Logf("score %-16s %3d/%-3d", k, score[k].pass, score[k].total)
		pass += score[k].pass
		total += score[k].total
	}
	t.Logf("score %-16s %3d/%-3d", "all", pass, total)
}

func loadReal(tb testing.TB) []realNumber {
	tb.Helper()
	b, err := os.ReadFile("testdata/real/numbers.json")
	if err != nil {
		tb.Fatal(err)
	}
	var ns []realNumber
	if err := json.Unmarshal(b, &ns); err != nil {
		tb.Fatalf("testdata/real/numbers.json: %v", err)
	}
	return ns
}

// readReal returns what is wrong with the reading of n, or "".
func readReal(n realNumber) string {
	r := Check(n.Number, Options{})
	if n.Carrier == "unknown" { // a test value in no carrier's shape
		if len(r.Candidates) > 0 {
			return fmt.Sprintf("want no candidate, got %v", summary(r))
		}
		return ""
	}
	if n.Real && hasFlag(r, "check_digit_mismatch") {
		return "a real number called made up (check_digit_mismatch): " + fmt.Sprint(summary(r))
	}
	for i, c := range r.Candidates {
		if c.Carrier != n.Carrier && c.Format != n.Format {
			continue
		}
		if c.CheckDigit != n.CheckDigit {
			return fmt.Sprintf("check digit %s, want %s", c.CheckDigit, n.CheckDigit)
		}
		if n.Best && i > 0 {
			return fmt.Sprintf("ranked %d in %v, want first", i+1, summary(r))
		}
		return ""
	}
	return fmt.Sprintf("not offered: %v", summary(r))
}
