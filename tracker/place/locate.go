package place

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"proofpack/tracker"
)

// NearKM is how far apart two town centres may lie and still be one delivery area. GeoNames
// gives one point per town, a large town's addresses lie up to 15-20 km from it, and postal
// place names follow the delivery office rather than the municipality (USPS prints Round
// Rock, 27 km from Austin's centre, for parts of north Austin). Within this distance a
// delivery in "another town" may be the buyer's own door, so it is a warning, never an
// accusation; beyond it the town is certainly not the buyer's.
const NearKM = 30

// metropolis is the population from which a foreign town's name alone (no country printed
// beside it) is taken to mean that town: "SHENZHEN" on a Berlin buyer's page is Shenzhen,
// while a small foreign village that shares a word of the place is a coincidence.
const metropolis = 500_000

// Location is what the gazetteer makes of a delivery place.
type Location struct {
	Verdict Verdict // Same, Near, Different, Unclear or Unknown
	Reason  string  // the words that decided it, for the flag's message
	Town    Town    // the delivery town, when Near or Different found one
	KM      float64 // its distance from the buyer's town; 0 when not known
	AtLeast bool    // KM is the least of several: the buyer's town name has namesakes
}

// Locate compares a delivery place with the buyer's address as Match does, then checks every
// "different" answer against the gazetteer, because a wrong "elsewhere" accuses an honest
// seller: a place that names no town we know (a depot, "Centre Courrier 06") is Unclear, a town
// that shares its name with others and no state or country printed to tell them apart is
// Unclear, a district of the buyer's town is Same, a town within NearKM is Near, and only a
// known town farther away (or another country) is Different, with its distance.
func Locate(text string, buyer tracker.Address) Location {
	m := Match(text, buyer)
	if m.Verdict != Different {
		return Location{Verdict: m.Verdict, Reason: m.Reason}
	}
	buyer.Country = strings.ToUpper(strings.TrimSpace(buyer.Country))
	words := Words(text)
	abroad := countryIn(words)
	if abroad == buyer.Country {
		abroad = ""
	}
	g := gazetteer()
	runs := g.townsIn(text, words, cmp.Or(abroad, buyer.Country), abroad != "")
	home := g.candidates(buyer.City, buyer.Country, hints(buyer.City))
	quoted := "'" + strings.TrimSpace(text) + "'"

	for _, r := range runs {
		for _, t := range r.towns {
			for _, h := range home {
				if t == h {
					return Location{Verdict: Same, Reason: r.name + " is another name of your town"}
				}
				if t.Section && Distance(t, h) <= NearKM {
					return Location{Verdict: Same, Reason: r.name + " is a district of your town"}
				}
			}
		}
	}
	if len(runs) == 0 {
		if abroad != "" {
			return Location{Verdict: Different, Reason: m.Reason}
		}
		if d, ok := frenchDepartment(words, buyer); ok {
			return Location{Verdict: Different, Reason: "the place is in département " + d + ", your postcode in " + buyer.Postcode[:2]}
		}
		return Location{Verdict: Unclear, Reason: quoted + " names no town we know"}
	}
	if len(home) == 0 {
		if abroad != "" {
			return Location{Verdict: Different, Reason: m.Reason}
		}
		return Location{Verdict: Unclear, Reason: "your town is not in the list of towns, so the distance to " + quoted + " is not known"}
	}
	// Any reading of the place near the buyer makes it near: the page may mean that town.
	var near Location
	for _, r := range runs {
		for _, t := range r.towns {
			for _, h := range home {
				if d := Distance(t, h); d <= NearKM && (near.Verdict != Near || d < near.KM) {
					near = Location{Verdict: Near, Town: t, KM: d, Reason: t.Name + " is a neighbouring town"}
				}
			}
		}
	}
	if near.Verdict == Near {
		return near
	}
	var where Town
	for _, r := range runs {
		if t, ok := dominant(r.towns); ok && t.Population > where.Population {
			where = t
		}
	}
	if where.Name == "" {
		return Location{Verdict: Unclear, Reason: "several towns are called " + runs[0].name + " and the page does not say which"}
	}
	loc := Location{Verdict: Different, Town: where, Reason: m.Reason}
	if h, ok := dominant(home); ok {
		loc.KM = Distance(where, h)
	} else {
		loc.AtLeast = true
		loc.KM = Distance(where, home[0])
		for _, h := range home[1:] {
			loc.KM = min(loc.KM, Distance(where, h))
		}
	}
	if abroad == "" {
		loc.Reason = where.Name + " is another town"
	}
	return loc
}

