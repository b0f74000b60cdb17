package casework

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"proofpack/tracker"
	"proofpack/tracker/rules"
	"proofpack/tracker/storetest"
)

// summaryNow is a summary computed the long way, as the Diagnosis tab does: the whole case with
// its exhibits and the whole other cases that share its numbers.
func summaryNow(t *testing.T, svc *Service, id string, at time.Time) Summary {
	t.Helper()
	c, err := svc.Case(id)
	if err != nil {
		t.Fatal(err)
	}
	r, err := svc.AnalyzeAt(id, at)
	if err != nil {
		t.Fatal(err)
	}
	return Summarize(c, r, at)
}

// checkList compares every row ListRows gives with the case and its summary computed anew.
func checkList(t *testing.T, svc *Service, when string) []ListRow {
	t.Helper()
	rows, err := svc.ListRows()
	if err != nil {
		t.Fatal(err)
	}
	cases, err := svc.Cases()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(cases) {
		t.Fatalf("%s: %d rows for %d cases", when, len(rows), len(cases))
	}
	for i, c := range cases {
		r := rows[i]
		if r.ID != c.ID || r.OrderNumber != c.OrderNumber || r.Seller != c.Seller || r.Item != c.Item || r.Dispute != c.Dispute {
			t.Errorf("%s: row %+v for case %s", when, r.Row, c.ID)
		}
		if want := summaryNow(t, svc, c.ID, svc.Now()); r.Summary != want {
			t.Errorf("%s: case %s (%s) listed as\n%+v\nwant\n%+v", when, c.ID, c.OrderNumber, r.Summary, want)
		}
	}
	return rows
}

