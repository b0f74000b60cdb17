package casework_test

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"proofpack/casework"
	"proofpack/evidence"
	"proofpack/tracker"
	"proofpack/tracker/boltstore"
	"proofpack/tracker/storetest"
)

// A lost proofpack.db is rebuilt from the case folders: the same IDs, events and exhibit records,
// verify clean, and the next case after the highest.
func TestRepairRebuildsALostStore(t *testing.T) {
	dir := t.TempDir()
	b, err := boltstore.OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	id, _ := b.FolderID()
	st := evidence.WithCaseFiles(b, dir, id)
	var before []tracker.Case
	var exhibits [][]tracker.Exhibit
	for i, n := range []string{"RR204873517CN", "RR123456785CN", "LP00123456789012"} {
		c := storetest.Sample(string(rune('1'+i)), n)
		if i == 0 { // the steps of a parcel delivered but not received come back too
			c.Dispute.NotReceived, c.Dispute.NotReceivedOn = true, tracker.Date{Year: 2026, Month: 10, Day: 20}
			c.Dispute.PODRequested = tracker.Proof{On: tracker.Date{Year: 2026, Month: 10, Day: 21}, Ref: "USPS case 4471"}
			c.Dispute.CarrierClaim = tracker.Proof{On: tracker.Date{Year: 2026, Month: 10, Day: 30}, Ref: "C-77"}
			c.Dispute.NeighbourStatement = tracker.Proof{On: tracker.Date{Year: 2026, Month: 10, Day: 22}}
		}
		c, err := st.AddCase(c)
		if err != nil {
			t.Fatal(err)
		}
		g := evidence.TextGroup("history", "1 Oct 2026 accepted "+n, "pasted")
		if i == 0 { // a page about another parcel, and one that never settled, stay so
			g.Files[0].Exhibit.OtherNumber, g.Files[0].Exhibit.Unsettled = "RR999999995CN", true
			g.Files[0].Exhibit.Title, g.Files[0].Exhibit.Viewport = "Rastreamento", "1280x900"
		}
		if _, err := evidence.Add(st, dir, c.ID, g); err != nil {
			t.Fatal(err)
		}
	}
	if err := evidence.DeleteCase(st, dir, "2"); err != nil { // IDs with a gap
		t.Fatal(err)
	}
	before, _ = b.Cases()
	for _, c := range before {
		ex, _ := b.Exhibits(c.ID)
		exhibits = append(exhibits, ex)
	}
	b.Close()
	os.Remove(filepath.Join(dir, boltstore.FileName))

	if _, err := boltstore.OpenDir(dir); err == nil {
		t.Fatal("a new store was started over the case folders")
	}
	r, _, err := boltstore.OpenForRepair(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	svc := casework.Service{Store: r, Dir: dir}
	got, err := svc.Repair(r, id)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Cases, []string{"1", "3"}) || got.Exhibits != 2 || got.NextID != "4" || len(got.Skipped) != 0 {
		t.Errorf("Repair = %+v", got)
	}
	after, _ := r.Cases()
	if after[0].Dispute.CarrierClaim.Ref != "C-77" || after[0].Dispute.NotReceivedOn.IsZero() {
		t.Errorf("the follow-ups were lost: %+v", after[0].Dispute)
	}
	if !reflect.DeepEqual(after, before) {
		t.Errorf("cases after repair:\n%+v\nbefore:\n%+v", after, before)
	}
	for i, c := range after {
		ex, _ := r.Exhibits(c.ID)
		if !reflect.DeepEqual(ex, exhibits[i]) {
			t.Errorf("case %s exhibits %+v, want %+v", c.ID, ex, exhibits[i])
		}
		if rep, err := evidence.Verify(r, dir, c.ID); err != nil || !rep.OK() {
			t.Errorf("verify case %s: %+v %v", c.ID, rep, err)
		}
	}
	if n, err := r.AddCase(storetest.Sample("9", "RR000000000CN")); err != nil || n.ID != "4" {
		t.Errorf("next case %q %v, want 4", n.ID, err)
	}
}

