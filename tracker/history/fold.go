package history

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// foldLatin maps each accented Latin letter to its plain lower-case spelling, built once from
// Unicode decompositions plus the letters that have none (ł, ß, ø...).
var foldLatin = func() map[rune]string {
	m := map[rune]string{
		'ł': "l", 'Ł': "l", 'ß': "ss", 'ø': "o", 'Ø': "o", 'đ': "d", 'Đ': "d",
		'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'ı': "i", 'ё': "е", 'Ё': "е", '’': "'",
	}
	for r := rune(0xC0); r < 0x250; r++ {
		if _, ok := m[r]; ok {
			continue
		}
		d := norm.NFD.String(string(unicode.ToLower(r)))
		if first, _ := utf8.DecodeRuneInString(d); first < 0x80 {
			m[r] = string(first)
		}
	}
	return m
}()

// Fold lower-cases s and strips accents so that "SÃO PAULO", "São Paulo" and "sao paulo" compare
// equal, as do "Doręczono" and "doreczono". Cyrillic and Chinese keep their script (ё becomes е).
func Fold(s string) string {
	if isFolded(s) {
		return s
	}
	return string(foldAppend(make([]byte, 0, len(s)), s))
}

// foldAppend appends the folded s to dst, so hot loops can fold into a reused buffer.
func foldAppend(dst []byte, s string) []byte {
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			dst = append(dst, byte(r))
		case foldLatin[r] != "":
			dst = append(dst, foldLatin[r]...)
		case unicode.Is(unicode.Mn, r):
			// a combining accent pasted apart from its letter
		default:
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
	}
	return dst
}

// isFolded reports plain lower-case ASCII, which Fold returns as it is, without copying.
func isFolded(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return false
		}
	}
	return true
}