// The list's summaries are the Diagnosis tab's, whether computed or kept from an earlier start:
// after edits, a shared number, imports, deletes, settings, restores and days going by.
func TestListRowsStayRight(t *testing.T) {
	svc := newService(t)
	day := now
	svc.Clock = func() time.Time { return day }
	if _, err := svc.LoadSamples(); err != nil {
		t.Fatal(err)
	}
	rows := checkList(t, svc, "first")
	checkList(t, svc, "kept")
	kept, err := svc.Store.Rows()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range kept {
		if r.Kept == "" {
			t.Errorf("case %s: no summary kept", r.ID)
		}
	}
	a, b := rows[0].ID, rows[1].ID
	// b takes a's number: both are now reused (or combined) numbers.
	ca, _ := svc.Case(a)
	if _, err := svc.EditCase(b, func(c *tracker.Case) error {
		c.Shipments = append(c.Shipments, NewShipment(ca.Shipments[0].Input, "", ""))
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	checkList(t, svc, "a shared number")
	// The other holder's seller changes: a's summary must follow though a itself was not saved.
	if _, err := svc.EditCase(b, func(c *tracker.Case) error { c.Seller = ca.Seller; return nil }); err != nil {
		t.Fatal(err)
	}
	checkList(t, svc, "a combined shipment")
	if _, err := svc.RecordStep(a, "dispute_opened", tracker.DateOf(day)); err != nil {
		t.Fatal(err)
	}
	checkList(t, svc, "a dispute opened")
	// An exhibit shows another number: a warning at least, in the list too, until confirmed; for
	// a case with nothing else wrong, its headline.
	clean := storetest.Sample("7003", "RR123456785CN")
	clean.Ordered = tracker.DateOf(day.AddDate(0, 0, -6))
	clean.Shipments[0].Events[0].Time = day.AddDate(0, 0, -2)
	clean, err = svc.Store.AddCase(clean)
	if err != nil {
		t.Fatal(err)
	}
	listed := func(when string) Summary {
		for _, r := range checkList(t, svc, when) {
			if r.ID == clean.ID {
				return r.Summary
			}
		}
		t.Fatalf("%s: case %s not listed", when, clean.ID)
		return Summary{}
	}
	if s := listed("a case in transit"); s.Code != "" {
		t.Fatalf("a case in transit is listed with %s", s.Code)
	}
	rows = append(rows, ListRow{Row: &tracker.Row{ID: clean.ID}})
	for _, r := range rows {
		if _, err := svc.Store.AddExhibits(r.ID, func(next int) ([]tracker.Exhibit, error) {
			return []tracker.Exhibit{{No: next, Kind: "screenshot", Path: "other.png", OtherNumber: "LP00123456789012"}}, nil
		}); err != nil {
			t.Fatal(err)
		}
	}
	for _, r := range checkList(t, svc, "a page of another number") {
		if r.Summary.Severity.Rank() < tracker.Warning.Rank() || !r.Summary.NeedsAction {
			t.Errorf("case %s: a page of another number is listed as %q", r.ID, r.Summary.Headline)
		}
	}
	if s := listed("a page of another number, kept"); s.Headline != "Page of another number" {
		t.Errorf("a case in transit with a page of another number is listed as %q", s.Headline)
	}
	for _, r := range rows {
		if _, err := svc.Store.ChangeExhibits(r.ID, func(ex []tracker.Exhibit, _ []tracker.ExhibitChange) ([]tracker.ExhibitChange, error) {
			ex[len(ex)-1].NumberConfirmed = true
			return nil, nil
		}); err != nil {
			t.Fatal(err)
		}
	}
	if s := listed("the other number confirmed"); s.Code != "" {
		t.Errorf("the other number confirmed, the case is listed as %q", s.Headline)
	}
	imported := storetest.Sample("7001", ca.Shipments[0].Input)
	if _, err := svc.Store.SaveCases([]tracker.Case{imported, {ID: b}}, func(st *tracker.Case, _ tracker.Case) { st.Item = "Imported item" }); err != nil {
		t.Fatal(err)
	}
	checkList(t, svc, "an import")
	if err := svc.DeleteCase(b); err != nil {
		t.Fatal(err)
	}
	checkList(t, svc, "a delete")
	settings, err := svc.Settings()
	if err != nil {
		t.Fatal(err)
	}
	settings.StalledAfter = 3
	if err := svc.SaveSettings(settings); err != nil {
		t.Fatal(err)
	}
	checkList(t, svc, "shorter waits")
	c := storetest.Sample("7002", "RR204873517CN")
	c.ID, c.Updated = "90", now
	if err := svc.Store.(interface{ RestoreCase(tracker.Case) error }).RestoreCase(c); err != nil {
		t.Fatal(err)
	}
	checkList(t, svc, "a restored case")
	for _, days := range []int{1, 6, 7, 20, 45, 90, 400} {
		day = now.AddDate(0, 0, days)
		checkList(t, svc, fmt.Sprintf("%d days later", days))
		checkList(t, svc, fmt.Sprintf("%d days later, kept", days))
	}
}

// A summary holds until the day it says: on every day before it, the rules give the same
// summary (the counts of days aside). Day by day over a year, for every sample case.
func TestSummaryHoldsUntil(t *testing.T) {
	svc := newService(t)
	if _, err := svc.LoadSamples(); err != nil {
		t.Fatal(err)
	}
	cases, err := svc.Cases()
	if err != nil {
		t.Fatal(err)
	}
	settings, err := svc.Settings()
	if err != nil {
		t.Fatal(err)
	}
	same := func(a, b Summary) bool {
		a.Age, b.Age, a.StalledDays, b.StalledDays = 0, 0, 0, 0
		if a.Code == tracker.FlagStalled {
			a.Headline, b.Headline = "", ""
		}
		return a == b
	}
	turns := 0
	for _, c := range cases {
		in, err := rules.Load(&others{Store: svc.Store, id: c.ID}, c.ID, now)
		if err != nil {
			t.Fatal(err)
		}
		in.Exhibits = nil
		start := c.Ordered.In(time.UTC).Add(12*time.Hour).AddDate(0, 0, -3)
		var held Summary
		var until tracker.Date
		for d := range 400 {
			in.Now = start.AddDate(0, 0, d)
			today := tracker.DateOf(in.Now)
			r := rules.Evaluate(in, settings)
			sum := Summarize(c, r, in.Now)
			if d > 0 && (until.IsZero() || today.Before(until)) && !same(sum, held) {
				t.Errorf("case %s (%s): on %s the summary is\n%+v\nbut the one of the day before held until %v:\n%+v", c.ID, c.OrderNumber, today, sum, until, held)
			}
			if d > 0 && !same(sum, held) {
				turns++
			}
			held, until = sum, sum.until(r, today)
			if !until.IsZero() && !today.Before(until) {
				t.Fatalf("case %s on %s: holds until %s, not a later day", c.ID, today, until)
			}
		}
	}
	if turns < len(cases) {
		t.Errorf("only %d turns of a summary over a year of %d cases: the test saw too little", turns, len(cases))
	}
}

// A number on many orders: the Diagnosis tab reads the other cases' rows in one pass, and says
// the same as the list. One other seller's order makes it a reused number for all of them.
func TestManySharingOneNumber(t *testing.T) {
	svc := newService(t)
	var cs []tracker.Case
	for i := range manyOthers + 6 {
		c := storetest.Sample(fmt.Sprint(9000+i), "RR204873517CN")
		if i == 3 {
			c.Seller = "Another Shop"
		}
		cs = append(cs, c)
	}
	saved, err := svc.Store.SaveCases(cs, nil)
	if err != nil {
		t.Fatal(err)
	}
	r, err := svc.Analyze(saved[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	codes := map[string]string{}
	for _, f := range r.Flags {
		codes[f.Code] = f.Message
	}
	if !strings.Contains(codes[tracker.FlagReusedNumber], "case "+saved[3].ID) || !strings.Contains(codes[tracker.FlagCombinedShipment], "and 58 others") {
		t.Errorf("flags of case %s: %v", saved[0].ID, codes)
	}
	checkList(t, svc, "many sharing one number")
}

// Every flag heads the list in words of its own, never as its code ("delivered not received").
func TestEveryFlagHasAHeadline(t *testing.T) {
	seen := map[string]string{}
	for _, code := range tracker.FlagCodes {
		h := headline(code)
		if h == "" || h == strings.ReplaceAll(code, "_", " ") {
			t.Errorf("%s has no headline", code)
		}
		if other, ok := seen[h]; ok {
			t.Errorf("%s and %s share the headline %q", code, other, h)
		}
		seen[h] = code
	}
}
