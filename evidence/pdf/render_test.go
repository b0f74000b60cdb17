package pdf

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"proofpack/evidence"
	"proofpack/tracker"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// poppler runs a poppler tool on pdf and returns its standard output.
func poppler(t *testing.T, pdf []byte, tool string, args ...string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "p.pdf")
	if err := os.WriteFile(p, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tool, append(args, p, "-")...).Output()
	if tool == "pdfinfo" || tool == "pdfimages" {
		out, err = exec.Command(tool, append(args, p)...).Output()
	}
	if err != nil {
		t.Fatalf("%s: %v", tool, err)
	}
	return string(out)
}

// flat collapses the line breaks pdftotext puts where the layout wrapped.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

func pages(t *testing.T, pdf []byte) int {
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindStringSubmatch(poppler(t, pdf, "pdfinfo"))
	if m == nil {
		t.Fatal("pdfinfo gave no page count")
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// inked renders one page and returns the share of its pixels that are not white.
func inked(t *testing.T, pdf []byte, page int) float64 {
	t.Helper()
	dir := t.TempDir()
	p := filepath.Join(dir, "p.pdf")
	os.WriteFile(p, pdf, 0o600)
	n := strconv.Itoa(page)
	if out, err := exec.Command("pdftoppm", "-png", "-r", "40", "-f", n, "-l", n, "-singlefile", p, filepath.Join(dir, "page")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v %s", err, out)
	}
	fh, err := os.Open(filepath.Join(dir, "page.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	img, err := png.Decode(fh)
	if err != nil {
		t.Fatal(err)
	}
	b := img.Bounds()
	ink := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if r < 0xf000 || g < 0xf000 || bl < 0xf000 {
				ink++
			}
		}
	}
	return float64(ink) / float64(b.Dx()*b.Dy())
}

// badInput is a case with every kind of trouble the issue names: a long page, a 30 000 px
// page, a PNG whose header reads but whose pixels do not, a file that is not an image at all.
func badInput(t *testing.T) *fixture {
	f := newFixture(t)
	f.add(t, 1, "screenshot", "png", "image/png", screenshot(t, 1280, 4000, 1), "https://rastreamento.correios.com.br/app/index.php?objeto=RR123456785CN")
	f.add(t, 1, "text", "txt", "text/plain; charset=utf-8", []byte("Objeto entregue ao destinatário, Recife"), "https://rastreamento.correios.com.br/app/index.php?objeto=RR123456785CN")
	f.add(t, 2, "file", "txt", "text/plain; charset=utf-8", []byte("Seller: we shipped it on 3 Sep.\n卖家: 已发货 (深圳市)"), "")
	f.add(t, 3, "screenshot", "png", "image/png", screenshot(t, 1280, 30000, 3), "https://t.17track.net/en#nums=RR123456785CN")
	good := screenshot(t, 400, 300, 4)
	f.add(t, 4, "file", "png", "image/png", append(good[:60:60], bytes.Repeat([]byte{0x55}, 500)...), "")
	f.add(t, 5, "file", "png", "image/png", []byte("this is not a picture"), "")
	f.flags = []tracker.Flag{{Code: tracker.FlagDeliveredElsewhere, Severity: tracker.Critical, Message: "Delivered in Recife, not in São Paulo.", Exhibits: []int{1}}}
	return f
}

func TestPacketReadsBack(t *testing.T) {
	f := badInput(t)
	p := f.packet(evidence.PacketOptions{})
	out, err := Render(context.Background(), p, Options{Profile: Profiles["paypal"], Root: f.root})
	if err != nil {
		t.Fatal(err)
	}
	text := poppler(t, out.PDF, "pdftotext")
	ftext := flat(text)
	for _, e := range f.ex {
		if !strings.Contains(text, e.SHA256) {
			t.Errorf("the hash of %s is not in the text", e.Path)
		}
	}
	for _, want := range []string{flat(p.Statement), "São Paulo", "深圳市", "Москва", "Kraków", "8150322711", "卖家: 已发货"} {
		if !strings.Contains(ftext, want) {
			t.Errorf("text lacks %q", want)
		}
	}
	for _, want := range []string{"04-file.png cannot be drawn: the file is not a readable image", "05-file.png cannot be drawn: the file is not a readable image"} {
		if !strings.Contains(ftext, want) {
			t.Errorf("text lacks %q", want)
		}
	}
	if len(out.Notes) != 2 {
		t.Errorf("notes = %q, want the two unreadable pictures", out.Notes)
	}
	if n := pages(t, out.PDF); n != out.Pages {
		t.Errorf("pdfinfo counts %d pages, Render said %d", n, out.Pages)
	}
	// 30 000 px at the text width is about 4.1 m of paper: 17 pages at least.
	parts := strings.Count(strings.Join(out.Layout, "\n"), "03-screenshot.png rows")
	if parts < 17 {
		t.Errorf("the 30 000 px page is in %d parts:\n%s", parts, strings.Join(out.Layout, "\n"))
	}
	if !regexp.MustCompile(`Page 1 of \d+`).MatchString(text) {
		t.Error("no page numbers")
	}
	info := poppler(t, out.PDF, "pdfinfo")
	for _, want := range []string{"Title:           Dispute packet: AliExpress order 8150322711", "Author:          The buyer, with ProofPack", "Subject:         Item not received"} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	if int64(len(out.PDF)) > Profiles["paypal"].MaxBytes {
		t.Errorf("paypal packet is %d bytes", len(out.PDF))
	}
	// The cover and a screenshot page carry ink; a blank render would mean lost fonts or images.
	if v := inked(t, out.PDF, 1); v < 0.02 {
		t.Errorf("cover is %.3f inked: blank?", v)
	}
	first := exhibitPage(t, out.Layout, "01-screenshot.png rows 0-")
	if v := inked(t, out.PDF, first); v < 0.10 {
		t.Errorf("screenshot page %d is %.3f inked: blank?", first, v)
	}
}

// exhibitPage finds the page number of the layout line containing s.
func exhibitPage(t *testing.T, layout []string, s string) int {
	for _, l := range layout {
		if strings.Contains(l, s) {
			n, _ := strconv.Atoi(l[:strings.Index(l, ":")])
			return n
		}
	}
	t.Fatalf("no page with %q in %q", s, layout)
	return 0
}

// twenty is the benchmark's case: 20 full-page tracking screenshots, one cited by a flag.
func twenty(t testing.TB) *fixture {
	f := newFixture(t)
	for i := 1; i <= 20; i++ {
		f.add(t, i, "screenshot", "png", "image/png", screenshot(t, 1280, 4000, uint64(i)), "https://global.cainiao.com/detail.htm?mailNoList=RR123456785CN")
	}
	f.flags = []tracker.Flag{{Code: tracker.FlagDeliveredElsewhere, Severity: tracker.Critical, Message: "Delivered in Recife, not in São Paulo.", Exhibits: []int{17}}}
	return f
}

func TestBankProfileHoldsItsLimits(t *testing.T) {
	f := twenty(t)
	out, err := Render(context.Background(), f.packet(evidence.PacketOptions{}), Options{Profile: Profiles["bank"], Root: f.root})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.PDF) > 2_000_000 {
		t.Errorf("bank packet is %d bytes, over 2 MB", len(out.PDF))
	}
	if n := pages(t, out.PDF); n > 20 {
		t.Errorf("bank packet has %d pages", n)
	}
	for _, l := range strings.Split(poppler(t, out.PDF, "pdfimages", "-list"), "\n")[2:] {
		if fs := strings.Fields(l); len(fs) > 13 {
			if ppi, _ := strconv.Atoi(fs[12]); ppi > 300 {
				t.Errorf("image over 300 DPI: %s", l)
			}
		}
	}
	var kept, left []int
	for _, e := range out.Packet.Exhibits {
		if e.Omitted == "" {
			kept = append(kept, e.No)
		} else {
			left = append(left, e.No)
		}
	}
	if !contains(kept, 17) {
		t.Errorf("the cited exhibit 17 was left out; kept %v", kept)
	}
	if len(left) == 0 {
		t.Fatal("20 pages of screenshots cannot fit 20 pages with a cover: something must be left out")
	}
	cover := flat(poppler(t, out.PDF, "pdftotext", "-f", "1", "-l", "1"))
	if !strings.Contains(cover, "left out of this packet") {
		t.Errorf("the cover does not say what was left out:\n%s", cover)
	}
	if len(out.Notes) == 0 || !strings.Contains(out.Notes[0], "left out") {
		t.Errorf("notes do not say what was left out: %q", out.Notes)
	}
	t.Logf("bank: %d bytes, %d pages, quality %d, kept %v", len(out.PDF), out.Pages, out.Quality, kept)
}

func contains(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

func TestTooMuchTextIsAnErrorNotABrokenLimit(t *testing.T) {
	f := newFixture(t)
	long := strings.Repeat("The parcel never came and the seller does not answer. ", 3000)
	_, err := Render(context.Background(), f.packet(evidence.PacketOptions{Statement: long}), Options{Profile: Profiles["bank"], Root: f.root})
	if err == nil || !strings.Contains(err.Error(), "more than the 20 the bank profile allows") {
		t.Errorf("err = %v", err)
	}
}

func TestNoExhibitsSaysSo(t *testing.T) {
	f := newFixture(t)
	out, err := Render(context.Background(), f.packet(evidence.PacketOptions{}), Options{Profile: Profiles["bank"], Root: f.root})
	if err != nil {
		t.Fatal(err)
	}
	text := flat(poppler(t, out.PDF, "pdftotext"))
	for _, want := range []string{"This case has no exhibits yet", "This case has no exhibits."} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q", want)
		}
	}
}