// The exhibit history survives a lost store (repair reads it back from manifest.json) and an
// export imported into another data folder: the same descriptions, removals and entries, with
// their times and authors, and verify clean in both.
func TestExhibitHistoryTravels(t *testing.T) {
	dir := t.TempDir()
	b, err := boltstore.OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	folder, _ := b.FolderID()
	at := time.Date(2026, 11, 30, 9, 30, 0, 0, time.UTC)
	svc := &casework.Service{Store: evidence.WithCaseFiles(b, dir, folder), Dir: dir, Clock: func() time.Time { return at }}
	c, err := svc.AddCase(storetest.Sample("1001", "RR204873517CN"))
	if err != nil {
		t.Fatal(err)
	}
	src := t.TempDir()
	var paths []string
	for _, n := range []string{"chat.txt", "receipt.txt", "photo.txt"} {
		p := filepath.Join(src, n)
		os.WriteFile(p, []byte("the buyer's "+n), 0o600)
		paths = append(paths, p)
	}
	if _, err := svc.AddFiles(c.ID, paths, "seller chat"); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.DescribeExhibit(c.ID, 1, "Seller promises a refund", casework.ByWindow); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.RemoveExhibit(c.ID, 2, "another order's receipt", casework.ByCommandLine); err != nil {
		t.Fatal(err)
	}
	wantEx, _ := b.Exhibits(c.ID)
	wantLog, _ := b.ExhibitLog(c.ID)
	if len(wantLog) != 2 || !wantEx[1].Removed || wantEx[0].Description == "" {
		t.Fatalf("before: %+v %+v", wantEx, wantLog)
	}
	zip := filepath.Join(t.TempDir(), "case.zip")
	if _, err := svc.ExportCase(c.ID, zip); err != nil {
		t.Fatal(err)
	}

	// Another data folder imports it.
	other := t.TempDir()
	ob, err := boltstore.OpenDir(other)
	if err != nil {
		t.Fatal(err)
	}
	defer ob.Close()
	osvc := &casework.Service{Store: ob, Dir: other, Clock: svc.Clock}
	chk, err := casework.CheckArchive(zip)
	if err != nil || !chk.OK() || len(chk.History) != 2 {
		t.Fatalf("check of the export: %+v %v", chk, err)
	}
	ic, err := osvc.ImportArchive(zip)
	if err != nil {
		t.Fatal(err)
	}
	gotEx, _ := ob.Exhibits(ic.ID)
	gotLog, _ := ob.ExhibitLog(ic.ID)
	for i := range gotEx {
		if gotEx[i].Description != wantEx[i].Description || gotEx[i].Removed != wantEx[i].Removed || gotEx[i].SHA256 != wantEx[i].SHA256 {
			t.Errorf("imported exhibit %+v, want %+v", gotEx[i], wantEx[i])
		}
	}
	if !reflect.DeepEqual(gotLog, wantLog) {
		t.Errorf("imported history %+v, want %+v", gotLog, wantLog)
	}
	if rep, err := evidence.Verify(ob, other, ic.ID); err != nil || !rep.OK() {
		t.Errorf("verify the imported case: %+v %v", rep, err)
	}

	// The first folder loses its store; repair rebuilds it from the case folders.
	b.Close()
	os.Remove(filepath.Join(dir, boltstore.FileName))
	r, _, err := boltstore.OpenForRepair(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	got, err := (&casework.Service{Store: r, Dir: dir}).Repair(r, folder)
	if err != nil || len(got.Cases) != 1 || len(got.Notes) != 0 {
		t.Fatalf("repair: %+v %v", got, err)
	}
	repEx, _ := r.Exhibits(c.ID)
	repLog, _ := r.ExhibitLog(c.ID)
	if !reflect.DeepEqual(repLog, wantLog) || len(repEx) != 3 || repEx[0].Description != wantEx[0].Description || !repEx[1].Removed || repEx[2].Removed {
		t.Errorf("repaired %+v %+v, want history %+v", repEx, repLog, wantLog)
	}
	if rep, err := evidence.Verify(r, dir, c.ID); err != nil || !rep.OK() {
		t.Errorf("verify the repaired case: %+v %v", rep, err)
	}
}
