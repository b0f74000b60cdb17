package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"proofpack/evidence/pdf"
	"proofpack/tracker/storetest"
)

// Making a packet over an existing file asks first (issue 9), and does nothing until answered.
func TestPacketTabAsksBeforeReplacingAFile(t *testing.T) {
	u, _, _ := newTestApp(t, storetest.Sample("1001", "RR204873517CN"))
	u.svc.Packets = pdf.Renderer{}
	showAgain(u)
	p := u.view.packetTab()
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
