package casework

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"proofpack/evidence"
	"proofpack/evidence/pdf"
	"proofpack/tracker"
	"proofpack/tracker/boltstore"
	"proofpack/tracker/storetest"
)

var now = time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC)

// newService opens a real store in a temporary data folder, with the PDF renderer wired.
func newService(t *testing.T) *Service {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "data")
	s, err := boltstore.OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return &Service{Store: s, Dir: dir, Clock: func() time.Time { return now }, Packets: pdf.Renderer{}}
}

func TestShipmentsKeepEventsAndNameTheField(t *testing.T) {
	old := []tracker.Shipment{{Number: "RR123456785CN", Events: []tracker.Event{{Description: "Accepted"}}}}
	got, err := Shipments([]string{" rr 123 456 785 cn ", "LP00612345678901"}, []string{"https://example.com/t"}, old)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Number != "RR123456785CN" || len(got[0].Events) != 1 || got[0].Link != "https://example.com/t" || got[1].Link != "" {
		t.Fatalf("shipments: %+v", got)
	}
	_, err = Shipments([]string{"RR123456785CN"}, []string{"a", "b"}, nil)
	if tracker.KindOf(err) != tracker.KindInvalid || tracker.FieldOf(err) != "tracking_url" {
		t.Fatalf("two links for one number: %v", err)
	}
}

func TestHistoryByNumberAndUnknownNumber(t *testing.T) {
	svc := newService(t)
	c := storetest.Sample("1001", "RR204873517CN")
	c.Shipments = append(c.Shipments, NewShipment("LP00612345678901", "", ""))
	c, err := svc.AddCase(c)
	if err != nil {
		t.Fatal(err)
	}
	r, err := svc.AddHistory(c.ID, "lp 00612345678901", "14/10/2026 10:22\nObjeto entregue ao destinatário\nRECIFE - PE\n", false)
	if err != nil {
		t.Fatal(err)
	}
	if r.Number != "LP00612345678901" || r.Fresh != 1 {
		t.Fatalf("history went to %s with %d new events", r.Number, r.Fresh)
	}
	_, err = svc.AddHistory(c.ID, "XX1", "14/10/2026 10:22\nDelivered\n", false)
	if tracker.FieldOf(err) != "tracking" || !strings.Contains(err.Error(), "RR204873517CN") {
		t.Fatalf("unknown number: %v", err)
	}
}

// A changed exhibit stops the packet with an error that names the files and no command-line
// words; Force makes it anyway and reports the problem.
func TestPacketRefusesChangedExhibitsUnlessForced(t *testing.T) {
	svc := newService(t)
	c, err := svc.AddCase(storetest.Sample("1001", "RR204873517CN"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.AddHistory(c.ID, "", "14/10/2026 10:22\nObjeto entregue ao destinatário\nRECIFE - PE\n", false); err != nil {
		t.Fatal(err)
	}
	ex, _ := svc.Exhibits(c.ID)
	if err := os.WriteFile(filepath.Join(svc.Dir, filepath.FromSlash(ex[0].Path)), []byte("changed"), 0o600); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "p.pdf")
	job := evidence.PacketJob{CaseID: c.ID, Out: out, Profile: "paypal", Now: now}
	_, err = svc.MakePacket(context.Background(), job)
	var changed *ExhibitsChanged
	if tracker.KindOf(err) != tracker.KindCorrupt || tracker.FieldOf(err) != FieldExhibits || !errors.As(err, &changed) || len(changed.Problems) != 1 {
		t.Fatalf("changed exhibit: %v", err)
	}
	if strings.Contains(err.Error(), "--") {
		t.Errorf("the error speaks the command line's words: %v", err)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a refused packet was written")
	}
	job.Force = true
	made, err := svc.MakePacket(context.Background(), job)
	if err != nil {
		t.Fatal(err)
	}
	if len(made.Problems) != 1 || made.Files[0] != out || made.Pages < 2 {
		t.Fatalf("forced packet: %+v", made)
	}
	job.Profile = "fax"
	if _, err := svc.MakePacket(context.Background(), job); tracker.FieldOf(err) != "profile" {
		t.Fatalf("unknown profile: %v", err)
	}
}

// A pasted page that names another tracking number (RR123456785CN in a case of RR204873517CN)
// makes no packet until the buyer confirms it is theirs, or forces it.
func TestPacketWaitsForAnotherNumberToBeConfirmed(t *testing.T) {
	svc := newService(t)
	c, err := svc.AddCase(storetest.Sample("1001", "RR204873517CN"))
	if err != nil {
		t.Fatal(err)
	}
	page := "RR123456785CN\n14/10/2026 10:22\nObjeto entregue ao destinatário\nRECIFE - PE\n"
	if r, err := svc.AddHistory(c.ID, "", page, false); err != nil || r.OtherNumber != "RR123456785CN" {
		t.Fatalf("history: %+v %v", r.OtherNumber, err)
	}
	job := evidence.PacketJob{CaseID: c.ID, Out: filepath.Join(t.TempDir(), "p.pdf"), Profile: "paypal", Now: now}
	if _, err := svc.MakePacket(context.Background(), job); tracker.FieldOf(err) != FieldOtherNumber || !strings.Contains(err.Error(), "RR123456785CN") {
		t.Fatalf("packet of an unconfirmed page: %v", err)
	}
	if _, err := os.Stat(job.Out); err == nil {
		t.Error("a refused packet was written")
	}
	if _, err := svc.AddHistory(c.ID, "", page, true); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.MakePacket(context.Background(), job); err != nil {
		t.Errorf("packet after the buyer confirmed: %v", err)
	}
}
