package history

import "time"

// stamp is a date (and maybe a time) found in a line, before the page-wide day/month order of
// numeric dates like 04/05/2026 is known.
type stamp struct {
	y, a, b    int  // year and the two other fields: month/day, or day/month when numeric
	numeric    bool // a and b are in page order: day-first or month-first decided per page
	named      bool // b is the day and a the month, fixed by a month name, Y-M-D order or dots
	hh, mm, ss int
	hasTime    bool
	start, end int // byte range of the date and time in the line
}

// findStamp returns the first date in the line's tokens, with the time written next to it.
// shaped reports a date-like run that did not hold a real date (31/02/2026), so the line can
// be kept as an unparsed event rather than silently dropped.
func findStamp(t []token) (s stamp, ok, shaped bool) {
	for i := range t {
		if s, j, ok := dateAt(t, i); ok {
			if !validDay(s) {
				return s, false, true
			}
			s.start, s.end = t[i].start, t[j-1].end
			if k := backToWeekday(t, i); k < i {
				s.start = t[k].start
			}
			if hh, mm, ss, e, ok := timeAfter(t, j); ok {
				s.hh, s.mm, s.ss, s.hasTime, s.end = hh, mm, ss, true, t[e-1].end
			} else if hh, mm, ss, b, ok := timeBefore(t, i); ok {
				s.hh, s.mm, s.ss, s.hasTime, s.start = hh, mm, ss, true, t[b].start
			}
			return s, true, false
		}
	}
	return stamp{}, false, false
}

func isNum(t []token, i, minLen, maxLen int) bool {
	return i < len(t) && t[i].kind == 'n' && len(t[i].text) >= minLen && len(t[i].text) <= maxLen
}

func isPunct(t []token, i int, set string) bool {
	if i < 0 || i >= len(t) || t[i].kind != 'p' {
		return false
	}
	for _, c := range set {
		if string(c) == t[i].text {
			return true
		}
	}
	return false
}

func isWord(t []token, i int, w string) bool { return i < len(t) && t[i].kind == 'w' && t[i].text == w }

func month(t []token, i int) int {
	if i < len(t) && t[i].kind == 'w' {
		return months[t[i].text]
	}
	return 0
}

// dateAt matches the date shapes carriers print, starting at token i; j is the token after it.
func dateAt(t []token, i int) (s stamp, j int, ok bool) {
	switch {
	case isNum(t, i, 4, 4) && isPunct(t, i+1, "-/.") && isNum(t, i+2, 1, 2) &&
		isPunct(t, i+3, t[i+1].text) && isNum(t, i+4, 1, 2):
		// 2026-10-01, 2026/10/01, 2026.10.01
		return stamp{y: t[i].num, a: t[i+2].num, b: t[i+4].num, named: true}, i + 5, true
	case isNum(t, i, 4, 4) && isWord(t, i+1, "年") && isNum(t, i+2, 1, 2) && isWord(t, i+3, "月") &&
		isNum(t, i+4, 1, 2) && (isWord(t, i+5, "日") || isWord(t, i+5, "号")):
		// 2026年10月12日
		return stamp{y: t[i].num, a: t[i+2].num, b: t[i+4].num, named: true}, i + 6, true
	case isNum(t, i, 4, 4) && isWord(t, i+1, "년") && isNum(t, i+2, 1, 2) && isWord(t, i+3, "월") &&
		isNum(t, i+4, 1, 2) && isWord(t, i+5, "일"):
		// 2026년 10월 12일
		return stamp{y: t[i].num, a: t[i+2].num, b: t[i+4].num, named: true}, i + 6, true
	case isNum(t, i, 1, 2) && isPunct(t, i+1, "/.-") && isNum(t, i+2, 1, 2) &&
		isPunct(t, i+3, t[i+1].text) && isNum(t, i+4, 4, 4):
		// 14/10/2026, 14.10.2026, 10/14/2026
		if t[i+1].text == "." {
			// Dotted dates are day first wherever they are printed (DE, PL, RU...): a US
			// buyer's page default must not turn 04.05.2026 into April 5.
			return stamp{y: t[i+4].num, a: t[i+2].num, b: t[i].num, named: true}, i + 5, true
		}
		return stamp{y: t[i+4].num, a: t[i].num, b: t[i+2].num, numeric: true}, i + 5, true
	case isNum(t, i, 1, 2) && isPunct(t, i+1, ".") && isNum(t, i+2, 1, 2) && isPunct(t, i+3, ".") &&
		isNum(t, i+4, 2, 2) && !(isPunct(t, i+5, ".") && isNum(t, i+6, 1, 4)) && adjacent(t, i, i+4):
		// 10.07.12 (DHL, Poste Italiane): a two-digit year only with dots, written tight, and not
		// the first three fields of a dotted IP or version number.
		return stamp{y: 2000 + t[i+4].num, a: t[i+2].num, b: t[i].num, named: true}, i + 5, true
	case isNum(t, i, 1, 2):
		// 12 октября 2026, 3. Oktober 2026, 3 de outubro de 2026, 15-Oct-2026
		k := i + 1
		k = skip(t, k, ".", "-")
		k = skipWord(t, k, "de")
		m := month(t, k)
		if m == 0 {
			return
		}
		k++
		k = skip(t, k, ".", "-", ",")
		k = skipWord(t, k, "de")
		if !isNum(t, k, 4, 4) {
			return
		}
		return stamp{y: t[k].num, a: m, b: t[i].num, named: true}, k + 1, true
	case month(t, i) != 0:
		// October 3, 2026; Oct. 3 2026; Oct 3rd, 2026
		k := skip(t, i+1, ".")
		if !isNum(t, k, 1, 2) {
			return
		}
		d := t[k].num
		k++
		if k < len(t) && t[k].kind == 'w' && (t[k].text == "st" || t[k].text == "nd" || t[k].text == "rd" || t[k].text == "th") {
			k++
		}
		k = skip(t, k, ",")
		if !isNum(t, k, 4, 4) {
			return
		}
		return stamp{y: t[k].num, a: months[t[i].text], b: d, named: true}, k + 1, true
	}
	return
}

