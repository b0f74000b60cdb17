package main

import (
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// The real binary opens its window under Xvfb, renders the demo cases and saves a screenshot.
func TestWindowScreenshotUnderXvfb(t *testing.T) {
	if _, err := exec.LookPath("xvfb-run"); err != nil {
		t.Fatal("xvfb-run is not installed: run scripts/setup (make test does)")
	}
	data := filepath.Join(t.TempDir(), "data")
	if r := pp(t, "", "demo", "--data", data); r.code != 0 {
		t.Fatalf("demo: %s", r.stderr)
	}
	img := xvfbShot(t, "--data", data)
	if b := img.Bounds(); b.Dx() < 800 || b.Dy() < 500 {
		t.Errorf("screenshot is %v, want the window's size", b)
	}
}

// xvfbShot runs the binary's window (args, plus --screenshot) under Xvfb and returns the
// screenshot, failing the test when it is blank rather than a rendered window.
func xvfbShot(t *testing.T, args ...string) image.Image {
	t.Helper()
	shot := filepath.Join(t.TempDir(), "window.png")
	cmd := exec.Command("xvfb-run", append([]string{"-a", "-s", "-screen 0 1280x800x24", binary}, append(args, "--screenshot", shot)...)...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("window: %v\n%s", err, out)
	}
	img := readPNG(t, shot)
	if n := colours(img); n < 20 {
		t.Errorf("screenshot has %d colours: blank, not a rendered window", n)
	}
	return img
}

// readPNG reads the screenshot at path, failing the test when it is missing or not a PNG.
func readPNG(t *testing.T, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("screenshot is not a PNG: %v", err)
	}
	return img
}

// colours counts distinct colours on a sparse grid: text and widgets give many, a blank frame one.
func colours(img image.Image) int {
	seen := map[[4]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 3 {
		for x := b.Min.X; x < b.Max.X; x += 3 {
			r, g, bl, a := img.At(x, y).RGBA()
			seen[[4]uint32{r, g, bl, a}] = true
		}
	}
	return len(seen)
}
