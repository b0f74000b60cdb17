package history

import (
	"unicode"
	"unicode/utf8"
)

// token is one piece of a line: a run of digits, a word (or one Chinese character), or one
// punctuation mark. Offsets let the date be cut out of the line afterwards.
type token struct {
	kind       byte // 'n' number, 'w' word, 'p' punctuation
	text       string
	num        int
	start, end int
}

// maxKeyword is longer than every keyword in bytes; longer words cannot be one.
const maxKeyword = 24

// keywords are the words dates are read by, folded: months, weekdays, joiners and the few
// marks of ordinals, "am"/"pm" and "Uhr". Each maps to itself so a lookup returns a shared string.
var keywords = func() map[string]string {
	m := map[string]string{}
	for _, set := range []map[string]int{months} {
		for k := range set {
			m[k] = k
		}
	}
	for _, set := range []map[string]bool{weekdays, joiners} {
		for k := range set {
			m[k] = k
		}
	}
	for _, k := range []string{"st", "nd", "rd", "th", "am", "pm", "p", "m", "h", "uhr", "hrs", "년", "월", "일", "시", "분"} {
		m[k] = k
	}
	return m
}()

// keyword returns the folded word when it is a keyword, else "" (a word no lookup needs).
// Folding into a reused buffer keeps tokenizing a page free of a string per word.
func keyword(w string) string {
	if len(w) > maxKeyword {
		return ""
	}
	var buf [maxKeyword * 2]byte
	return keywords[string(foldAppend(buf[:0], w))]
}

// maxDigits keeps numbers that are really tracking numbers or barcodes out of the arithmetic.
const maxDigits = 9

// tokenize splits line into tokens; words are folded so that month and joiner lookups are plain
// map hits. tokens is reused between lines to keep a 200-event page allocation-light.
func tokenize(line string, toks []token) []token {
	toks = toks[:0]
	for i := 0; i < len(line); {
		r, size := utf8.DecodeRuneInString(line[i:])
		switch {
		case r >= '0' && r <= '9':
			j, n := i, 0
			for j < len(line) && line[j] >= '0' && line[j] <= '9' {
				if j-i < maxDigits {
					n = n*10 + int(line[j]-'0')
				}
				j++
			}
			toks = append(toks, token{kind: 'n', text: line[i:j], num: n, start: i, end: j})
			i = j
		case unicode.Is(unicode.Han, r):
			toks = append(toks, token{kind: 'w', text: line[i : i+size], start: i, end: i + size})
			i += size
		case unicode.IsLetter(r):
			j := i + size
			for j < len(line) {
				r2, s2 := utf8.DecodeRuneInString(line[j:])
				if !unicode.IsLetter(r2) && !unicode.Is(unicode.Mn, r2) || unicode.Is(unicode.Han, r2) {
					break
				}
				j += s2
			}
			toks = append(toks, token{kind: 'w', text: keyword(line[i:j]), start: i, end: j})
			i = j
		case unicode.IsSpace(r):
			i += size
		default:
			toks = append(toks, token{kind: 'p', text: line[i : i+size], start: i, end: i + size})
			i += size
		}
	}
	return toks
}
