package history

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"proofpack/tracker"
)

// MaxText is the most page text Parse reads. A carrier page with hundreds of events is tens of
// kilobytes; anything near this size is a whole saved web page or the wrong file.
const MaxText = 1 << 20

// Errors Parse wraps in a *tracker.Error (kind Invalid) whose message tells the buyer what to do.
var (
	ErrEmpty    = errors.New("empty tracking history")
	ErrTooLarge = errors.New("tracking history too large")
	ErrNoDates  = errors.New("no dates in tracking history")
)

// zoneSlack is how far past "now" an event may be dated before it counts as in the future:
// event times are the carrier's local wall clock, up to 14 hours ahead of UTC.
const zoneSlack = 14 * time.Hour

// Options tell Parse what the page cannot: the day it is read, and how to read 04/05/2026 when
// no date on the page settles whether the day or the month comes first.
type Options struct {
	Now        time.Time // zero: do not look for future dates
	MonthFirst bool      // default for ambiguous numeric dates: true for US pages
}

// Page is what Parse reads from one tracking page.
type Page struct {
	// Events are newest first; events whose date could not be read (Unparsed) come last, in
	// page order.
	Events []tracker.Event
	// NotFound is set when the page has no dated events and says the carrier has no
	// information for the number: the number is not online (yet).
	NotFound bool
	// Future counts events dated after Options.Now: a typing slip, a wrong year, or a fake page.
	Future int
	// MonthFirst reports how numeric dates were read.
	MonthFirst bool
	// ETA is the estimated or scheduled delivery day the page prints ("Estimated delivery",
	// "Voraussichtliche Zustellung", "Орієнтовна дата доставки"); zero when none. It is a
	// promise, not an event.
	ETA time.Time
}

// line is one line of the page with the date found in it.
type line struct {
	text     string
	rest     string // the text without its date and time
	st       stamp
	anchor   bool // a date, or a date-shaped run that is not a real date (bad)
	bad      bool
	blank    bool
	timeOnly bool
	used     bool // a time-only line folded into the date line before it, or page noise
	eta      bool // an estimated delivery date: kept as Page.ETA, not an event
}

// Parse reads the events of a tracking page's text. Each event is found by its date; the lines
// around it (one event per line, or a date line followed or preceded by description and place
// lines, or blocks separated by blank lines) give its description and place.
func Parse(text string, opt Options) (Page, error) {
	if len(text) > MaxText {
		return Page{}, &tracker.Error{Kind: tracker.KindInvalid, Field: "history", Err: ErrTooLarge,
			Msg: fmt.Sprintf("the text is %s; ProofPack reads at most %s of tracking history: copy only the list of tracking events", size(len(text)), size(MaxText))}
	}
	if strings.TrimSpace(text) == "" {
		return Page{}, &tracker.Error{Kind: tracker.KindInvalid, Field: "history", Err: ErrEmpty,
			Msg: "the tracking history is empty: copy the list of events from the carrier's page and paste it"}
	}
	lines := scanLines(strings.ToValidUTF8(text, "\uFFFD"))
	p := Page{MonthFirst: monthFirst(lines, opt.MonthFirst)}
	p.ETA = eta(lines, p.MonthFirst)
	var how []printed
	for _, g := range group(lines) {
		p.Events = append(p.Events, g.event(lines, p.MonthFirst))
		a := lines[g.anchor]
		how = append(how, printed{timed: a.st.hasTime, cells: len(fieldsOf(a.rest))})
	}
	p.Events = mergeRepeats(p.Events, how)
	if len(p.Events) == 0 {
		if s, ok := matchText(text); ok && s == tracker.StatusNotFound {
			return Page{NotFound: true, MonthFirst: p.MonthFirst}, nil
		}
		return Page{}, &tracker.Error{Kind: tracker.KindInvalid, Field: "history", Err: ErrNoDates,
			Msg: "no dates found in the text: copy the carrier's list of events with their dates (like 14/10/2026 10:22)"}
	}
	p.Events = dedupe(p.Events)
	SortNewestFirst(p.Events)
	if !opt.Now.IsZero() {
		for _, e := range p.Events {
			if !e.Unparsed && e.Time.After(opt.Now.Add(zoneSlack)) {
				p.Future++
			}
		}
	}
	return p, nil
}

