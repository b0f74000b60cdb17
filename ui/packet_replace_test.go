package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"proofpack/evidence"
	"proofpack/evidence/pdf"
	"proofpack/tracker/storetest"
)

// Making a packet over an existing file asks first (issue 9), and does nothing until answered.
func TestPacketTabAsksBeforeReplacingAFile(t *testing.T) {
	u, s, _ := newTestApp(t, storetest.Sample("1001", "RR204873517CN"))
	u.svc.MakePacket = func(ctx context.Context, job evidence.PacketJob) (evidence.PacketMade, error) {
		return pdf.Make(ctx, s, u.svc.DataDir, job)
	}
	u.svc.PacketProfiles = pdf.ProfileNames
	u.view = nil
	u.selectCase(0)
	p := u.view.packet
	out := p.out.Text
	if err := os.MkdirAll(filepath.Dir(out), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(out, []byte("the buyer's earlier packet"), 0o600); err != nil {
		t.Fatal(err)
	}
	test.Tap(p.make)
	if u.win.Canvas().Overlays().Top() == nil {
		t.Fatal("no question before replacing the file")
	}
	if strings.Contains(p.result.Text, "Making") {
		t.Error("the packet started before the buyer answered")
	}
	if b, _ := os.ReadFile(out); string(b) != "the buyer's earlier packet" {
		t.Error("the file was replaced without asking")
	}
}
