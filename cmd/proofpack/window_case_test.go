package main

import (
	"image"
	"image/color"
	"os/exec"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// The real binary opens the case asked for (--case) on the tab asked for (--tab) under Xvfb: the
// case view on the right is drawn, and it is that case's diagnosis: the sample delivered in
// another city shows its critical flag in the error colour, the stalled one its flag in the
// warning colour and nothing in the error colour.
func TestWindowOpensACaseUnderXvfb(t *testing.T) {
	if _, err := exec.LookPath("xvfb-run"); err != nil {
		t.Fatal("xvfb-run is not installed: run scripts/setup (make test does)")
	}
	data := filepath.Join(t.TempDir(), "data")
	if r := pp(t, "", "demo", "--data", data); r.code != 0 {
		t.Fatalf("demo: %s", r.stderr)
	}
	elsewhere := xvfbShot(t, "--data", data, "--case", "1", "--tab", "diagnosis") // São Paulo buyer, delivered elsewhere
	stalled := xvfbShot(t, "--data", data, "--case", "4", "--tab", "diagnosis")   // Москва buyer, stalled 55 days
	for name, img := range map[string]image.Image{"case 1": elsewhere, "case 4": stalled} {
		if n := colours(casePane(img)); n < 20 {
			t.Errorf("%s: the case view has %d colours: not drawn", name, n)
		}
	}
	if red := inColour(casePane(elsewhere), theme.ColorNameError); red < 50 {
		t.Errorf("case 1's diagnosis shows %d pixels in the error colour: its critical flag is not on screen", red)
	}
	if red, amber := inColour(casePane(stalled), theme.ColorNameError), inColour(casePane(stalled), theme.ColorNameWarning); red > 0 || amber < 50 {
		t.Errorf("case 4's diagnosis shows %d pixels in the error colour and %d in the warning colour, want none and a stalled flag", red, amber)
	}
	if d := differing(casePane(elsewhere), casePane(stalled)); d < 0.05 {
		t.Errorf("the two cases' views differ in %.1f%% of pixels: the same case is shown", 100*d)
	}
}

// A case that is not there is said on the terminal, with no window.
func TestWindowRefusesAMissingCase(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	r := pp(t, "", "--data", data, "--case", "99", "--screenshot", filepath.Join(t.TempDir(), "x.png"))
	if r.code != exitError || r.stderr != "proofpack: no case 99: see 'proofpack case list'\n" {
		t.Errorf("exit %d: %q", r.code, r.stderr)
	}
	r = pp(t, "", "--data", data, "--tab", "statement", "--screenshot", filepath.Join(t.TempDir(), "x.png"))
	if r.code != exitUsage {
		t.Errorf("--tab statement: exit %d: %q", r.code, r.stderr)
	}
}

// casePane is the right part of a window screenshot, where the case view is: the list takes
// about a third on the left.
func casePane(img image.Image) image.Image {
	b := img.Bounds()
	return img.(interface {
		SubImage(image.Rectangle) image.Image
	}).SubImage(image.Rect(b.Min.X+b.Dx()*2/5, b.Min.Y, b.Max.X, b.Max.Y))
}

// inColour is the number of pixels of img in the theme's colour n, light or dark.
func inColour(img image.Image, n fyne.ThemeColorName) int {
	var want []color.NRGBA
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		want = append(want, color.NRGBAModel.Convert(theme.DefaultTheme().Color(n, v)).(color.NRGBA))
	}
	k := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			c := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
			if c == want[0] || c == want[1] {
				k++
			}
		}
	}
	return k
}

// differing is the share of pixels that differ between two images of the same size.
func differing(a, b image.Image) float64 {
	ra, rb := a.Bounds(), b.Bounds()
	if ra.Size() != rb.Size() {
		return 1
	}
	n := 0
	for y := 0; y < ra.Dy(); y++ {
		for x := 0; x < ra.Dx(); x++ {
			if a.At(ra.Min.X+x, ra.Min.Y+y) != b.At(rb.Min.X+x, rb.Min.Y+y) {
				n++
			}
		}
	}
	return float64(n) / float64(ra.Dx()*ra.Dy())
}
