package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// crashTrials is how many times each operation is killed at a random moment (issue 9).
const crashTrials = 30

// crashCounts is what the trials of one operation found after the next start.
type crashCounts struct{ trials, whole, absent, leftovers int }

func (c crashCounts) String() string {
	return fmt.Sprintf("%d trials: %d whole, %d absent, %d with leftovers", c.trials, c.whole, c.absent, c.leftovers)
}

// shortTemp is a data folder's parent with a short path, so that the browser's socket folder
// fits inside the data folder's .tmp/chrome and its leftovers are the data folder's to clean.
func shortTemp(t *testing.T) string {
	t.Helper()
	d, err := os.MkdirTemp("/tmp", "pk")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(d) })
	return d
}

// timed runs the binary to the end and returns how long it took: the window to kill within.
func timed(t *testing.T, args ...string) time.Duration {
	t.Helper()
	start := time.Now()
	if r := pp(t, "", args...); r.code != 0 {
		t.Fatalf("%v: %s", args, r.stderr)
	}
	return time.Since(start)
}

// killDuring starts the binary and kills it with SIGKILL at a random moment of window (or lets
// it finish, when it is quicker). Anything it started (the browser) is killed with it.
func killDuring(t *testing.T, window time.Duration, args ...string) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(killMoment(window)):
		cmd.Process.Signal(syscall.SIGKILL)
		<-done
	}
	syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) // a browser left without its parent
}

// killMoment is a random moment within window: half the time anywhere, half the time in its
// last fifth or a little after, where the records are saved and the files put in place.
func killMoment(window time.Duration) time.Duration {
	if rand.N(2) == 0 {
		return rand.N(window + window/10)
	}
	return window*8/10 + rand.N(window*3/10)
}

