package tracker

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// CleanLine is s as a one-line field keeps it: terminal escape sequences, control characters
// and bidi overrides removed (a seller name must not recolour the terminal or reverse the text
// after it), line breaks and tabs turned into spaces, invalid UTF-8 replaced, spaces trimmed.
func CleanLine(s string) string { return strings.TrimSpace(clean(s, false)) }

// CleanText is CleanLine for text that may have several lines (notes, a statement): line
// breaks and tabs stay.
func CleanText(s string) string { return strings.TrimSpace(clean(s, true)) }

func clean(s string, lines bool) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if isClean(s, lines) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == 0x1b:
			i += escapeLen(s[i:])
			continue
		case r == '\r' && lines:
			if !strings.HasPrefix(s[i+n:], "\n") {
				b.WriteByte('\n')
			}
		case (r == '\n' || r == '\t') && lines:
			b.WriteRune(r)
		case r == '\u2029' && lines:
			b.WriteByte('\n')
		case r == '\n' || r == '\t' || r == '\u2029':
			b.WriteByte(' ')
		case r == '\u2028' || r == '\r':
			b.WriteByte(' ')
		case unwanted(r):
		default:
			b.WriteRune(r)
		}
		i += n
	}
	return b.String()
}

// isClean is the fast path: most text has nothing to remove.
func isClean(s string, lines bool) bool {
	for _, r := range s {
		if r < 0x20 || r >= 0x7f {
			if (r == '\n' || r == '\t') && lines {
				continue
			}
			if r < 0x20 || r == 0x7f || unwanted(r) || r == '\u2028' || r == '\u2029' {
				return false
			}
		}
	}
	return true
}

// unwanted are the characters no field keeps: C0 and C1 controls, the bidi embeddings,
// overrides, isolates and marks, the byte-order mark and noncharacters. Joiners (ZWJ, ZWNJ)
// stay: Persian and Indic words and emoji need them.
func unwanted(r rune) bool {
	switch {
	case r < 0x20 || (r >= 0x7f && r < 0xa0):
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return true
	case r == 0xfeff, r == 0xfffe, r == 0xffff, r >= 0xfdd0 && r <= 0xfdef:
		return true
	}
	return false
}

// escapeLen is the length of the terminal escape sequence at the start of s (which begins with
// ESC): CSI (ESC [ ... final byte), OSC and the other string sequences (ending in BEL or ESC \),
// or ESC and one character.
func escapeLen(s string) int {
	if len(s) < 2 {
		return len(s)
	}
	switch s[1] {
	case '[':
		for i := 2; i < len(s); i++ {
			if s[i] >= 0x40 && s[i] <= 0x7e {
				return i + 1
			}
			if s[i] < 0x20 || s[i] > 0x3f {
				return i // not a CSI sequence after all: drop only what was read
			}
		}
		return len(s)
	case ']', 'P', 'X', '^', '_':
		for i := 2; i < len(s); i++ {
			if s[i] == 0x07 {
				return i + 1
			}
			if s[i] == 0x1b && i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
		}
		return len(s)
	}
	_, n := utf8.DecodeRuneInString(s[1:])
	return 1 + n
}

// quoteLimit is how much of a value a message repeats: enough to recognise it.
const quoteLimit = 40

// Quote is a value as a message repeats it: quoted with Go's escapes (so nothing in it acts on
// a terminal) and cut after 40 characters, saying how long it was.
func Quote(s string) string {
	n := utf8.RuneCountInString(s)
	if n <= quoteLimit {
		return fmt.Sprintf("%q", s)
	}
	r := []rune(s)
	return fmt.Sprintf("%q… (%d characters)", string(r[:quoteLimit]), n)
}

// hasLetterOrDigit reports whether s holds a Latin letter or a digit, what every carrier's
// numbers are made of.
func hasLetterOrDigit(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool {
		return r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r))
	}) >= 0
}

// Tidy cleans every text field of the case as CleanLine and CleanText do. The front ends call it
// on what the buyer typed or imported, before Validate; it also cleans values stored before.
func (c *Case) Tidy() {
	for _, p := range []*string{&c.Marketplace, &c.OrderNumber, &c.Seller, &c.Item, &c.Currency,
		&c.Payment, &c.Buyer.City, &c.Buyer.Postcode, &c.Buyer.Country} {
		*p = CleanLine(*p)
	}
	c.Notes = CleanText(c.Notes)
	for _, p := range c.Dispute.proofs() {
		p.p.Ref = CleanLine(p.p.Ref)
	}
	for i := range c.Shipments {
		s := &c.Shipments[i]
		s.Number, s.Input, s.Link = CleanLine(s.Number), CleanLine(s.Input), CleanLine(s.Link)
	}
}