func TestForcedPacketSaysWhichFileChanged(t *testing.T) {
	f := newFixture(t)
	f.add(t, 1, "screenshot", "png", "image/png", screenshot(t, 600, 800, 1), "https://example.org/t")
	f.add(t, 2, "file", "png", "image/png", screenshot(t, 300, 200, 2), "")
	os.Remove(filepath.Join(f.root, "cases/7/02-file.png"))
	os.WriteFile(filepath.Join(f.root, "cases/7/01-screenshot.png"), screenshot(t, 600, 800, 9), 0o600)
	p := f.packet(evidence.PacketOptions{Problems: []evidence.Problem{
		{Path: "cases/7/01-screenshot.png", Problem: evidence.Changed}, {Path: "cases/7/02-file.png", Problem: evidence.Missing},
	}})
	out, err := Render(context.Background(), p, Options{Profile: Profiles["bank"], Root: f.root})
	if err != nil {
		t.Fatal(err)
	}
	cover := flat(poppler(t, out.PDF, "pdftotext", "-f", "1", "-l", "1"))
	if !strings.Contains(cover, "01-screenshot.png (changed), 02-file.png (missing)") {
		t.Errorf("cover does not name the files:\n%s", cover)
	}
	text := flat(poppler(t, out.PDF, "pdftotext"))
	if !strings.Contains(text, "02-file.png is missing from the case folder") || !strings.Contains(text, "01-screenshot.png changed after it was saved") {
		t.Errorf("exhibit pages do not say so:\n%s", text)
	}
}

