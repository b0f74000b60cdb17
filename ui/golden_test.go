package ui

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"proofpack/evidence"
	"proofpack/tracker"
	"proofpack/tracker/storetest"
)

// update rewrites the markup goldens of the main screens (testdata/golden/*.xml) from what the
// screens draw now. After a change to what a screen shows, run
//
//	go test -tags ci ./ui -run TestGoldens -update
//
// and read the diff of testdata/golden before committing it: it is the change as the buyer
// sees it.
var update = flag.Bool("update", false, "rewrite the ui package's golden files")

// goldenCases are the cases the goldens show: a parcel delivered in another town (red, first),
// one stalled 55 days (amber) and one delivered at home (green, last).
func goldenCases() []tracker.Case {
	home := storetest.Sample("1001", "RR204873517CN")
	home.Shipments[0].Events = []tracker.Event{{Time: time.Date(2026, 10, 20, 9, 0, 0, 0, time.UTC), Place: "Kraków", Description: "Delivered", Status: tracker.StatusDelivered}}
	elsewhere := storetest.Sample("1002", "RR123456785CN")
	elsewhere.Item = "Phone case"
	elsewhere.Shipments[0].Events = []tracker.Event{
		{Time: time.Date(2026, 9, 30, 8, 0, 0, 0, time.UTC), Place: "深圳", Description: "离开深圳处理中心", Status: tracker.StatusInTransit},
		{Time: time.Date(2026, 10, 20, 9, 0, 0, 0, time.UTC), Place: "RECIFE - PE", Description: "Objeto entregue ao destinatário", Status: tracker.StatusDelivered},
	}
	stalled := storetest.Sample("1003", "LP00612345678901")
	stalled.Marketplace = "temu"
	stalled.Shipments[0].Events = []tracker.Event{{Time: time.Date(2026, 9, 28, 9, 0, 0, 0, time.UTC), Place: "Москва", Description: "Покинуло сортировочный центр", Status: tracker.StatusInTransit}}
	return []tracker.Case{home, elsewhere, stalled}
}

// addGoldenChat records a chat screenshot as the case's exhibit 1, added at a fixed time (adding
// it through the window would stamp it with the wall clock, as evidence must be).
func addGoldenChat(t *testing.T, u *App) {
	t.Helper()
	raw := goldenPNG()
	id := u.view.c.ID
	rel := evidence.CaseDir(id) + "/01-file.png"
	_, err := u.svc.Store.AddExhibits(id, func(next int) ([]tracker.Exhibit, error) {
		if err := os.MkdirAll(filepath.Join(u.svc.Dir, filepath.FromSlash(evidence.CaseDir(id))), 0o700); err != nil {
			return nil, err
		}
		sum := sha256.Sum256(raw)
		e := tracker.Exhibit{No: next, Kind: evidence.KindFile, Path: rel, SHA256: hex.EncodeToString(sum[:]),
			Size: int64(len(raw)), MediaType: "image/png", CapturedAt: time.Date(2026, 10, 12, 18, 30, 0, 0, time.UTC),
			Source: "chat with the seller.png", Note: "Chat with the seller, 12 October"}
		return []tracker.Exhibit{e}, os.WriteFile(filepath.Join(u.svc.Dir, filepath.FromSlash(rel)), raw, 0o600)
	})
	if err != nil {
		t.Fatal(err)
	}
	reloadAndWait(u, id)
}

// goldenPNG is a small picture with the same bytes on every run, a chat screenshot's stand-in.
func goldenPNG() []byte {
	img := image.NewRGBA(image.Rect(0, 0, 60, 80))
	for y := range 80 {
		for x := range 60 {
			img.Set(x, y, color.RGBA{uint8(200 - y), uint8(220 - x), 240, 255})
		}
	}
	var b bytes.Buffer
	png.Encode(&b, img)
	return b.Bytes()
}

