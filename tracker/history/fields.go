package history

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"proofpack/tracker"
)

// fieldsOf splits a line into the cells a page's table had: tabs, bars and wide gaps separate
// them when text is copied from a browser.
func fieldsOf(s string) []string {
	var out []string
	start := 0
	for i := 0; i <= len(s); i++ {
		sep := 0
		switch {
		case i == len(s):
			sep = 1
		case s[i] == '\t' || s[i] == '|':
			sep = 1
		case strings.HasPrefix(s[i:], "¦"):
			sep = len("¦")
		case s[i] == ' ' && i+1 < len(s) && s[i+1] == ' ':
			sep = 2
		}
		if sep == 0 {
			continue
		}
		if f := strings.TrimFunc(s[start:i], isCellEdge); f != "" {
			out = append(out, f)
		}
		i += sep - 1
		start = i + 1
	}
	return out
}

func isCellEdge(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune(",;:-–—·.", r) }

// labels that pages put before a cell: the place, or the description.
var (
	placeLabels = []string{"location", "local", "localizacao", "lugar", "localidad", "ubicacion", "lieu", "ort", "standort", "luogo", "miejsce", "miejscowosc", "место", "地点", "city", "place"}
	// numberLabels head the tracking number a page repeats above its events: page chrome.
	numberLabels = []string{"tracking number", "tracking no", "tracking", "numer przesylki", "codigo de rastreio", "codigo de seguimiento", "numero de suivi", "sendungsnummer", "codice spedizione", "трек-номер", "номер отправления", "运单号", "单号", "objeto"}
	// noteLabels head remarks beside an event: the carrier's own note, who signed. Neither the
	// event's words nor its place (a receiver's name is never a place).
	noteLabels = []string{"carrier note", "note", "remark", "observacao", "observacion", "remarque", "hinweis", "nota", "uwagi", "примечание", "备注",
		"signed by", "signed for by", "received by", "recipient", "receiver", "recebido por", "recebedor", "firmado por", "receptor", "signe par", "empfanger",
		"unterschrieben von", "firmato da", "odbiorca", "odebral", "получатель", "签收人", "收件人", "受取人", "수령인", "alici", "teslim alan", "נמען", "المستلم"}
	descLabels = []string{"status", "event", "evento", "descricao", "estado", "situacao", "statut", "ereignis", "stato", "zdarzenie", "статус", "событие", "状态", "description"}
)

// cell is one field of an event with what it looks like.
type cell struct {
	text    string
	phrase  bool // holds a status phrase
	rank    int  // the narrowest phrase's rank (see rank); len(phrases) for none
	place   bool // strongly looks like a place (postcode, state, bracket, label)
	caps    bool // all capitals: how several posts print towns
	isDesc  bool // labelled as the description
	isPlace bool // labelled as the place
	note    bool // a remark, a receiver's name, a phone number: never the place
}

func newCell(s string) cell {
	c := cell{text: s}
	if label, rest, ok := strings.Cut(s, ":"); ok && rest != "" {
		f := Fold(strings.TrimSpace(label))
		switch {
		case contains(placeLabels, f):
			c.text, c.isPlace = strings.TrimSpace(rest), true
		case contains(descLabels, f):
			c.text, c.isDesc = strings.TrimSpace(rest), true
		case contains(noteLabels, f):
			c.note = true
		}
	}
	if in, rest, ok := strings.Cut(c.text, " "); ok && (in == "in" || in == "à" || in == "em") && strongPlace(rest) {
		c.text = strings.TrimRight(rest, ".") // "... at 11:26 am on May 16, 2016 in DES MOINES, IA 50311."
	}
	c.rank = rankText(c.text)
	c.phrase = c.rank < len(phrases)
	c.note = c.note || isPhone(c.text)
	c.place = c.isPlace || !c.note && strongPlace(c.text)
	c.caps = allCaps(c.text)
	return c
}