// TestLayoutGolden compares the document's structure (what each page holds) with a golden
// file, and two renders with each other byte for byte: fixed dates, sorted catalogs and
// pictures of distinct widths (renderer.widen) make the output reproducible.
func TestLayoutGolden(t *testing.T) {
	f := newFixture(t)
	f.add(t, 1, "screenshot", "png", "image/png", screenshot(t, 1280, 2600, 1), "https://example.org/t")
	f.add(t, 2, "file", "txt", "text/plain; charset=utf-8", []byte("Seller: shipped."), "")
	f.flags = []tracker.Flag{{Code: tracker.FlagStalled, Severity: tracker.Warning, Message: "No movement for 30 days.", Exhibits: []int{1}}}
	p := f.packet(evidence.PacketOptions{})
	render := func() *Output {
		out, err := Render(context.Background(), p, Options{Profile: Profiles["bank"], Root: f.root})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	a, b := render(), render()
	if !bytes.Equal(a.PDF, b.PDF) {
		t.Error("two renders of the same packet differ")
	}
	got, _ := json.MarshalIndent(struct {
		Pages   int      `json:"pages"`
		Quality int      `json:"quality"`
		Layout  []string `json:"layout"`
	}{a.Pages, a.Quality, a.Layout}, "", "  ")
	golden := filepath.Join("testdata", "layout-stalled.json")
	if *update {
		os.MkdirAll("testdata", 0o755)
		os.WriteFile(golden, got, 0o644)
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to write it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("layout differs from %s:\n%s", golden, got)
	}
}

func TestMarketplacePicturesAndArchive(t *testing.T) {
	f := newFixture(t)
	f.add(t, 1, "screenshot", "png", "image/png", screenshot(t, 1280, 2000, 1), "https://example.org/t")
	big := screenshot(t, 1280, 30000, 2)
	f.add(t, 2, "screenshot", "png", "image/png", big, "https://example.org/u")
	f.add(t, 3, "file", "png", "image/png", []byte("not a png"), "")
	p := f.packet(evidence.PacketOptions{})
	prof := Profiles["marketplace"]
	prof.MaxBytes = int64(len(big)) - 1 // the tall page's PNG must be re-encoded to fit
	files, notes, err := Pictures(p, f.root, prof)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 2 || files[0].Name != "exhibit-01.png" || files[1].Name != "exhibit-02-reduced.jpg" {
		t.Fatalf("files = %v", names(files))
	}
	sum := sha256.Sum256(files[0].Data)
	if hex.EncodeToString(sum[:]) != f.ex[0].SHA256 {
		t.Error("a picture under the limit was changed")
	}
	if int64(len(files[1].Data)) > prof.MaxBytes {
		t.Errorf("re-encoded picture is %d bytes, over %d", len(files[1].Data), prof.MaxBytes)
	}
	if len(notes) != 2 || !strings.Contains(notes[1], "03-file.png is not written as a picture") {
		t.Errorf("notes = %q", notes)
	}

	var zbuf bytes.Buffer
	if err := WriteArchive(&zbuf, p, "8150322711.pdf", []byte("%PDF-"), f.root); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(zbuf.Bytes()), int64(zbuf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, zf := range zr.File {
		rc, _ := zf.Open()
		var b bytes.Buffer
		b.ReadFrom(rc)
		rc.Close()
		os.MkdirAll(filepath.Join(dir, filepath.Dir(zf.Name)), 0o700)
		os.WriteFile(filepath.Join(dir, zf.Name), b.Bytes(), 0o600)
	}
	cmd := exec.Command("sha256sum", "-c", "SHA256SUMS")
	cmd.Dir = filepath.Join(dir, "exhibits")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("sha256sum -c in the unpacked archive: %v\n%s", err, out)
	}
	for _, want := range []string{"8150322711.pdf", "packet.json"} {
		if _, err := os.Stat(filepath.Join(dir, want)); errors.Is(err, os.ErrNotExist) {
			t.Errorf("archive lacks %s", want)
		}
	}
}

func names(fs []File) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Name)
	}
	return out
}

