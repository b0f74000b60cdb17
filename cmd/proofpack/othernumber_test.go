package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The case, end to end through the binary and Chromium: the page of RR123456785CN
// captured into a case for RR876543216CN is kept but doubted, and its delivery is not the
// case's until the buyer confirms, pasting its text with events add --confirm-number.
func TestPageOfAnotherNumberIsDoubtedUntilConfirmed(t *testing.T) {
	const history = "2026-10-14 10:22 Delivered\tMOSKVA 125009\n2026-10-05 09:00 Accepted\tSHENZHEN\n"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, "<!DOCTYPE html><title>Track</title><h1>Tracking number RR123456785CN</h1><pre>%s</pre>", history)
	}))
	defer srv.Close()
	data := filepath.Join(t.TempDir(), "data")
	args := slices.Clone(addArgs)
	for i, a := range args {
		if a == "--tracking" {
			args[i+1] = "RR876543216CN"
		}
		if a == "--tracking-url" {
			args[i+1] = srv.URL + "/track"
		}
	}
	id := mustJSON[map[string]any](t, pp(t, "", append(args, "--data", data)...))["id"].(string)

	got := mustJSON[struct {
		EventsAdded int `json:"events_added"`
	}](t, pp(t, "", "capture", id, "--url", srv.URL+"/track", "--json", "--data", data))
	if got.EventsAdded != 0 {
		t.Errorf("%d events taken from another parcel's page", got.EventsAdded)
	}
	type report struct {
		Status string
		Flags  []struct{ Code, Severity, Message, Action string }
		Events []any
	}
	analyze := func() (report, map[string]string) {
		r := mustJSON[report](t, pp(t, "", "analyze", id, "--json", "--now", "2026-10-20", "--data", data))
		codes := map[string]string{}
		for _, f := range r.Flags {
			codes[f.Code] = f.Message + " | " + f.Action
		}
		return r, codes
	}
	r, codes := analyze()
	if f := codes["exhibit_other_number"]; !strings.Contains(f, "RR123456785CN") || !strings.Contains(f, "--confirm-number") || len(r.Events) != 0 || r.Status == "delivered" {
		t.Fatalf("after capturing another number's page: status %s, %d events, flags %v", r.Status, len(r.Events), codes)
	}

	page := "Tracking number RR123456785CN\n" + history
	if out := pp(t, page, "events", "add", id, "-", "--confirm-number", "--data", data); out.code != 0 || strings.Contains(out.stdout, "Warning") {
		t.Fatalf("events add --confirm-number: %d %q %q", out.code, out.stdout, out.stderr)
	}
	r, codes = analyze()
	if _, ok := codes["exhibit_other_number"]; ok || r.Status != "delivered" || len(r.Events) != 2 {
		t.Errorf("after confirming: status %s, %d events, flags %v", r.Status, len(r.Events), codes)
	}
}
