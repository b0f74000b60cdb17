package chrome

import (
	"context"
	"encoding/json"
	"errors"
	"net/netip"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"proofpack/evidence"
)

func TestPagesThatFillThemselvesInAreCapturedFilled(t *testing.T) {
	srv := newCarrierServer(t)
	rs := captureShared(t, 6*time.Second, srv.URL+"/late", srv.URL+"/loading-forever", srv.URL+"/ticking", srv.URL+"/track/7")

	late := rs[0]
	if late.Err != nil || late.Unsettled || strings.Contains(late.Text, "Carregando") ||
		!strings.Contains(late.Text, "2026-10-20T14:02:11 Objeto entregue ao destinatário") {
		t.Errorf("late page: err %v, unsettled %v, notes %q, text %q; want it captured once its events came", late.Err, late.Unsettled, late.Notes, late.Text)
	}
	if len(late.Responses) != 1 || !strings.HasSuffix(late.Responses[0].URL, "/api/late.json?objeto=NL123456785BR") ||
		late.Responses[0].Status != 200 || !strings.HasPrefix(late.Responses[0].MIME, "application/json") {
		t.Fatalf("late page's JSON responses: %+v", late.Responses)
	}
	var kept []struct {
		URL  string
		Body struct {
			Objetos []struct{ CodObjeto string }
		}
	}
	if err := json.Unmarshal(file(t, late, evidence.KindResponses), &kept); err != nil || len(kept) != 1 || kept[0].Body.Objetos[0].CodObjeto != "NL123456785BR" {
		t.Errorf("responses file: %v, %+v; want the JSON kept as JSON", err, kept)
	}

	for _, r := range rs[1:3] {
		if r.Err != nil || !r.Unsettled || len(r.Files) == 0 {
			t.Errorf("%s: err %v, unsettled %v; want it captured and marked unsettled", r.Page.URL, r.Err, r.Unsettled)
		}
	}
	if !slices.ContainsFunc(rs[1].Notes, func(n string) bool { return strings.Contains(n, `still showed "Carregando..."`) }) {
		t.Errorf("notes of the page stuck loading: %q", rs[1].Notes)
	}
	if !slices.ContainsFunc(rs[2].Notes, func(n string) bool { return strings.Contains(n, "still loading or changing") }) {
		t.Errorf("notes of the ticking page: %q", rs[2].Notes)
	}
	if r := rs[3]; r.Err != nil || r.Unsettled || len(r.Responses) != 0 || len(r.Files) != 3 {
		t.Errorf("static page: err %v, unsettled %v, %d responses, %d files", r.Err, r.Unsettled, len(r.Responses), len(r.Files))
	}

	// JSON beyond the bounds is left out, and the page says so.
	rs = captureShared(t, 10*time.Second, srv.URL+"/big-json")
	if r := rs[0]; r.Err != nil || len(r.Responses) != 0 || !strings.Contains(r.Text, "(1572864)") ||
		!slices.ContainsFunc(r.Notes, func(n string) bool { return strings.Contains(n, "JSON answers the page loaded were not kept") }) {
		t.Errorf("page with 1.5 MB of JSON: err %v, %d responses, text %q, notes %q", r.Err, len(r.Responses), r.Text, r.Notes)
	}

	// A request that never ends is a long poll: the page settles without it, well before its
	// time limit.
	start := time.Now()
	rs = captureShared(t, 20*time.Second, srv.URL+"/long-poll")
	if r := rs[0]; r.Err != nil || r.Unsettled || !strings.Contains(r.Text, "objeto em trânsito") || time.Since(start) > 10*time.Second {
		t.Errorf("page with a long poll: err %v, unsettled %v, notes %q, took %s", r.Err, r.Unsettled, r.Notes, time.Since(start))
	}
}

