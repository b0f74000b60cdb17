// Package chrome is ProofPack's evidence.Capturer: it drives Chromium through chromedp, the only
// package that imports chromedp.
//
// A batch runs in one browser process whose profile and TMPDIR live in one folder of its own
// (in Options.TempDir, else the system's temporary folder), removed when the browser closes.
// Up to two tabs capture at once (one per CPU), each reused from page to page, which is about
// twice as fast as a new tab per page; a tab is replaced after a page fails, since its renderer
// may be stuck. Assisted capture uses one visible tab. Dialogs are accepted as they open and
// their text recorded.
//
// Each page has a time limit. Loading and settling get two thirds of it: carrier pages fetch
// their events after loading, so a page is captured once it has settled (no request in flight
// for half a second, long polls and sockets left out, its text unchanged as long, and no
// loading message such as "Loading…" or "Carregando" left). A page that has not settled by
// then is captured as it is and marked Unsettled, with a note saying why; one whose loading
// never ended is stopped first. A page whose scripts never yield fails with
// evidence.ErrTimeout and the batch goes on.
//
// A capture stays where it was sent: a page at a public address that sends the browser (by a
// redirect, a script or a frame) to this computer, the local network or a link-local address
// such as a cloud's metadata service is refused before the request leaves, and the page fails
// with evidence.ErrRedirectRefused naming the address. Loopback to loopback is allowed.
//
// Per page it saves the visible text (before the banner), the page as MHTML, a full-page PNG
// screenshot with a banner drawn above the content (case, exhibit number, URL, UTC and local
// time), the JSON responses the page loaded (bounded in number and size) and, if asked, a
// printed PDF. The responses are what evidence/feeds reads the events from.
//
// It imports evidence and chromedp; nothing but cmd/proofpack imports it.
package chrome
