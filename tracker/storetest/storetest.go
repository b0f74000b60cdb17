// Package storetest is the contract every tracker.Store must keep, as one test suite that any
// implementation runs against itself (boltstore does, on real files). Standard library only.
package storetest

import (
	"bytes"
	"errors"
	"reflect"
	"slices"
	"testing"
	"time"

	"proofpack/tracker"
)

// Run runs the suite. open must return a new, empty store; the suite closes it.
func Run(t *testing.T, open func(t *testing.T) tracker.Store) {
	tests := []struct {
		name string
		fn   func(*testing.T, tracker.Store)
	}{
		{"add gives ids and keeps every field", addAndGet},
		{"add refuses an invalid case and writes nothing", addInvalid},
		{"cases are listed oldest first", listOrder},
		{"update changes only what it is told", update},
		{"a failed update changes nothing", updateFails},
		{"delete removes the case, its exhibits and its numbers", deleteCase},
		{"unknown ids are not found", notFound},
		{"the number index follows adds, edits and deletes", numberIndex},
		{"exhibits are numbered in order", exhibits},
		{"a failed placement records no exhibit", exhibitsFail},
		{"exhibit changes save records and history together", exhibitChanges},
		{"an exhibit change drops the kept summary", exhibitsDropSummary},
		{"settings round-trip", settings},
		{"save cases adds and merges in one transaction", saveCases},
		{"a failed save cases changes nothing", saveCasesFails},
		{"a snapshot lists the exhibits it copies", snapshot},
		{"changed lists the cases saved since they were cleared", changed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t)
			defer s.Close()
			tt.fn(t, s)
		})
	}
}

// Sample returns a valid case the suite and other tests can vary.
func Sample(order, number string) tracker.Case {
	return tracker.Case{
		Marketplace: "aliexpress", OrderNumber: order, Seller: "Bright Store", Item: "Desk lamp",
		Amount: 2340, Currency: "USD", Ordered: tracker.Date{Year: 2026, Month: 9, Day: 28}, Payment: "paypal",
		Buyer: tracker.Address{City: "Kraków", Postcode: "30-001", Country: "PL"},
		Shipments: []tracker.Shipment{{Number: number, Input: number, Carrier: "china_post", Events: []tracker.Event{
			{Time: time.Date(2026, 10, 1, 9, 0, 0, 0, time.UTC), Place: "深圳市", Description: "Accepted", Status: tracker.StatusInTransit},
		}}},
		Notes: "Москва, São Paulo",
	}
}

func mustAdd(t *testing.T, s tracker.Store, c tracker.Case) tracker.Case {
	t.Helper()
	got, err := s.AddCase(c)
	if err != nil {
		t.Fatalf("AddCase: %v", err)
	}
	return got
}