// End to end: the page fills itself in from JSON; the events come from the JSON (its places
// are not on the page), the responses file is recorded and hashed like the other files.
func TestCaptureTrackingReadsTheJSONThePageLoaded(t *testing.T) {
	srv := newCarrierServer(t)
	s, dataDir, c := newLampCase(t, "8124")
	got, fresh, err := evidence.CaptureTracking(context.Background(), s, dataDir, shared, c.ID, []string{srv.URL + "/late"},
		evidence.CaptureOptions{PageTimeout: 10 * time.Second}, nil, time.Date(2026, 10, 21, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	c, _ = s.Case(c.ID)
	var lines []string
	for _, e := range c.Shipments[0].Events {
		lines = append(lines, e.Time.Format("2006-01-02 15:04")+" "+e.Place+" | "+e.Description+" | "+string(e.Status))
	}
	want := "2026-10-20 14:02 CURITIBA - PR | Objeto entregue ao destinatário | delivered\n2026-10-12 10:22 SAO PAULO - SP | Objeto postado | in_transit"
	if fresh != 2 || strings.Join(lines, "\n") != want {
		t.Errorf("%d new events:\n%s\nwant:\n%s", fresh, strings.Join(lines, "\n"), want)
	}
	var kinds []string
	for _, e := range got.Exhibits {
		kinds = append(kinds, e.ID())
		if e.Unsettled {
			t.Errorf("%s marked unsettled", e.ID())
		}
	}
	if slices.Sort(kinds); !slices.Equal(kinds, []string{"1-page", "1-responses", "1-screenshot", "1-text"}) {
		t.Errorf("exhibits %v", kinds)
	}
	if r, err := evidence.Verify(s, dataDir, c.ID); err != nil || !r.OK() || r.Files != 4 {
		t.Errorf("verify: %+v, %v", r, err)
	}
}

func TestAddressesOutsideThePublicInternet(t *testing.T) {
	for _, c := range []struct {
		addr   string
		public bool
	}{
		{"127.0.0.1", false}, {"::1", false}, {"10.1.2.3", false}, {"172.16.0.9", false}, {"192.168.1.1", false},
		{"169.254.169.254", false}, {"fe80::1", false}, {"fd00::1", false}, {"0.0.0.0", false}, {"::", false},
		{"100.64.0.1", false}, {"::ffff:127.0.0.1", false}, {"::ffff:169.254.169.254", false}, {"224.0.0.1", false},
		{"8.8.8.8", true}, {"200.160.2.3", true}, {"2001:4860:4860::8888", true}, {"172.32.0.1", true},
	} {
		if got := isPublic(netip.MustParseAddr(c.addr)); got != c.public {
			t.Errorf("isPublic(%s) = %v", c.addr, got)
		}
	}
	// Names: resolved, no network needed for these.
	for _, host := range []string{"localhost", "app.localhost", "127.0.0.1", "[::1]", "169.254.169.254"} {
		if _, private := privateHost(context.Background(), host); !private {
			t.Errorf("%s counts as public", host)
		}
	}
}

// publicHosts makes the shared browser treat the named hosts as public addresses while a test
// runs: no test may reach a real one.
func publicHosts(t *testing.T, hosts ...string) {
	real := shared.private
	shared.private = func(ctx context.Context, host string) (netip.Addr, bool) {
		if slices.Contains(hosts, host) {
			return netip.Addr{}, false
		}
		return real(ctx, host)
	}
	t.Cleanup(func() { shared.private = real })
}

func TestRedirectDecision(t *testing.T) {
	g := guard{private: func(ctx context.Context, host string) (netip.Addr, bool) {
		if host == "carrier.example" {
			return netip.Addr{}, false
		}
		return privateHost(ctx, host)
	}}
	g.start(context.Background(), "https://carrier.example/track?n=1")
	for target, want := range map[string]string{
		"http://169.254.169.254/latest/meta-data/": "169.254.169.254, a private (link-local) address",
		"http://localhost:8080/admin":              "localhost (127.0.0.1), an address of this computer",
		"http://192.168.0.1/":                      "192.168.0.1, a private address",
		"http://[fd12::1]/":                        "fd12::1, a private address",
		"https://carrier.example/next":             "",
		"data:text/html,hello":                     "",
	} {
		if got := g.refuse(context.Background(), target); got != want {
			t.Errorf("from a public page to %s: %q, want %q", target, got, want)
		}
	}
	// A page the buyer asked for on this computer may go anywhere on it.
	g.start(context.Background(), "http://127.0.0.1:8080/track")
	if got := g.refuse(context.Background(), "http://localhost:9090/"); got != "" {
		t.Errorf("loopback to loopback refused: %s", got)
	}
}

func TestCaptureStaysWhereItWasSent(t *testing.T) {
	srv := newCarrierServer(t)
	u, _ := url.Parse(srv.URL)
	local := "http://localhost:" + u.Port() + "/track/8"
	// Loopback to loopback: allowed, as before.
	rs := captureShared(t, 15*time.Second, srv.URL+"/redirect?to="+url.QueryEscape(local))
	if r := rs[0]; r.Err != nil || !strings.Contains(r.Text, "LP00000000000008") || r.FinalURL != local {
		t.Errorf("loopback redirect: err %v, final %q", r.Err, r.FinalURL)
	}

	// The test's server stands for a public carrier: its redirects to this computer are refused.
	publicHosts(t, "127.0.0.1")
	rs = captureShared(t, 15*time.Second,
		srv.URL+"/redirect?to="+url.QueryEscape(local),
		srv.URL+"/script-redirect?to="+url.QueryEscape(local),
		srv.URL+"/track/9",
		srv.URL+"/fetch-from?u="+url.QueryEscape("http://localhost:"+u.Port()+"/api/late.json"))
	for _, r := range rs[:2] {
		if !errors.Is(r.Err, evidence.ErrRedirectRefused) || len(r.Files) != 0 ||
			!strings.Contains(r.Err.Error(), "the page redirected to localhost (127.0.0.1), an address of this computer: not captured") {
			t.Errorf("%s: err %v, %d files; want the redirect refused and named", r.Page.URL, r.Err, len(r.Files))
		}
	}
	if r := rs[2]; r.Err != nil || !strings.Contains(r.Text, "LP00000000000009") {
		t.Errorf("page after the refusals: err %v, text %q", r.Err, r.Text)
	}
	// A request of the page itself to this computer is refused too; the page is kept, and says so.
	if r := rs[3]; r.Err != nil || !strings.Contains(r.Text, "refused") || len(r.Responses) != 0 ||
		!slices.ContainsFunc(r.Notes, func(n string) bool {
			return strings.Contains(n, "the page asked for localhost (127.0.0.1), an address of this computer: refused")
		}) {
		t.Errorf("page fetching from this computer: err %v, text %q, %d responses, notes %q", r.Err, r.Text, len(r.Responses), r.Notes)
	}
}
