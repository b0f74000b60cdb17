package chrome

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"image/png"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/http"
	"net/http/httptest"
	"net/mail"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto"

	"proofpack/evidence"
	"proofpack/tracker"
	"proofpack/tracker/boltstore"
)

// captureShared captures urls on the shared browser as exhibits 1, 2, ... of case 7.
func captureShared(t *testing.T, timeout time.Duration, urls ...string) []evidence.Result {
	t.Helper()
	req := evidence.Request{CaseID: "7", Dir: t.TempDir(), PageTimeout: timeout, Zone: time.FixedZone("BRT", -3*3600)}
	for i, u := range urls {
		req.Pages = append(req.Pages, evidence.Page{URL: u, No: i + 1})
	}
	var seen []evidence.Progress
	rs, err := shared.Capture(context.Background(), req, func(p evidence.Progress) { seen = append(seen, p) })
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != len(urls) {
		t.Fatalf("got %d results for %d pages", len(rs), len(urls))
	}
	// Each page is reported as it starts and as it ends; Done only grows.
	for i, p := range seen {
		if p.Total != len(urls) || (i > 0 && p.Done < seen[i-1].Done) {
			t.Errorf("progress reports %+v", seen)
			break
		}
	}
	if len(seen) != 2*len(urls) || seen[len(seen)-1].Done != len(urls) {
		t.Errorf("progress reports %+v, want a start and an end per page", seen)
	}
	return rs
}

func file(t *testing.T, r evidence.Result, kind string) []byte {
	t.Helper()
	for _, f := range r.Files {
		if f.Kind == kind {
			b, err := os.ReadFile(f.Path)
			if err != nil {
				t.Fatal(err)
			}
			return b
		}
	}
	t.Fatalf("%s: no %s file among %+v", r.Page.URL, kind, r.Files)
	return nil
}

// mhtmlPage returns the decoded HTML part of an MHTML archive and the archive's page URL.
func mhtmlPage(t *testing.T, archive []byte) (html, location string) {
	t.Helper()
	msg, err := mail.ReadMessage(bytes.NewReader(archive))
	if err != nil {
		t.Fatalf("MHTML header: %v", err)
	}
	location = msg.Header.Get("Snapshot-Content-Location")
	_, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil {
		t.Fatal(err)
	}
	mr := multipart.NewReader(msg.Body, params["boundary"])
	for {
		part, err := mr.NextRawPart()
		if err != nil {
			t.Fatalf("no text/html part in the MHTML: %v", err)
		}
		if !strings.HasPrefix(part.Header.Get("Content-Type"), "text/html") {
			continue
		}
		var body io.Reader = part
		if part.Header.Get("Content-Transfer-Encoding") == "quoted-printable" {
			body = quotedprintable.NewReader(part)
		}
		b, err := io.ReadAll(body)
		if err != nil {
			t.Fatal(err)
		}
		return string(b), location
	}
}

