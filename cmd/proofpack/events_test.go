package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const austinHistory = `September 12, 2026, 3:41 pm
Delivered, Front Porch
AUSTIN, TX 78701

September 12, 2026, 8:02 am
Out for Delivery
AUSTIN, TX 78701

September 10, 2026, 9:15 pm
Arrived at USPS Regional Facility
SAN ANTONIO TX DISTRIBUTION CENTER
`

type report struct {
	CaseID string `json:"case_id"`
	Status string `json:"status"`
	Flags  []struct {
		Code, Severity, Message, Action string
		Exhibits                        []int
	} `json:"flags"`
	Events []struct {
		Time, Place, Description, Status string
	} `json:"events"`
}

func addCase(t *testing.T, data string, args ...string) string {
	t.Helper()
	base := []string{"case", "add", "--json", "--marketplace", "ebay", "--order", "14-13720-58841", "--seller", "cams",
		"--item", "Lens cap", "--amount", "8.99", "--currency", "USD", "--ordered", "2026-09-05",
		"--tracking", "9400111899223197428490", "--city", "Austin", "--postcode", "78701", "--country", "US", "--data", data}
	c := mustJSON[map[string]any](t, pp(t, "", append(base, args...)...))
	return c["id"].(string)
}

func TestEventsAddThenAnalyze(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	id := addCase(t, data)
	file := filepath.Join(t.TempDir(), "history.txt")
	os.WriteFile(file, []byte(austinHistory), 0o600)

	r := pp(t, "", "events", "add", id, "--file", file, "--data", data)
	if r.code != 0 || !strings.Contains(r.stdout, "Read 3 events") || !strings.Contains(r.stdout, "exhibit 1") {
		t.Fatalf("events add: %d %q %q", r.code, r.stdout, r.stderr)
	}
	a := mustJSON[report](t, pp(t, "", "analyze", id, "--json", "--now", "2026-09-20", "--data", data))
	if a.CaseID != id || a.Status != "delivered" || len(a.Events) != 3 {
		t.Fatalf("analyze: %+v", a)
	}
	if a.Events[0].Place != "AUSTIN, TX 78701" || a.Events[0].Status != "delivered" {
		t.Errorf("newest event %+v", a.Events[0])
	}
	for _, f := range a.Flags {
		if f.Code == "delivered_elsewhere" {
			t.Errorf("a delivery at the buyer's own address is flagged: %s", f.Message)
		}
	}

	// The same page again, from standard input: kept as a second exhibit, no event twice.
	r = pp(t, austinHistory, "events", "add", id, "-", "--data", data)
	if r.code != 0 || !strings.Contains(r.stdout, "(0 new)") || !strings.Contains(r.stdout, "exhibit 2") {
		t.Fatalf("second paste: %d %q %q", r.code, r.stdout, r.stderr)
	}
	if a := mustJSON[report](t, pp(t, "", "analyze", id, "--json", "--now", "2026-09-20", "--data", data)); len(a.Events) != 3 {
		t.Errorf("%d events after pasting the same page twice", len(a.Events))
	}
	files, _ := filepath.Glob(filepath.Join(data, "cases", id, "*-history.txt"))
	if len(files) != 2 {
		t.Errorf("history exhibits on disk: %v", files)
	}

	// Deleting the case takes its exhibit folder with it.
	if r := pp(t, "", "case", "delete", id, "--data", data); r.code != 0 {
		t.Fatalf("delete: %s", r.stderr)
	}
	if _, err := os.Stat(filepath.Join(data, "cases", id)); !os.IsNotExist(err) {
		t.Errorf("the case folder outlived the case: %v", err)
	}
}

func TestAnalyzeFlagsADeliveryInAnotherCity(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	id := addCase(t, data)
	page := "September 12, 2026, 3:41 pm\nDelivered, Front Porch\nBROOKLYN, NY 11201\n"
	if r := pp(t, page, "events", "add", id, "-", "--data", data); r.code != 0 {
		t.Fatalf("events add: %s", r.stderr)
	}
	a := mustJSON[report](t, pp(t, "", "analyze", id, "--json", "--now", "2026-09-20", "--data", data))
	found := false
	for _, f := range a.Flags {
		if f.Code == "delivered_elsewhere" {
			found = true
			if f.Severity != "critical" || len(f.Exhibits) != 1 || f.Exhibits[0] != 1 || !strings.Contains(f.Message, "Austin") {
				t.Errorf("flag %+v", f)
			}
		}
	}
	if !found {
		t.Errorf("no delivered_elsewhere for a delivery in Brooklyn to a buyer in Austin: %+v", a.Flags)
	}
	if r := pp(t, "", "analyze", id, "--now", "2026-09-20", "--data", data); !strings.Contains(r.stdout, "[CRITICAL] delivered_elsewhere") {
		t.Errorf("human report: %q", r.stdout)
	}
}

func TestEventsAddRefusesBadPastesAndStoresNothing(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	id := addCase(t, data)
	big := filepath.Join(t.TempDir(), "big.txt")
	os.WriteFile(big, []byte(strings.Repeat("September 12, 2026, 3:41 pm Delivered AUSTIN\n", 120000)), 0o600)
	tests := []struct {
		name, stdin string
		args        []string
		want        string
	}{
		{"empty paste", "", []string{"-"}, "empty"},
		{"no dates", "Your parcel is on its way\nThank you for shopping\n", []string{"-"}, "date"},
		{"5 MB file", "", []string{"--file", big}, "MB"},
		{"missing file", "", []string{"--file", filepath.Join(t.TempDir(), "nope.txt")}, "nope.txt"},
		{"unknown number", austinHistory, []string{"-", "--tracking", "LP00612345678901"}, "--tracking"},
		{"unknown case", austinHistory, []string{"-"}, "no case"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			caseID := id
			if tt.name == "unknown case" {
				caseID = "404"
			}
			r := pp(t, tt.stdin, append([]string{"events", "add", caseID, "--data", data}, tt.args...)...)
			if r.code == 0 || !strings.Contains(strings.ToLower(r.stderr), strings.ToLower(tt.want)) {
				t.Errorf("exit %d, stderr %q; want a refusal mentioning %q", r.code, r.stderr, tt.want)
			}
		})
	}
	files, _ := filepath.Glob(filepath.Join(data, "cases", "*", "*"))
	files = slices.DeleteFunc(files, func(f string) bool { return filepath.Base(f) == "case.json" }) // the case as case add saved it
	if len(files) != 0 {
		t.Errorf("refused pastes left files: %v", files)
	}
	if a := mustJSON[report](t, pp(t, "", "analyze", id, "--json", "--now", "2026-09-20", "--data", data)); len(a.Events) != 0 {
		t.Errorf("refused pastes left events: %+v", a.Events)
	}
}
