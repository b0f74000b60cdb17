package pdf

import (
	"strings"
	"unicode"

	"github.com/jung-kurt/gofpdf"
)

// Page geometry, in millimetres on A4.
const (
	pageW    = 210.0
	pageH    = 297.0
	marginL  = 18.0
	marginT  = 16.0
	bottom   = pageH - 20.0 // the footer sits below this
	contentW = pageW - 2*marginL
	ptToMM   = 25.4 / 72
)

type rgb [3]int

var (
	black    = rgb{20, 20, 20}
	grey     = rgb{100, 100, 100}
	red      = rgb{170, 20, 20}
	amber    = rgb{150, 85, 0}
	shade    = rgb{238, 241, 245}
	ruleGrey = rgb{200, 200, 200}
)

// style is how a piece of text is set.
type style struct {
	size  float64 // points
	bold  bool
	color rgb
}

func (s style) lineH() float64 { return s.size * ptToMM * 1.35 }

// typesetter measures and draws text in runs, switching to the Han font where DejaVu Sans has
// no glyph. gofpdf's own MultiCell cannot: it sets a whole string in one font.
type typesetter struct {
	pdf *gofpdf.Fpdf
	cov *coverage
	han bool // the Han font is registered
	cur style
}

func (t *typesetter) set(s style) { t.cur = s; t.pdf.SetTextColor(s.color[0], s.color[1], s.color[2]) }

func (t *typesetter) useFont(han bool) {
	switch {
	case han && t.han:
		t.pdf.SetFont(famHan, "", t.cur.size)
	case t.cur.bold:
		t.pdf.SetFont(famLatin, "B", t.cur.size)
	default:
		t.pdf.SetFont(famLatin, "", t.cur.size)
	}
}

// width measures s in the current style.
func (t *typesetter) width(s string) float64 {
	w := 0.0
	for _, r := range t.cov.runs(s) {
		t.useFont(r.han)
		w += t.pdf.GetStringWidth(r.text)
	}
	return w
}

// draw sets s with its baseline at (x, y).
func (t *typesetter) draw(x, y float64, s string) {
	for _, r := range t.cov.runs(s) {
		t.useFont(r.han)
		t.pdf.Text(x, y, r.text)
		x += t.pdf.GetStringWidth(r.text)
	}
}

// wrap breaks text into lines no wider than w: at spaces, between Han characters, and inside
// a word only when the word alone is too wide (hashes, links).
func (t *typesetter) wrap(text string, w float64) []string {
	var lines []string
	for _, para := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		line := ""
		for _, tok := range tokens(para) {
			if line == "" && tok == " " {
				continue
			}
			if t.width(line+tok) <= w {
				line += tok
				continue
			}
			if line != "" {
				lines = append(lines, strings.TrimRight(line, " "))
				line = ""
			}
			if tok == " " {
				continue
			}
			for t.width(tok) > w {
				n := fit(t, tok, w)
				lines = append(lines, tok[:n])
				tok = tok[n:]
			}
			line = tok
		}
		lines = append(lines, strings.TrimRight(line, " "))
	}
	return lines
}

// fit is how many bytes of s fit in w, at least one rune.
func fit(t *typesetter, s string, w float64) int {
	n := 0
	for i, r := range s {
		if i > 0 && t.width(s[:i+len(string(r))]) > w {
			break
		}
		n = i + len(string(r))
	}
	return n
}

// tokens splits a paragraph into words, single spaces and single wide (Han, kana, Hangul)
// characters, the units a line may break between.
func tokens(s string) []string {
	var out []string
	word := strings.Builder{}
	flush := func() {
		if word.Len() > 0 {
			out = append(out, word.String())
			word.Reset()
		}
	}
	for _, r := range s {
		switch {
		case r == ' ' || r == '\t':
			flush()
			out = append(out, " ")
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul):
			flush()
			out = append(out, string(r))
		default:
			word.WriteRune(r)
		}
	}
	flush()
	return out
}