func TestRunsSplitByFont(t *testing.T) {
	if err := CheckFonts(); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range newCoverage().runs("São Paulo 深圳市 Москва") {
		got = append(got, r.text+"|"+strconv.FormatBool(r.han))
	}
	want := []string{"São Paulo |false", "深圳市|true", " Москва|false"}
	if strings.Join(got, ";") != strings.Join(want, ";") {
		t.Errorf("runs = %q, want %q", got, want)
	}
}

func TestProfileNames(t *testing.T) {
	bank := Profiles["bank"]
	for name, bad := range map[string]bool{"8150322711.pdf": false, "dispute-packet-8150322711.pdf": true, "são.pdf": true} {
		if got := bank.NameProblem(name) != ""; got != bad {
			t.Errorf("NameProblem(%q) = %q", name, bank.NameProblem(name))
		}
	}
	if got := ShortName("AE-8150-3227-1188-99"); got != "3227-1188-99.pdf" {
		t.Errorf("ShortName = %q", got)
	}
	if got := ShortName("深圳"); got != "packet.pdf" {
		t.Errorf("ShortName of a non-ASCII order = %q", got)
	}
	if _, err := ProfileNamed("fax"); err == nil {
		t.Error("an unknown profile was accepted")
	}
}

// TestSamePacketSameBytes renders a packet whose pictures share one width (as every 1280-pixel
// screenshot does) several times: the PDFs must be byte-identical, so a buyer who makes the
// packet twice gets the same file and the same hash.
func TestSamePacketSameBytes(t *testing.T) {
	f := newFixture(t)
	f.add(t, 1, "screenshot", "png", "image/png", screenshot(t, 640, 2600, 1), "https://example.org/t")
	f.add(t, 2, "screenshot", "png", "image/png", screenshot(t, 640, 900, 2), "https://example.org/u")
	f.add(t, 3, "file", "png", "image/png", screenshot(t, 639, 500, 3), "")
	p := f.packet(evidence.PacketOptions{})
	var first []byte
	for i := range 6 {
		out, err := Render(context.Background(), p, Options{Profile: Profiles["paypal"], Root: f.root})
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = out.PDF
			continue
		}
		if !bytes.Equal(first, out.PDF) {
			t.Fatalf("render %d differs from the first (%d against %d bytes)", i+1, len(out.PDF), len(first))
		}
	}
}

