package pdf

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"proofpack/assets"
	"proofpack/evidence"
	"proofpack/tracker"
)

// fixture is a data folder with one case's exhibit files, written as the capture would.
type fixture struct {
	root  string
	c     tracker.Case
	ex    []tracker.Exhibit
	flags []tracker.Flag
	now   time.Time
}

func newFixture(t testing.TB) *fixture {
	f := &fixture{
		root: t.TempDir(),
		now:  time.Date(2026, 11, 22, 9, 0, 0, 0, time.FixedZone("BRT", -3*3600)),
		c: tracker.Case{
			ID: "7", Marketplace: "aliexpress", OrderNumber: "8150322711", Seller: "Shenzhen Bright Store 深圳市",
			Item: "USB-C charger 65 W, Kraków edition", Amount: 2349, Currency: "USD",
			Ordered: tracker.Date{Year: 2026, Month: 9, Day: 20}, Shipped: tracker.Date{Year: 2026, Month: 9, Day: 23},
			Payment: "card", Buyer: tracker.Address{City: "São Paulo", Postcode: "01310-100", Country: "BR"},
			Shipments: []tracker.Shipment{{Number: "RR123456785CN", Carrier: "china_post", Events: []tracker.Event{
				{Time: time.Date(2026, 9, 24, 8, 30, 0, 0, time.UTC), Place: "深圳市", Description: "Acceptance", Status: tracker.StatusInTransit, Exhibit: 1},
				{Time: time.Date(2026, 10, 2, 3, 10, 0, 0, time.UTC), Place: "Москва", Description: "Transit", Status: tracker.StatusInTransit, Exhibit: 1},
				{Time: time.Date(2026, 10, 14, 10, 22, 0, 0, time.UTC), Place: "Recife", Description: "Objeto entregue ao destinatário", Status: tracker.StatusDelivered, Exhibit: 1},
			}}},
		},
	}
	return f
}

// add writes data as the next file of exhibit no and records it with its real hash.
func (f *fixture) add(t testing.TB, no int, kind, ext, mediaType string, data []byte, url string) string {
	t.Helper()
	rel := fmt.Sprintf("cases/%s/%02d-%s.%s", f.c.ID, no, kind, ext)
	p := filepath.Join(f.root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	f.ex = append(f.ex, tracker.Exhibit{
		No: no, Kind: kind, Path: rel, SHA256: hex.EncodeToString(sum[:]), Size: int64(len(data)),
		MediaType: mediaType, URL: url, CapturedAt: time.Date(2026, 10, 16, 12, 5, 0, 0, time.UTC).Add(time.Duration(no) * time.Minute),
		Zone: "America/Sao_Paulo",
	})
	return rel
}

func (f *fixture) packet(opt evidence.PacketOptions) evidence.Packet {
	return evidence.NewPacket(f.c, f.ex, f.flags, f.now, opt)
}

var (
	faceOnce font.Face
	words    = strings.Fields("Objeto entregue ao destinatário Recife PE postado São Paulo SP encaminhado Unidade de Tratamento Curitiba status tracking RR123456785CN 14/10/2026 10:22 em trânsito para Delivered Kraków Москва Order details shipment carrier China Post AliExpress customs cleared arrived departed facility")
)

// screenshot draws a tracking page: a coloured bar, then lines of real anti-aliased text,
// table rules and a few coloured status chips, like the pages carriers show. Solid colours
// would flatter every encoder; text is what a packet has to keep readable.
func screenshot(t testing.TB, w, h int, seed uint64) []byte {
	t.Helper()
	if faceOnce == nil {
		ft, err := opentype.Parse(assets.DejaVuSans)
		if err != nil {
			t.Fatal(err)
		}
		faceOnce, err = opentype.NewFace(ft, &opentype.FaceOptions{Size: 15, DPI: 72, Hinting: font.HintingFull})
		if err != nil {
			t.Fatal(err)
		}
	}
	rng := rand.New(rand.NewPCG(seed, 42))
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Rect, image.White, image.Point{}, draw.Src)
	draw.Draw(img, image.Rect(0, 0, w, 64), image.NewUniform(color.RGBA{0, 60, 140, 255}), image.Point{}, draw.Src)
	dr := &font.Drawer{Dst: img, Src: image.NewUniform(color.RGBA{30, 30, 30, 255}), Face: faceOnce}
	white := &font.Drawer{Dst: img, Src: image.White, Face: faceOnce, Dot: fixed.P(24, 40)}
	white.DrawString(fmt.Sprintf("Rastreamento de objetos · RR123456785CN · page %d", seed))
	for y := 100; y < h-20; y += 24 {
		if rng.IntN(9) == 0 {
			draw.Draw(img, image.Rect(40, y-14, w-40, y-13), image.NewUniform(color.RGBA{210, 210, 210, 255}), image.Point{}, draw.Src)
			y += 10
		}
		if rng.IntN(14) == 0 {
			draw.Draw(img, image.Rect(40, y-15, 190, y+5), image.NewUniform(color.RGBA{220, 245, 225, 255}), image.Point{}, draw.Src)
		}
		dr.Dot = fixed.P(48+rng.IntN(3)*20, y)
		var line strings.Builder
		for line.Len() < 40+rng.IntN(90) {
			line.WriteString(words[rng.IntN(len(words))] + " ")
		}
		dr.DrawString(line.String())
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
