package place

import "strings"

// cyrillic spells Russian (and Ukrainian) letters in Latin the way Russian Post and passports
// do, so Москва reads moskva and Санкт-Петербург sankt-peterburg.
var cyrillic = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ж': "zh", 'з': "z", 'и': "i",
	'й': "y", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s",
	'т': "t", 'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch",
	'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu", 'я': "ya", 'і': "i", 'ї': "yi", 'є': "ye", 'ґ': "g",
}

// translit rewrites the Cyrillic letters of folded (lower-case) text in Latin letters.
func translit(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r >= 0x400 && r < 0x500 }) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if l, ok := cyrillic[r]; ok {
			b.WriteString(l)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}
