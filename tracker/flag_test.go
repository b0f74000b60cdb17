package tracker

import (
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"strings"
	"testing"
)

// FlagCodes names every Flag constant of flag.go once: the tables built from it (the list's
// headlines) then cover each flag.
func TestFlagCodesListsEveryFlag(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "flag.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var consts []string
	for _, d := range f.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.CONST {
			for _, spec := range g.Specs {
				for _, n := range spec.(*ast.ValueSpec).Names {
					if strings.HasPrefix(n.Name, "Flag") {
						consts = append(consts, n.Name)
					}
				}
			}
		}
	}
	if len(consts) < 20 {
		t.Fatalf("found only %d Flag constants in flag.go: %v", len(consts), consts)
	}
	if len(FlagCodes) != len(consts) {
		t.Errorf("FlagCodes has %d codes, flag.go declares %d: %v", len(FlagCodes), len(consts), consts)
	}
	seen := map[string]bool{}
	for _, c := range FlagCodes {
		if seen[c] {
			t.Errorf("FlagCodes names %s twice", c)
		}
		seen[c] = true
	}
	if !slices.Contains(FlagCodes, FlagDeliveredNotReceived) {
		t.Error("FlagCodes lacks delivered_not_received")
	}
}
