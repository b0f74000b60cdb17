package carrier

import (
	"regexp"
	"strings"
	"testing"
)

// re2Shapes are the formats' shapes compiled by the regexp package, the reference.
var re2Shapes = func() map[string]*regexp.Regexp {
	m := map[string]*regexp.Regexp{}
	for _, f := range formats {
		m[f.ID] = regexp.MustCompile(f.Shape)
	}
	return m
}()

// assertShapesAgree fails when a compiled shape and its RE2 text answer differently for s.
func assertShapesAgree(t testing.TB, s string) {
	t.Helper()
	for i := range formats {
		f := &formats[i]
		want := re2Shapes[f.ID].MatchString(s)
		if got := f.shape.match(s); got != want {
			t.Errorf("format %s on %q: compiled shape says %v, RE2 says %v", f.ID, s, got, want)
		}
	}
}

func TestShapesAgreeWithRE2(t *testing.T) {
	var inputs []string
	for _, v := range loadVectors(t) {
		n, _ := Normalize(v.Number)
		inputs = append(inputs, n)
		// Near misses: one character shorter, longer, or changed at each end.
		inputs = append(inputs, n[1:], n[:len(n)-1], n+"0", "A"+n, strings.ToLower(n))
	}
	for _, f := range formats {
		inputs = append(inputs, strings.Trim(f.Shape, "^$"))
	}
	for _, s := range inputs {
		assertShapesAgree(t, s)
	}
}

func TestCompileShapeRefusesWhatItCannotRun(t *testing.T) {
	for _, expr := range []string{
		`[0-9]{12}`,        // not anchored
		`^(?i)ab[0-9]$`,    // case folding
		`^é[0-9]$`,         // non-ASCII
		`^(?:AB){2}[0-9]$`, // a repeated group
		`^.[0-9]$`,         // any character
	} {
		if _, err := compileShape(expr); err == nil {
			t.Errorf("compileShape(%q) accepted it", expr)
		}
	}
}
