package place

import (
	"strings"
	"unicode"

	"proofpack/tracker"
	"proofpack/tracker/history"
)

// Verdict is what a place says about the buyer's address.
type Verdict int

// The verdicts.
const (
	Unknown   Verdict = iota // no town, postcode or country to compare
	Same                     // the buyer's town or postcode
	Different                // another town, postcode or country
	Near                     // another town within NearKM (Locate only)
	Unclear                  // a place that says "elsewhere" only as a string, not as a known town (Locate only)
)

func (v Verdict) String() string {
	return [...]string{"unknown", "same", "different", "near", "unclear"}[v]
}

// Result is a verdict with the words that decided it, for the flag's message.
type Result struct {
	Verdict Verdict
	Reason  string
}

// Match compares a place from a tracking page with the buyer's address. The buyer's town
// (or one of its other names) anywhere in the place, or the buyer's postcode, makes it Same: a
// delivery in the buyer's own town is never reported as elsewhere. Another country's name, a
// different postcode, or a town name that is not the buyer's makes it Different; a town alone
// says nothing when the case has no town to compare it with.
func Match(text string, buyer tracker.Address) Result {
	buyer.Country = strings.ToUpper(strings.TrimSpace(buyer.Country))
	words := Words(text)
	if len(words) == 0 {
		return Result{Unknown, "no place given"}
	}
	city := Words(cityPart(buyer.City))
	if len(city) > 0 && (containsTown(words, city) || containsCJK(text, buyer.City)) {
		return Result{Same, "the place names your town"}
	}
	pc, found := postcodeIn(text, buyer)
	if found && pc == normPostcode(buyer.Postcode, buyer.Country) {
		return Result{Same, "the postcode is yours"}
	}
	if c := countryIn(words); c != "" && buyer.Country != "" && c != buyer.Country {
		return Result{Different, "the place is in " + tracker.CountryName(c)}
	}
	if found {
		return Result{Different, "postcode " + pc + " is not yours (" + buyer.Postcode + ")"}
	}
	if len(city) == 0 || !namesTown(text, words) {
		return Result{Unknown, "the place names no town to compare with yours"}
	}
	return Result{Different, "the page names another town"}
}

// containsCJK reports a town written in Chinese, Japanese or Korean inside a place in the same
// script, where no spaces part the words: 深圳宝安区二部 is in 深圳 (the trailing 市, "city",
// is often left out).
func containsCJK(text, city string) bool {
	town := strings.TrimSuffix(strings.TrimSpace(cityPart(city)), "市")
	return len([]rune(town)) >= 2 && isCJK(town) && strings.Contains(text, town)
}

// cityPart drops what buyers type after the town: "São Paulo - SP", "Austin, TX".
func cityPart(s string) string {
	for _, sep := range []string{",", " - ", "(", "/"} {
		if i := strings.Index(s, sep); i > 0 {
			s = s[:i]
		}
	}
	return s
}

// Words folds s into lower-case words without accents, Cyrillic spelled in Latin letters and
// punctuation dropped: "UP Kraków 1" -> [up krakow 1], "Москва" -> [moskva]. Spellings of one
// name that pages and buyers mix are made equal too: "St"/"Sankt" before a name is "saint",
// "Ft" "fort", "Mt" "mount", and the German ue/oe/ae for ü/ö/ä ("ZUERICH" -> zurich).
func Words(s string) []string {
	f := translit(history.Fold(s))
	words := strings.FieldsFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for i, w := range words {
		// Only before another word: "HELENA MT" is Montana, "MT VERNON" Mount Vernon.
		if full, ok := abbreviations[w]; ok && i+1 < len(words) && strings.IndexFunc(words[i+1], unicode.IsLetter) == 0 {
			w = full
		}
		if strings.Contains(w, "ae") || strings.Contains(w, "oe") || strings.Contains(w, "ue") {
			w = umlautSpelling.Replace(w) // Replace copies even when nothing matches
		}
		words[i] = w
	}
	return words
}

// abbreviations are the short forms of the words town names start with.
var abbreviations = map[string]string{
	"st": "saint", "sankt": "saint", "ste": "sainte", "ft": "fort", "mt": "mount",
}

// umlautSpelling folds the two-letter spelling of ä, ö and ü to the letter Fold leaves.
var umlautSpelling = strings.NewReplacer("ae", "a", "oe", "o", "ue", "u")

// containsTown reports whether town (or another name of it) appears as whole words in words.
// A town the buyer typed with a qualifier ("Frankfurt am Main", "Newcastle upon Tyne") also
// matches its first part, which is how most pages print it.
func containsTown(words, town []string) bool {
	for i, w := range town {
		if i > 0 && qualifiers[w] && hasRun(words, town[:i]) {
			return true
		}
	}
	for _, name := range namesOf(town) {
		if hasRun(words, name) {
			return true
		}
	}
	return false
}

// qualifiers join a town's name to the river, region or sea that tells it from namesakes.
var qualifiers = map[string]bool{
	"am": true, "an": true, "im": true, "ob": true, "bei": true, "upon": true, "on": true,
	"under": true, "sur": true, "sous": true, "en": true,
}

func hasRun(words, run []string) bool {
	for i := 0; i+len(run) <= len(words); i++ {
		ok := true
		for j := range run {
			if words[i+j] != run[j] {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// namesTown reports whether the place holds a word that can be a town: not a postcode, a
// two-letter state code or a word like "post office" or "delivery".
func namesTown(text string, words []string) bool {
	states := map[string]bool{}
	for _, f := range strings.Fields(text) {
		f = strings.Trim(f, ",.-/()")
		if len(f) == 2 && strings.ToUpper(f) == f {
			states[strings.ToLower(f)] = true
		}
	}
	for _, w := range words {
		if isCJK(w) {
			w = cjkFacilities.Replace(w)
		}
		if !generic[w] && !states[w] && !isCountryWord(w) && strings.IndexFunc(w, unicode.IsLetter) >= 0 && len([]rune(w)) > 1 {
			return true
		}
	}
	return false
}
