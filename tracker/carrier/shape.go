package carrier

import (
	"fmt"
	"regexp/syntax"
	"strings"
)

// shape is a format's RE2 shape compiled into the few alternatives it allows, each a run of
// character-class segments. Matching one needs no regexp machine and no allocation, which is
// what makes millions of detections a second possible; the RE2 text stays the definition a
// person reads, and TestShapesAgreeWithRE2 and FuzzCheck hold the two to the same answers.
type shape struct {
	alts           []alt
	minLen, maxLen int
	// fixed counts the leading characters every match spells out literally ("1Z", "3S", "340"):
	// among equal check-digit verdicts, a shape that names its prefix ranks before a bare run of
	// digits.
	fixed int
}

// alt is one way through the shape, such as "with the 420 ZIP prefix" or "without".
type alt struct {
	segs           []seg
	minLen, maxLen int
}

// seg is a character class repeated between min and max times.
type seg struct {
	set      [2]uint64 // the ASCII bytes allowed; shapes are ASCII only
	min, max int
}

const unbounded = 1 << 20

// maxAlts keeps a shape small: more alternatives would mean the format wants its own code.
const maxAlts = 64

func (s *seg) has(c byte) bool { return c < 128 && s.set[c>>6]&(1<<(c&63)) != 0 }

func (s *seg) add(lo, hi rune) {
	for r := lo; r <= hi && r < 128; r++ {
		s.set[r>>6] |= 1 << (r & 63)
	}
}

// compileShape turns an anchored RE2 expression into a shape. It refuses what it cannot run
// exactly (case folding, non-ASCII, repeated groups), so a shape never silently
// means less than its text.
func compileShape(expr string) (shape, error) {
	if !strings.HasPrefix(expr, "^") || !strings.HasSuffix(expr, "$") {
		return shape{}, fmt.Errorf("shape %q: must be anchored with ^ and $", expr)
	}
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return shape{}, err
	}
	runs, err := expand(re)
	if err != nil {
		return shape{}, fmt.Errorf("shape %q: %w", expr, err)
	}
	sh := shape{minLen: unbounded, fixed: unbounded}
	for _, segs := range runs {
		a := alt{segs: segs}
		for _, sg := range segs {
			a.minLen += sg.min
			a.maxLen = min(a.maxLen+sg.max, unbounded)
		}
		sh.alts = append(sh.alts, a)
		sh.minLen = min(sh.minLen, a.minLen)
		sh.fixed = min(sh.fixed, literalPrefix(segs))
		sh.maxLen = max(sh.maxLen, a.maxLen)
	}
	return sh, nil
}

// literalPrefix counts the leading segments that allow exactly one character, exactly once.
func literalPrefix(segs []seg) int {
	n := 0
	for _, sg := range segs {
		if sg.min != 1 || sg.max != 1 || bitsSet(sg.set) != 1 {
			break
		}
		n++
	}
	return n
}

func bitsSet(set [2]uint64) int {
	n := 0
	for _, w := range set {
		for ; w != 0; w &= w - 1 {
			n++
		}
	}
	return n
}

// expand lists the runs of segments an expression allows.
func expand(re *syntax.Regexp) ([][]seg, error) {
	if re.Flags&syntax.FoldCase != 0 {
		return nil, fmt.Errorf("case folding is not supported: shapes see uppercase input")
	}
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginText, syntax.OpEndText:
		return [][]seg{nil}, nil
	case syntax.OpLiteral:
		run := make([]seg, 0, len(re.Rune))
		for _, r := range re.Rune {
			if r >= 128 {
				return nil, fmt.Errorf("non-ASCII literal %q", r)
			}
			sg := seg{min: 1, max: 1}
			sg.add(r, r)
			run = append(run, sg)
		}
		return [][]seg{run}, nil
	case syntax.OpCharClass:
		sg, err := classSeg(re)
		if err != nil {
			return nil, err
		}
		return [][]seg{{sg}}, nil
	case syntax.OpCapture:
		return expand(re.Sub[0])
	case syntax.OpConcat:
		runs := [][]seg{nil}
		for _, sub := range re.Sub {
			tails, err := expand(sub)
			if err != nil {
				return nil, err
			}
			var next [][]seg
			for _, head := range runs {
				for _, tail := range tails {
					next = append(next, append(append([]seg(nil), head...), tail...))
				}
			}
			if len(next) > maxAlts {
				return nil, fmt.Errorf("more than %d alternatives", maxAlts)
			}
			runs = next
		}
		return runs, nil
	case syntax.OpAlternate:
		var runs [][]seg
		for _, sub := range re.Sub {
			more, err := expand(sub)
			if err != nil {
				return nil, err
			}
			runs = append(runs, more...)
		}
		if len(runs) > maxAlts {
			return nil, fmt.Errorf("more than %d alternatives", maxAlts)
		}
		return runs, nil
	case syntax.OpQuest:
		runs, err := expand(re.Sub[0])
		return append([][]seg{nil}, runs...), err
	case syntax.OpStar, syntax.OpPlus, syntax.OpRepeat:
		return expandRepeat(re)
	}
	return nil, fmt.Errorf("unsupported construct %s", re)
}

