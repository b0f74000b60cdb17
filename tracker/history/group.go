package history

// span is one event's lines: its date line and the lines that describe it.
type span struct {
	anchor int
	others []int
}

// maxAttached bounds the lines one event takes, so a page footer cannot swallow the history.
const maxAttached = 4

// group gives every date line the lines that belong to it. Pages with blank lines between
// events are read block by block (the date may come first or last in a block); otherwise the
// lines after a date belong to it, unless the page puts the date last, after the description,
// which shows as date-only lines with the last line of the page a date.
func group(ls []line) []span {
	if spans, ok := byBlocks(ls); ok {
		return spans
	}
	var spans []span
	dateLast := dateLastLayout(ls)
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

// dateLastLayout reports pages that print the description first and the date after it: the
// first line is not a date, the last one is, and most date lines hold nothing but the date.
func dateLastLayout(ls []line) bool {
	first, last := -1, -1
	bare, anchors := 0, 0
	for i, l := range ls {
		if l.blank || l.used {
			continue
		}
		if first < 0 {
			first = i
		}
		last = i
		if l.anchor {
			anchors++
			if !l.bad && fieldsOf(l.rest) == nil {
				bare++
			}
		}
	}
	return first >= 0 && !ls[first].anchor && ls[last].anchor && bare*2 > anchors
}
