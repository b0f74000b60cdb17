package carrier

import "proofpack/tracker"

// UPU S10: the 13-character international postal number, e.g. RR123456785CN. Two letters of
// service indicator, an 8-digit serial, a check digit (weights 8 6 4 2 3 5 9 7, mod 11) and the
// ISO 3166-1 code of the issuing post (UPU standard S10; research/carriers.md; checked
// 2026-11-22). Every ISO country is accepted, so posts missing from older lists (TW, MO, JE, GG,
// IM) are recognised; a code no country owns (XX, Yanwen's YP) is not an S10 number.
var s10Format = Format{
	ID: "s10", Name: "UPU S10 postal number",
	Shape:     `^[A-Z]{2}[0-9]{9}[A-Z]{2}$`,
	Fits:      func(n string) bool { return tracker.CountryName(n[11:13]) != "" },
	Check:     func(n string) bool { return checkChar(s10(n[2:10]), n[10]) },
	CarrierOf: func(n string) string { return postOf(n[11:13]) },
	Decode: func(n string) map[string]string {
		return map[string]string{
			"service_indicator":   n[:2],
			"service":             s10Service(n[:2]),
			"serial":              n[2:10],
			"origin_country":      n[11:13],
			"origin_country_name": tracker.CountryName(n[11:13]),
		}
	},
}

// s10Service names the UPU service indicator range a number's first two letters fall in.
func s10Service(ind string) string {
	a, b := ind[0], ind[1]
	switch a {
	case 'E':
		if b >= 'X' {
			return "EMS (bilateral)"
		}
		return "EMS express mail"
	case 'R':
		return "registered letter"
	case 'L':
		return "tracked letter (China Post ePacket uses LX/LN)"
	case 'C':
		return "parcel post"
	case 'H':
		return "e-commerce parcel"
	case 'U':
		return "letter post, usually tracked only until it leaves the origin country"
	case 'V':
		return "insured letter"
	case 'M':
		return "M-bag (printed matter in bulk)"
	case 'Q':
		if b <= 'M' {
			return "International Business Reply"
		}
	case 'A':
		if b >= 'V' {
			return "domestic or bilateral (RFID-tracked e-commerce)"
		}
	case 'B', 'D', 'N', 'P', 'Z':
		return "domestic or bilateral use"
	case 'G':
		if b == 'A' || b == 'D' {
			return "domestic or bilateral use"
		}
	}
	return "reserved by the UPU (unusual)"
}

// s10Untracked reports service indicators whose items are usually not tracked after export.
func s10Untracked(ind string) bool { return ind[0] == 'U' }
