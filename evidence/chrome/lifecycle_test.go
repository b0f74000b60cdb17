package chrome

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"proofpack/evidence"
)

func TestBatchLeavesNoProcessOrFolderBehind(t *testing.T) {
	srv := newCarrierServer(t)
	staging := t.TempDir()
	// A temporary folder of the test's own: under make test, other packages' tests start
	// browsers of their own at the same time and fill the system's. Short, as a buyer's is.
	tmp, err := os.MkdirTemp("", "pp")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(tmp) })
	t.Setenv("TMPDIR", tmp)
	var seen []int
	req := evidence.Request{CaseID: "7", Dir: staging, PageTimeout: time.Minute, Pages: []evidence.Page{
		{URL: srv.URL + "/track/4", No: 1}, {URL: srv.URL + "/cainiao", No: 2},
	}}
	rs, err := Capturer{}.Capture(context.Background(), req, func(p evidence.Progress) {
		if p.Done == 1 {
			// The batch's own browser, not the shared one: both are children of this process.
			seen = descendants(os.Getpid(), shared.PID())
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		if r.Err != nil {
			t.Fatal(r.Err)
		}
	}
	if len(seen) < 2 {
		t.Fatalf("saw %v while capturing; want the browser and its helpers", seen)
	}
	for _, pid := range seen {
		if alive(pid) {
			cmd, _ := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "cmdline"))
			t.Errorf("process %d outlived the batch: %s", pid, strings.ReplaceAll(string(cmd), "\x00", " "))
		}
	}
	left, err := os.ReadDir(tmp)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range left {
		t.Errorf("left in the temporary folder: %s", e.Name())
	}
}

// Chromium puts its singleton socket in TMPDIR; a Unix socket path holds at most 107 bytes, so a
// long TMPDIR (a sandboxed app's, a test's) stopped the browser from starting at all.
func TestBrowserStartsWithALongTemporaryFolder(t *testing.T) {
	long := filepath.Join(t.TempDir(), strings.Repeat("long-temporary-folder-", 3))
	if err := os.Mkdir(long, 0o700); err != nil {
		t.Fatal(err)
	}
	t.Setenv("TMPDIR", long)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	b, err := Start(ctx, Options{})
	if err != nil {
		t.Fatalf("TMPDIR of %d bytes: %v", len(long), err)
	}
	tmp := b.tmp
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	for _, d := range tmp {
		if _, err := os.Stat(d); !os.IsNotExist(err) {
			t.Errorf("the browser's temporary folder %s is still there (%v)", d, err)
		}
	}
}

// ProofPack gives the browser a folder inside the data folder, so that a crash's leftovers are
// found and removed at the next start: the profile must be made there, not in the system's.
func TestTempDirHoldsTheProfile(t *testing.T) {
	sys := t.TempDir()
	t.Setenv("TMPDIR", sys)
	parent := filepath.Join(t.TempDir(), ".tmp", "chrome")
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	b, err := Start(ctx, Options{TempDir: parent})
	if err != nil {
		t.Fatal(err)
	}
	inside, _ := filepath.Glob(filepath.Join(parent, "proofpack-chromium-*", "profile", "Default"))
	cmd, _ := os.ReadFile(filepath.Join("/proc", strconv.Itoa(b.PID()), "cmdline"))
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	if len(inside) != 1 || !strings.Contains(string(cmd), "--user-data-dir="+parent) {
		t.Errorf("profile folders in %s: %v; browser command line %q", parent, inside, strings.ReplaceAll(string(cmd), "\x00", " "))
	}
	for _, dir := range []string{parent, sys} {
		if left, _ := os.ReadDir(dir); len(left) != 0 {
			t.Errorf("left in %s after Close: %v", dir, left)
		}
	}
}

// startXvfb starts a virtual display for the assisted capture and returns its DISPLAY.
func startXvfb(t *testing.T) string {
	t.Helper()
	bin, err := exec.LookPath("Xvfb")
	if err != nil {
		t.Fatal("the assisted capture test needs Xvfb (apt-get install xvfb):", err)
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "-displayfd", "3", "-screen", "0", "1280x1024x24", "-nolisten", "tcp")
	cmd.ExtraFiles = []*os.File{w}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	line, err := bufio.NewReader(r).ReadString('\n')
	r.Close()
	if err != nil {
		t.Fatalf("Xvfb gave no display: %v", err)
	}
	return ":" + strings.TrimSpace(line)
}

func TestAssistedCaptureWaitsForTheBuyer(t *testing.T) {
	srv := newCarrierServer(t)
	t.Setenv("DISPLAY", startXvfb(t))
	var asked []evidence.Page
	req := evidence.Request{CaseID: "7", Dir: t.TempDir(), PageTimeout: time.Minute, Pages: []evidence.Page{
		{URL: srv.URL + "/poczta", No: 4}, {URL: srv.URL + "/track/5", No: 5},
	}, Confirm: func(ctx context.Context, p evidence.Page) error {
		asked = append(asked, p)
		if p.No == 5 {
			return context.Canceled // the buyer skipped this page
		}
		return nil
	}}
	rs, err := Capturer{}.Capture(context.Background(), req, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(asked) != 2 || asked[0].No != 4 {
		t.Errorf("confirm asked for %+v, want both pages in order", asked)
	}
	if r := rs[0]; r.Err != nil || !strings.Contains(r.Text, "Przesyłka nadana") || !strings.Contains(r.Banner, "exhibit 4") || strings.HasPrefix(r.Browser, "Headless") {
		t.Errorf("assisted page: err %v, browser %q, banner %q", r.Err, r.Browser, r.Banner)
	}
	if r := rs[1]; r.Err == nil || len(r.Files) != 0 {
		t.Errorf("skipped page: err %v, files %v; want it left out", r.Err, r.Files)
	}
}
