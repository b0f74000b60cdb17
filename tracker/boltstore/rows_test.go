package boltstore

import (
	"fmt"
	"reflect"
	"slices"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"proofpack/tracker"
	"proofpack/tracker/storetest"
)

// TestRowCodec fills every field of a row, down to the dispute's and the address's, and reads
// it back: a field added to tracker.Row and left out of encodeRow fails here.
func TestRowCodec(t *testing.T) {
	var r tracker.Row
	n := 0
	var fill func(v reflect.Value, path string)
	fill = func(v reflect.Value, path string) {
		n++
		switch v.Interface().(type) {
		case tracker.Date:
			v.Set(reflect.ValueOf(tracker.Date{Year: 2026, Month: time.Month(n%12 + 1), Day: n%28 + 1}))
			return
		case time.Time:
			v.Set(reflect.ValueOf(time.Date(2026, 9, 1, 8, 0, n, 123456789, time.UTC)))
			return
		}
		if path == "Row.Kept" {
			return // not part of the row's record
		}
		switch v.Kind() {
		case reflect.Struct:
			for i := range v.NumField() {
				fill(v.Field(i), path+"."+v.Type().Field(i).Name)
			}
		case reflect.String:
			v.SetString(fmt.Sprintf("%s-%d-é", path, n))
		case reflect.Int64, reflect.Int:
			v.SetInt(int64(-1000 * n))
		case reflect.Uint64:
			v.SetUint(uint64(1 << 40 * n))
		case reflect.Bool:
			v.SetBool(true)
		case reflect.Slice:
			if v.Type().Elem().Kind() != reflect.String {
				t.Fatalf("%s: a slice of %s: teach encodeRow and this test", path, v.Type().Elem())
			}
			v.Set(reflect.ValueOf([]string{path + "-1", "", path + "-3"}))
		default:
			t.Fatalf("%s: a field of kind %s: teach encodeRow and this test", path, v.Kind())
		}
	}
	fill(reflect.ValueOf(&r).Elem(), "Row")
	var got tracker.Row
	if err := decodeRow(encodeRow(r), &got); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, r) {
		t.Errorf("read back\n%+v\nwant\n%+v", got, r)
	}
	if err := decodeRow(encodeRow(r)[:40], &got); err == nil {
		t.Error("a row cut short reads without an error")
	}
	r.Dispute = tracker.Dispute{} // most rows: none recorded
	if err := decodeRow(encodeRow(r), &got); err != nil || !reflect.DeepEqual(got, r) {
		t.Errorf("without a dispute: %+v, %v", got, err)
	}
}

// rowsOf checks that the store's rows are the rows of its cases, in order, and returns them.
func rowsOf(t *testing.T, s *Store) []tracker.Row {
	t.Helper()
	rows, err := s.Rows()
	if err != nil {
		t.Fatal(err)
	}
	cases, err := s.Cases()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(cases) {
		t.Fatalf("%d rows for %d cases", len(rows), len(cases))
	}
	for i, c := range cases {
		want, got := tracker.RowOf(c), rows[i]
		if got.Saved == 0 {
			t.Errorf("row %s: no save number", got.ID)
		}
		got.Saved, got.Kept = 0, ""
		if !reflect.DeepEqual(got, want) {
			t.Errorf("row %d\n%+v\nwant\n%+v", i, got, want)
		}
	}
	return rows
}

func kept(rows []tracker.Row) []string {
	var out []string
	for _, r := range rows {
		out = append(out, r.ID+"="+r.Kept)
	}
	return out
}

