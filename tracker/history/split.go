package history

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// isRoute reports the "De: Unidade X Para: Unidade Y" line Correios prints under a forwarding
// event, and its translations: two places, neither of them where the event happened.
func isRoute(text string) bool {
	if strings.IndexByte(text, ':') < 0 {
		return false
	}
	var buf [256]byte
	f := string(foldAppend(buf[:0], strings.TrimSpace(text)))
	for _, r := range [][2]string{{"de:", "para:"}, {"from:", "to:"}, {"origem:", "destino:"}, {"von:", "nach:"}, {"de :", "a :"}} {
		if strings.HasPrefix(f, r[0]) && strings.Contains(f, " "+r[1]) {
			return true
		}
	}
	return false
}

// isNote reports a line that is a remark under an event ("Carrier note: ...", "Signed by: ...").
func isNote(text string) bool {
	label, _, ok := strings.Cut(text, ":")
	return ok && len(label) <= 30 && contains(noteLabels, Fold(strings.TrimSpace(label)))
}

// isPhone reports a phone number, masked or not ("137****4974", "+48 22 123 45 67"): a courier's
// or a branch's number, never a place.
func isPhone(s string) bool {
	digits, stars := 0, 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '*':
			stars++
		case strings.ContainsRune(" +-()/;,【】（）", r):
		default:
			return false
		}
	}
	return digits >= 7 || digits >= 4 && stars >= 2
}

// hasPhone reports text that holds a phone number or a masked name ("谢**/152****0208").
func hasPhone(s string) bool {
	digits := 0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			digits++
		}
	}
	return digits >= 7 || strings.Contains(s, "**")
}

// splitPlace finds the place inside the one cell of a line that has no columns:
// "Objeto entregue - Unidade de Distribuição/VITORIA/ES" (Correios), "Entregado - ... - SANTIAGO
// UNIDAD DE REPARTO 1 (SANTIAGO DE COMPOSTELA)" (Correos), "Your item was delivered ... in DES
// MOINES, IA 50311" (a USPS summary) and "Lublin przesyłka zwrócona nadawcy" (the town cell
// first). It returns the cells: the description first, then the place; or fields unchanged.
func splitPlace(fields []string) []string {
	f := fields[0]
	if i := strings.LastIndex(f, " - "); i > 0 {
		head, tail := strings.TrimSpace(f[:i]), strings.TrimSpace(f[i+3:])
		if slashPlace(tail) || allCaps(tail) && !hasPhrase(tail) && (hasPhrase(head) || strings.HasSuffix(tail, ")")) {
			return []string{head, tail}
		}
	}
	if i := strings.LastIndex(f, " in "); i > 0 {
		head, tail := strings.TrimSpace(f[:i]), strings.TrimRight(strings.TrimSpace(f[i+4:]), ".")
		if _, ok := matchText(head); ok && strongPlace(tail) {
			for _, w := range []string{" at", " on"} {
				head = strings.TrimSuffix(head, w)
			}
			return []string{head, tail}
		}
	}
	if town, rest, ok := leadingTown(f); ok {
		return []string{rest, town}
	}
	return fields
}

func hasPhrase(s string) bool {
	_, ok := matchText(s)
	return ok
}

// slashPlace matches Correios' "Unidade de Distribuição/VITORIA/ES": a unit, a town, a state.
func slashPlace(s string) bool {
	parts := strings.Split(s, "/")
	return len(parts) >= 3 && isState(strings.TrimSpace(parts[len(parts)-1])) && allCaps(parts[len(parts)-2])
}

// subjects are the nouns a status sentence starts with; a capitalised word right before one is
// the town cell of a page that prints the town first ("Lublin przesyłka zwrócona nadawcy").
var subjects = map[string]bool{
	"przesylka": true, "paczka": true, "list": true, "parcel": true, "item": true, "shipment": true, "package": true,
	"sendung": true, "paket": true, "colis": true, "envio": true, "objeto": true, "pacco": true, "spedizione": true,
	"посылка": true, "отправление": true, "відправлення": true, "посилка": true, "zending": true, "pakket": true, "gonderi": true, "kargo": true,
}

// articles start a sentence before its subject ("Die Sendung", "Your parcel"), not a town.
var articles = map[string]bool{
	"the": true, "your": true, "our": true, "die": true, "der": true, "das": true, "ihre": true, "le": true, "la": true, "les": true,
	"votre": true, "el": true, "su": true, "o": true, "a": true, "seu": true, "sua": true, "il": true, "lo": true, "twoja": true, "pana": true,
	"ваш": true, "ваша": true, "ваше": true, "de": true, "het": true, "uw": true, "je": true,
}

// leadingTown reads "Lublin przesyłka zwrócona nadawcy": one or two capitalised words without
// status words, then a status sentence that starts with its subject.
func leadingTown(f string) (town, rest string, ok bool) {
	var arr [4]string
	words := firstWords(arr[:0], f, 3)
	if len(words) < 3 || !subjects[Fold(words[1])] && !subjects[Fold(words[2])] {
		return "", f, false
	}
	words = strings.Fields(f)
	for n := 1; n <= 2 && n < len(words)-1; n++ {
		if !subjects[Fold(words[n])] {
			continue
		}
		for _, w := range words[:n] {
			if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) || articles[Fold(w)] {
				return "", f, false
			}
		}
		town = strings.Join(words[:n], " ")
		rest = strings.Join(words[n:], " ")
		if hasPhrase(town) || !hasPhrase(rest) {
			return "", f, false
		}
		return town, rest, true
	}
	return "", f, false
}

// firstWords appends the words of s to dst until dst holds n (all of them when n < 0), without
// splitting the rest.
func firstWords(dst []string, s string, n int) []string {
	start := -1
	for i, r := range s {
		if unicode.IsSpace(r) {
			if start >= 0 {
				dst = append(dst, s[start:i])
				start = -1
				if len(dst) == n {
					return dst
				}
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		dst = append(dst, s[start:])
	}
	return dst
}