func size(n int) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d KB", (n+1023)/1024)
}

// scanLines splits the text into lines and finds the date of each.
func scanLines(text string) []line {
	raw := strings.FieldsFunc(strings.ReplaceAll(text, "\r\n", "\n"), func(r rune) bool { return r == '\r' || r == '\u2028' || r == '\u0085' })
	out := make([]line, 0, strings.Count(text, "\n")+1)
	var toks []token
	for _, chunk := range raw {
		for _, s := range strings.Split(chunk, "\n") {
			s = strings.TrimFunc(s, unicode.IsSpace)
			if s == "" {
				out = append(out, line{blank: true})
				continue
			}
			toks = tokenize(s, toks)
			l := line{text: s, rest: s}
			st, ok, shaped := findStamp(toks)
			switch {
			case ok:
				l.st, l.anchor = st, true
				l.rest = stripZones(s[:st.start] + " " + s[st.end:])
			case shaped:
				l.anchor, l.bad = true, true
			default:
				_, _, _, e, isTime := timeAt(toks, 0)
				l.timeOnly = isTime && e == len(toks)
				// "Uhr" or a zone alone on its line, under the time (DHL's page)
				l.used = len(toks) == 1 && (isWord(toks, 0, "uhr") || isWord(toks, 0, "hrs")) || stripZones(s) == ""
			}
			out = append(out, l)
		}
	}
	foldTimeLines(out)
	markETA(out)
	return out
}

// foldTimeLines joins "14/10/2026" followed by a line "10:22" into one stamp.
func foldTimeLines(ls []line) {
	for i := 1; i < len(ls); i++ {
		prev := &ls[i-1]
		if !ls[i].timeOnly || !prev.anchor || prev.bad || prev.st.hasTime {
			continue
		}
		toks := tokenize(ls[i].text, nil)
		hh, mm, ss, _, _ := timeAt(toks, 0)
		prev.st.hh, prev.st.mm, prev.st.ss, prev.st.hasTime = hh, mm, ss, true
		ls[i].used = true
	}
}

// monthFirst decides how numeric dates on this page are read: a field above 12 settles it.
func monthFirst(ls []line, def bool) bool {
	dayVotes, monthVotes := 0, 0
	for _, l := range ls {
		if !l.anchor || l.bad || !l.st.numeric {
			continue
		}
		if l.st.a > 12 {
			dayVotes++
		}
		if l.st.b > 12 {
			monthVotes++
		}
	}
	switch {
	case dayVotes > 0 && monthVotes == 0:
		return false
	case monthVotes > 0 && dayVotes == 0:
		return true
	}
	return def
}

func dedupe(evs []tracker.Event) []tracker.Event {
	seen := make(map[tracker.Event]bool, len(evs))
	out := evs[:0]
	for _, e := range evs {
		if !seen[e] {
			seen[e] = true
			out = append(out, e)
		}
	}
	return out
}

// SortNewestFirst orders events as carrier pages do and as ProofPack keeps them: newest at the
// top, unparsed ones last in their page order. Histories usually arrive sorted one way or the
// other, so those cost no sort at all.
func SortNewestFirst(evs []tracker.Event) {
	if slices.IsSortedFunc(evs, newestFirst) {
		return
	}
	if slices.IsSortedFunc(evs, func(a, b tracker.Event) int { return newestFirst(b, a) }) && !hasTies(evs) {
		slices.Reverse(evs)
		return
	}
	slices.SortStableFunc(evs, newestFirst)
}

func newestFirst(a, b tracker.Event) int {
	switch {
	case a.Unparsed != b.Unparsed:
		if a.Unparsed {
			return 1
		}
		return -1
	case a.Unparsed:
		return 0
	}
	return b.Time.Compare(a.Time)
}

// hasTies reports equal neighbours, which a reversal would swap and a stable sort keeps.
func hasTies(evs []tracker.Event) bool {
	for i := 1; i < len(evs); i++ {
		if evs[i].Unparsed == evs[i-1].Unparsed && (evs[i].Unparsed || evs[i].Time.Equal(evs[i-1].Time)) {
			return true
		}
	}
	return false
}