// Every save writes the case's row in the same transaction and drops the summary kept for the
// earlier save; a summary for a save that is no longer the case's is not kept.
func TestRowsFollowEverySave(t *testing.T) {
	s := open(t)
	a, err := s.AddCase(storetest.Sample("1001", "RR204873517CN"))
	if err != nil {
		t.Fatal(err)
	}
	saved, err := s.SaveCases([]tracker.Case{storetest.Sample("1002", "LP00123456789012")}, nil)
	if err != nil {
		t.Fatal(err)
	}
	b := saved[0]
	rows := rowsOf(t, s)
	keep := func(rows []tracker.Row, text string) {
		t.Helper()
		var ks []tracker.KeptSummary
		for _, r := range rows {
			ks = append(ks, tracker.KeptSummary{ID: r.ID, Saved: r.Saved, Data: []byte(text + r.ID)})
		}
		if err := s.KeepSummaries(ks); err != nil {
			t.Fatal(err)
		}
	}
	keep(rows, "x")
	if got := kept(rowsOf(t, s)); !slices.Equal(got, []string{a.ID + "=x" + a.ID, b.ID + "=x" + b.ID}) {
		t.Fatalf("kept %q", got)
	}
	// An edit in the same second: the save number still tells it from the one summed up.
	if _, err := s.UpdateCase(a.ID, func(c *tracker.Case) error {
		c.Seller = "Other Shop"
		c.Shipments[0].Input = "rr 204 873 517 cn"
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	keep(rows, "stale") // computed from the rows read before the edit
	now := rowsOf(t, s)
	if got := kept(now); !slices.Equal(got, []string{a.ID + "=", b.ID + "=stale" + b.ID}) {
		t.Fatalf("after an edit, kept %q", got)
	}
	if now[0].Seller != "Other Shop" || now[0].Inputs[0] != "rr 204 873 517 cn" {
		t.Errorf("the edited row: %+v", now[0])
	}
	// An import merging into a stored case.
	merged, err := s.SaveCases([]tracker.Case{{ID: b.ID}}, func(st *tracker.Case, _ tracker.Case) { st.Item = "merged item" })
	if err != nil {
		t.Fatal(err)
	}
	if now = rowsOf(t, s); now[1].Item != "merged item" || now[1].Kept != "" || merged[0].Item != "merged item" {
		t.Errorf("after a merge: %+v", now[1])
	}
	keep(now, "y")
	if err := s.DeleteCase(a.ID); err != nil {
		t.Fatal(err)
	}
	keep(now, "z") // a deleted case's summary is skipped, the other's kept
	if got := kept(rowsOf(t, s)); !slices.Equal(got, []string{b.ID + "=z" + b.ID}) {
		t.Fatalf("after a delete, kept %q", got)
	}
	if _, err := s.Row(a.ID); tracker.KindOf(err) != tracker.KindNotFound {
		t.Errorf("the deleted case's row: %v", err)
	}
	// Repair's restore writes the row too.
	c := storetest.Sample("1003", "RR204873517CN")
	c.ID, c.Updated = "7", time.Date(2026, 9, 2, 10, 0, 0, 0, time.UTC)
	if err := s.RestoreCase(c); err != nil {
		t.Fatal(err)
	}
	if r, err := s.Row("7"); err != nil || r.OrderNumber != "1003" {
		t.Errorf("the restored case's row: %+v, %v", r, err)
	}
	rowsOf(t, s)
}

// A file whose rows are in another format, or that has none (written before rows), gets them
// rebuilt from the cases when opened, without any kept summary.
func TestRowsRebuiltOnAnotherFormat(t *testing.T) {
	dir := t.TempDir()
	s, err := OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		if _, err := s.AddCase(storetest.Sample(fmt.Sprint(2000+i), fmt.Sprintf("LP0012345678901%d", i))); err != nil {
			t.Fatal(err)
		}
	}
	rows := rowsOf(t, s)
	if err := s.KeepSummaries([]tracker.KeptSummary{{ID: rows[0].ID, Saved: rows[0].Saved, Data: []byte("old")}}); err != nil {
		t.Fatal(err)
	}
	// As an older build left it: no rows, no summaries, the rows format of another version.
	if err := s.db.Update(func(tx *bolt.Tx) error {
		if err := tx.Bucket(bucketRows).Delete(u64(2)); err != nil {
			return err
		}
		if err := tx.Bucket(bucketRows).Put(u64(3), []byte("garbage")); err != nil {
			return err
		}
		return tx.Bucket(bucketMeta).Put(keyRows, u64(rowsVersion+1))
	}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if s, err = OpenDir(dir); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, r := range rowsOf(t, s) {
		if r.Kept != "" {
			t.Errorf("row %s kept %q across a rebuild", r.ID, r.Kept)
		}
	}
}

// Exhibits restored by repair drop a kept summary too, as storetest's exhibit changes do.
func TestRestoredExhibitsDropTheSummary(t *testing.T) {
	s := open(t)
	defer s.Close()
	c, err := s.AddCase(storetest.Sample("2001", "RR204873517CN"))
	if err != nil {
		t.Fatal(err)
	}
	r := rowsOf(t, s)[0]
	if err := s.KeepSummaries([]tracker.KeptSummary{{ID: r.ID, Saved: r.Saved, Data: []byte("sum")}}); err != nil {
		t.Fatal(err)
	}
	if err := s.RestoreExhibits(c.ID, []tracker.Exhibit{{No: 1, Kind: "file", Path: "a"}}, nil); err != nil {
		t.Fatal(err)
	}
	if after := rowsOf(t, s)[0]; after.Kept != "" || after.Saved == r.Saved {
		t.Errorf("after a restore: kept %q, saved %d (was %d)", after.Kept, after.Saved, r.Saved)
	}
}