func TestCarrierPagesInFourLanguages(t *testing.T) {
	srv := newCarrierServer(t)
	pages := []struct {
		path, title, number string
		events              []string // as the page shows them, decoded from its charset
		htmlHas             string   // in the archived HTML, as Chromium serialises it
	}{
		{"/correios", "Rastreamento de objetos - Correios", "NL123456785BR",
			[]string{"Objeto postado", "12/10/2026 10:22 · São Paulo - SP", "Objeto em trânsito - por favor aguarde", "Objeto entregue ao destinatário"}, "Objeto entregue"},
		{"/poczta", "Śledzenie przesyłek - Poczta Polska", "RR123456785PL",
			[]string{"2026-10-15 09:02\tPrzesyłka nadana\tGdańsk Wrzeszcz", "Doręczono", "WER Łódź", "Zażółć gęślą jaźń"}, "RR123456785PL"},
		{"/pochta", "Отслеживание почтовых отправлений — Почта России", "RA123456785RU",
			[]string{"14 октября 2026, 10:30 — Принято в отделении связи — Санкт-Петербург 190000", "Вручение адресату — Москва"}, "RA123456785RU"},
		{"/cainiao", "菜鸟裹裹 - 物流详情", "LP00123456789012",
			[]string{"2026-10-13 09:05:47 【深圳市】 快件已被揽收", "深圳转运中心"}, "LP00123456789012"},
	}
	var urls []string
	for _, p := range pages {
		urls = append(urls, srv.URL+p.path)
	}
	rs := captureShared(t, time.Minute, urls...)
	for i, p := range pages {
		r := rs[i]
		t.Run(p.path[1:], func(t *testing.T) {
			if r.Err != nil {
				t.Fatal(r.Err)
			}
			if r.Page.No != i+1 || r.HTTPStatus != 200 || r.FinalURL != srv.URL+p.path || r.Title != p.title {
				t.Errorf("page %d: status %d, final %q, title %q", r.Page.No, r.HTTPStatus, r.FinalURL, r.Title)
			}
			if !strings.Contains(r.Browser, "Chrome/") || r.Viewport != "1280x900" || r.Zone != "BRT" {
				t.Errorf("browser %q, viewport %q, zone %q", r.Browser, r.Viewport, r.Zone)
			}
			var kinds []string
			for _, f := range r.Files {
				kinds = append(kinds, f.Kind+"."+f.Ext)
				if filepath.Base(f.Path) != evidence.FileName(r.Page.No, f.Kind, f.Ext) {
					t.Errorf("staged file %s is not named for exhibit %d", f.Path, r.Page.No)
				}
				if fi, err := os.Stat(f.Path); err != nil || !filepath.IsAbs(f.Path) || fi.Size() == 0 {
					t.Errorf("staged file %s: not an absolute path to a written file (%v)", f.Path, err)
				}
			}
			if !slices.Equal(kinds, []string{"screenshot.png", "page.mhtml", "text.txt"}) {
				t.Errorf("files %v", kinds)
			}
			for _, ev := range append(p.events, p.number) {
				if !strings.Contains(r.Text, ev) {
					t.Errorf("page text lacks %q:\n%s", ev, r.Text)
				}
			}
			if string(file(t, r, "text")) != r.Text {
				t.Error("text file differs from the result's text")
			}
			if strings.Contains(r.Text, "ProofPack") {
				t.Error("the page text includes the banner; the event parser must see only the page")
			}

			html, loc := mhtmlPage(t, file(t, r, "page"))
			if loc != r.FinalURL || !strings.Contains(html, p.htmlHas) || strings.Contains(html, "proofpack-banner") {
				t.Errorf("MHTML of %s (location %q) lacks %q or holds the banner", p.path, loc, p.htmlHas)
			}

			wantBanner := []string{
				"ProofPack evidence · case 7 · exhibit " + string(rune('0'+r.Page.No)),
				"Captured " + r.CapturedAt.Format("2006-01-02 15:04:05") + " UTC · local " + r.CapturedAt.In(time.FixedZone("BRT", -3*3600)).Format("2006-01-02 15:04:05") + " BRT -03:00 (BRT)",
				"URL: " + r.FinalURL,
			}
			if r.Banner != strings.Join(wantBanner, "\n") {
				t.Errorf("banner read back from the page:\n%s\nwant:\n%s", r.Banner, strings.Join(wantBanner, "\n"))
			}
			if r.CapturedAt.Location() != time.UTC || time.Since(r.CapturedAt) > 5*time.Minute {
				t.Errorf("captured at %v", r.CapturedAt)
			}

			img, err := png.Decode(bytes.NewReader(file(t, r, "screenshot")))
			if err != nil {
				t.Fatal(err)
			}
			b := img.Bounds()
			if b.Dx() != 1280 {
				t.Errorf("screenshot is %d wide, want the viewport's 1280", b.Dx())
			}
			if p.path == "/correios" && b.Dy() < 2400+60 {
				t.Errorf("screenshot of the tall page is %d high: not the full page", b.Dy())
			}
			// The banner is the first thing on the screenshot: yellow at the top, the page below.
			if !isBannerYellow(img.At(640, 2)) || isBannerYellow(img.At(640, b.Dy()-2)) {
				t.Errorf("banner colour: top %v, bottom %v", img.At(640, 2), img.At(640, b.Dy()-2))
			}
		})
	}
}