// The main screens drawn at 1100×700 on Fyne's test theme, with today fixed, match their
// goldens: the list with cases, the empty state, each tab of a case, Settings, Reminders, in
// English, and the list and the diagnosis in Russian.
func TestGoldens(t *testing.T) {
	for _, g := range []struct {
		name  string
		empty bool
		open  func(u *App)
	}{
		{"empty", true, func(*App) {}},
		{"list-order", false, func(u *App) { u.view.tabs.SelectIndex(0) }},
		{"tracking", false, func(u *App) { u.view.tabs.SelectIndex(1) }},
		{"diagnosis", false, func(u *App) { u.view.tabs.SelectIndex(2) }},
		{"evidence", false, func(u *App) {
			u.view.tabs.SelectIndex(3)
			addGoldenChat(t, u)
		}},
		{"packet", false, func(u *App) { u.view.tabs.SelectIndex(4) }},
		{"settings", false, func(u *App) { u.showSettings() }},
		{"reminders", false, func(u *App) { u.showReminders() }},
		{"ru-list-order", false, func(u *App) { u.view.tabs.SelectIndex(0) }},
		{"ru-diagnosis", false, func(u *App) { u.view.tabs.SelectIndex(2) }},
	} {
		t.Run(g.name, func(t *testing.T) {
			language := "en"
			if strings.HasPrefix(g.name, "ru-") {
				language = "ru"
			}
			speak(t, language)
			cases := goldenCases()
			if g.empty {
				cases = nil
			}
			golden, err := filepath.Abs(filepath.Join("testdata", "golden", g.name+".xml"))
			if err != nil {
				t.Fatal(err)
			}
			// The data folder is "data" in a temporary working folder: the paths the screens
			// show (Settings, the packet's file) are the same on every machine.
			t.Chdir(t.TempDir())
			u, _, w := newTestAppIn(t, "data", cases...)
			g.open(u)
			assertGolden(t, golden, w.Canvas())
		})
	}
}

// assertGolden compares the canvas's markup with the golden file at path, or writes it with
// -update.
func assertGolden(t *testing.T, path string, c fyne.Canvas) {
	t.Helper()
	got := machineFree(test.RenderToMarkup(c))
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (write the golden with -update)", err)
	}
	want := strings.ReplaceAll(string(raw), "\r", "")
	if got == want {
		return
	}
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < max(len(g), len(w)); i++ {
		if i >= len(g) || i >= len(w) || g[i] != w[i] {
			t.Errorf("%s differs from what the screen draws from line %d:\n golden: %s\n drawn:  %s\n"+
				"if the change is meant, run go test -tags ci ./ui -run TestGoldens -update and commit the diff",
				path, i+1, lineAt(w, i), lineAt(g, i))
			return
		}
	}
}

// machineFree takes out of the markup what differs between machines showing the same screen:
// the width of Chinese text, which Fyne measures in whichever system font has the glyphs (the
// theme's fonts have none; Linux and Windows fall back to different ones), and the path
// separator of a file shown.
func machineFree(markup string) string {
	markup = hanText.ReplaceAllString(markup, `${1}size="?x${2}">${3}</text>`)
	return fileAttr.ReplaceAllStringFunc(markup, func(a string) string { return strings.ReplaceAll(a, `\`, "/") })
}

var (
	hanText  = regexp.MustCompile(`(<text[^>]*?)size="\d+x(\d+)">([^<]*\p{Han}[^<]*)</text>`)
	fileAttr = regexp.MustCompile(`file="[^"]*"`)
)

func lineAt(lines []string, i int) string {
	if i < len(lines) {
		return strings.TrimSpace(lines[i])
	}
	return "(end of file)"
}

// Open shows the case asked for on the tab asked for, as the command line's --case and --tab
// do, and refuses a case or tab that does not exist, changing nothing.
func TestOpenACaseOnATab(t *testing.T) {
	u, _, _ := newTestApp(t, goldenCases()...)
	shown, err := u.Open("3", "diagnosis")
	if err != nil {
		t.Fatal(err)
	}
	<-shown
	if c, _ := u.selected(); c.OrderNumber != "1003" || u.view.tabs.SelectedIndex() != 2 {
		t.Errorf("on screen: order %s, tab %d", c.OrderNumber, u.view.tabs.SelectedIndex())
	}
	if _, err := u.Open("99", ""); tracker.KindOf(err) != tracker.KindNotFound {
		t.Errorf("case 99: %v", err)
	}
	if _, err := u.Open("1", "statement"); tracker.KindOf(err) != tracker.KindInvalid || !strings.Contains(err.Error(), "order, tracking") {
		t.Errorf("tab statement: %v", err)
	}
	if c, _ := u.selected(); c.OrderNumber != "1003" {
		t.Errorf("a refused Open changed the case on screen to %s", c.OrderNumber)
	}
}
