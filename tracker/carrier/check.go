package carrier

import (
	"strings"

	"proofpack/tracker"
)

// maxCandidates bounds the formats one number can fit; the table has far fewer overlaps.
const maxCandidates = 16

// Check cleans input and returns every carrier format it fits, best first, each with its check
// digit verdict, decoded fields and tracking links, plus the number-level flags. It never fails:
// input that fits nothing comes back with the unknown_format flag.
func Check(input string, opt Options) Result {
	n, fixes := Normalize(input)
	country := strings.ToUpper(strings.TrimSpace(opt.Country))
	if tracker.CountryName(country) == "" {
		country = ""
	}
	res := Result{Input: input, Normalized: n, Fixes: fixes, Candidates: []Candidate{}}
	if res.Fixes == nil {
		res.Fixes = []string{}
	}
	var buf [maxCandidates]Match
	for i, m := range Detect(n, buf[:0]) {
		c := candidate(m, country)
		// A check digit that holds by chance behind a better reading of another carrier (USPS's
		// 20 digits behind DHL Paket's "00340...") is no certainty.
		if i > 0 && c.Confidence == "high" && res.Candidates[0].CheckDigit == CheckValid && res.Candidates[0].Carrier != c.Carrier {
			c.Confidence = "medium"
		}
		res.Candidates = append(res.Candidates, c)
	}
	if opt.SellerLink != "" {
		res.LinkCarrier, _ = CarrierOfLink(opt.SellerLink)
	}
	res.Flags = numberFlags(res, country)
	return res
}

func candidate(m Match, country string) Candidate {
	f := m.Format
	c := Candidate{
		Carrier:    f.Carrier,
		Format:     f.ID,
		Name:       f.Name,
		CheckDigit: m.CheckDigit,
		Number:     m.Number,
		Confidence: confidence(m),
	}
	if f.CarrierOf != nil {
		c.Carrier = f.CarrierOf(m.Number)
		c.Name = Name(c.Carrier) + ": " + f.Name
	}
	if f.Printed != nil {
		c.Number = f.Printed(m.Number)
	}
	if f.Decode != nil {
		c.Fields = f.Decode(m.Number)
	}
	if m.Routing != "" {
		if c.Fields == nil {
			c.Fields = map[string]string{}
		}
		c.Fields["destination_zip"] = m.Routing[3:]
	}
	c.Links = links(m, c.Carrier, c.Number, country)
	return c
}

func confidence(m Match) string {
	switch {
	case m.CheckDigit == CheckValid:
		return "high"
	case m.CheckDigit == CheckNone && !m.Format.Weak:
		return "medium"
	}
	return "low"
}