// adjacent reports tokens i..j written without spaces between them.
func adjacent(t []token, i, j int) bool {
	for k := i + 1; k <= j; k++ {
		if t[k].start != t[k-1].end {
			return false
		}
	}
	return true
}

func skip(t []token, k int, marks ...string) int {
	for _, m := range marks {
		if isPunct(t, k, m) {
			return k + 1
		}
	}
	return k
}

func skipWord(t []token, k int, w string) int {
	if isWord(t, k, w) {
		return k + 1
	}
	return k
}

// backToWeekday widens a date to a weekday name just before it ("Mon, 12 Oct 2026").
func backToWeekday(t []token, i int) int {
	k := i - 1
	if isPunct(t, k, ",.") {
		k--
	}
	if k >= 0 && t[k].kind == 'w' && weekdays[t[k].text] {
		return k
	}
	return i
}

// timeAt reads 14:35, 14:35:07, 2:14 pm, 14h35 or 14时35分 at token i; e is the token after it.
func timeAt(t []token, i int) (hh, mm, ss, e int, ok bool) {
	if !isNum(t, i, 1, 2) || !isNum(t, i+2, 2, 2) {
		return
	}
	hh, mm, e = t[i].num, t[i+2].num, i+3
	switch {
	case isPunct(t, i+1, ":"):
		if isPunct(t, e, ":") && isNum(t, e+1, 2, 2) {
			ss, e = t[e+1].num, e+2
		}
	case isPunct(t, i+1, ",") && isPunct(t, e, ",") && isNum(t, e+1, 2, 2) && adjacent(t, i, e+1):
		// 11,13,06 (Poste Italiane): only with seconds, so "May 3, 2026" stays a date
		ss, e = t[e+1].num, e+2
	case isPunct(t, i+1, ".") && adjacent(t, i, i+2):
		// 20.17.42 and 12.17 (Italian and Finnish pages)
		if isPunct(t, e, ".") && isNum(t, e+1, 2, 2) && adjacent(t, e, e+1) {
			ss, e = t[e+1].num, e+2
		}
	case isWord(t, i+1, "h") || isWord(t, i+1, "时") || isWord(t, i+1, "時") || isWord(t, i+1, "点") || isWord(t, i+1, "시"):
		if isWord(t, e, "分") || isWord(t, e, "분") {
			e++
		}
	default:
		return
	}
	if e < len(t) && t[e].kind == 'w' {
		switch t[e].text {
		case "am", "pm":
			hh, ok = ampm(hh, t[e].text == "pm")
			return hh, mm, ss, e + 1, ok && mm < 60 && ss < 60
		case "a", "p":
			if isPunct(t, e+1, ".") && isWord(t, e+2, "m") {
				hh, ok = ampm(hh, t[e].text == "p")
				return hh, mm, ss, skip(t, e+3, "."), ok && mm < 60 && ss < 60
			}
		}
	}
	if isWord(t, e, "uhr") || isWord(t, e, "hrs") {
		e++
	}
	return hh, mm, ss, e, hh < 24 && mm < 60 && ss < 60
}

func ampm(h int, pm bool) (int, bool) {
	if h < 1 || h > 12 {
		return 0, false
	}
	if pm && h != 12 {
		return h + 12, true
	}
	if !pm && h == 12 {
		return 0, true
	}
	return h, true
}

// timeAfter finds a time following a date, across at most five joiners ("r., godz.").
func timeAfter(t []token, j int) (hh, mm, ss, e int, ok bool) {
	for k := j; k <= j+5 && k < len(t); k++ {
		if hh, mm, ss, e, ok = timeAt(t, k); ok {
			return
		}
		if !joiners[t[k].text] {
			return 0, 0, 0, 0, false
		}
	}
	return 0, 0, 0, 0, false
}

// timeBefore finds a time that ends right before the date at token i ("14:35, 12/10/2026").
func timeBefore(t []token, i int) (hh, mm, ss, b int, ok bool) {
	for b = max(0, i-7); b < i; b++ {
		if hh, mm, ss, e, ok := timeAt(t, b); ok && (e == i || e == i-1 && joiners[t[e].text]) {
			return hh, mm, ss, b, true
		}
	}
	return 0, 0, 0, 0, false
}

// plausible years: older pages are not tracking histories, later ones are typing slips.
const minYear, maxYear = 1990, 2100

func validDay(s stamp) bool {
	if s.y < minYear || s.y > maxYear {
		return false
	}
	if s.numeric {
		// either order must give a real day; the page decides which one later
		return realDay(s.y, s.a, s.b) || realDay(s.y, s.b, s.a)
	}
	return realDay(s.y, s.a, s.b)
}

func realDay(y, m, d int) bool {
	return m >= 1 && m <= 12 && d >= 1 && d <= time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// at returns the stamp as a time, reading numeric dates day-first unless monthFirst.
func (s stamp) at(monthFirst bool) (time.Time, bool) {
	m, d := s.a, s.b
	if s.numeric && !monthFirst {
		m, d = s.b, s.a
	}
	if !realDay(s.y, m, d) {
		return time.Time{}, false
	}
	return time.Date(s.y, time.Month(m), d, s.hh, s.mm, s.ss, 0, time.UTC), true
}
