package pdf

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/jung-kurt/gofpdf"
	"golang.org/x/image/font/sfnt"

	"proofpack/assets"
)

// Font families as registered with gofpdf.
const (
	famLatin = "dejavu" // regular and bold: Latin, Greek, Cyrillic
	famHan   = "droid"  // Han, kana, Hangul; no bold
)

// coverage answers which of the embedded fonts has a glyph for a rune. gofpdf has no glyph
// fallback, and it panics on any rune beyond the Basic Multilingual Plane (an emoji), so every
// string is split into runs by this before it is measured or drawn, and a rune neither font
// can draw is replaced by U+FFFD, which DejaVu has, and remembered for the packet's note.
type coverage struct {
	latin, han *sfnt.Font
	buf        sfnt.Buffer
	cache      map[rune]face
	missing    map[rune]bool // runes replaced by U+FFFD so far
}

// face is how a rune is set.
type face int8

const (
	faceLatin   face = iota
	faceHan          // set in the Han font
	faceDrop         // an invisible control, format or variation character: left out
	faceReplace      // no glyph anywhere: U+FFFD in its place
)

// replacement stands in for a character the fonts cannot draw.
const replacement = '\uFFFD'

var (
	fontsOnce sync.Once
	fontsErr  error
	latinFont *sfnt.Font
	hanFont   *sfnt.Font
)

// CheckFonts parses the embedded fonts and sets a sample in each through gofpdf. gofpdf
// reports a font it cannot read only on stdout and fails later with "undefined font", so
// this runs before any packet is made and names the font at fault.
func CheckFonts() error {
	fontsOnce.Do(func() {
		var err error
		if latinFont, err = sfnt.Parse(assets.DejaVuSans); err != nil {
			fontsErr = fmt.Errorf("embedded font DejaVuSans.ttf cannot be read: %w", err)
			return
		}
		if hanFont, err = sfnt.Parse(assets.DroidSansFallback); err != nil {
			fontsErr = fmt.Errorf("embedded font DroidSansFallbackFull.ttf cannot be read: %w", err)
			return
		}
		samples := []struct{ fam, style, file, text string }{
			{famLatin, "", "DejaVuSans.ttf", "São Paulo, Kraków, Москва"},
			{famLatin, "B", "DejaVuSans-Bold.ttf", "São Paulo, Kraków, Москва"},
			{famHan, "", "DroidSansFallbackFull.ttf", "深圳市"},
		}
		for _, s := range samples {
			pdf := gofpdf.New("P", "mm", "A4", "")
			addFont(pdf, s.fam, s.style)
			pdf.AddPage()
			pdf.SetFont(s.fam, s.style, 10)
			if w := pdf.GetStringWidth(s.text); pdf.Err() || w <= 0 {
				fontsErr = fmt.Errorf("embedded font %s does not work in the PDF library: %v", s.file, pdf.Error())
				return
			}
		}
	})
	return fontsErr
}

func addFont(pdf *gofpdf.Fpdf, fam, style string) {
	switch {
	case fam == famHan:
		pdf.AddUTF8FontFromBytes(famHan, "", assets.DroidSansFallback)
	case style == "B":
		pdf.AddUTF8FontFromBytes(famLatin, "B", assets.DejaVuSansBold)
	default:
		pdf.AddUTF8FontFromBytes(famLatin, "", assets.DejaVuSans)
	}
}

func newCoverage() *coverage {
	return &coverage{latin: latinFont, han: hanFont, cache: map[rune]face{}, missing: map[rune]bool{}}
}

// faceOf decides how r is set: in DejaVu Sans when it has the glyph, else in the Han font when
// that has it, else left out (controls, bidi marks, variation selectors: nothing to see) or
// replaced. Runes past U+FFFF are always replaced: gofpdf cannot embed them.
func (c *coverage) faceOf(r rune) face {
	switch {
	case r >= 0x20 && r < 0x7f, r >= 0xa0 && r < 0x250 && r != 0xad:
		return faceLatin
	case r > 0xffff:
		return faceReplace
	case unicode.In(r, unicode.Cc, unicode.Cf, unicode.Variation_Selector):
		return faceDrop
	}
	if v, ok := c.cache[r]; ok {
		return v
	}
	v := faceReplace
	if g, err := c.latin.GlyphIndex(&c.buf, r); err == nil && g != 0 {
		v = faceLatin
	} else if g, err := c.han.GlyphIndex(&c.buf, r); err == nil && g != 0 {
		v = faceHan
	}
	c.cache[r] = v
	return v
}

// run is a piece of text set in one font.
type run struct {
	text string
	han  bool
}

// runs splits s where the font must change, leaving out what is invisible and replacing what
// no font can draw.
func (c *coverage) runs(s string) []run {
	var out []run
	var b strings.Builder
	han := false
	flush := func() {
		if b.Len() > 0 {
			out = append(out, run{b.String(), han})
			b.Reset()
		}
	}
	for _, r := range s {
		f := c.faceOf(r)
		switch f {
		case faceDrop:
			continue
		case faceReplace:
			c.missing[r] = true
			r, f = replacement, faceLatin
		}
		if h := f == faceHan; h != han {
			flush()
			han = h
		}
		b.WriteRune(r)
	}
	flush()
	return out
}

// cannotDraw reports whether any of texts holds a character that will be printed as U+FFFD.
func (c *coverage) cannotDraw(texts ...string) bool {
	for _, t := range texts {
		for _, r := range t {
			if c.faceOf(r) == faceReplace {
				return true
			}
		}
	}
	return false
}

// Words of the note on characters the fonts cannot draw, on the cover and to the buyer.
const (
	undrawable   = "Some characters (such as emoji) have no glyph in the packet's fonts and are printed as \uFFFD"
	keptOriginal = "the exhibit files and the case keep the original text"
)

// plain is s as the packet prints it, for the PDF's metadata (title, subject, keywords), which
// gofpdf encodes without the fonts: the same characters left out or replaced.
func (c *coverage) plain(s string) string {
	var b strings.Builder
	for _, r := range c.runs(s) {
		b.WriteString(r.text)
	}
	return b.String()
}

// missingNote is the one sentence that tells the buyer which characters were replaced, or "".
func (c *coverage) missingNote() string {
	if len(c.missing) == 0 {
		return ""
	}
	rs := make([]rune, 0, len(c.missing))
	for r := range c.missing {
		rs = append(rs, r)
	}
	slices.Sort(rs)
	var ex []string
	for _, r := range rs[:min(len(rs), 5)] {
		ex = append(ex, fmt.Sprintf("%U", r))
	}
	if len(rs) > len(ex) {
		ex = append(ex, "…")
	}
	return fmt.Sprintf("%s: %s; %s.", undrawable, strings.Join(ex, ", "), keptOriginal)
}

// needsHan reports whether any text needs the Han font, which is then the only reason to
// embed it.
func (c *coverage) needsHan(texts ...string) bool {
	for _, t := range texts {
		for _, r := range t {
			if c.faceOf(r) == faceHan {
				return true
			}
		}
	}
	return false
}
