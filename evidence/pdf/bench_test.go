package pdf

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"proofpack/evidence"
)

// BenchmarkBankPacket20 makes the bank packet of 20 full-page screenshots (1280 x 4000, text)
// and, on the same PNGs, runs img2pdf, the standard lossless images-to-PDF tool, for scale.
func BenchmarkBankPacket20(b *testing.B) {
	f := twenty(b)
	p := f.packet(evidence.PacketOptions{})
	b.Run("proofpack-bank", func(b *testing.B) {
		var out *Output
		for b.Loop() {
			var err error
			if out, err = Render(context.Background(), p, Options{Profile: Profiles["bank"], Root: f.root}); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(len(out.PDF)), "bytes")
		b.ReportMetric(float64(out.Pages), "pages")
		kept := 0
		for _, e := range out.Packet.Exhibits {
			if e.Omitted == "" {
				kept++
			}
		}
		b.ReportMetric(float64(kept), "exhibits")
	})
	b.Run("proofpack-paypal", func(b *testing.B) {
		var out *Output
		for b.Loop() {
			var err error
			if out, err = Render(context.Background(), p, Options{Profile: Profiles["paypal"], Root: f.root}); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(len(out.PDF)), "bytes")
		b.ReportMetric(float64(out.Pages), "pages")
	})
	b.Run("img2pdf", func(b *testing.B) {
		if _, err := exec.LookPath("img2pdf"); err != nil {
			b.Fatal("img2pdf is not installed (Debian package img2pdf)")
		}
		var args []string
		for _, e := range f.ex {
			args = append(args, filepath.Join(f.root, filepath.FromSlash(e.Path)))
		}
		out := filepath.Join(b.TempDir(), "img2pdf.pdf")
		args = append(args, "-o", out)
		for b.Loop() {
			if msg, err := exec.Command("img2pdf", args...).CombinedOutput(); err != nil {
				b.Fatalf("img2pdf: %v %s", err, msg)
			}
		}
		fi, err := os.Stat(out)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(fi.Size()), "bytes")
	})
}