func isBannerYellow(c interface{ RGBA() (r, g, b, a uint32) }) bool {
	r, g, b, _ := c.RGBA()
	return r>>8 == 0xff && g>>8 == 0xe1 && b>>8 == 0x4d
}

func TestRedirectAndNotFound(t *testing.T) {
	srv := newCarrierServer(t)
	rs := captureShared(t, time.Minute, srv.URL+"/old-link", srv.URL+"/missing")

	red := rs[0]
	if red.Err != nil || red.FinalURL != srv.URL+"/correios?from=old-link" || red.HTTPStatus != 200 {
		t.Errorf("redirect: err %v, final %q, status %d", red.Err, red.FinalURL, red.HTTPStatus)
	}
	if !strings.Contains(red.Banner, "Requested: "+srv.URL+"/old-link") || !strings.Contains(red.Banner, "URL: "+srv.URL+"/correios?from=old-link") {
		t.Errorf("the banner must show both addresses:\n%s", red.Banner)
	}

	nf := rs[1]
	if nf.Err != nil || nf.HTTPStatus != 404 || !strings.Contains(nf.Text, "Objeto não encontrado") || len(nf.Files) != 3 {
		t.Errorf("404: err %v, status %d, text %q, %d files; want it captured and marked", nf.Err, nf.HTTPStatus, nf.Text, len(nf.Files))
	}
}

func TestSlowAndSilentPagesTimeOutCleanly(t *testing.T) {
	srv := newCarrierServer(t)
	const limit = 6 * time.Second
	start := time.Now()
	rs := captureShared(t, limit, srv.URL+"/never-finishes", srv.URL+"/silent", srv.URL+"/track/1")
	if took := time.Since(start); took > 3*limit {
		t.Errorf("the batch took %s with a %s page limit", took, limit)
	}
	slow := rs[0]
	if slow.Err != nil || !strings.Contains(slow.Text, "Shenzhen: accepted") || slow.HTTPStatus != 200 ||
		!slices.ContainsFunc(slow.Notes, func(n string) bool { return strings.Contains(n, "had not finished loading") }) {
		t.Errorf("never-finishing page: err %v, status %d, text %q, notes %q; want it captured as it was and marked", slow.Err, slow.HTTPStatus, slow.Text, slow.Notes)
	}
	if silent := rs[1]; !errors.Is(silent.Err, evidence.ErrTimeout) || len(silent.Files) != 0 || !strings.Contains(silent.Err.Error(), "did not answer") {
		t.Errorf("silent site: err %v, files %v; want a timeout and no files", silent.Err, silent.Files)
	}
	// The silent page must not be captured as the page before it.
	if next := rs[2]; next.Err != nil || !strings.Contains(next.Text, "LP00000000000001") {
		t.Errorf("page after the timeouts: err %v, text %q", next.Err, next.Text)
	}
}

func TestDialogsAndEndlessScriptsDoNotHangTheBatch(t *testing.T) {
	srv := newCarrierServer(t)
	const limit = 8 * time.Second
	start := time.Now()
	rs := captureShared(t, limit, srv.URL+"/alerts", srv.URL+"/endless-script", srv.URL+"/track/2")
	if took := time.Since(start); took > 3*limit {
		t.Errorf("the batch took %s with a %s page limit", took, limit)
	}
	al := rs[0]
	if al.Err != nil || !strings.Contains(al.Text, "Curitiba: entregue") {
		t.Errorf("page with dialogs: err %v, text %q", al.Err, al.Text)
	}
	for _, msg := range []string{`an alert: "Aceite os cookies"`, `a confirm dialog: "Continuar?"`} {
		if !slices.ContainsFunc(al.Notes, func(n string) bool { return strings.Contains(n, msg) }) {
			t.Errorf("notes %q lack %s", al.Notes, msg)
		}
	}
	if busy := rs[1]; !errors.Is(busy.Err, evidence.ErrTimeout) {
		t.Errorf("endless script: err %v, want a timeout", busy.Err)
	}
	if next := rs[2]; next.Err != nil || !strings.Contains(next.Text, "LP00000000000002") {
		t.Errorf("page after the endless script: err %v, text %q", next.Err, next.Text)
	}
}