// isNumberLine reports "Tracking Number: RR123456785CN" and its translations.
func isNumberLine(f string) bool {
	label, _, ok := strings.Cut(f, ":")
	if !ok {
		label, _, ok = strings.Cut(f, "：")
	}
	return ok && contains(numberLabels, Fold(strings.TrimSpace(label)))
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// event builds the event of a span: the date line's own text first, then its other lines.
func (s span) event(ls []line, monthFirst bool) tracker.Event {
	a := ls[s.anchor]
	var cells []cell
	var bracket string
	add := func(text string) {
		if isRoute(text) {
			return // "De: X Para: Y" under a Correios event: the route, not the event
		}
		if isNote(text) {
			cells = append(cells, cell{text: strings.TrimSpace(text), note: true})
			return
		}
		fields := fieldsOf(text)
		if len(cells) == 0 && len(fields) == 1 {
			fields = splitPlace(fields)
		}
		for _, f := range fields {
			if p, rest, ok := cutBracket(f); ok {
				if bracket == "" && !hasPhone(p) {
					bracket = p
				}
				if f = strings.TrimSpace(rest); f == "" {
					continue
				}
			}
			if !isNumberLine(f) {
				cells = append(cells, newCell(f))
			}
		}
	}
	if a.bad {
		add(a.text)
	} else {
		add(a.rest)
	}
	for _, i := range s.others {
		add(ls[i].text)
	}
	desc, place := pick(cells)
	if bracket != "" && (place == "" || !strongCell(cells, place) && !isDigits(bracket, 1, 12)) {
		place = bracket // the carrier's own 【深圳市】 beats a guess from a short cell; a [123557] postcode does not
	}
	e := tracker.Event{Description: desc, Place: place, Status: tracker.StatusInTransit}
	if desc != "" {
		e.Status = Classify(desc)
	}
	if a.bad {
		e.Unparsed = true
		return e
	}
	if t, ok := a.st.at(monthFirst); ok {
		e.Time = t
	} else if t, ok := a.st.at(!monthFirst); ok {
		e.Time = t
	}
	return e
}

// strongCell reports whether the place came from a labelled cell or one shaped like a town.
func strongCell(cells []cell, place string) bool {
	for _, c := range cells {
		if c.text == place && (c.isPlace || c.place) {
			return true
		}
	}
	return false
}

// maxDescCells is how many cells one description takes; more are usually page chrome.
const maxDescCells = 3

// pick chooses the description (the labelled cell, else the first with status words, else the
// first that does not look like a place) and the place (labelled, else the first that looks
// like one, else a short cell left over); other cells are added to the description.
func pick(cells []cell) (desc, place string) {
	d, p := -1, -1
	first := func(ok func(c cell) bool) int {
		for i, c := range cells {
			if i != d && i != p && ok(c) {
				return i
			}
		}
		return -1
	}
	// Of several cells with status words, the narrowest meaning describes the event: a
	// Korean row prints "arrival branch" first and "delivered" last.
	best := len(phrases)
	for _, c := range cells {
		if c.phrase && !c.isPlace && !c.note && (!c.place || len(cells) == 1) {
			best = min(best, c.rank)
		}
	}
	for _, try := range []func(c cell) bool{
		func(c cell) bool { return c.isDesc },
		func(c cell) bool {
			return c.phrase && c.rank == best && !c.isPlace && !c.note && (!c.place || len(cells) == 1)
		},
		func(c cell) bool { return !c.place && !c.caps && !c.note },
		func(c cell) bool { return !c.isPlace && !c.note },
		func(c cell) bool { return !c.isPlace },
	} {
		if d = first(try); d >= 0 {
			break
		}
	}
	for _, try := range []func(c cell) bool{
		func(c cell) bool { return c.isPlace },
		func(c cell) bool { return c.place },
		func(c cell) bool { return c.caps && !c.phrase && !c.note },
		func(c cell) bool {
			return !c.phrase && !c.note && utf8.RuneCountInString(c.text) <= 40 && len(strings.Fields(c.text)) <= 5
		},
	} {
		if p = first(try); p >= 0 {
			break
		}
	}
	var parts []string
	if d >= 0 {
		parts = append(parts, cells[d].text)
	}
	for i, c := range cells {
		if i != d && i != p && len(parts) < maxDescCells {
			parts = append(parts, c.text)
		}
	}
	desc = strings.Join(parts, "; ")
	if p >= 0 {
		place = cells[p].text
	}
	return desc, place
}

// cutBracket takes the place out of "[Shenzhen] Departed" or "【深圳市】已揽收".
func cutBracket(f string) (place, rest string, ok bool) {
	for _, b := range [][2]string{{"[", "]"}, {"【", "】"}} {
		i := strings.Index(f, b[0])
		j := strings.Index(f, b[1])
		if i >= 0 && j > i+len(b[0]) {
			return strings.TrimSpace(f[i+len(b[0]) : j]), f[:i] + " " + f[j+len(b[1]):], true
		}
	}
	return "", f, false
}

// strongPlace spots the shapes towns are printed in: "RECIFE - PE", "BROOKLYN, NY 11201",
// "UP Kraków 1", "Москва 125009", "00-950 Warszawa", "01310-100".
func strongPlace(s string) bool {
	var arr [16]string
	f := appendFields(arr[:0], s)
	if len(f) == 0 {
		return false
	}
	if f[0] == "UP" || f[0] == "FUP" || f[0] == "CDD" || f[0] == "CTE" || f[0] == "AC" {
		return len(f) > 1
	}
	last := f[len(f)-1]
	if len(f) >= 2 && isState(last) && (f[len(f)-2] == "-" || f[len(f)-2] == "/" || strings.HasSuffix(f[len(f)-2], ",")) {
		return true
	}
	if len(f) >= 2 && isState(f[len(f)-2]) && isDigits(last, 5, 5) {
		return true // NY 11201
	}
	if len(f) >= 2 && isState(f[len(f)-2]) && len(last) == 10 && last[5] == '-' && isDigits(last[:5], 5, 5) {
		return true // NY 11201-1234
	}
	for _, w := range f {
		w = strings.Trim(w, ",()")
		if isDigits(w, 6, 6) && len(f) >= 2 || isPostcodeDash(w) {
			return true
		}
	}
	return false
}

// isState reports a two-letter upper-case state or province code ("TX", "PE", "SP").
func isState(w string) bool {
	return len(w) == 2 && w[0] >= 'A' && w[0] <= 'Z' && w[1] >= 'A' && w[1] <= 'Z'
}

func isDigits(s string, minLen, maxLen int) bool {
	if len(s) < minLen || len(s) > maxLen {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isPostcodeDash matches the dashed postcodes of Poland (00-950) and Brazil (01310-100).
func isPostcodeDash(w string) bool {
	a, b, ok := strings.Cut(w, "-")
	return ok && (isDigits(a, 2, 2) && isDigits(b, 3, 3) || isDigits(a, 5, 5) && isDigits(b, 3, 3))
}

// allCaps reports text with letters, all of them capitals: USPS and Correios print towns so.
func allCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			letters++
		}
	}
	return letters >= 3 && utf8.RuneCountInString(s) <= 60
}

// appendFields is strings.Fields into a caller's (usually stack) slice.
func appendFields(dst []string, s string) []string { return firstWords(dst, s, -1) }
