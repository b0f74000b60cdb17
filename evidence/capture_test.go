package evidence_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"proofpack/evidence"
	"proofpack/tracker"
)

// countingCapturer fails the test's expectations loudly if the browser would have been started.
type countingCapturer struct{ calls int }

func (c *countingCapturer) Capture(ctx context.Context, req evidence.Request, progress func(evidence.Progress)) ([]evidence.Result, error) {
	c.calls++
	return make([]evidence.Result, len(req.Pages)), nil
}

// A --url that is not a web address would be opened by the browser as a local file (and kept as
// evidence of a carrier page) or fail with Chromium's own words: refuse it before any browser runs.
func TestCaptureCaseRefusesLinksThatAreNotWebAddresses(t *testing.T) {
	s, dataDir, id := newCase(t)
	for _, link := range []string{"file:///etc/passwd", "www.correios.com.br/rastreamento", "javascript:alert(1)", "chrome://version", "https://"} {
		c := &countingCapturer{}
		_, err := evidence.CaptureCase(context.Background(), s, dataDir, c, id, []string{"https://t.example/LP1", link}, evidence.CaptureOptions{}, nil)
		if err == nil || tracker.KindOf(err) != tracker.KindInvalid || !strings.Contains(err.Error(), link) || !strings.Contains(err.Error(), "https://") {
			t.Errorf("CaptureCase(%q) error = %v, want an invalid-input error that names it and says to start with https://", link, err)
		}
		if c.calls != 0 {
			t.Errorf("CaptureCase(%q) started the browser", link)
		}
	}
	if names := caseFiles(t, dataDir, id); len(names) != 0 {
		t.Errorf("files after refused captures: %v", names)
	}
}

func TestCaptureCaseSaysWhyWhenNoPageGaveFiles(t *testing.T) {
	s, dataDir, id := newCase(t)
	_, err := evidence.CaptureCase(context.Background(), s, dataDir, &countingCapturer{}, id, []string{"https://t.example/LP1"}, evidence.CaptureOptions{}, nil)
	if err == nil || strings.Contains(err.Error(), "%!") || !strings.Contains(err.Error(), "no files") {
		t.Errorf("error = %v, want one that says the browser saved no files", err)
	}
}

// verify checks every case in a row: one unreadable file must be named, not stop the check.
func TestVerifyNamesAnUnreadableFileAndGoesOn(t *testing.T) {
	s, dataDir, id := newCase(t)
	ex, err := evidence.Add(s, dataDir, id, evidence.TextGroup("history", "a", ""), evidence.TextGroup("history", "b", ""))
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dataDir, filepath.FromSlash(ex[0].Path))
	if err := os.Remove(p); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(p, 0o700); err != nil { // unreadable as a file, even for root
		t.Fatal(err)
	}
	r, err := evidence.Verify(s, dataDir, id)
	if err != nil || len(r.Problems) != 1 || r.Problems[0].Path != ex[0].Path || r.Problems[0].Problem != evidence.NotRegular || r.Files != 2 {
		t.Errorf("Verify = %+v, %v; want %s named as not a regular file and both files checked", r, err, ex[0].Path)
	}
}

func TestVerifyRefusesACaseIDOutsideCases(t *testing.T) {
	s, dataDir, _ := newCase(t)
	if _, err := evidence.Verify(s, dataDir, "../.."); tracker.KindOf(err) != tracker.KindNotFound {
		t.Errorf("Verify(../..) error = %v, want not found", err)
	}
}