func TestCanceledBatchStopsAtOnce(t *testing.T) {
	srv := newCarrierServer(t)
	ctx, cancel := context.WithCancel(context.Background())
	req := evidence.Request{CaseID: "7", Dir: t.TempDir(), PageTimeout: time.Minute, Pages: []evidence.Page{
		{URL: srv.URL + "/silent", No: 1}, {URL: srv.URL + "/track/3", No: 2},
	}}
	// Cancel as soon as the first page starts: the silent site would hold it for a minute.
	rs, err := shared.Capture(ctx, req, func(p evidence.Progress) {
		if p.Done == 0 {
			cancel()
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		if !errors.Is(r.Err, context.Canceled) {
			t.Errorf("%s: err %v, want canceled", r.Page.URL, r.Err)
		}
	}
}

func TestCaptureCaseRecordsPagesWithHashesAndPDF(t *testing.T) {
	srv := newCarrierServer(t)
	s, dataDir, c := newLampCase(t, "8123")
	got, err := evidence.CaptureCase(context.Background(), s, dataDir, shared, c.ID,
		[]string{srv.URL + "/correios", srv.URL + "/silent", srv.URL + "/cainiao"},
		evidence.CaptureOptions{PageTimeout: 6 * time.Second, PDF: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, e := range got.Exhibits {
		ids = append(ids, e.ID())
		b, err := os.ReadFile(filepath.Join(dataDir, filepath.FromSlash(e.Path)))
		if err != nil {
			t.Fatal(err)
		}
		h := sha256.Sum256(b)
		if hex.EncodeToString(h[:]) != e.SHA256 || int64(len(b)) != e.Size {
			t.Errorf("%s: recorded hash or size does not match the file", e.Path)
		}
		if e.URL == "" || e.FinalURL == "" || e.HTTPStatus != 200 || e.Browser == "" || e.CapturedAt.IsZero() {
			t.Errorf("%s lacks its source: %+v", e.ID(), e)
		}
		if e.Kind == "pdf" && !bytes.HasPrefix(b, []byte("%PDF-")) {
			t.Errorf("%s is not a PDF", e.Path)
		}
	}
	// Exhibit 2 failed: its number stays unused so exhibit 3's banner stays true.
	want := []string{"1-page", "1-pdf", "1-screenshot", "1-text", "3-page", "3-pdf", "3-screenshot", "3-text"}
	slices.Sort(ids)
	if !slices.Equal(ids, want) {
		t.Errorf("exhibits %v, want %v", ids, want)
	}
	if f := got.Failed(); len(f) != 1 || !errors.Is(f[0].Err, evidence.ErrTimeout) {
		t.Errorf("failed pages %+v", f)
	}
	if !strings.Contains(got.Pages[2].Banner, "exhibit 3") {
		t.Errorf("banner of the third page: %q", got.Pages[2].Banner)
	}
	r, err := evidence.Verify(s, dataDir, c.ID)
	if err != nil || !r.OK() || r.Files != 8 {
		t.Errorf("verify: %+v, %v", r, err)
	}
	entries, _ := os.ReadDir(filepath.Join(dataDir, "cases", c.ID))
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("left behind in the case folder: %s", e.Name())
		}
	}
}

func TestMissingBrowserSaysHowToInstall(t *testing.T) {
	c := Capturer{Options{ExecPath: filepath.Join(t.TempDir(), "chromium")}}
	_, err := c.Capture(context.Background(), evidence.Request{Pages: []evidence.Page{{URL: "http://127.0.0.1/", No: 1}}, Dir: t.TempDir()}, nil)
	var ni *NotInstalledError
	if !errors.As(err, &ni) || !errors.Is(err, evidence.ErrNoBrowser) || err.Error() != "Chromium is not installed: run `sudo apt-get install chromium`" {
		t.Errorf("err = %v, want the install hint", err)
	}
}

// Chromium answers a command sent while the page navigates with a protocol error; the page that
// reloads itself is then said in the buyer's words (errMoved), whichever command met it. Other
// protocol errors keep their words.
func TestNavigatedAwayIsAMovedPage(t *testing.T) {
	moving := &cdproto.Error{Code: -32000, Message: "Inspected target navigated or closed"}
	for _, tc := range []struct {
		err  error
		want bool
	}{
		{moving, true},
		{fmt.Errorf("saving the page as MHTML: %w", moving), true},
		{&cdproto.Error{Code: -32000, Message: "Execution context was destroyed."}, true},
		{&cdproto.Error{Code: -32000, Message: "Cannot find context with specified id"}, true},
		{&cdproto.Error{Code: -32000, Message: "Not allowed"}, false},
		{errors.New("Inspected target navigated or closed"), false},
		{nil, false},
	} {
		if got := navigatedAway(tc.err); got != tc.want {
			t.Errorf("navigatedAway(%v) = %v", tc.err, got)
		}
	}
}

func TestPagesThatMoveOrNagFailOrNotePlainly(t *testing.T) {
	srv := newCarrierServer(t)
	closed := httptest.NewServer(http.NotFoundHandler())
	refused := closed.URL + "/track"
	closed.Close()
	rs := captureShared(t, 10*time.Second, srv.URL+"/reloading", srv.URL+"/many-alerts", refused, srv.URL+"/track/6")

	// A page that reloads itself while it is captured would give text, archive and screenshot
	// of different documents, or fail with a script error the buyer cannot read. Chromium may
	// also stop answering for a page that never settles: then it fails as one that never loads.
	if r := rs[0]; r.Err == nil || len(r.Files) != 0 || !(strings.Contains(r.Err.Error(), "reloaded or moved") || errors.Is(r.Err, evidence.ErrTimeout)) {
		t.Errorf("reloading page: err %v, files %d; want a plain error and no files", r.Err, len(r.Files))
	}
	nag := rs[1]
	if nag.Err != nil || !strings.Contains(nag.Text, "saiu para entrega") {
		t.Errorf("page with 30 alerts: err %v, text %q", nag.Err, nag.Text)
	}
	if len(nag.Notes) > 6 || !slices.ContainsFunc(nag.Notes, func(n string) bool { return strings.Contains(n, `an alert: "offer 1"`) }) ||
		!slices.ContainsFunc(nag.Notes, func(n string) bool { return strings.Contains(n, "25 more dialogs") }) {
		t.Errorf("notes of the page with 30 alerts: %q; want the first five and a count of the rest", nag.Notes)
	}
	if r := rs[2]; r.Err == nil || !strings.Contains(r.Err.Error(), "did not accept the connection") {
		t.Errorf("refused connection: err %v; want it said in plain words", r.Err)
	}
	if r := rs[3]; r.Err != nil || !strings.Contains(r.Text, "LP00000000000006") {
		t.Errorf("page after them: err %v, text %q", r.Err, r.Text)
	}
}

// newLampCase opens a store in a temporary data folder, closed when the test ends, with one
// AliExpress case tracked by a Correios number, for the captures to be recorded on.
func newLampCase(t *testing.T, order string) (*boltstore.Store, string, tracker.Case) {
	t.Helper()
	dataDir := t.TempDir()
	s, err := boltstore.OpenDir(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	c, err := s.AddCase(tracker.Case{
		Marketplace: "aliexpress", OrderNumber: order, Seller: "Shop", Item: "Lamp", Currency: "USD",
		Ordered: tracker.Date{Year: 2026, Month: 10, Day: 1}, Buyer: tracker.Address{City: "Curitiba", Country: "BR"},
		Shipments: []tracker.Shipment{{Number: "NL123456785BR", Input: "NL123456785BR"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return s, dataDir, c
}
