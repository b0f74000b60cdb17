package carrier

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The fixes Normalize reports, in the order it applies them. They are user text: the check
// command prints them and the input_cleaned flag lists them.
const (
	FixFullWidth = "converted full-width or compatibility characters"
	FixInvisible = "removed invisible characters (zero-width, byte-order or direction marks)"
	FixSpaces    = "removed spaces, tabs and line breaks"
	FixDashes    = "removed dashes"
	FixUppercase = "made letters uppercase"
)

// Normalize cleans a pasted tracking number: Unicode NFKC (full-width digits become ASCII),
// then drops invisible characters, white space and dash-like separators, then uppercases. It
// says which of these changed anything, so the buyer learns what the pasted text held.
//
// Dashes always go, even the one LaserShip prints in "1LS7119013618127-1": shapes are written
// over the cleaned form, and Format.Printed puts that dash back for links. Anything else (emoji,
// punctuation, binary junk) stays, so such input fits no shape and is reported as unknown.
func Normalize(input string) (normalized string, fixes []string) {
	if isClean(input) {
		return input, nil
	}
	s := input
	if !norm.NFKC.IsNormalString(s) {
		n := norm.NFKC.String(s)
		// A change NFKC makes only to spaces (NBSP) or dashes is reported as that, not as width.
		if dropSeparators(n) != dropSeparators(s) {
			fixes = append(fixes, FixFullWidth)
		}
		s = n
	}
	var b strings.Builder
	b.Grow(len(s))
	var invisible, spaces, dashes, lower bool
	for i, r := range s {
		switch {
		case r == utf8.RuneError && isBadByte(s, i):
			b.WriteByte(s[i]) // keep junk bytes as they are: they make the input unknown, not a number
		case isInvisible(r):
			invisible = true
		case unicode.IsSpace(r):
			spaces = true
		case isDash(r):
			dashes = true
		case unicode.IsLower(r) && unicode.ToUpper(r) != r:
			lower = true
			b.WriteRune(unicode.ToUpper(r))
		default:
			b.WriteRune(r)
		}
	}
	for _, f := range []struct {
		on  bool
		fix string
	}{{invisible, FixInvisible}, {spaces, FixSpaces}, {dashes, FixDashes}, {lower, FixUppercase}} {
		if f.on {
			fixes = append(fixes, f.fix)
		}
	}
	return b.String(), fixes
}

// isClean reports input that needs no cleaning, the common case, so it costs no allocation.
func isClean(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'A' <= c && c <= 'Z') {
			return false
		}
	}
	return true
}

// isBadByte tells an invalid UTF-8 byte at i from a genuine U+FFFD in the text.
func isBadByte(s string, i int) bool {
	_, size := utf8.DecodeRuneInString(s[i:])
	return size == 1
}

// isInvisible covers the characters chat apps and web pages slip into copied text.
func isInvisible(r rune) bool {
	switch {
	case r == '\u00ad', // soft hyphen
		r >= '\u200b' && r <= '\u200f', // zero-width space/joiners, LRM, RLM
		r >= '\u202a' && r <= '\u202e', // bidi embeddings and overrides
		r >= '\u2060' && r <= '\u2064', // word joiner, invisible operators
		r >= '\u2066' && r <= '\u2069', // bidi isolates
		r == '\u061c',                  // Arabic letter mark
		r == '\ufeff':                  // byte-order mark, zero-width no-break space
		return true
	}
	return false
}

// isDash covers every dash punctuation character (Unicode Pd) plus the minus signs.
func isDash(r rune) bool {
	return unicode.Is(unicode.Pd, r) || r == '\u2212' || r == '\u2796'
}

// dropSeparators removes white space and dashes, to compare two spellings of one number.
func dropSeparators(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || isDash(r) || isInvisible(r) {
			return -1
		}
		return r
	}, s)
}