func addAndGet(t *testing.T, s tracker.Store) {
	in := Sample("1001", "RR204873517CN")
	a := mustAdd(t, s, in)
	b := mustAdd(t, s, Sample("1002", "LP00612345678901"))
	if a.ID == "" || b.ID == "" || a.ID == b.ID {
		t.Fatalf("ids %q and %q", a.ID, b.ID)
	}
	if a.Created.IsZero() || a.Updated != a.Created {
		t.Errorf("created %v updated %v", a.Created, a.Updated)
	}
	got, err := s.Case(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	in.ID, in.Created, in.Updated = a.ID, a.Created, a.Updated
	if !equalJSONish(got, in) {
		t.Errorf("read back\n%+v\nwant\n%+v", got, in)
	}
}

func addInvalid(t *testing.T, s tracker.Store) {
	c := Sample("", "RR204873517CN")
	if _, err := s.AddCase(c); tracker.KindOf(err) != tracker.KindInvalid {
		t.Fatalf("empty order number: %v", err)
	}
	if cases, _ := s.Cases(); len(cases) != 0 {
		t.Errorf("%d cases after a refused add", len(cases))
	}
	if ids, _ := s.CasesWithNumber("RR204873517CN"); len(ids) != 0 {
		t.Errorf("refused case indexed: %v", ids)
	}
}

func listOrder(t *testing.T, s tracker.Store) {
	var want []string
	for _, o := range []string{"3", "1", "2", "10", "11"} {
		want = append(want, mustAdd(t, s, Sample(o, "N"+o)).ID)
	}
	cases, err := s.Cases()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range cases {
		got = append(got, c.ID)
	}
	if !slices.Equal(got, want) {
		t.Errorf("listed %v, want %v", got, want)
	}
}

func update(t *testing.T, s tracker.Store) {
	c := mustAdd(t, s, Sample("1001", "RR204873517CN"))
	got, err := s.UpdateCase(c.ID, func(c *tracker.Case) error {
		c.Dispute.Opened = tracker.Date{Year: 2026, Month: 11, Day: 20}
		c.ID = "999" // must not move the case
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != c.ID || got.Dispute.Opened.String() != "2026-11-20" || got.Created != c.Created {
		t.Errorf("updated case %+v", got)
	}
	again, _ := s.Case(c.ID)
	if again.Dispute.Opened != got.Dispute.Opened || again.OrderNumber != "1001" {
		t.Errorf("stored %+v", again)
	}
}

func updateFails(t *testing.T, s tracker.Store) {
	c := mustAdd(t, s, Sample("1001", "RR204873517CN"))
	boom := errors.New("boom")
	if _, err := s.UpdateCase(c.ID, func(c *tracker.Case) error { c.Item = "changed"; return boom }); !errors.Is(err, boom) {
		t.Errorf("change error not returned: %v", err)
	}
	if _, err := s.UpdateCase(c.ID, func(c *tracker.Case) error {
		c.Item = "changed"
		c.Shipments[0].Number = "NEW1"
		c.Buyer.Country = "ZZ"
		return nil
	}); tracker.FieldOf(err) != "country" {
		t.Errorf("invalid update: %v", err)
	}
	got, _ := s.Case(c.ID)
	if got.Item != "Desk lamp" || got.Updated != c.Updated {
		t.Errorf("case changed by failed updates: %+v", got)
	}
	if ids, _ := s.CasesWithNumber("NEW1"); len(ids) != 0 {
		t.Errorf("failed update indexed its number: %v", ids)
	}
}

func deleteCase(t *testing.T, s tracker.Store) {
	c := mustAdd(t, s, Sample("1001", "RR204873517CN"))
	other := mustAdd(t, s, Sample("1002", "RR204873517CN"))
	if _, err := s.AddExhibits(c.ID, func(next int) ([]tracker.Exhibit, error) {
		return []tracker.Exhibit{{No: next, Kind: "file", Path: "cases/x/01-file.txt"}}, nil
	}); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteCase(c.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Case(c.ID); tracker.KindOf(err) != tracker.KindNotFound {
		t.Errorf("deleted case still found: %v", err)
	}
	if _, err := s.Exhibits(c.ID); tracker.KindOf(err) != tracker.KindNotFound {
		t.Errorf("exhibits of a deleted case: %v", err)
	}
	if ids, _ := s.CasesWithNumber("RR204873517CN"); !slices.Equal(ids, []string{other.ID}) {
		t.Errorf("index after delete: %v", ids)
	}
	if err := s.DeleteCase(c.ID); tracker.KindOf(err) != tracker.KindNotFound {
		t.Errorf("second delete: %v", err)
	}
	// A new case never takes a deleted case's id: exhibit folders are named by id.
	if n := mustAdd(t, s, Sample("1003", "X1")); n.ID == c.ID {
		t.Errorf("id %s reused", n.ID)
	}
}

func notFound(t *testing.T, s tracker.Store) {
	for _, id := range []string{"1", "0", "abc", "../etc", ""} {
		if _, err := s.Case(id); tracker.KindOf(err) != tracker.KindNotFound {
			t.Errorf("Case(%q): %v", id, err)
		}
		if _, err := s.UpdateCase(id, func(*tracker.Case) error { return nil }); tracker.KindOf(err) != tracker.KindNotFound {
			t.Errorf("UpdateCase(%q): %v", id, err)
		}
	}
}

func numberIndex(t *testing.T, s tracker.Store) {
	a := mustAdd(t, s, Sample("1001", "RR204873517CN"))
	b := mustAdd(t, s, Sample("1002", "RR204873517CN"))
	if ids, _ := s.CasesWithNumber("RR204873517CN"); !slices.Equal(ids, []string{a.ID, b.ID}) {
		t.Errorf("index %v", ids)
	}
	if _, err := s.UpdateCase(b.ID, func(c *tracker.Case) error { c.Shipments[0].Number = "LP1"; return nil }); err != nil {
		t.Fatal(err)
	}
	if ids, _ := s.CasesWithNumber("RR204873517CN"); !slices.Equal(ids, []string{a.ID}) {
		t.Errorf("after edit: %v", ids)
	}
	if ids, _ := s.CasesWithNumber("LP1"); !slices.Equal(ids, []string{b.ID}) {
		t.Errorf("new number: %v", ids)
	}
}

func exhibits(t *testing.T, s tracker.Store) {
	c := mustAdd(t, s, Sample("1001", "RR204873517CN"))
	var seen []int
	for range 2 {
		got, err := s.AddExhibits(c.ID, func(next int) ([]tracker.Exhibit, error) {
			seen = append(seen, next)
			return []tracker.Exhibit{
				{No: next, Kind: "screenshot", SHA256: "aa", Size: 10},
				{No: next, Kind: "text", SHA256: "bb", Size: 5},
			}, nil
		})
		if err != nil || len(got) != 2 {
			t.Fatalf("AddExhibits: %v %v", got, err)
		}
	}
	if !slices.Equal(seen, []int{1, 2}) {
		t.Errorf("numbers handed out %v, want [1 2]", seen)
	}
	list, err := s.Exhibits(c.ID)
	if err != nil || len(list) != 4 || list[0].No != 1 || list[3].No != 2 {
		t.Errorf("exhibits %+v %v", list, err)
	}
	if _, err := s.AddExhibits(c.ID, func(next int) ([]tracker.Exhibit, error) {
		return []tracker.Exhibit{{No: 1, Kind: "screenshot"}}, nil
	}); err == nil {
		t.Error("an exhibit number below next was accepted")
	}
	if _, err := s.AddExhibits("404", func(int) ([]tracker.Exhibit, error) { return nil, nil }); tracker.KindOf(err) != tracker.KindNotFound {
		t.Errorf("exhibits for a missing case: %v", err)
	}
}

func exhibitsFail(t *testing.T, s tracker.Store) {
	c := mustAdd(t, s, Sample("1001", "RR204873517CN"))
	boom := errors.New("disk full")
	if _, err := s.AddExhibits(c.ID, func(next int) ([]tracker.Exhibit, error) {
		return []tracker.Exhibit{{No: next, Kind: "screenshot"}}, boom
	}); !errors.Is(err, boom) {
		t.Errorf("placement error not returned: %v", err)
	}
	if list, _ := s.Exhibits(c.ID); len(list) != 0 {
		t.Errorf("recorded after a failed placement: %+v", list)
	}
}

func exhibitChanges(t *testing.T, s tracker.Store) {
	c := mustAdd(t, s, Sample("1001", "RR204873517CN"))
	if _, err := s.AddExhibits(c.ID, func(next int) ([]tracker.Exhibit, error) {
		return []tracker.Exhibit{{No: next, Kind: "screenshot", Path: "a"}, {No: next, Kind: "text", Path: "b"}, {No: next + 1, Kind: "file", Path: "c"}}, nil
	}); err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 11, 2, 10, 0, 0, 0, time.FixedZone("CET", 3600))
	got, err := s.ChangeExhibits(c.ID, func(ex []tracker.Exhibit, log []tracker.ExhibitChange) ([]tracker.ExhibitChange, error) {
		if len(ex) != 3 || len(log) != 0 {
			t.Errorf("handed %d records, %d entries", len(ex), len(log))
		}
		ex[0].Removed, ex[1].Removed = true, true
		return []tracker.ExhibitChange{{At: at, By: "test", Exhibit: 1, Action: tracker.ExhibitRemoved, Reason: "wrong parcel"}}, nil
	})
	if err != nil || len(got) != 1 || got[0].Seq != 1 || !got[0].At.Equal(at) || got[0].At.Location() != time.UTC {
		t.Fatalf("ChangeExhibits = %+v, %v", got, err)
	}
	boom := errors.New("boom")
	if _, err := s.ChangeExhibits(c.ID, func(ex []tracker.Exhibit, _ []tracker.ExhibitChange) ([]tracker.ExhibitChange, error) {
		ex[2].Description = "lost"
		return []tracker.ExhibitChange{{Exhibit: 2, Action: tracker.ExhibitDescribed}}, boom
	}); !errors.Is(err, boom) {
		t.Errorf("a failed change: %v", err)
	}
	if _, err := s.ChangeExhibits(c.ID, func(ex []tracker.Exhibit, _ []tracker.ExhibitChange) ([]tracker.ExhibitChange, error) {
		ex[2].SHA256 = "ff"
		return nil, nil
	}); err == nil {
		t.Error("a change rehashed a file")
	}
	if _, err := s.ChangeExhibits(c.ID, func(ex []tracker.Exhibit, log []tracker.ExhibitChange) ([]tracker.ExhibitChange, error) {
		ex[2].Description = "chat with the seller"
		return []tracker.ExhibitChange{{At: at, Exhibit: 2, Action: tracker.ExhibitDescribed, New: "chat with the seller"}}, nil
	}); err != nil {
		t.Fatal(err)
	}
	ex, _ := s.Exhibits(c.ID)
	log, err := s.ExhibitLog(c.ID)
	if err != nil || len(log) != 2 || log[1].Seq != 2 || log[0].Reason != "wrong parcel" {
		t.Errorf("log %+v %v", log, err)
	}
	if !ex[0].Removed || !ex[1].Removed || ex[2].Removed || ex[2].Description != "chat with the seller" || ex[2].SHA256 != "" {
		t.Errorf("records %+v", ex)
	}
	if _, err := s.ChangeExhibits("404", func([]tracker.Exhibit, []tracker.ExhibitChange) ([]tracker.ExhibitChange, error) { return nil, nil }); tracker.KindOf(err) != tracker.KindNotFound {
		t.Errorf("change of a missing case: %v", err)
	}
	if err := s.DeleteCase(c.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ExhibitLog(c.ID); tracker.KindOf(err) != tracker.KindNotFound {
		t.Errorf("log of a deleted case: %v", err)
	}
}

func settings(t *testing.T, s tracker.Store) {
	var v struct{ GraceDays int }
	if ok, err := s.Setting("rules", &v); ok || err != nil {
		t.Errorf("unset setting: %v %v", ok, err)
	}
	if err := s.SetSetting("rules", struct{ GraceDays int }{21}); err != nil {
		t.Fatal(err)
	}
	if ok, err := s.Setting("rules", &v); !ok || err != nil || v.GraceDays != 21 {
		t.Errorf("setting read back %v %v %+v", ok, err, v)
	}
}

// equalJSONish compares cases field by field where times must be equal instants.
func equalJSONish(a, b tracker.Case) bool {
	if !a.Created.Equal(b.Created) || !a.Updated.Equal(b.Updated) {
		return false
	}
	a.Created, a.Updated, b.Created, b.Updated = time.Time{}, time.Time{}, time.Time{}, time.Time{}
	for i := range a.Shipments {
		for j := range a.Shipments[i].Events {
			if j < len(b.Shipments[i].Events) && a.Shipments[i].Events[j].Time.Equal(b.Shipments[i].Events[j].Time) {
				a.Shipments[i].Events[j].Time = b.Shipments[i].Events[j].Time
			}
		}
	}
	return reflect.DeepEqual(a, b)
}

func saveCases(t *testing.T, s tracker.Store) {
	old := mustAdd(t, s, Sample("1001", "RR204873517CN"))
	upd := Sample("1001", "RR204873517CN")
	upd.ID, upd.Item = old.ID, "Desk lamp, brass"
	saved, err := s.SaveCases([]tracker.Case{upd, Sample("1002", "LP00612345678901")}, func(stored *tracker.Case, in tracker.Case) {
		stored.Item = in.Item
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(saved) != 2 || saved[0].ID != old.ID || saved[1].ID == "" || saved[1].ID == old.ID {
		t.Fatalf("saved %+v", saved)
	}
	got, _ := s.Case(old.ID)
	if got.Item != "Desk lamp, brass" || len(got.Shipments[0].Events) != 1 || !got.Created.Equal(old.Created) {
		t.Errorf("merged case %+v", got)
	}
	if ids, _ := s.CasesWithNumber("LP00612345678901"); len(ids) != 1 || ids[0] != saved[1].ID {
		t.Errorf("number index %v", ids)
	}
}

func saveCasesFails(t *testing.T, s tracker.Store) {
	old := mustAdd(t, s, Sample("1001", "RR204873517CN"))
	bad := Sample("1003", "RR204873517CN")
	bad.Currency = ""
	upd := old
	_, err := s.SaveCases([]tracker.Case{Sample("1002", "LP00612345678901"), upd, bad}, func(stored *tracker.Case, in tracker.Case) {
		stored.Item = "changed"
	})
	if tracker.KindOf(err) != tracker.KindInvalid {
		t.Fatalf("err %v, want invalid", err)
	}
	cs, _ := s.Cases()
	got, _ := s.Case(old.ID)
	if len(cs) != 1 || got.Item != old.Item {
		t.Errorf("after a failed save: %d cases, item %q", len(cs), got.Item)
	}
	if ids, _ := s.CasesWithNumber("LP00612345678901"); len(ids) != 0 {
		t.Errorf("number index kept %v", ids)
	}
}

func snapshot(t *testing.T, s tracker.Store) {
	c := mustAdd(t, s, Sample("1001", "RR204873517CN"))
	if _, err := s.AddExhibits(c.ID, func(next int) ([]tracker.Exhibit, error) {
		return []tracker.Exhibit{{No: next, Kind: "file", Path: "cases/" + c.ID + "/01-file.png", SHA256: "ab", Size: 2}}, nil
	}); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	ex, err := s.Snapshot(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if buf.Len() == 0 || len(ex[c.ID]) != 1 || ex[c.ID][0].Path != "cases/"+c.ID+"/01-file.png" {
		t.Errorf("snapshot of %d bytes, exhibits %+v", buf.Len(), ex)
	}
}

func changed(t *testing.T, s tracker.Store) {
	list := func(want ...string) {
		t.Helper()
		got, err := s.Changed()
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, want) && (len(got) != 0 || len(want) != 0) {
			t.Errorf("changed %v, want %v", got, want)
		}
	}
	a := mustAdd(t, s, Sample("1001", "RR204873517CN"))
	b := mustAdd(t, s, Sample("1002", "LP00612345678901"))
	list(a.ID, b.ID)
	if err := s.ClearChanged([]string{a.ID, b.ID}); err != nil {
		t.Fatal(err)
	}
	list()
	if _, err := s.UpdateCase(b.ID, func(c *tracker.Case) error { c.Item = "Lamp"; return nil }); err != nil {
		t.Fatal(err)
	}
	if _, err := s.UpdateCase(a.ID, func(*tracker.Case) error { return errors.New("no") }); err == nil {
		t.Fatal("a failed update did not fail")
	}
	list(b.ID)
	saved, err := s.SaveCases([]tracker.Case{{ID: a.ID}, Sample("1003", "N3")}, func(*tracker.Case, tracker.Case) {})
	if err != nil {
		t.Fatal(err)
	}
	list(a.ID, b.ID, saved[1].ID)
	if err := s.DeleteCase(b.ID); err != nil {
		t.Fatal(err)
	}
	list(a.ID, saved[1].ID)
}

// exhibitsDropSummary: the exhibits weigh in a case's diagnosis, so adding or changing them
// drops the summary kept for the case, and a summary computed before the change
// is not kept after it.
func exhibitsDropSummary(t *testing.T, s tracker.Store) {
	c := mustAdd(t, s, Sample("1001", "RR204873517CN"))
	kept := func() tracker.Row {
		t.Helper()
		r, err := s.Rows()
		if err != nil || len(r) != 1 {
			t.Fatalf("rows %+v, %v", r, err)
		}
		return r[0]
	}
	keep := func(r tracker.Row) {
		t.Helper()
		if err := s.KeepSummaries([]tracker.KeptSummary{{ID: r.ID, Saved: r.Saved, Data: []byte("sum")}}); err != nil {
			t.Fatal(err)
		}
	}
	changes := []struct {
		what   string
		change func() error
	}{
		{"added", func() error {
			_, err := s.AddExhibits(c.ID, func(next int) ([]tracker.Exhibit, error) {
				return []tracker.Exhibit{{No: next, Kind: "screenshot", Path: "a", OtherNumber: "LP00123456789012"}}, nil
			})
			return err
		}},
		{"confirmed", func() error {
			_, err := s.ChangeExhibits(c.ID, func(ex []tracker.Exhibit, _ []tracker.ExhibitChange) ([]tracker.ExhibitChange, error) {
				ex[0].NumberConfirmed = true
				return nil, nil
			})
			return err
		}},
	}
	for _, ch := range changes {
		before := kept()
		keep(before)
		if kept().Kept == "" {
			t.Fatalf("before the exhibit was %s: the summary was not kept", ch.what)
		}
		if err := ch.change(); err != nil {
			t.Fatal(err)
		}
		after := kept()
		if after.Kept != "" {
			t.Errorf("exhibit %s: the summary of before is still kept", ch.what)
		}
		keep(before) // computed before the change, kept after it
		if kept().Kept != "" {
			t.Errorf("exhibit %s: a summary of before the change was kept after it", ch.what)
		}
	}
	// A change that changes nothing (a description set to what it was) keeps the summary.
	r := kept()
	keep(r)
	if _, err := s.ChangeExhibits(c.ID, func([]tracker.Exhibit, []tracker.ExhibitChange) ([]tracker.ExhibitChange, error) { return nil, nil }); err != nil {
		t.Fatal(err)
	}
	if kept().Kept == "" {
		t.Error("a change that changed nothing dropped the summary")
	}
}
