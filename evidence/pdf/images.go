package pdf

import (
	"bytes"
	"fmt"
	"image"
	"image/draw"
	_ "image/gif" // the buyer's own files may be GIFs
	"image/jpeg"
	_ "image/png"
	"math"
	"os"
	"path/filepath"
	"sync"

	xdraw "golang.org/x/image/draw"
)

// maxPixels bounds the images ProofPack decodes: a 1280 x 30 000 page is 38 million pixels;
// beyond 120 million a screenshot would need gigabytes and is almost certainly not one.
const maxPixels = 120_000_000

// picture is one image file of the packet as the layout sees it: its size, or why it cannot
// be drawn.
type picture struct {
	path string // relative to the data folder
	w, h int
	err  string // "" when it can be drawn
}

// probe reads only the image's header: enough to lay out pages without decoding pixels.
func probe(root, rel string) picture {
	p := picture{path: rel}
	f, err := os.Open(filepath.Join(root, filepath.FromSlash(rel)))
	if err != nil {
		p.err = "the file cannot be opened: " + err.Error()
		return p
	}
	defer f.Close()
	cfg, format, err := image.DecodeConfig(f)
	switch {
	case err != nil:
		p.err = "the file is not a readable image (" + err.Error() + ")"
	case cfg.Width <= 0 || cfg.Height <= 0:
		p.err = "the image is empty"
	case cfg.Width*cfg.Height > maxPixels:
		p.err = fmt.Sprintf("the %s image is %d x %d pixels, too large to draw", format, cfg.Width, cfg.Height)
	default:
		p.w, p.h = cfg.Width, cfg.Height
	}
	return p
}

// band is a horizontal strip of a picture, in source pixel rows, drawn on one page.
type band struct{ y0, y1 int }

// scaledWidth is the pixel width a picture is encoded at: its own width, or less when it would
// exceed dpiCap at widthMM on paper (0: no cap).
func scaledWidth(w int, widthMM, dpiCap float64) int {
	if dpiCap <= 0 {
		return w
	}
	limit := int(math.Round(widthMM / 25.4 * dpiCap))
	return min(w, max(limit, 1))
}

// decoded keeps pictures decoded and scaled between encoding passes, within a pixel budget, so
// trying a lower JPEG quality does not decode every PNG again.
type decoded struct {
	mu     sync.Mutex
	pics   map[string]*image.RGBA // path@width -> pixels
	pixels int
	budget int
}

func (d *decoded) get(root string, p picture, width int) (*image.RGBA, error) {
	key := fmt.Sprintf("%s@%d", p.path, width)
	d.mu.Lock()
	img, ok := d.pics[key]
	d.mu.Unlock()
	if ok {
		return img, nil
	}
	img, err := load(root, p, width)
	if err != nil {
		return nil, err
	}
	d.mu.Lock()
	if n := img.Rect.Dx() * img.Rect.Dy(); d.pixels+n <= d.budget {
		d.pics[key] = img
		d.pixels += n
	}
	d.mu.Unlock()
	return img, nil
}

// load decodes a picture onto white (JPEG has no transparency) at the given width.
func load(root string, p picture, width int) (*image.RGBA, error) {
	data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(p.path)))
	if err != nil {
		return nil, err
	}
	src, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("the file is not a readable image (%v)", err)
	}
	return loadImage(src, width)
}

// loadImage flattens src onto white at the given width.
func loadImage(src image.Image, width int) (*image.RGBA, error) {
	b := src.Bounds()
	if width == b.Dx() {
		if rgba, ok := src.(*image.RGBA); ok && rgba.Opaque() {
			return rgba, nil
		}
	}
	height := max(1, int(math.Round(float64(b.Dy())*float64(width)/float64(b.Dx()))))
	dst := image.NewRGBA(image.Rect(0, 0, width, height))
	draw.Draw(dst, dst.Rect, image.White, image.Point{}, draw.Src)
	if width == b.Dx() {
		draw.Draw(dst, dst.Rect, src, b.Min, draw.Over)
	} else {
		// Bilinear is enough for the mild reductions profiles ask for, and many times faster.
		xdraw.ApproxBiLinear.Scale(dst, dst.Rect, src, b, xdraw.Over, nil)
	}
	return dst, nil
}

// encodeBands cuts img (already scaled) into the bands laid out in source rows of a picture
// srcH tall, and encodes each as a JPEG, band i widened by pads[i] white columns on the right
// (nil: none; see renderer.widen).
func encodeBands(img *image.RGBA, srcH int, bands []band, quality int, pads []int) ([][]byte, error) {
	out := make([][]byte, len(bands))
	h := img.Rect.Dy()
	for i, b := range bands {
		y0 := b.y0 * h / srcH
		y1 := max(y0+1, b.y1*h/srcH)
		var buf bytes.Buffer
		var sub image.Image = img.SubImage(image.Rect(img.Rect.Min.X, img.Rect.Min.Y+y0, img.Rect.Max.X, img.Rect.Min.Y+y1))
		if i < len(pads) && pads[i] > 0 {
			wide := image.NewRGBA(image.Rect(0, 0, img.Rect.Dx()+pads[i], y1-y0))
			draw.Draw(wide, wide.Rect, image.White, image.Point{}, draw.Src)
			draw.Draw(wide, wide.Rect, sub, sub.Bounds().Min, draw.Src)
			sub = wide
		}
		if err := jpeg.Encode(&buf, sub, &jpeg.Options{Quality: quality}); err != nil {
			return nil, err
		}
		out[i] = buf.Bytes()
	}
	return out, nil
}

// jpegWidth is the pixel width an encoded band declares, padding included.
func jpegWidth(b []byte) int {
	cfg, err := jpeg.DecodeConfig(bytes.NewReader(b))
	if err != nil {
		return 0
	}
	return cfg.Width
}
