package casework_test

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

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
		if _, err := evidence.Add(st, dir, c.ID, evidence.TextGroup("history", "1 Oct 2026 accepted "+n, "pasted")); err != nil {
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
