package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A capture, the buyer's own file and verify, end to end through the real binary and Chromium.
func TestCaptureAddEvidenceAndVerify(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!DOCTYPE html><title>Cainiao</title><h1>LP00612345678901</h1><ul>
<li>2026-10-03 09:05:47 【深圳市】 快件已被揽收</li>
<li>2026-10-04 18:20:11 【深圳市】 已离开 深圳转运中心</li></ul>`)
	}))
	defer srv.Close()
	data := filepath.Join(t.TempDir(), "data")
	c := mustJSON[map[string]any](t, pp(t, "", append(addArgs, "--data", data)...))
	id := c["id"].(string)

	got := mustJSON[struct {
		Exhibits []struct {
			ID, Kind, Path, SHA256, URL string
			CapturedAt                  string `json:"captured_at"`
		}
		EventsAdded int `json:"events_added"`
	}](t, pp(t, "", "capture", id, "--url", srv.URL+"/track", "--json", "--data", data))
	ids := map[string]string{}
	for _, x := range got.Exhibits {
		ids[x.ID] = x.Path
		if x.URL != srv.URL+"/track" || len(x.SHA256) != 64 || x.CapturedAt == "" {
			t.Errorf("exhibit %+v", x)
		}
		if _, err := os.Stat(filepath.Join(data, filepath.FromSlash(x.Path))); err != nil {
			t.Error(err)
		}
	}
	if ids["1-screenshot"] != "cases/"+id+"/01-screenshot.png" || ids["1-page"] == "" || ids["1-text"] == "" {
		t.Errorf("capture made %v", ids)
	}
	if got.EventsAdded != 2 {
		t.Errorf("%d events read from the page, want 2", got.EventsAdded)
	}

	chat := filepath.Join(t.TempDir(), "chat.jpg")
	os.WriteFile(chat, []byte("\xff\xd8\xff seller says: shipped"), 0o644)
	r := pp(t, "", "evidence", "add", id, chat, "--note", "seller chat", "--data", data)
	if r.code != 0 || !strings.Contains(r.stdout, "cases/"+id+"/02-file.jpg") {
		t.Fatalf("evidence add: %d %q %q", r.code, r.stdout, r.stderr)
	}
	if r := pp(t, "", "evidence", "add", id, filepath.Join(t.TempDir(), "gone.png"), "--data", data); r.code != exitUsage || !strings.Contains(r.stderr, "gone.png does not exist") {
		t.Errorf("adding a missing file: %d %q", r.code, r.stderr)
	}

	if r := pp(t, "", "verify", id, "--data", data); r.code != 0 || !strings.Contains(r.stdout, "all 4 exhibit files match") {
		t.Fatalf("verify of an untouched case: %d %q %q", r.code, r.stdout, r.stderr)
	}
	shot := filepath.Join(data, filepath.FromSlash(ids["1-screenshot"]))
	b, _ := os.ReadFile(shot)
	b[100] ^= 0x01
	os.WriteFile(shot, b, 0o600)
	os.Remove(filepath.Join(data, "cases", id, "02-file.jpg"))
	r = pp(t, "", "verify", "--data", data)
	if r.code != exitError || !strings.Contains(r.stdout, "cases/"+id+"/01-screenshot.png: changed") || !strings.Contains(r.stdout, "cases/"+id+"/02-file.jpg: missing") {
		t.Errorf("verify after tampering: %d %q %q", r.code, r.stdout, r.stderr)
	}
}