// run is a stretch of a place that names towns.
type run struct {
	name  string // as the page wrote it (folded)
	towns []Town
}

// maxRun is the most words a town name takes: "sao jose dos campos", "santiago de compostela".
const maxRun = 5

// townsIn finds the town names in a place, longest first: "SANTIAGO DE COMPOSTELA" is one town,
// not Santiago. A stretch of generic words ("post office", "centre") is never a town, even
// where a village bears that name. Towns are those of country; a foreign metropolis counts too
// unless the page printed a country (strict).
func (g *table) townsIn(text string, words []string, country string, strict bool) []run {
	hint := hints(text)
	var out []run
	for i := 0; i < len(words); {
		if isCJK(words[i]) {
			out = append(out, g.townsInCJK(words[i], country, strict)...)
			i++
			continue
		}
		found := false
		for j := min(len(words), i+maxRun); j > i; j-- {
			if onlyGeneric(words[i:j]) {
				continue
			}
			name := strings.Join(words[i:j], " ")
			if towns := g.filter(name, country, strict, hint); len(towns) > 0 {
				out = append(out, run{name, towns})
				i, found = j, true
				break
			}
		}
		if !found {
			i++
		}
	}
	return out
}

// townsInCJK finds town names inside a word of Chinese, Japanese or Korean, which has no spaces:
// 深圳宝安区二部 holds 深圳.
func (g *table) townsInCJK(w, country string, strict bool) []run {
	rs := []rune(w)
	var out []run
	for i := 0; i < len(rs); {
		found := false
		for j := min(len(rs), i+8); j >= i+2; j-- {
			name := string(rs[i:j])
			if cjkGeneric[name] {
				continue
			}
			if towns := g.filter(name, country, strict, nil); len(towns) > 0 {
				out = append(out, run{name, towns})
				i, found = j, true
				break
			}
		}
		if !found {
			i++
		}
	}
	return out
}

// cjkGeneric are Chinese words of branch and depot names that are also the names of villages
// in the gazetteer: 中心 (centre, Zhongxin), 口岸 (port of entry, Kou'an), 城区 (urban district).
var cjkGeneric = map[string]bool{"中心": true, "口岸": true, "城区": true}

// filter looks up a folded name and keeps the towns of country (and, when the place printed a
// state code that some of them bear, those of that state); unless strict, a foreign metropolis
// whose name has five letters or more when no town of country bears the name.
func (g *table) filter(key string, country string, strict bool, hint map[string]bool) []Town {
	towns := g.lookup(key)
	var in, big []Town
	for _, t := range towns {
		switch {
		case t.Country == country:
			in = append(in, t)
		case !strict && t.Population >= metropolis && len(key) >= 5:
			big = append(big, t)
		}
	}
	if len(in) == 0 {
		in = big
	}
	var st []Town
	for _, t := range in {
		if hint[t.Admin1] || hint[regionCodes[t.Country][t.Admin1]] {
			st = append(st, t)
		}
	}
	if len(st) > 0 {
		return st
	}
	return in
}

// candidates are the towns the buyer's address may mean.
func (g *table) candidates(city, country string, hint map[string]bool) []Town {
	towns := g.filter(Key(cityPart(city)), country, true, hint)
	if len(towns) == 0 && isCJK(city) {
		towns = g.filter(Key(strings.TrimSuffix(cityPart(city), "市")), country, true, hint)
	}
	return towns
}

