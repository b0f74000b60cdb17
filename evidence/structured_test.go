package evidence_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"proofpack/evidence"
)

func TestShowsLoading(t *testing.T) {
	for text, want := range map[string]string{
		"RR123456785CN\nLoading…\nFooter":   "Loading…",
		"Rastreamento\n  Carregando...  \n": "Carregando...",
		"物流详情\n加载中...\n":                    "加载中...",
		"Отслеживание\nЗагрузка…":           "Загрузка…",
		"Cargando información del envío":    "Cargando información del envío",
		"Bitte warten\nWird geladen …":      "Wird geladen …",
		"2026-10-12 Loading at the airport of Leipzig, the parcel was put on a plane to Warsaw by the carrier": "",
		"Ladenburg 2026-10-12 zugestellt":     "",
		"2026-10-13 09:05 Shenzhen: accepted": "",
		"":                                    "",
	} {
		if got := evidence.ShowsLoading(text); got != want {
			t.Errorf("ShowsLoading(%q) = %q, want %q", text, got, want)
		}
	}
}

// staticCapturer writes one text file per page and returns the results it was given.
type staticCapturer struct{ results []evidence.Result }

func (c staticCapturer) Capture(ctx context.Context, req evidence.Request, progress func(evidence.Progress)) ([]evidence.Result, error) {
	out := make([]evidence.Result, len(req.Pages))
	for i, p := range req.Pages {
		r := c.results[i]
		r.Page = p
		f := filepath.Join(req.Dir, evidence.FileName(p.No, evidence.KindText, "txt"))
		if err := os.WriteFile(f, []byte(r.Text), 0o600); err != nil {
			return nil, err
		}
		r.Files = []evidence.Staged{{Kind: evidence.KindText, Path: f, Ext: "txt", MediaType: "text/plain"}}
		out[i] = r
	}
	return out, nil
}

// The page still said "Loading…": its JSON, not its text, holds the events; and the exhibit
// says it was unsettled, so that the rules do not take it for "no events".
func TestCapturedJSONGivesTheEventsAndUnsettledIsRecorded(t *testing.T) {
	s, dataDir, id := newCase(t)
	ours := `{"module":[{"mailNo":"LP00123456789012","detailList":[
		{"timeStr":"2026-10-14 08:10:00","timeZone":"GMT+8","standerdDesc":"[Shenzhen] Departed from sorting center","actionCode":"SC_OUTBOUND_SUCCESS"},
		{"timeStr":"2026-10-13 09:05:47","timeZone":"GMT+8","standerdDesc":"Received by logistics company","actionCode":"PU_PICKUP_SUCCESS"}]}],"success":true}`
	other := `{"module":[{"mailNo":"LP00999999999999","detailList":[{"timeStr":"2026-10-20 10:00:00","standerdDesc":"Delivered"}]}],"success":true}`
	page := evidence.Result{
		Text: "Tracking LP00123456789012\nLoading…", Unsettled: true,
		Notes:     []string{`the page still showed "Loading…" when it was captured`},
		Responses: []evidence.Response{{URL: "https://global.cainiao.com/global/detail.json", Status: 200, MIME: "application/json", Body: json.RawMessage(ours)}, {Body: json.RawMessage(other)}},
	}
	link := "https://global.cainiao.com/detail.htm?mailNoList=LP00123456789012"
	got, fresh, err := evidence.CaptureTracking(context.Background(), s, dataDir, staticCapturer{[]evidence.Result{page}}, id, []string{link}, evidence.CaptureOptions{}, nil, time.Date(2026, 10, 20, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if fresh != 2 {
		t.Errorf("%d new events, want the 2 of the case's own number from the JSON", fresh)
	}
	c, _ := s.Case(id)
	var lines []string
	for _, e := range c.Shipments[0].Events {
		lines = append(lines, e.Time.Format("2006-01-02 15:04")+" "+e.Place+" | "+e.Description+" | "+string(e.Status))
		if e.Exhibit != got.Exhibits[0].No {
			t.Errorf("event %q cites exhibit %d, want %d", e.Description, e.Exhibit, got.Exhibits[0].No)
		}
	}
	if want := "2026-10-14 08:10 Shenzhen | Departed from sorting center | in_transit\n2026-10-13 09:05  | Received by logistics company | in_transit"; strings.Join(lines, "\n") != want {
		t.Errorf("events:\n%s\nwant:\n%s", strings.Join(lines, "\n"), want)
	}
	if ex := got.Exhibits[0]; !ex.Unsettled || !strings.Contains(ex.Note, "Loading") {
		t.Errorf("exhibit %+v: want it marked unsettled with the note", ex)
	}
	stored, _ := s.Exhibits(id)
	if len(stored) != 1 || !stored[0].Unsettled {
		t.Errorf("stored exhibits %+v: the mark must survive the store", stored)
	}
}

// Without JSON a reader knows, the page's text is read as before.
func TestPageTextStaysTheFallback(t *testing.T) {
	s, dataDir, id := newCase(t)
	page := evidence.Result{
		Text:      "LP00123456789012\n2026-10-13 09:05 Shenzhen: accepted by carrier",
		Responses: []evidence.Response{{Body: json.RawMessage(`{"ads":[1,2,3]}`)}},
	}
	_, fresh, err := evidence.CaptureTracking(context.Background(), s, dataDir, staticCapturer{[]evidence.Result{page}}, id, []string{"https://t.example/LP00123456789012"}, evidence.CaptureOptions{}, nil, time.Date(2026, 10, 20, 0, 0, 0, 0, time.UTC))
	if err != nil || fresh != 1 {
		t.Errorf("fresh %d, err %v; want the one event of the text", fresh, err)
	}
	c, _ := s.Case(id)
	if len(c.Shipments[0].Events) != 1 || !strings.Contains(c.Shipments[0].Events[0].Description, "accepted") {
		t.Errorf("events %+v", c.Shipments[0].Events)
	}
}

// A captcha or an error page shows no event, yet does not show that there are none: only a page
// that says the carrier knows nothing of the number, or the carrier's own JSON, may stand as the
// proof of "no events".
func TestEventlessPagesAreNoProofOfNoEvents(t *testing.T) {
	s, dataDir, id := newCase(t)
	pages := []evidence.Result{
		{Text: "Please verify you are a human\nPress and hold the button"},
		{Text: "Objeto não encontrado na base de dados dos Correios."},
		{Text: "LP00123456789012\n2026-10-13 09:05 Shenzhen: accepted by carrier"},
		{Text: "Loading…", Responses: []evidence.Response{{Body: json.RawMessage(`{"module":[{"mailNo":"LP00123456789012","detailList":[]}],"success":true}`)}}},
	}
	links := []string{"https://a.example/1", "https://b.example/2", "https://c.example/3", "https://d.example/4"}
	got, err := evidence.CaptureCase(context.Background(), s, dataDir, staticCapturer{pages}, id, links, evidence.CaptureOptions{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []bool{true, false, false, false}
	for i, e := range got.Exhibits {
		if e.Unsettled != want[i] {
			t.Errorf("exhibit %d (%q): unsettled %v, want %v; note %q", e.No, pages[i].Text, e.Unsettled, want[i], e.Note)
		}
	}
	if !strings.Contains(got.Exhibits[0].Note, "no tracking event could be read") {
		t.Errorf("the captcha page's note: %q", got.Exhibits[0].Note)
	}
}
