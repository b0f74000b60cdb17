package ui

import (
	"go/ast"
	"go/constant"
	"go/parser"
	"go/token"
	"io/fs"
	"maps"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"

	"proofpack/casework"
	"proofpack/tracker/deadlines"
)

// sayFormats finds every format the domain hands tracker.Say under dir, by reading the source:
// a new sentence cannot be added without this test seeing it. A format must be a constant (a
// literal, literals joined by +, or a constant of the same file) so that it can be looked up.
func sayFormats(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{} // format -> where
	fset := token.NewFileSet()
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		consts := fileConsts(f)
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 || !isSay(call.Fun, f.Name.Name) {
				return true
			}
			s, ok := constString(call.Args[0], consts)
			if !ok {
				t.Errorf("%s: the format given to Say is not a constant the catalogue can hold", fset.Position(call.Pos()))
				return true
			}
			out[s] = fset.Position(call.Pos()).String()
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func isSay(fun ast.Expr, pkg string) bool {
	switch f := fun.(type) {
	case *ast.SelectorExpr:
		x, ok := f.X.(*ast.Ident)
		return ok && x.Name == "tracker" && f.Sel.Name == "Say"
	case *ast.Ident:
		return pkg == "tracker" && f.Name == "Say"
	}
	return false
}

// fileConsts are a file's string constants given as literals, by name.
func fileConsts(f *ast.File) map[string]string {
	out := map[string]string{}
	ast.Inspect(f, func(n ast.Node) bool {
		d, ok := n.(*ast.GenDecl)
		if !ok || d.Tok != token.CONST {
			return true
		}
		for _, spec := range d.Specs {
			vs := spec.(*ast.ValueSpec)
			for i, name := range vs.Names {
				if i < len(vs.Values) {
					if s, ok := constString(vs.Values[i], out); ok {
						out[name.Name] = s
					}
				}
			}
		}
		return true
	})
	return out
}

func constString(e ast.Expr, consts map[string]string) (string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(e.Value)
		return s, err == nil
	case *ast.Ident:
		s, ok := consts[e.Name]
		return s, ok
	case *ast.ParenExpr:
		return constString(e.X, consts)
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return "", false
		}
		a, okA := constString(e.X, consts)
		b, okB := constString(e.Y, consts)
		return constant.StringVal(constant.MakeString(a + b)), okA && okB
	}
	return "", false
}

// verbs are a format's fmt verbs by the argument each takes: {1: "s", 2: "d"}; a translation
// may reorder them with %[2]s but must take the same arguments the same way, else Sprintf
// prints %!s(MISSING) or %!d(string=...).
func verbs(format string) map[int]string {
	out := map[int]string{}
	next := 1
	for _, m := range fmtVerb.FindAllStringSubmatch(format, -1) {
		kind := m[0][len(m[0])-1:]
		if kind == "%" {
			continue
		}
		n := next
		if m[1] != "" {
			n, _ = strconv.Atoi(strings.Trim(m[1], "[]"))
		}
		out[n] = kind
		next = n + 1
	}
	return out
}

// Every sentence the domain says through tracker.Say (flags' messages and next steps, and the
// phrases in them) is in every catalogue, each translation taking the English format's
// arguments with the same verbs, so the Diagnosis tab speaks the window's language.
func TestEverySaidSentenceInEveryCatalogue(t *testing.T) {
	formats := sayFormats(t, "../tracker")
	if len(formats) < 40 {
		t.Fatalf("found only %d formats under ../tracker: is the source still read?", len(formats))
	}
	for _, w := range deadlines.Windows { // said in the window's language as arguments
		formats[w.Name], formats[w.Where] = "deadlines.Windows", "deadlines.Windows"
	}
	for _, code := range casework.Languages {
		words := catalogue(t, code)
		speak(t, code)
		for format, where := range formats {
			if neutral(format) {
				continue
			}
			tr, ok := words[format]
			if !ok {
				t.Errorf("%s.json lacks %q (said at %s)", code, format, where)
				continue
			}
			if got := lang.L(format); got != tr { // go-i18n hands the text over as it is
				t.Errorf("%s: lang.L(%q) = %q, want %q", code, format, got, tr)
			}
			if got, want := verbs(tr), verbs(format); !sameArguments(got, want, strings.Contains(tr, "%[")) {
				t.Errorf("%s.json: %q takes arguments %v, want %v as in %q", code, tr, got, want, format)
			}
		}
	}
}

// sameArguments reports whether a translation takes the English format's arguments the same
// way. One that numbers its arguments (%[3]s) may leave one out: fmt then reports no extra
// argument, so a language can drop a word English repeats.
func sameArguments(got, want map[int]string, indexed bool) bool {
	for n, kind := range got {
		if want[n] != kind {
			return false
		}
	}
	return indexed || len(got) == len(want)
}

func TestVerbs(t *testing.T) {
	if got := verbs("%s has %d days%s (100%%)"); !maps.Equal(got, map[int]string{1: "s", 2: "d", 3: "s"}) {
		t.Errorf("verbs = %v", got)
	}
	if got := verbs("%[2]d дней: %[1]q"); !maps.Equal(got, map[int]string{1: "q", 2: "d"}) {
		t.Errorf("reordered verbs = %v", got)
	}
	if !sameArguments(verbs("%[1]s до %[3]s"), verbs("the %s %s until %s"), true) ||
		sameArguments(verbs("%s до %s"), verbs("the %s %s until %s"), false) ||
		sameArguments(verbs("%[2]d %[1]s"), verbs("%s %s"), true) {
		t.Error("sameArguments misjudges a translation")
	}
	if !neutral("%s; %s") || neutral("%s and %s") || neutral("") {
		t.Error("neutral misreads a format")
	}
}
