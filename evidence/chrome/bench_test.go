package chrome

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"proofpack/evidence"
)

// peakMemory samples the memory of this process's children (the browsers under test, not the
// shared one) until stop is called, and returns the largest sums seen.
func peakMemory() (stop func() (rss, pss int64)) {
	var peakRSS, peakPSS int64
	var wg sync.WaitGroup
	done := make(chan struct{})
	wg.Go(func() {
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			rss, pss := memory(descendants(os.Getpid(), shared.PID()))
			peakRSS, peakPSS = max(peakRSS, rss), max(peakPSS, pss)
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	})
	return func() (int64, int64) {
		close(done)
		wg.Wait()
		return peakRSS, peakPSS
	}
}

// BenchmarkBatch10 captures 10 local pages in one batch: one browser start, one tab, banner,
// full-page screenshot, MHTML and text for each page.
func BenchmarkBatch10(b *testing.B) {
	srv := newCarrierServer(b)
	var peakRSS, peakPSS int64
	for b.Loop() {
		req := evidence.Request{CaseID: "1", Dir: b.TempDir(), PageTimeout: time.Minute}
		for i := range 10 {
			req.Pages = append(req.Pages, evidence.Page{URL: fmt.Sprintf("%s/track/%d", srv.URL, i), No: i + 1})
		}
		stop := peakMemory()
		rs, err := Capturer{}.Capture(context.Background(), req, nil)
		rss, pss := stop()
		peakRSS, peakPSS = max(peakRSS, rss), max(peakPSS, pss)
		if err != nil {
			b.Fatal(err)
		}
		for _, r := range rs {
			if r.Err != nil {
				b.Fatal(r.Err)
			}
		}
	}
	b.ReportMetric(float64(peakRSS)/(1<<20), "peak-RSS-MiB")
	b.ReportMetric(float64(peakPSS)/(1<<20), "peak-PSS-MiB")
}

// BenchmarkCLIScreenshot10 is what a buyer would script by hand: one cold headless Chromium per
// page, a viewport screenshot only.
func BenchmarkCLIScreenshot10(b *testing.B) {
	srv := newCarrierServer(b)
	bin, err := findBrowser("")
	if err != nil {
		b.Fatal(err)
	}
	var peakRSS, peakPSS int64
	for b.Loop() {
		dir := b.TempDir()
		stop := peakMemory()
		for i := range 10 {
			out := filepath.Join(dir, fmt.Sprintf("%d.png", i))
			cmd := exec.Command(bin, "--headless", "--no-sandbox", "--disable-gpu", "--screenshot="+out, fmt.Sprintf("%s/track/%d", srv.URL, i))
			cmd.Env = append(os.Environ(), "TMPDIR="+dir) // keep the system temp folder clean
			if msg, err := cmd.CombinedOutput(); err != nil {
				b.Fatalf("%v: %s", err, msg)
			}
			if _, err := os.Stat(out); err != nil {
				b.Fatal(err)
			}
		}
		rss, pss := stop()
		peakRSS, peakPSS = max(peakRSS, rss), max(peakPSS, pss)
	}
	b.ReportMetric(float64(peakRSS)/(1<<20), "peak-RSS-MiB")
	b.ReportMetric(float64(peakPSS)/(1<<20), "peak-PSS-MiB")
}
