package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// trials is how many times each command is killed at a random moment.
const trials = 30

// killAt starts the binary with args and sends SIGKILL after d (or lets it finish first).
func killAt(t *testing.T, d time.Duration, args ...string) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(d):
		cmd.Process.Kill()
		<-done
	}
}

// timed runs the binary once to completion and returns how long it took.
func timed(t *testing.T, args ...string) time.Duration {
	t.Helper()
	start := time.Now()
	if r := pp(t, "", args...); r.code != 0 {
		t.Fatalf("%v: %d %s", args, r.code, r.stderr)
	}
	return time.Since(start)
}

// leftovers lists files that no finished command should leave: temporary outputs beside out,
// and anything in the data folder's temporary place.
func leftovers(t *testing.T, data, outDir string) []string {
	t.Helper()
	var found []string
	ents, _ := os.ReadDir(outDir)
	for _, e := range ents {
		if strings.Contains(e.Name(), ".proofpack-") {
			found = append(found, e.Name())
		}
	}
	filepath.Walk(filepath.Join(data, ".tmp"), func(p string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			found = append(found, p)
		}
		return nil
	})
	return found
}

// SIGKILL at random moments during an import of 10 000 rows: the store always opens and holds
// all of the rows or none of them.
func TestKilledImportIsWholeOrAbsent(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString(csvHead)
	for i := range 10_000 {
		fmt.Fprintf(&b, "%d,2026-09-01,Shop %d,Item %d,%d.50,USD,LP%014d,,US,Austin,78701,aliexpress\n", 500000+i, i%37, i, i%90+1, i)
	}
	file := filepath.Join(dir, "orders.csv")
	os.WriteFile(file, []byte(b.String()), 0o600)
	full := timed(t, "import", file, "--data", filepath.Join(dir, "probe"))
	whole, absent := 0, 0
	for i := range trials {
		d := filepath.Join(dir, fmt.Sprintf("d%d", i))
		killAt(t, time.Duration(rand.Int64N(int64(full)*6/5)), "import", file, "--data", d)
		n := len(mustJSON[[]map[string]any](t, pp(t, "", "case", "list", "--json", "--data", d)))
		switch n {
		case 0:
			absent++
		case 10_000:
			whole++
		default:
			t.Errorf("trial %d: %d of 10 000 rows imported", i, n)
		}
		if l := leftovers(t, d, dir); len(l) > 0 {
			t.Errorf("trial %d left %v", i, l)
		}
	}
	t.Logf("import of 10 000 rows (%v when not killed), %d kills: %d whole, %d absent", full.Round(time.Millisecond), trials, whole, absent)
}

// SIGKILL at random moments during an export and a backup: the output is absent or whole and
// verifies, the data folder still verifies, and the next start removes the temporary file.
func TestKilledExportAndBackupLeaveNothingHalfWritten(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	id := caseWithEvidence(t, data)
	big := filepath.Join(dir, "video-call.bin")
	noise := make([]byte, 12<<20)
	for i := range noise {
		noise[i] = byte(rand.Uint32())
	}
	os.WriteFile(big, noise, 0o600)
	if r := pp(t, "", "evidence", "add", id, big, "--note", "Unboxing video", "--data", data); r.code != 0 {
		t.Fatalf("evidence add: %s", r.stderr)
	}
	outDir := filepath.Join(dir, "out")
	os.Mkdir(outDir, 0o700)
	for _, kind := range []string{"export", "backup"} {
		args := func(out string) []string {
			if kind == "export" {
				return []string{"export", id, "--out", out, "--data", data}
			}
			return []string{"backup", out, "--data", data}
		}
		check := func(out string) bool {
			if kind == "export" {
				return pp(t, "", "open", "--check", out).code == 0
			}
			return pp(t, "", "restore", out, "--data", filepath.Join(dir, "r-"+filepath.Base(out))).code == 0
		}
		full := timed(t, args(filepath.Join(dir, "probe-"+kind+".zip"))...)
		whole, absent := 0, 0
		for i := range trials {
			out := filepath.Join(outDir, fmt.Sprintf("%s%d.zip", kind, i))
			killAt(t, time.Duration(rand.Int64N(int64(full)*6/5)), args(out)...)
			// The next start (any command on the data folder) removes what the kill left.
			if r := pp(t, "", "verify", "--data", data); r.code != 0 {
				t.Fatalf("%s trial %d: the data folder no longer verifies: %s %s", kind, i, r.stdout, r.stderr)
			}
			if _, err := os.Stat(out); err != nil {
				absent++
			} else if check(out) {
				whole++
			} else {
				t.Errorf("%s trial %d: %s is there but does not verify", kind, i, out)
			}
			if l := leftovers(t, data, outDir); len(l) > 0 {
				t.Errorf("%s trial %d left %v after the next start", kind, i, l)
			}
		}
		t.Logf("%s (%v when not killed), %d kills: %d whole, %d absent, 0 half-written", kind, full.Round(time.Millisecond), trials, whole, absent)
	}
}
