package history

import (
	"strings"
	"time"

	"proofpack/tracker"
)

// etaWords introduce an estimated or scheduled delivery date, folded (see Fold). A page prints
// it above the events; read as an event it would be a delivery that has not happened.
var etaWords = []string{
	"estimated delivery", "expected delivery", "scheduled delivery", "delivery estimate", "estimated arrival",
	"expected arrival", "estimated time of arrival", "delivery expected",
	"previsao de entrega", "entrega prevista", "data prevista", "fecha estimada", "entrega estimada", "fecha prevista",
	"livraison prevue", "livraison estimee", "date de livraison estimee", "date estimee",
	"voraussichtliche zustellung", "voraussichtlich", "geplante zustellung", "zustellung erwartet",
	"consegna prevista", "data di consegna prevista", "consegna stimata",
	"przewidywana data", "planowana data", "szacowana data", "przewidywany termin",
	"ожидаемая дата", "плановая дата", "ориентировочная дата", "срок доставки",
	"орієнтовна дата", "очікувана дата", "планова дата",
	"verwachte bezorg", "verwacht op", "verwachte levering", "geschatte bezorg",
	"tahmini teslim", "tahmini teslimat", "beklenen teslim",
	"预计送达", "预计到达", "预计派送", "預計送達", "預計到達",
	"お届け予定", "配達予定", "到着予定",
	"도착 예정", "배송 예정", "도착예정", "배송예정",
	"מועד מסירה משוער", "צפי מסירה", "משוער",
	"التسليم المتوقع", "موعد التسليم", "الوصول المتوقع",
}

// etaHeads are the first four bytes of the ETA labels, for a cheap look at ASCII text.
var etaHeads = func() map[[4]byte]bool {
	m := map[[4]byte]bool{}
	for _, w := range etaWords {
		if len(w) >= 4 {
			m[[4]byte{w[0], w[1], w[2], w[3]}] = true
		}
	}
	return m
}()

// mayHaveLabel looks at ASCII text without folding it: whether any word starts like an ETA label.
func mayHaveLabel(s string) bool {
	for i := 0; i+3 < len(s); i++ {
		if i > 0 && isWordByte(lower(s[i-1])) {
			continue
		}
		if etaHeads[[4]byte{lower(s[i]), lower(s[i+1]), lower(s[i+2]), lower(s[i+3])}] {
			return true
		}
	}
	return false
}

func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// etaIndex files the ETA labels under their first two bytes, as phraseIndex does.
var etaIndex = func() (idx [256]*[256][]string) {
	for _, w := range etaWords {
		if idx[w[0]] == nil {
			idx[w[0]] = new([256][]string)
		}
		idx[w[0]][w[1]] = append(idx[w[0]][w[1]], w)
	}
	return idx
}()

func isETA(text string) bool {
	if isASCII(text) && !mayHaveLabel(text) {
		return false
	}
	var buf [512]byte
	f := foldAppend(buf[:0], text)
	for i := 0; i+1 < len(f); i++ {
		if i > 0 && isWordByte(f[i-1]) || etaIndex[f[i]] == nil {
			continue
		}
		for _, w := range etaIndex[f[i]][f[i+1]] {
			if len(f)-i >= len(w) && string(f[i:i+len(w)]) == w {
				return true
			}
		}
	}
	return false
}

// markETA takes estimated delivery dates out of the events: a dated line whose date follows an
// estimate's label, or a bare date right under such a label. Label lines without a date are
// chrome.
func markETA(ls []line) {
	for i := range ls {
		l := &ls[i]
		if l.blank || l.used || l.timeOnly || len(l.text) > 400 {
			continue
		}
		if l.anchor && !l.bad {
			// the label comes before the date it announces; "08:48 Loaded on the van,
			// delivery expected today" is an event that mentions an estimate
			if isETA(l.text[:l.st.start]) {
				l.anchor, l.used, l.eta = false, true, true
			}
			continue
		}
		if l.anchor || !isETA(l.text) {
			continue
		}
		l.used = true
		// "Estimated delivery by Oct 13 - Oct 17" carries its own (yearless) date: the date
		// line under it is the first event, not the estimate
		if j := nextLine(ls, i); j >= 0 && !strings.ContainsAny(l.text, "0123456789") && ls[j].anchor && !ls[j].bad && fieldsOf(ls[j].rest) == nil {
			ls[j].anchor, ls[j].used, ls[j].eta = false, true, true
		}
	}
}

func nextLine(ls []line, i int) int {
	for j := i + 1; j < len(ls) && j <= i+2; j++ {
		if !ls[j].blank {
			return j
		}
	}
	return -1
}

// eta returns the first estimated delivery day the page gives.
func eta(ls []line, monthFirst bool) time.Time {
	for _, l := range ls {
		if !l.eta {
			continue
		}
		if t, ok := l.st.at(monthFirst); ok {
			return t
		}
		if t, ok := l.st.at(!monthFirst); ok {
			return t
		}
	}
	return time.Time{}
}

// stripZones removes the time zone printed beside a time, "(GMT+2)", "(GMT+0800)", "(UTC-5)":
// it is neither a place nor a description.
func stripZones(s string) string {
	for _, open := range []string{"(GMT", "(UTC"} {
		for {
			i := strings.Index(s, open)
			if i < 0 {
				break
			}
			j := strings.IndexByte(s[i:], ')')
			if j < 0 || j > 12 {
				break
			}
			s = s[:i] + s[i+j+1:]
		}
	}
	return strings.TrimSpace(s)
}

// printed is how an event's date line was printed: with a time, and in how many cells.
type printed struct {
	timed bool
	cells int
}

// mergeRepeats folds a delivery that the page prints twice, as a summary sentence ("Your item
// was delivered ... at 11:26 am on May 16, 2016 in DES MOINES, IA 50311") or a latest-status
// box and as the event in the list, into one event: same day, and the same time or no time on
// one of them. The shorter description is kept, and the place of the list's row (the line
// with more cells), else whichever names one.
func mergeRepeats(evs []tracker.Event, how []printed) []tracker.Event {
	out := evs[:0]
	keep := how[:0]
next:
	for i, e := range evs {
		if e.Status == tracker.StatusDelivered && !e.Unparsed {
			for j := range out {
				o, k := &out[j], &keep[j]
				if o.Status != tracker.StatusDelivered || o.Unparsed || !sameDay(o.Time, e.Time) {
					continue
				}
				if !o.Time.Equal(e.Time) && k.timed && how[i].timed {
					continue
				}
				if !k.timed && how[i].timed {
					o.Time, k.timed = e.Time, true
				}
				if len(e.Description) < len(o.Description) {
					o.Description = e.Description
				}
				if e.Place != "" && (o.Place == "" || how[i].cells > k.cells) {
					o.Place, k.cells = e.Place, how[i].cells
				}
				continue next
			}
		}
		out = append(out, e)
		keep = append(keep, how[i])
	}
	return out
}

func sameDay(a, b time.Time) bool {
	return a.Year() == b.Year() && a.YearDay() == b.YearDay()
}
