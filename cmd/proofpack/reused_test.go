package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// Two orders of one seller under one number, through the real store: a combined shipment, the
// other case named; a third order of another seller under the same number is a reused number.
func TestCombinedShipmentThroughTheStore(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	first := addCase(t, data)
	second := addCase(t, data, "--order", "14-13720-60001", "--ordered", "2026-09-20")
	flags := func() map[string]string {
		a := mustJSON[report](t, pp(t, "", "analyze", first, "--json", "--now", "2026-09-22", "--data", data))
		out := map[string]string{}
		for _, f := range a.Flags {
			out[f.Code] = f.Severity + ": " + f.Message
		}
		return out
	}
	got := flags()
	if _, reused := got["reused_number"]; reused || !strings.Contains(got["combined_shipment"], "info: ") || !strings.Contains(got["combined_shipment"], "case "+second) {
		t.Fatalf("same seller, 15 days apart: want combined_shipment naming case %s and no reused_number, got %v", second, got)
	}
	third := addCase(t, data, "--seller", "another shop", "--order", "77-1", "--ordered", "2026-09-21")
	got = flags()
	if !strings.Contains(got["reused_number"], "critical: ") || !strings.Contains(got["reused_number"], "case "+third) || strings.Contains(got["reused_number"], "case "+second) {
		t.Errorf("another seller: want reused_number naming case %s only, got %v", third, got)
	}
	if !strings.Contains(got["combined_shipment"], "case "+second) {
		t.Errorf("the combined order is still linked: %v", got)
	}
}
