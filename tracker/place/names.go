package place

import (
	"cmp"
	"slices"
	"strings"

	"proofpack/tracker"
)

// towns lists towns known by several names on tracking pages: the local name, the English and
// other exonyms, and transliterations (already folded, see Words). New York holds its boroughs
// because a delivery in Brooklyn is a delivery in New York.
var towns = [][]string{
	{"krakow", "cracow", "krakau", "cracovia", "cracovie"},
	{"warszawa", "warsaw", "warschau", "varsovie", "varsovia", "varsavia"},
	{"wroclaw", "breslau"},
	{"gdansk", "danzig"},
	{"poznan", "posen"},
	{"lodz", "lodsch"},
	{"moskva", "moscow", "moskau", "moscou", "mosca", "moscu"},
	{"sankt peterburg", "saint petersburg", "st petersburg", "petersburg", "spb"},
	{"nizhniy novgorod", "nizhny novgorod", "nizhnii novgorod"},
	{"kiev", "kyiv", "kiyev", "kiew", "kyiev", "kiyiv"}, // kiyiv: Київ letter by letter
	{"sao paulo", "sampa"},
	{"rio de janeiro", "rio"},
	{"new york", "new york city", "nyc", "manhattan", "brooklyn", "queens", "bronx", "staten island"},
	{"munchen", "muenchen", "munich", "monaco di baviera", "munique"},
	{"koln", "koeln", "cologne", "colonia"},
	{"nurnberg", "nuernberg", "nuremberg"},
	{"wien", "vienna", "vienne", "viena"},
	{"roma", "rome"},
	{"milano", "milan", "milao"},
	{"napoli", "naples", "napoles"},
	{"firenze", "florence", "florencia"},
	{"torino", "turin"},
	{"venezia", "venice", "venise", "venedig"},
	{"lisboa", "lisbon", "lisbonne", "lissabon"},
	{"sevilla", "seville"},
	{"zaragoza", "saragossa"},
	{"bruxelles", "brussel", "brussels", "bruselas"},
	{"praha", "prague", "prag", "praga"},
	{"beijing", "peking", "pekin"},
	{"guangzhou", "canton"},
	{"mexico city", "ciudad de mexico", "cdmx"},
}

// townIndex files each name's words (as Words spells them) under every name of its town.
var townIndex = func() map[string][][]string {
	m := map[string][][]string{}
	for _, group := range towns {
		var names [][]string
		for _, n := range group {
			names = append(names, Words(n))
		}
		for _, n := range names {
			m[strings.Join(n, " ")] = names
		}
	}
	return m
}()

// namesOf returns the town's words and those of its other names.
func namesOf(town []string) [][]string {
	return append([][]string{town}, townIndex[strings.Join(town, " ")]...)
}

// countryNames maps folded country names, English and local, to ISO codes. Georgia and Jordan
// are left out: the first is a US state and both are common town and street words.
var countryNames = func() map[string]string {
	m := map[string]string{}
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			code := string([]rune{a, b})
			if n := tracker.CountryName(code); n != "" && code != "GE" && code != "JO" {
				m[strings.Join(Words(n), " ")] = code
			}
		}
	}
	for n, code := range map[string]string{
		"usa": "US", "united states of america": "US", "uk": "GB", "great britain": "GB", "england": "GB",
		"russia": "RU", "rossiya": "RU", "rossiia": "RU", "brasil": "BR", "polska": "PL", "deutschland": "DE",
		"espana": "ES", "italia": "IT", "francia": "FR", "turkey": "TR", "prc": "CN", "中国": "CN",
		"niemcy": "DE", "chiny": "CN", "kitai": "CN", "kitay": "CN", "germania": "DE", "alemanha": "DE",
		"alemania": "DE", "allemagne": "DE", "chine": "CN", "cina": "CN",
	} {
		m[strings.Join(Words(n), " ")] = code
	}
	return m
}()

// countryRuns are countryNames split into words once, longest names first so that "united
// states of america" is read before "united states".
var countryRuns = func() (out []countryRun) {
	for n, code := range countryNames {
		out = append(out, countryRun{strings.Fields(n), code})
	}
	slices.SortFunc(out, func(a, b countryRun) int {
		return cmp.Or(cmp.Compare(len(b.words), len(a.words)), cmp.Compare(strings.Join(a.words, " "), strings.Join(b.words, " ")))
	})
	return out
}()

type countryRun struct {
	words []string
	code  string
}

// countryIn returns the code of a country named in the place, or "". "New" before a country's
// name makes it a US state or a town (New Mexico, New Jersey), not that country. Of several
// countries named, the one whose name comes first in countryRuns (the longest) wins.
func countryIn(words []string) string {
	best := -1
	for i, w := range words {
		if i > 0 && words[i-1] == "new" {
			continue
		}
		for _, k := range countryStarts[w] {
			c := countryRuns[k]
			if (best < 0 || k < best) && hasRun(words[i:min(len(words), i+len(c.words))], c.words) {
				best = k
			}
		}
	}
	if best < 0 {
		return ""
	}
	return countryRuns[best].code
}

// countryStarts files the countryRuns (by index) under their first word, so countryIn looks at
// the few names a word can start rather than at all of them.
var countryStarts = func() map[string][]int {
	m := map[string][]int{}
	for k, c := range countryRuns {
		m[c.words[0]] = append(m[c.words[0]], k)
	}
	return m
}()

// isCountryWord reports words that belong to a country name, so "UNITED STATES" names no town.
func isCountryWord(w string) bool { return countryWords[w] }

var countryWords = func() map[string]bool {
	m := map[string]bool{}
	for n := range countryNames {
		for _, w := range strings.Fields(n) {
			m[w] = true
		}
	}
	return m
}()

// generic words name a kind of place, not a town: a facility, or the buyer's own door (a
// delivery "at the front door" says nothing about the town). Depots and mail centres are left
// out on purpose where their name alone is the place ("Centre Courrier 06"): Locate asks the
// buyer about those.
var generic = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`post office postal postale posta poste pochta poczta urzad pocztowy pocztowa
		up fup filia paczkomat agencia agency cdd cte ac unidade distribuicao tratamento delivery delivered centre center
		centro facility hub depot station branch mailbox mail box porch door front reception mailroom parcel locker
		neighbour neighbor pickup point sorting international network unit local carrier usps ups dhl fedex correios
		the of de da do la le el del des du di and et und i в на otdelenie ops sc msc tsekh mpo city town county
		zentrum paketzentrum filiale bureau distribution terminal warehouse route gateway area regional
		door front back side garage desk left with individual residence room concierge agent apartment building
		safe place letterbox shed recipient addressee nachbar haustur briefkasten terrasse empfanger vizinho caixa
		portaria vecino buzon conserjeria voisin boite aux lettres gardien vicino cassetta portineria destinatario
		destinataire adresat in at to`) {
		for _, x := range Words(w) {
			m[x] = true
		}
	}
	return m
}()

// cjkFacilities are the Chinese words of lockers, parcel stations and doors that pages print
// as the delivery place (菜鸟驿站, 丰巢智能柜, 门卫): without a town left beside them, the place
// names no town. namesTown deletes them from a word, which has no spaces to split on.
var cjkFacilities = strings.NewReplacer(
	"菜鸟驿站", "", "菜鸟", "", "驿站", "", "丰巢", "", "智能快递柜", "", "智能柜", "", "快递柜", "", "快递", "",
	"代收点", "", "代收", "", "门卫", "", "前台", "", "物业", "", "家门口", "", "本人签收", "", "签收", "",
	"传达室", "", "收发室", "", "自提点", "", "自提柜", "",
)
