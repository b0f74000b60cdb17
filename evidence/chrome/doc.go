// Package chrome is ProofPack's evidence.Capturer: it drives Chromium through chromedp, the only
// package that imports chromedp.
//
// A batch runs in one browser process with a temporary profile, removed afterwards together
// with the browser's TMPDIR, so nothing is left in the system's temporary folder. Up to two tabs
// capture at once (one per CPU), each reused from page to page, which is about twice as fast as
// a new tab per page; a tab is replaced after a page fails, since its renderer may be stuck.
// Assisted capture uses one visible tab. Each page has a time limit: loading gets two thirds of
// it, after which loading is stopped and the page is captured as it is (and says so); a page
// whose scripts never yield fails with evidence.ErrTimeout and the batch goes on. Dialogs are
// accepted as they open and their text recorded.
//
// Per page it saves the visible text (before the banner), the page as MHTML, a full-page PNG
// screenshot with a banner drawn above the content (case, exhibit number, URL, UTC and local
// time) and, if asked, a printed PDF.
//
// It imports evidence and chromedp; nothing but cmd/proofpack imports it.
package chrome
