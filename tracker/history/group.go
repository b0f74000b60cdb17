package history

// span is one event's lines: its date line and the lines that describe it.
type span struct {
	anchor int
	others []int
}

// maxAttached bounds the lines one event takes, so a page footer cannot swallow the history.
const maxAttached = 4

// group gives every date line the lines that belong to it. Pages with blank lines between
// events are read block by block (the date may come first or last in a block). Otherwise the
// page is read both ways, the lines after a date belonging to it or the lines before it (pages
// that print the description, the place, then the date), and the reading that leaves fewer
// status lines without a date and more dates without words wins: the page's own text decides,
// so a header above the list or a footer under it cannot shift every event by one.
func group(ls []line) []span {
	if spans, ok := byBlocks(ls); ok {
		return spans
	}
	first := groupLines(ls, false)
	if !mostlyBare(ls) {
		return first
	}
	said := make([]int8, len(ls))
	if last := groupLines(ls, true); score(ls, last, said) > score(ls, first, said) {
		return last
	}
	return first
}

// groupLines attaches the undated lines to the date line before them, or with dateLast to the
// one after them.
func groupLines(ls []line, dateLast bool) []span {
	var spans []span
	var pending []int // lines waiting for the next date line (date-last layout)
	for i, l := range ls {
		switch {
		case l.blank || l.used:
		case l.anchor:
			s := span{anchor: i}
			if dateLast {
				s.others, pending = pending, nil
			}
			spans = append(spans, s)
		case dateLast:
			pending = append(pending, i)
		case len(spans) > 0:
			spans[len(spans)-1].others = append(spans[len(spans)-1].others, i)
		}
	}
	if n := len(spans); !dateLast && n >= 2 && len(spans[n-1].others) > 0 {
		// Lines after the last event of a page whose events take no lines of their own are
		// its footer ("Need help? Contact us", a hotline), not the last event's place.
		alone := true
		for _, s := range spans[:n-1] {
			alone = alone && len(s.others) == 0
		}
		if alone {
			spans[n-1].others = nil
		}
	}
	for i := range spans {
		o := spans[i].others
		if dateLast && len(o) > maxAttached {
			spans[i].others = o[len(o)-maxAttached:]
		} else if len(o) > maxAttached {
			spans[i].others = o[:maxAttached]
		}
	}
	return spans
}

// score rates a reading of the page: an event with status words is worth two, a status line
// that no event took costs two.
func score(ls []line, spans []span, said []int8) int {
	n := 0
	taken := make([]bool, len(ls))
	for _, s := range spans {
		ok := says(ls, said, s.anchor)
		for _, i := range s.others {
			taken[i] = true
			ok = says(ls, said, i) || ok
		}
		if ok {
			n += 2
		}
	}
	for i, l := range ls {
		if !l.blank && !l.used && !l.anchor && !taken[i] && says(ls, said, i) {
			n -= 2
		}
	}
	return n
}

// says reports whether line i holds status words, remembering the answer in said (0 unknown,
// 1 yes, 2 no): both readings of a page ask about the same lines.
func says(ls []line, said []int8, i int) bool {
	if said[i] == 0 {
		text := ls[i].text
		if ls[i].anchor {
			text = ls[i].rest
		}
		said[i] = 2
		if hasPhrase(text) {
			said[i] = 1
		}
	}
	return said[i] == 1
}

// byBlocks reads blank-line separated blocks when every block holds at most one date and at
// least two blocks hold one. Undated blocks are page chrome (headers, buttons) and are left out;
// the raw text stays in the exhibit.
func byBlocks(ls []line) ([]span, bool) {
	var spans []span
	var cur *span
	var loose []int // lines of the current block before its date is seen
	dated, blocks := 0, 0
	inBlock := false
	for i, l := range ls {
		if l.blank {
			inBlock = false
			continue
		}
		if !inBlock {
			inBlock = true
			blocks++
			cur, loose = nil, nil
		}
		switch {
		case l.used:
		case l.anchor && cur != nil:
			return nil, false // two dates in one block: not a block layout
		case l.anchor:
			dated++
			spans = append(spans, span{anchor: i, others: loose})
			cur = &spans[len(spans)-1]
		case cur != nil:
			cur.others = append(cur.others, i)
		default:
			loose = append(loose, i)
		}
	}
	if dated < 2 || blocks < 2 {
		return nil, false
	}
	for i := range spans {
		if len(spans[i].others) > maxAttached {
			spans[i].others = spans[i].others[:maxAttached]
		}
	}
	return spans, true
}

// mostlyBare reports pages whose date lines mostly hold nothing but the date: only those can
// print the date after the event's words.
func mostlyBare(ls []line) bool {
	bare, anchors := 0, 0
	for _, l := range ls {
		if l.anchor && !l.used {
			anchors++
			if !l.bad && fieldsOf(l.rest) == nil {
				bare++
			}
		}
	}
	return bare*2 > anchors
}
