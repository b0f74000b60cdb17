package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An import of 10 000 rows, killed: the store holds all of them or none (one transaction).
func TestKilledImport(t *testing.T) {
	dir := shortTemp(t)
	var b strings.Builder
	b.WriteString(csvHead)
	for i := range 10_000 {
		fmt.Fprintf(&b, "%d,2026-09-01,Shop %d,Item %d,%d.50,USD,LP%014d,,US,Austin,78701,aliexpress\n", 500000+i, i%37, i, i%90+1, i)
	}
	file := filepath.Join(dir, "orders.csv")
	os.WriteFile(file, []byte(b.String()), 0o600)
	window := timed(t, "import", file, "--data", filepath.Join(dir, "probe"))
	var c crashCounts
	for i := range crashTrials {
		data := filepath.Join(dir, fmt.Sprintf("d%d", i))
		killDuring(t, window, "import", file, "--data", data)
		ok, left := nextStart(t, data)
		n := len(mustJSON[[]map[string]any](t, pp(t, "", "case", "list", "--json", "--data", data)))
		if n != 0 && n != 10_000 {
			t.Errorf("trial %d: %d of 10 000 rows imported", i, n)
			ok = false
		}
		count(&c, ok, left, n == 10_000)
	}
	reportCrashes(t, fmt.Sprintf("import of 10 000 rows (%v unkilled)", window.Round(1e6)), c)
}

// An export and a backup, killed: the output is absent or whole and verifies, the data folder
// still verifies, and the next start removes the temporary file beside the output.
func TestKilledExportAndBackup(t *testing.T) {
	dir := shortTemp(t)
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
		verifies := func(out string) bool {
			if kind == "export" {
				return pp(t, "", "open", "--check", out).code == 0
			}
			return pp(t, "", "restore", out, "--data", filepath.Join(dir, "r-"+filepath.Base(out))).code == 0
		}
		window := timed(t, args(filepath.Join(dir, "probe-"+kind+".zip"))...)
		var c crashCounts
		for i := range crashTrials {
			out := filepath.Join(outDir, fmt.Sprintf("%s%d.zip", kind, i))
			killDuring(t, window, args(out)...)
			ok, left := nextStart(t, data, outDir)
			_, err := os.Stat(out)
			if err == nil && !verifies(out) {
				t.Errorf("%s trial %d: %s is there but does not verify", kind, i, out)
				ok = false
			}
			count(&c, ok, left, err == nil)
		}
		reportCrashes(t, fmt.Sprintf("%s (%v unkilled)", kind, window.Round(1e6)), c)
	}
}