// TestPageLimitKeepsWhatFits: leaving out the least important exhibits one by one can end
// with a long one that frees enough pages alone; the short ones dropped before it must then
// come back, or the cover names exhibits the bank would have taken.
func TestPageLimitKeepsWhatFits(t *testing.T) {
	f := newFixture(t)
	f.add(t, 1, "screenshot", "png", "image/png", screenshot(t, 1280, 4000, 1), "https://example.org/a")
	f.add(t, 2, "screenshot", "png", "image/png", screenshot(t, 1280, 30000, 2), "https://example.org/b")
	f.add(t, 3, "file", "png", "image/png", screenshot(t, 400, 300, 3), "")
	f.add(t, 4, "file", "txt", "text/plain; charset=utf-8", []byte("Seller: shipped on 3 Sep."), "")
	out, err := Render(context.Background(), f.packet(evidence.PacketOptions{}), Options{Profile: Profiles["bank"], Root: f.root})
	if err != nil {
		t.Fatal(err)
	}
	var left []int
	for _, e := range out.Packet.Exhibits {
		if e.Omitted != "" {
			left = append(left, e.No)
		}
	}
	if len(left) != 1 || left[0] != 2 {
		t.Errorf("left out %v, want only the 30 000 px exhibit 2 (%d pages)", left, out.Pages)
	}
	if out.Pages > 20 {
		t.Errorf("%d pages", out.Pages)
	}
}

// TestCoverWordsFollowTheCase: the headline is the claim's own, a generated statement is not
// said to be checked by anyone, a buyer's file was added rather than captured, and the
// closing line claims no more than a hash can show.
func TestCoverWordsFollowTheCase(t *testing.T) {
	f := newFixture(t)
	f.c.Shipments = nil
	f.c.Dispute.RefundPromised = tracker.Date{Year: 2026, Month: 11, Day: 1}
	f.add(t, 1, "file", "png", "image/png", screenshot(t, 300, 200, 1), "")
	f.flags = []tracker.Flag{{Code: tracker.FlagRefundOverdue, Severity: tracker.Warning, Message: "The refund promised on 1 Nov 2026 has not arrived."}}
	out, err := Render(context.Background(), f.packet(evidence.PacketOptions{}), Options{Profile: Profiles["bank"], Root: f.root})
	if err != nil {
		t.Fatal(err)
	}
	text := flat(poppler(t, out.PDF, "pdftotext"))
	for _, want := range []string{"Dispute packet: refund not received", "Added 16 Oct 2026 12:06:00 UTC", "unchanged since", "Refund timeline", "Refund promised"} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q", want)
		}
	}
	for _, bad := range []string{"item not received", "checked by the buyer", "Captured", "captured at the times given", "refund_overdue", "Refund overdue", "Merchandise not received"} {
		if strings.Contains(text, bad) {
			t.Errorf("text says %q", bad)
		}
	}
}
