package pdf

import (
	"fmt"
	"sync"

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
// fallback, so every string is split into runs by this before it is measured or drawn.
type coverage struct {
	latin, han *sfnt.Font
	buf        sfnt.Buffer
	cache      map[rune]bool // rune -> set in the Latin font
}

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
	return &coverage{latin: latinFont, han: hanFont, cache: map[rune]bool{}}
}

// inLatin reports whether r is drawn with DejaVu Sans: every rune it has, and every rune
// neither font has (DejaVu's empty box is the clearer sign of a missing letter).
func (c *coverage) inLatin(r rune) bool {
	if r < 0x250 {
		return true
	}
	if v, ok := c.cache[r]; ok {
		return v
	}
	v := true
	if g, err := c.latin.GlyphIndex(&c.buf, r); err != nil || g == 0 {
		if g, err := c.han.GlyphIndex(&c.buf, r); err == nil && g != 0 {
			v = false
		}
	}
	c.cache[r] = v
	return v
}

// run is a piece of text set in one font.
type run struct {
	text string
	han  bool
}

// runs splits s where the font must change.
func (c *coverage) runs(s string) []run {
	var out []run
	start := 0
	han := false
	for i, r := range s {
		h := !c.inLatin(r)
		if i > start && h != han {
			out = append(out, run{s[start:i], han})
			start = i
		}
		if i == start {
			han = h
		}
	}
	if start < len(s) {
		out = append(out, run{s[start:], han})
	}
	return out
}

// needsHan reports whether any text needs the Han font, which is then the only reason to
// embed it.
func (c *coverage) needsHan(texts ...string) bool {
	for _, t := range texts {
		for _, r := range t {
			if !c.inLatin(r) {
				return true
			}
		}
	}
	return false
}
