// Package historytest reads the testdata pages of tracker/history, which the history and rules
// tests share: one file per page with the events and flags it must give. Test code only; it
// imports the standard library.
package historytest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Dir is the fixtures folder, relative to a test's package folder under tracker/.
const Dir = "../history/testdata"

// Fixture is one testdata page with what must be read from it. Its sections: "page" (the
// text), "want" (one "YYYY-MM-DD HH:MM | status | place" line per event, newest first, or
// "unparsed | status | place"), "buyer" (City|Postcode|CC|ordered|now) and "flags" (case-level
// flag codes that tracker/rules must raise). The rules tests read the same files.
type Fixture struct {
	Name, Page string
	Want       []string
	Buyer      []string
	Flags      []string
}

// Load reads every fixture in dir.
func Load(t testing.TB, dir string) []Fixture {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures in %s: %v", dir, err)
	}
	var out []Fixture
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sec := map[string]string{}
		var name string
		for _, l := range strings.SplitAfter(string(b), "\n") {
			if strings.HasPrefix(l, "-- ") && strings.HasSuffix(strings.TrimSpace(l), " --") {
				name = strings.Trim(strings.TrimSpace(l), "- ")
				continue
			}
			sec[name] += l
		}
		out = append(out, Fixture{
			Name:  strings.TrimSuffix(filepath.Base(f), ".txt"),
			Page:  sec["page"],
			Want:  nonEmpty(sec["want"]),
			Buyer: strings.Split(strings.TrimSpace(sec["buyer"]), "|"),
			Flags: nonEmpty(sec["flags"]),
		})
	}
	return out
}

func nonEmpty(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