// dominant returns the town a name means when one town is so much bigger than its namesakes
// (ten times) that a page would not print the name bare for any other: Denver is Denver,
// Colorado; Springfield is no one town.
func dominant(towns []Town) (Town, bool) {
	if len(towns) == 0 {
		return Town{}, false
	}
	s := slices.Clone(towns)
	slices.SortFunc(s, func(a, b Town) int { return cmp.Compare(b.Population, a.Population) })
	return s[0], len(s) == 1 || s[0].Population >= 10*s[1].Population
}

// hints are the upper-case codes of two or three letters printed in a place or an address, which
// name states and provinces: "AUSTIN, TX", "RECIFE - PE".
func hints(text string) map[string]bool {
	m := map[string]bool{}
	for _, f := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if n := len(f); (n == 2 || n == 3) && strings.ToUpper(f) == f && f[0] < unicode.MaxASCII {
			m[f] = true
		}
	}
	return m
}

func onlyGeneric(words []string) bool {
	for _, w := range words {
		if !generic[w] && !isCountryWord(w) {
			return false
		}
	}
	return true
}

func isCJK(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool {
		return unicode.In(r, unicode.Han, unicode.Hangul, unicode.Hiragana, unicode.Katakana)
	})
}

// RoundKM rounds a distance as a finding states it: to the kilometre below 100 km, to ten
// kilometres above (town centres are points; the buyer's door is not).
func RoundKM(km float64) int {
	if km < 100 {
		return int(math.Round(km))
	}
	return int(math.Round(km/10)) * 10
}

// KMText writes a rounded distance with a space between thousands: "2 130 km".
func KMText(km int) string {
	s := strconv.Itoa(km)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + " " + s[i:]
	}
	return s + " km"
}

// departmentSites are the words of La Poste's mail centres and platforms, which end with the
// number of their département: "Centre Courrier 06", "PPDC 69".
var departmentSites = map[string]bool{"courrier": true, "ppdc": true, "pic": true, "pfc": true, "cdis": true, "plateforme": true}

// frenchDepartment reports the département of a French mail centre named by its number when
// the buyer's postcode (whose first two digits are the buyer's département) is in another: a
// parcel delivered by the Alpes-Maritimes centre (06) was not delivered in Lyon (69). The same
// département says nothing: it holds many towns. Corsica (20, 2A, 2B) is left out.
func frenchDepartment(words []string, buyer tracker.Address) (string, bool) {
	pc := normPostcode(buyer.Postcode, buyer.Country)
	if buyer.Country != "FR" || len(pc) != 5 || pc[:2] == "20" || len(words) < 2 {
		return "", false
	}
	d := words[len(words)-1]
	if len(d) != 2 || d < "01" || d > "95" || d == "20" || shape(d) != "99" {
		return "", false
	}
	site := false
	for _, w := range words[:len(words)-1] {
		site = site || departmentSites[w]
	}
	return d, site && d != pc[:2]
}

// regionCodes are the postal abbreviations of the states and provinces whose GeoNames admin1
// codes are numbers (US states are already their abbreviations): "RECIFE - PE" is Pernambuco.
var regionCodes = map[string]map[string]string{
	"BR": {"01": "AC", "02": "AL", "03": "AP", "04": "AM", "05": "BA", "06": "CE", "07": "DF", "08": "ES",
		"29": "GO", "13": "MA", "14": "MT", "11": "MS", "15": "MG", "16": "PA", "17": "PB", "18": "PR",
		"30": "PE", "20": "PI", "21": "RJ", "22": "RN", "23": "RS", "24": "RO", "25": "RR", "26": "SC",
		"27": "SP", "28": "SE", "31": "TO"},
	"CA": {"01": "AB", "02": "BC", "03": "MB", "04": "NB", "05": "NL", "07": "NS", "08": "ON", "09": "PE",
		"10": "QC", "11": "SK", "12": "YT", "13": "NT", "14": "NU"},
}
