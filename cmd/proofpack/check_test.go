package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"proofpack/tracker/carrier"
)

// TestCheckNeedsNoDataFolder runs `check` the way the conformance script does: JSON for several
// numbers, a country and a seller's link, with a data folder that must stay untouched.
func TestCheckNeedsNoDataFolder(t *testing.T) {
	data := filepath.Join(t.TempDir(), "never-made")
	t.Setenv("PROOFPACK_DATA", data)
	r := pp(t, "", "check", "--json", "--country", "de", "--url", "https://www.ups.com/track?tracknum=x",
		"rr 1234 5678 5 cn", "9400 1112 0108 0805 4830 16", "\u200f📦")
	results := mustJSON[[]carrier.Result](t, r)
	if len(results) != 3 {
		t.Fatalf("want 3 results, got %d", len(results))
	}
	s10 := results[0].Candidates[0]
	if s10.Format != "s10" || s10.CheckDigit != "valid" || s10.Links[len(s10.Links)-2].Role != "destination" {
		t.Errorf("S10 result: %+v", s10)
	}
	if results[1].Candidates[0].Carrier != "usps" || !hasCode(results[1], "link_mismatch") {
		t.Errorf("USPS with a UPS link: %+v", results[1])
	}
	if len(results[2].Candidates) != 0 || !hasCode(results[2], "unknown_format") {
		t.Errorf("junk: %+v", results[2])
	}
	if _, err := os.Stat(data); !os.IsNotExist(err) {
		t.Errorf("check touched the data folder: %v", err)
	}
}

func TestCheckHumanOutputAndBadCountry(t *testing.T) {
	r := pp(t, "", "check", "RR123456786CN")
	if r.code != 0 || !strings.Contains(r.stdout, "invalid") || !strings.Contains(r.stdout, "mistyped or made up") {
		t.Errorf("exit %d, output:\n%s", r.code, r.stdout)
	}
	if r := pp(t, "", "check", "--country", "XX", "RR123456785CN"); r.code != exitUsage || !strings.Contains(r.stderr, "--country") {
		t.Errorf("bad country: exit %d, stderr %q", r.code, r.stderr)
	}
	if r := pp(t, "", "check"); r.code != exitUsage {
		t.Errorf("no number: exit %d", r.code)
	}
}

func hasCode(r carrier.Result, code string) bool {
	for _, f := range r.Flags {
		if f.Code == code {
			return true
		}
	}
	return false
}
