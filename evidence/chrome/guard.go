package chrome

import (
	"context"
	"fmt"
	"net"
	"net/netip"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"proofpack/evidence"
)

// A capture stays where it was sent: a page at a public address that sends the browser (by an
// HTTP redirect, a script or a frame) to this computer, the local network or a cloud's
// metadata service would have ProofPack keep that answer as the carrier's page. Such requests
// are refused before they are sent. Loopback to loopback stays allowed: the tests serve there.

// privateHost reports whether host is, or resolves to, an address that is not on the public
// internet, and which one. A name that does not resolve counts as public: the browser cannot
// reach it either.
func privateHost(ctx context.Context, host string) (netip.Addr, bool) {
	host = strings.TrimSuffix(strings.Trim(host, "[]"), ".")
	if a, err := netip.ParseAddr(host); err == nil {
		return a, !isPublic(a)
	}
	if h := strings.ToLower(host); h == "localhost" || strings.HasSuffix(h, ".localhost") {
		return netip.AddrFrom4([4]byte{127, 0, 0, 1}), true
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	addrs, err := net.DefaultResolver.LookupNetIP(ctx, "ip", host)
	if err != nil {
		return netip.Addr{}, false
	}
	for _, a := range addrs {
		if !isPublic(a) {
			return a, true
		}
	}
	return netip.Addr{}, false
}

// nonPublic are the ranges IsPrivate and friends leave out: 0.0.0.0/8 ("this network"),
// 100.64.0.0/10 (carrier-grade NAT) and the IPv4 broadcast address.
var nonPublic = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),
	netip.MustParsePrefix("100.64.0.0/10"),
	netip.MustParsePrefix("255.255.255.255/32"),
}

// isPublic reports whether a is an address on the public internet: not loopback, private
// (RFC 1918, fc00::/7), link-local (169.254/16, fe80::/10), unspecified or multicast.
func isPublic(a netip.Addr) bool {
	a = a.Unmap()
	if a.IsLoopback() || a.IsPrivate() || a.IsLinkLocalUnicast() || a.IsLinkLocalMulticast() ||
		a.IsInterfaceLocalMulticast() || a.IsMulticast() || a.IsUnspecified() || !a.IsValid() {
		return false
	}
	for _, p := range nonPublic {
		if p.Contains(a) {
			return false
		}
	}
	return true
}

// addrWords names the kind of a non-public address for the buyer.
func addrWords(a netip.Addr) string {
	a = a.Unmap()
	switch {
	case a.IsLoopback():
		return "an address of this computer"
	case a.IsLinkLocalUnicast():
		return "a private (link-local) address"
	}
	return "a private address"
}

// guard decides, for the page a tab is capturing, which requests may leave the browser.
type guard struct {
	private func(ctx context.Context, host string) (netip.Addr, bool)

	mu      sync.Mutex
	public  bool   // the page asked for is at a public address
	refused string // why the main frame's navigation was refused; "" if it was not
	notes   []string
	known   map[string]hostScope // hosts already looked up for this page
}

// hostScope is what private said of a host.
type hostScope struct {
	addr    netip.Addr
	private bool
}

// lookup asks private about host once per page: a page makes dozens of requests to a few hosts.
func (g *guard) lookup(ctx context.Context, host string) (netip.Addr, bool) {
	g.mu.Lock()
	h, ok := g.known[host]
	g.mu.Unlock()
	if !ok {
		h.addr, h.private = g.private(ctx, host)
		g.mu.Lock()
		if g.known == nil {
			g.known = map[string]hostScope{}
		}
		g.known[host] = h
		g.mu.Unlock()
	}
	return h.addr, h.private
}

// start sets the page the tab is sent to: what it may reach follows from its address.
func (g *guard) start(ctx context.Context, pageURL string) {
	g.mu.Lock()
	g.known = map[string]hostScope{}
	g.mu.Unlock()
	public := false
	if u, err := url.Parse(pageURL); err == nil {
		_, private := g.lookup(ctx, u.Hostname())
		public = !private
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	g.public, g.refused, g.notes = public, "", nil
}

// refuse returns why a request to target must not be sent, or "" when it may.
func (g *guard) refuse(ctx context.Context, target string) string {
	g.mu.Lock()
	public := g.public
	g.mu.Unlock()
	u, err := url.Parse(target)
	if !public || err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	if a, private := g.lookup(ctx, u.Hostname()); private {
		name := u.Hostname()
		if a.String() != strings.Trim(name, "[]") {
			name += " (" + a.String() + ")"
		}
		return name + ", " + addrWords(a)
	}
	return ""
}

// outcome returns the refused side requests as notes, and the refusal that stops the page's
// capture.
func (g *guard) outcome() ([]string, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.refused != "" {
		return nil, fmt.Errorf("%w: the page redirected to %s: not captured", evidence.ErrRedirectRefused, g.refused)
	}
	return g.notes, nil
}

// interceptedTypes are the requests the guard sees: pages and frames, and the data requests
// whose answers the capture keeps.
var interceptedTypes = []network.ResourceType{network.ResourceTypeDocument, network.ResourceTypeXHR, network.ResourceTypeFetch}

// watch pauses every request of interceptedTypes in the tab until the guard lets it go.
func (t *tab) watch() error {
	var patterns []*fetch.RequestPattern
	for _, rt := range interceptedTypes {
		patterns = append(patterns, &fetch.RequestPattern{URLPattern: "*", ResourceType: rt})
	}
	paused := chromedp.Events(t.ctx, fetch.RequestPaused)
	if _, err := chromedp.Call(t.ctx, fetch.Enable, fetch.EnableParams{Patterns: patterns}); err != nil {
		return fmt.Errorf("watching the tab's requests: %w", err)
	}
	go func() {
		for ev, err := range paused {
			if err != nil {
				return
			}
			go t.decide(ev)
		}
	}()
	return nil
}

// maxRefusedNotes keeps a page that tries many private addresses from filling the note.
const maxRefusedNotes = 3

func (t *tab) decide(ev fetch.EventRequestPaused) {
	why := ""
	if ev.Request != nil {
		why = t.guard.refuse(t.ctx, ev.Request.URL)
	}
	if why == "" {
		chromedp.Call(t.ctx, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: ev.RequestID})
		return
	}
	g := &t.guard
	g.mu.Lock()
	if ev.ResourceType == network.ResourceTypeDocument && ev.FrameID == t.traffic.mainFrame {
		if g.refused == "" {
			g.refused = why
		}
	} else if len(g.notes) < maxRefusedNotes {
		g.notes = append(g.notes, "the page asked for "+why+": refused")
	}
	g.mu.Unlock()
	chromedp.Call(t.ctx, fetch.FailRequest, fetch.FailRequestParams{RequestID: ev.RequestID, ErrorReason: network.ErrorReasonBlockedByClient})
}