// expandRepeat handles x*, x+ and x{m,n} of a single character class (a group that repeats
// would multiply the alternatives; no carrier needs one).
func expandRepeat(re *syntax.Regexp) ([][]seg, error) {
	inner, err := expand(re.Sub[0])
	if err != nil {
		return nil, err
	}
	if len(inner) != 1 || len(inner[0]) != 1 || inner[0][0].min != 1 || inner[0][0].max != 1 {
		return nil, fmt.Errorf("repeat of a group: %s", re)
	}
	sg := inner[0][0]
	switch re.Op {
	case syntax.OpStar:
		sg.min, sg.max = 0, unbounded
	case syntax.OpPlus:
		sg.min, sg.max = 1, unbounded
	default:
		sg.min, sg.max = re.Min, re.Max
		if re.Max < 0 {
			sg.max = unbounded
		}
	}
	return [][]seg{{sg}}, nil
}

func classSeg(re *syntax.Regexp) (seg, error) {
	sg := seg{min: 1, max: 1}
	for i := 0; i+1 < len(re.Rune); i += 2 {
		if re.Rune[i] >= 128 {
			continue // a negated class reaches beyond ASCII; cleaned numbers never do
		}
		sg.add(re.Rune[i], re.Rune[i+1])
	}
	if sg.set == ([2]uint64{}) {
		return sg, fmt.Errorf("class %s allows no ASCII character", re)
	}
	return sg, nil
}

// match reports whether the whole of n fits the shape.
func (s *shape) match(n string) bool {
	if len(n) < s.minLen || len(n) > s.maxLen {
		return false
	}
	for i := range s.alts {
		a := &s.alts[i]
		if len(n) >= a.minLen && len(n) <= a.maxLen && matchSegs(a.segs, n) {
			return true
		}
	}
	return false
}

// matchSegs matches greedily and backtracks over the variable segments (there are few).
func matchSegs(segs []seg, n string) bool {
	for len(segs) > 0 && segs[0].min == segs[0].max {
		sg := &segs[0]
		if len(n) < sg.min {
			return false
		}
		for i := 0; i < sg.min; i++ {
			if !sg.has(n[i]) {
				return false
			}
		}
		n, segs = n[sg.min:], segs[1:]
	}
	if len(segs) == 0 {
		return len(n) == 0
	}
	sg := &segs[0]
	k := 0
	for k < len(n) && k < sg.max && sg.has(n[k]) {
		k++
	}
	for ; k >= sg.min; k-- {
		if matchSegs(segs[1:], n[k:]) {
			return true
		}
	}
	return false
}

// firstBytes lists the bytes a match can start with, to index formats by first byte.
func (s *shape) firstBytes() []byte {
	var set seg
	for _, a := range s.alts {
		for _, sg := range a.segs {
			set.set[0] |= sg.set[0]
			set.set[1] |= sg.set[1]
			if sg.min > 0 {
				break
			}
		}
	}
	var out []byte
	for c := 0; c < 128; c++ {
		if set.has(byte(c)) {
			out = append(out, byte(c))
		}
	}
	return out
}
