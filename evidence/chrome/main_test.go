package chrome

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// shared is the one browser the package's tests capture with, a tab per batch.
var shared *Browser

func TestMain(m *testing.M) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	b, err := Start(ctx, Options{})
	cancel()
	if err != nil {
		fmt.Fprintln(os.Stderr, "chrome tests need Chromium:", err)
		os.Exit(1)
	}
	shared = b
	code := m.Run()
	if err := b.Close(); err != nil {
		fmt.Fprintln(os.Stderr, "closing the shared browser:", err)
		code = 1
	}
	os.Exit(code)
}

// carrierPages serves testdata's imitation carrier pages, each with the charset it is stored in,
// and the awkward cases a capture must survive.
var carrierPages = map[string]string{
	"/correios": "correios.html|utf-8",
	"/poczta":   "poczta.html|iso-8859-2",
	"/pochta":   "pochta.html|windows-1251",
	"/cainiao":  "cainiao.html|utf-8",
}

// newCarrierServer starts the test server. Handlers that hang wait for the request to end or
// the test to finish, so the server always closes.
func newCarrierServer(t testing.TB) *httptest.Server {
	done := make(chan struct{})
	mux := http.NewServeMux()
	for path, spec := range carrierPages {
		file, charset, _ := strings.Cut(spec, "|")
		body, err := os.ReadFile(filepath.Join("testdata", file))
		if err != nil {
			t.Fatal(err)
		}
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset="+charset)
			w.Write(body)
		})
	}
	mux.HandleFunc("/track/", func(w http.ResponseWriter, r *http.Request) {
		// Ten small distinct pages for the batch benchmark and tests.
		n, _ := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/track/"))
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!DOCTYPE html><title>Parcel %d</title><h1>Parcel LP%014d</h1><ul>
<li>2026-10-%02d 10:00 Shenzhen: accepted by carrier</li><li>2026-10-%02d 22:00 departed from sorting center</li></ul>`, n, n, 10+n%10, 11+n%10)
	})
	mux.HandleFunc("/old-link", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/correios?from=old-link", http.StatusFound)
	})
	mux.HandleFunc("/missing", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		fmt.Fprint(w, `<!DOCTYPE html><title>Não encontrado</title><p>Objeto não encontrado na base de dados dos Correios.</p>`)
	})
	mux.HandleFunc("/never-finishes", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!DOCTYPE html><title>Loading…</title><p>2026-10-13 09:05 Shenzhen: accepted</p>`)
		w.(http.Flusher).Flush()
		select {
		case <-r.Context().Done():
		case <-done:
		}
	})
	mux.HandleFunc("/silent", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-done:
		}
	})
	mux.HandleFunc("/alerts", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!DOCTYPE html><title>Consent</title><script>alert("Aceite os cookies"); confirm("Continuar?");</script>
<p>2026-10-18 14:05 Curitiba: entregue</p><script>window.addEventListener("load", () => alert("carregado"))</script>`)
	})
	mux.HandleFunc("/endless-script", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!DOCTYPE html><title>Busy</title><p>before the loop</p><script>for (;;) {}</script>`)
	})
	mux.HandleFunc("/reloading", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!DOCTYPE html><title>Redirecting</title><p>Please wait…</p><script>addEventListener("load", () => setTimeout(() => location.reload(), 0))</script>`)
	})
	mux.HandleFunc("/many-alerts", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!DOCTYPE html><title>Ads</title><script>for (let i = 1; i <= 30; i++) alert("offer " + i)</script><p>2026-10-19 08:00 Curitiba: saiu para entrega</p>`)
	})
	// A page that fetches its events 1.5 s after loading, as carrier pages do, and shows a
	// loading message until then.
	mux.HandleFunc("/late", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!DOCTYPE html><title>Rastreamento</title><h1>NL123456785BR</h1><div id="events">Carregando…</div>
<script>setTimeout(async () => {
	const answer = await (await fetch("/api/late.json?objeto=NL123456785BR")).json();
	document.getElementById("events").innerText = answer.objetos[0].eventos.map(e => e.dtHrCriado + " " + e.descricao).join("\n");
}, 1500)</script>`)
	})
	mux.HandleFunc("/api/late.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		fmt.Fprint(w, `{"objetos":[{"codObjeto":"NL123456785BR","eventos":[
{"codigo":"BDE","descricao":"Objeto entregue ao destinatário","dtHrCriado":"2026-10-20T14:02:11","unidade":{"endereco":{"cidade":"CURITIBA","uf":"PR"}}},
{"codigo":"PO","descricao":"Objeto postado","dtHrCriado":"2026-10-12T10:22:00","unidade":{"endereco":{"cidade":"SAO PAULO","uf":"SP"}}}]}]}`)
	})
	mux.HandleFunc("/big-json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!DOCTYPE html><title>Big</title><p id="s">2026-10-16 08:00 Curitiba: em trânsito</p>
<script>fetch("/api/big.json").then(r => r.json()).then(j => document.getElementById("s").append(" (" + j.pad.length + ")"))</script>`)
	})
	mux.HandleFunc("/api/big.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"pad": %q}`, strings.Repeat("x", 3<<19))
	})
	mux.HandleFunc("/loading-forever", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!DOCTYPE html><title>Rastreamento</title><h1>NL123456785BR</h1><p>Carregando...</p>`)
	})
	// A page that shows its events at once and keeps a request open for news: a long poll.
	mux.HandleFunc("/long-poll", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!DOCTYPE html><title>Live tracking</title><p>2026-10-15 11:00 Curitiba: objeto em trânsito</p><script>fetch("/silent")</script>`)
	})
	// A page whose text keeps changing: it never settles.
	mux.HandleFunc("/ticking", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!DOCTYPE html><title>Clock</title><p id="t">0</p><script>let n = 0; setInterval(() => document.getElementById("t").textContent = ++n, 200)</script>`)
	})
	// Redirects to wherever the test says, by HTTP and by a script.
	mux.HandleFunc("/redirect", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, r.URL.Query().Get("to"), http.StatusFound)
	})
	mux.HandleFunc("/script-redirect", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!DOCTYPE html><title>Moving</title><p>One moment</p><script>addEventListener("load", () => setTimeout(() => location.href = %q, 100))</script>`, r.URL.Query().Get("to"))
	})
	mux.HandleFunc("/fetch-from", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!DOCTYPE html><title>Mixed</title><p id="s">2026-10-16 08:00 Curitiba: em trânsito</p>
<script>fetch(%q).then(r => r.text()).then(t => document.getElementById("s").append(" got " + t.length), () => document.getElementById("s").append(" refused"))</script>`, r.URL.Query().Get("u"))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(func() {
		close(done)
		srv.Close()
	})
	return srv
}