// nextStart runs verify, the next start (which recovers), and reports whether it found the
// data folder whole, and whether anything was left behind: in .tmp (but its empty chrome
// folder), hidden files in case folders, or temporary files in extra folders (packet outputs).
func nextStart(t *testing.T, data string, extra ...string) (ok, leftovers bool) {
	t.Helper()
	r := pp(t, "", "verify", "--data", data)
	if r.code != 0 {
		t.Errorf("verify after a kill: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	return r.code == 0, leftAfterStart(t, data, extra...)
}

// leftAfterStart reports, after a start, whether anything was left behind: in .tmp (but its
// empty chrome folder), hidden files in case folders, or temporary files in extra folders.
func leftAfterStart(t *testing.T, data string, extra ...string) bool {
	t.Helper()
	left, _ := filepath.Glob(filepath.Join(data, ".tmp", "*"))
	if len(left) == 1 && filepath.Base(left[0]) == "chrome" {
		if inChrome, _ := os.ReadDir(left[0]); len(inChrome) == 0 {
			left = nil
		}
	}
	hidden, _ := filepath.Glob(filepath.Join(data, "cases", "*", ".*"))
	left = append(left, hidden...)
	for _, d := range extra {
		tmps, _ := filepath.Glob(filepath.Join(d, ".proofpack-*"))
		left = append(left, tmps...)
	}
	if len(left) > 0 {
		t.Errorf("left after the next start: %v", left)
	}
	return len(left) > 0
}

// exhibitCount is how many exhibit files the store records for the case.
func exhibitCount(t *testing.T, data, id string) int {
	t.Helper()
	var v struct {
		Cases []struct{ Files int } `json:"cases"`
	}
	r := pp(t, "", "verify", id, "--json", "--data", data)
	if err := json.Unmarshal([]byte(r.stdout), &v); err != nil || len(v.Cases) != 1 {
		t.Fatalf("verify --json: %v %s %s", err, r.stdout, r.stderr)
	}
	return v.Cases[0].Files
}

func count(c *crashCounts, ok, leftovers bool, whole bool) {
	c.trials++
	switch {
	case !ok:
	case whole:
		c.whole++
	default:
		c.absent++
	}
	if leftovers {
		c.leftovers++
	}
}

func reportCrashes(t *testing.T, what string, c crashCounts) {
	t.Logf("SIGKILL during %s: %v", what, c)
	if c.whole+c.absent != c.trials || c.leftovers != 0 {
		t.Errorf("%s: %v; want every trial whole or absent and no leftovers", what, c)
	}
}

// An evidence add of a large file, killed: the exhibit is recorded whole or not at all.
func TestKilledEvidenceAdd(t *testing.T) {
	big := filepath.Join(t.TempDir(), "screen-recording.png")
	b := make([]byte, 40<<20)
	for i := range b {
		b[i] = byte(i * 31)
	}
	os.WriteFile(big, b, 0o600)
	var c crashCounts
	var window time.Duration
	for i := 0; i < crashTrials; i++ {
		data := filepath.Join(shortTemp(t), "d")
		id := addCase(t, data)
		if i == 0 {
			window = timed(t, "evidence", "add", id, big, "--data", data)
			pp(t, "", "case", "delete", id, "--data", data)
			id = addCase(t, data)
		}
		killDuring(t, window, "evidence", "add", id, big, "--data", data)
		ok, left := nextStart(t, data)
		n := exhibitCount(t, data, id)
		if n > 1 {
			t.Errorf("trial %d: %d exhibits", i, n)
		}
		count(&c, ok, left, n == 1)
		os.RemoveAll(filepath.Dir(data))
	}
	reportCrashes(t, "evidence add of 40 MB", c)
}

// A capture killed at any moment: its exhibit is recorded whole or not at all, and neither its
// staging folder nor the browser's profile survives the next start.
func TestKilledCapture(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!DOCTYPE html><title>Cainiao</title><h1>LP00612345678901</h1><ul>
<li>2026-10-03 09:05:47 【深圳市】 快件已被揽收</li></ul>`)
	}))
	defer srv.Close()
	data := filepath.Join(shortTemp(t), "d")
	id := addCase(t, data)
	args := []string{"capture", id, "--url", srv.URL + "/track", "--data", data}
	window := timed(t, args...)
	t.Logf("a capture takes %v", window)
	before := exhibitCount(t, data, id)
	var c crashCounts
	for i := 0; i < crashTrials; i++ {
		killDuring(t, window, args...)
		ok, left := nextStart(t, data)
		n := exhibitCount(t, data, id)
		if n != before && n != before+3 {
			t.Errorf("trial %d: %d exhibit files after %d: part of a capture", i, n, before)
		}
		count(&c, ok, left, n == before+3)
		before = n
	}
	reportCrashes(t, "capture", c)
}

// A packet killed at any moment: the output is the whole PDF or absent, with no temporary file
// beside it after the next start.
func TestKilledPacket(t *testing.T) {
	data := filepath.Join(shortTemp(t), "d")
	id, _ := caseWithHistory(t, data)
	outDir := t.TempDir()
	out := filepath.Join(outDir, "dispute.pdf")
	args := []string{"packet", id, "--out", out, "--now", "2026-09-20", "--data", data}
	window := timed(t, args...)
	var c crashCounts
	for i := 0; i < crashTrials; i++ {
		os.Remove(out)
		killDuring(t, window, args...)
		ok, left := nextStart(t, data, outDir)
		_, err := os.Stat(out)
		whole := err == nil
		if whole {
			if b, _ := os.ReadFile(out); !bytes.HasPrefix(b, []byte("%PDF")) || !bytes.Contains(b[max(0, len(b)-32):], []byte("%%EOF")) {
				t.Errorf("trial %d: a partial packet", i)
				ok = false
			}
		}
		count(&c, ok, left, whole)
	}
	reportCrashes(t, "packet", c)
}

// A delete killed at any moment: the case is whole (records and folder) or gone (both).
func TestKilledDelete(t *testing.T) {
	data := filepath.Join(shortTemp(t), "d")
	note := filepath.Join(t.TempDir(), "chat.jpg")
	os.WriteFile(note, []byte("\xff\xd8\xff the seller says: shipped"), 0o600)
	var window time.Duration
	var c crashCounts
	for i := 0; i <= crashTrials; i++ { // the first is timed, not killed
		id := addCase(t, data)
		if r := pp(t, "", "evidence", "add", id, note, "--data", data); r.code != 0 {
			t.Fatal(r.stderr)
		}
		if i == 0 {
			window = timed(t, "case", "delete", id, "--data", data)
			continue
		}
		killDuring(t, window, "case", "delete", id, "--data", data)
		ok, left := nextStart(t, data)
		gone := pp(t, "", "case", "show", id, "--data", data).code != 0
		if _, err := os.Lstat(filepath.Join(data, "cases", id)); gone && err == nil {
			t.Errorf("trial %d: case %s is gone but its folder stays", i, id)
			ok = false
		}
		count(&c, ok, left, !gone)
	}
	reportCrashes(t, "case delete", c)
}

// A case edit killed at any moment: the store has the old or the new case, and after the next
// start case.json says the same as the store.
func TestKilledCaseEdit(t *testing.T) {
	data := filepath.Join(shortTemp(t), "d")
	id := addCase(t, data)
	window := timed(t, "case", "edit", id, "--item", "Lens cap 0", "--data", data)
	prev := "Lens cap 0"
	var c crashCounts
	for i := 1; i <= crashTrials; i++ {
		item := fmt.Sprintf("Lens cap %d", i)
		killDuring(t, window, "case", "edit", id, "--item", item, "--data", data)
		ok, left := nextStart(t, data)
		got := mustJSON[map[string]any](t, pp(t, "", "case", "show", id, "--json", "--data", data))["item"]
		var cf struct {
			Case struct{ Item string } `json:"case"`
		}
		raw, _ := os.ReadFile(filepath.Join(data, "cases", id, "case.json"))
		json.Unmarshal(raw, &cf)
		if got != item && got != prev || cf.Case.Item != got {
			t.Errorf("trial %d: store says %v, case.json %q; want %q or %q in both", i, got, cf.Case.Item, prev, item)
			ok = false
		}
		count(&c, ok, left, got == item)
		prev, _ = got.(string)
	}
	reportCrashes(t, "case edit", c)
}

// tinyDisk is a folder on a full-able file system: a 24 MB tmpfs where mounting is allowed (root),
// else nothing (the caller limits file sizes instead with prlimit; PROOFPACK_TEST_NO_TMPFS=1
// takes that path where mounting works).
func tinyDisk(t *testing.T) (dir string, mounted bool) {
	t.Helper()
	dir = shortTemp(t)
	if os.Getenv("PROOFPACK_TEST_NO_TMPFS") != "" {
		return dir, false
	}
	if err := exec.Command("mount", "-t", "tmpfs", "-o", "size=24m,mode=0700", "tmpfs", dir).Run(); err != nil {
		return dir, false
	}
	t.Cleanup(func() { exec.Command("umount", "-l", dir).Run() })
	return dir, true
}

// fill leaves about keep bytes free on the file system of dir.
func fill(t *testing.T, dir string, keep int64) string {
	t.Helper()
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		t.Fatal(err)
	}
	free := int64(st.Bavail) * st.Bsize
	p := filepath.Join(dir, "filler")
	if free > keep {
		if err := os.WriteFile(p, make([]byte, free-keep), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return p
}

// A full disk during add, capture and packet: a clear error, and nothing half-written.
func TestFullDisk(t *testing.T) {
	disk, mounted := tinyDisk(t)
	// run runs the binary; without a tmpfs, a file size limit of limit bytes stands for the full disk.
	run := func(limit int, args ...string) result {
		if mounted {
			return pp(t, "", args...)
		}
		return collect(t, exec.Command("prlimit", append([]string{fmt.Sprintf("--fsize=%d", limit), binary}, args...)...))
	}
	fullWords := "disk is full"
	if !mounted {
		fullWords = "file size limit"
	}
	data := filepath.Join(disk, "d")
	id, _ := caseWithHistory(t, data)
	// A picture of noise makes the packet larger than the store, for the file size limit below.
	noise := image.NewRGBA(image.Rect(0, 0, 300, 300))
	for i := range noise.Pix {
		noise.Pix[i] = byte(rand.N(256))
	}
	var pic bytes.Buffer
	png.Encode(&pic, noise)
	picPath := filepath.Join(t.TempDir(), "parcel.png")
	os.WriteFile(picPath, pic.Bytes(), 0o600)
	if r := pp(t, "", "evidence", "add", id, picPath, "--data", data); r.code != 0 {
		t.Fatal(r.stderr)
	}
	big := filepath.Join(t.TempDir(), "video.png")
	os.WriteFile(big, make([]byte, 32<<20), 0o600)

	r := run(1<<20, "evidence", "add", id, big, "--data", data)
	if r.code == 0 || !strings.Contains(r.stderr, fullWords) {
		t.Errorf("add on a full disk: exit %d %q", r.code, r.stderr)
	}
	if n := exhibitCount(t, data, id); n != 2 {
		t.Errorf("%d exhibit files after a failed add, want 2", n)
	}

	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "<!DOCTYPE html><h1>LP00612345678901</h1><p>%s</p>", strings.Repeat("tracking events ", 200000))
	}))
	defer srv.Close()
	var filler string
	if mounted {
		filler = fill(t, disk, 200<<10)
	}
	r = run(1<<20, "capture", id, "--url", srv.URL, "--data", data)
	// Under a file size limit the browser's own words say nothing of it ("net::ERR_ABORTED"):
	// only the refusal and that nothing is left half-written are asserted then.
	if r.code == 0 || mounted && !strings.Contains(r.stderr, "disk holding the data folder is full") {
		t.Errorf("capture on a full disk: exit %d %q", r.code, r.stderr)
	}
	if filler != "" {
		os.Remove(filler)
	}
	if n := exhibitCount(t, data, id); n != 2 {
		t.Errorf("%d exhibit files after a failed capture, want 2", n)
	}

	outDisk := filepath.Join(disk, "out")
	os.Mkdir(outDisk, 0o700)
	if mounted {
		filler = fill(t, disk, 16<<10)
	}
	out := filepath.Join(outDisk, "dispute.pdf")
	// Under a file size limit the store must still be written: the limit is its size, below
	// the packet's.
	dbSize := 0
	if fi, err := os.Stat(filepath.Join(data, "proofpack.db")); err == nil {
		dbSize = int(fi.Size())
	}
	r = run(dbSize, "packet", id, "--out", out, "--now", "2026-09-20", "--profile", "archive", "--data", data)
	if r.code == 0 || !strings.Contains(r.stderr, fullWords) {
		t.Errorf("packet on a full disk: exit %d %q", r.code, r.stderr)
	}
	if left, _ := os.ReadDir(outDisk); len(left) != 0 {
		t.Errorf("a failed packet left %v", left)
	}
	if filler != "" {
		os.Remove(filler)
	}
	if ok, _ := nextStart(t, data, outDisk); !ok {
		t.Error("the data folder is not whole after a full disk")
	}
}
