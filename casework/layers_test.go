package casework

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// layer ranks the module's packages (DESIGN.md, package map): a package imports only packages of
// a lower layer, or its own. The edge packages that wrap an outside library (bbolt, chromedp,
// gofpdf) rank with cmd's wiring: nothing but cmd/proofpack may import them.
func layer(pkg string) (rank int, edge bool) {
	switch {
	case pkg == "assets":
		return 0, false // embedded data
	case pkg == "internal/osfile":
		return 0, false // the file rules that differ by system, beside the standard library
	case pkg == "tracker/boltstore":
		return 1, true
	case pkg == "tracker", strings.HasPrefix(pkg, "tracker/"):
		return 1, false
	case pkg == "evidence/chrome", pkg == "evidence/pdf":
		return 2, true
	case pkg == "evidence", strings.HasPrefix(pkg, "evidence/"):
		return 2, false
	case pkg == "casework", strings.HasPrefix(pkg, "casework/"):
		return 3, false
	case pkg == "ui":
		return 4, false
	}
	return 5, false // cmd/proofpack and its internal packages: wiring, may import everything
}

// outside names, per library, the only packages that may import it: each outside dependency has
// one edge package (x/text and x/image are helpers of pure code, not edges).
var outside = map[string][]string{
	"fyne.io/fyne/v2":                 {"ui", "cmd/proofpack"},
	"go.etcd.io/bbolt":                {"tracker/boltstore"},
	"github.com/chromedp/":            {"evidence/chrome"},
	"github.com/jung-kurt/gofpdf":     {"evidence/pdf"},
	"golang.org/x/image":              {"evidence/pdf"},
	"github.com/arran4/golang-ical":   {"casework/ics"},
	"github.com/rickar/cal/v2":        {"tracker/deadlines"},
	"github.com/spf13/":               {"cmd/proofpack"},
	"golang.org/x/sys/windows":        {"internal/osfile"},
	"golang.org/x/text":               {"tracker/carrier", "tracker/history", "tracker/orders"},
	"fyne.io/fyne/v2/app":             {"cmd/proofpack"}, // ui gets its fyne.App handed in
	"fyne.io/fyne/v2/driver/glfw":     {"cmd/proofpack"},
	"fyne.io/fyne/v2/driver/software": {"cmd/proofpack"},
}

type listed struct {
	ImportPath string
	Imports    []string
	Standard   bool
}

// TestLayers fails when a package imports across the layers DESIGN.md allows
// (tracker <- evidence <- casework <- ui / cmd) or imports an outside library that belongs to
// another edge package.
func TestLayers(t *testing.T) {
	cmd := exec.Command("go", "list", "-json", "./...")
	cmd.Dir = ".."
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, stderr.String())
	}
	pkgs := 0
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p listed
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		pkgs++
		for _, msg := range layerProblems(p) {
			t.Error(msg)
		}
	}
	if pkgs < 10 {
		t.Fatalf("go list found only %d packages: run from the module", pkgs)
	}
}

// layerProblems says what is wrong with one package's imports.
func layerProblems(p listed) []string {
	const module = "proofpack/"
	self := strings.TrimPrefix(p.ImportPath, module)
	rank, _ := layer(self)
	var msgs []string
	for _, imp := range p.Imports {
		if !strings.HasPrefix(imp, module) {
			if owners := owners(imp); owners != nil && !slices.Contains(owners, self) {
				msgs = append(msgs, self+" imports "+imp+", which only "+strings.Join(owners, " and ")+" may import")
			}
			continue
		}
		dep := strings.TrimPrefix(imp, module)
		depRank, edge := layer(dep)
		switch {
		case edge && rank < 5:
			msgs = append(msgs, self+" imports the edge package "+dep+": only cmd/proofpack wires edges in")
		case depRank > rank:
			msgs = append(msgs, self+" imports "+dep+", a layer above it")
		}
	}
	return msgs
}

// owners returns the packages allowed to import an outside library (the longest matching
// prefix wins), nil for the standard library and libraries without a rule.
func owners(imp string) []string {
	best := ""
	for prefix := range outside {
		match := imp == prefix || strings.HasPrefix(imp, prefix+"/") || strings.HasSuffix(prefix, "/") && strings.HasPrefix(imp, prefix)
		if match && len(prefix) > len(best) {
			best = prefix
		}
	}
	if best == "" {
		if strings.Contains(strings.SplitN(imp, "/", 2)[0], ".") {
			return []string{"(a package named in layers_test.go's outside table)"}
		}
		return nil // standard library
	}
	return outside[best]
}
