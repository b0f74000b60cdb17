package carrier

import "fmt"

// Format is one kind of tracking number a carrier issues: a row of the rule table.
type Format struct {
	ID      string // unique, e.g. "fedex_12"; "s10" for UPU S10
	Carrier string // carrier id: the conformance suite's courier_code, else snake_case
	Name    string // carrier and format, for people
	// Shape is the anchored RE2 expression the cleaned number must fit (dashes and spaces are
	// already gone, letters uppercase).
	Shape string
	// Check reports whether the check digit holds; nil when the format carries none.
	Check func(n string) bool
	// Fits adds conditions a shape cannot say, such as "the last two letters are a country";
	// nil when the shape says it all.
	Fits func(n string) bool
	// Decode returns the fields the number spells out (service, origin country...); may be nil.
	Decode func(n string) map[string]string
	// CarrierOf names the carrier from the number itself (S10: the origin post); nil uses Carrier.
	CarrierOf func(n string) string
	// Printed spells the number the way the carrier prints it, for links; nil when n is that.
	Printed func(n string) string
	// Routing: the number may be preceded by a USPS routing code (420 + 5 or 9 digit ZIP).
	Routing bool
	// Weak marks shapes broad enough to fit numbers of other carriers by chance; they rank last.
	Weak bool
	// Relabelled marks consolidator numbers that get a new last-mile number on arrival.
	Relabelled bool
	// Unsure marks a check digit read from published samples, not from a specification that
	// says every number has one: it ranks the reading, but its failure proves no typo (a DHL
	// return label's 12 digits fail the Identcode sum that its parcel numbers pass).
	Unsure bool

	shape shape
}

// Check-digit verdicts, as Candidate.CheckDigit spells them.
const (
	CheckValid   = "valid"
	CheckInvalid = "invalid"
	CheckNone    = "none"
)

// Match is one format a cleaned number fits; Detect returns these without allocating.
type Match struct {
	Format     *Format
	Number     string // the part the format covers: without a USPS routing prefix
	Routing    string // the USPS routing prefix (420 + ZIP), when there is one
	CheckDigit string // CheckValid, CheckInvalid or CheckNone
}

// formats is the rule table, every carrier file's formats in one list; order breaks ranking ties.
var formats = concat(usFormats, europeFormats, domesticFormats, canadaFormats, chinaFormats, []Format{s10Format})

// maxIndexed is longer than any shape allows, the USPS routing prefix included.
const maxIndexed = 64

// byStart indexes formats by the first byte and the length a number can have: most numbers try
// only the two or three formats that could fit at all.
var byStart [128][maxIndexed + 1][]*Format

func concat(lists ...[]Format) []Format {
	var out []Format
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

func init() {
	seen := map[string]bool{}
	for i := range formats {
		f := &formats[i]
		if seen[f.ID] {
			panic(fmt.Sprintf("carrier: format %q listed twice", f.ID))
		}
		seen[f.ID] = true
		sh, err := compileShape(f.Shape)
		if err != nil {
			panic(fmt.Sprintf("carrier: format %s: %v", f.ID, err))
		}
		f.shape = sh
		if sh.maxLen+len("420")+9 > maxIndexed {
			panic(fmt.Sprintf("carrier: format %s: shape longer than maxIndexed", f.ID))
		}
		for _, c := range sh.firstBytes() {
			index(c, sh.minLen, sh.maxLen, f)
		}
		if f.Routing { // 420 + a 5 or 9 digit ZIP in front
			index('4', sh.minLen+8, sh.maxLen+12, f)
		}
	}
}

func index(c byte, minLen, maxLen int, f *Format) {
	for l := minLen; l <= maxLen; l++ {
		if list := byStart[c][l]; len(list) == 0 || list[len(list)-1] != f {
			byStart[c][l] = append(list, f)
		}
	}
}

// Formats returns the rule table, for documentation and tests; callers must not change it.
func Formats() []Format { return formats }

// Detect lists the formats a cleaned number (see Normalize) fits, best first, appending to dst.
// It builds no links and decodes no fields, so with a dst of spare capacity it allocates
// nothing: this is the hot path.
func Detect(n string, dst []Match) []Match {
	start := len(dst)
	if n == "" || n[0] >= 128 || len(n) > maxIndexed {
		return dst
	}
	for _, f := range byStart[n[0]][len(n)] {
		if m, ok := f.match(n, ""); ok {
			dst = append(dst, m)
		}
		if f.Routing && len(n) > 8 && n[:3] == "420" {
			for _, zip := range [2]int{5, 9} { // 420 + ZIP or ZIP+4
				if p := 3 + zip; len(n) > p {
					if m, ok := f.match(n[p:], n[:p]); ok {
						dst = append(dst, m)
					}
				}
			}
		}
	}
	rank(dst[start:])
	return dst
}

func (f *Format) match(n, routing string) (Match, bool) {
	if !f.shape.match(n) || f.Fits != nil && !f.Fits(n) {
		return Match{}, false
	}
	m := Match{Format: f, Number: n, Routing: routing, CheckDigit: CheckNone}
	if f.Check != nil {
		m.CheckDigit = CheckInvalid
		if f.Check(n) {
			m.CheckDigit = CheckValid
		}
	}
	return m, true
}

// rank orders matches: a holding check digit first, then shape-only formats (whose check digit
// we do not know), weak shapes after strong ones, failed check digits last; among equals a
// shape with a longer literal prefix first (DHL's "00340..." before USPS's bare 20 digits), then
// the table order. Insertion sort: the list is short and sort.Slice would allocate.
func rank(ms []Match) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && before(ms[j], ms[j-1]); j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

func before(a, b Match) bool {
	if sa, sb := score(a), score(b); sa != sb {
		return sa < sb
	}
	return a.Format.shape.fixed > b.Format.shape.fixed
}

func score(m Match) int {
	s := 0
	switch m.CheckDigit {
	case CheckNone:
		s = 2
	case CheckInvalid:
		s = 4
	}
	if m.Format.Weak {
		s++
	}
	return s
}
