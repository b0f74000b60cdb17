package carrier

import (
	"fmt"
	"net/url"
	"strings"

	"proofpack/tracker"
)

// Link roles, as Link.Role spells them.
const (
	RoleOrigin      = "origin"      // the carrier that issued the number (for S10: the origin post)
	RoleDestination = "destination" // the post of the buyer's country, for S10 numbers
	RoleUniversal   = "universal"   // a tracker that follows the parcel across carriers
)

type carrierEntry struct {
	*carrierInfo
	post bool
}

var (
	byID     = map[string]carrierEntry{}
	byDomain = map[string]string{}
)

func init() {
	add := func(list []carrierInfo, post bool) {
		for i := range list {
			c := &list[i]
			if _, dup := byID[c.ID]; dup {
				panic(fmt.Sprintf("carrier: %q listed twice", c.ID))
			}
			byID[c.ID] = carrierEntry{c, post}
			for _, d := range c.Domains {
				if other, dup := byDomain[d]; dup {
					panic(fmt.Sprintf("carrier: domain %s belongs to %s and %s", d, other, c.ID))
				}
				byDomain[d] = c.ID
			}
		}
	}
	add(couriers, false)
	add(posts, true)
	for cc, id := range postByCountry {
		if _, ok := byID[id]; !ok || tracker.CountryName(cc) == "" {
			panic(fmt.Sprintf("carrier: post of %s is %q, which is not listed", cc, id))
		}
	}
}

// Name returns a carrier's name for display; ids it does not know come back unchanged.
func Name(carrierID string) string {
	if c, ok := byID[carrierID]; ok {
		return c.Name
	}
	if isPost(carrierID) {
		return "national post of " + tracker.CountryName(strings.ToUpper(carrierID[5:]))
	}
	return carrierID
}

// CarrierOfLink names the carrier whose site a link points to, by its host name: the link a
// seller sent may belong to another carrier than the number (a UPS link for a USPS number).
func CarrierOfLink(link string) (carrier string, ok bool) {
	link = strings.TrimSpace(link)
	if !strings.Contains(link, "://") {
		link = "https://" + link
	}
	u, err := url.Parse(link)
	if err != nil {
		return "", false
	}
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	for host != "" {
		if id, ok := byDomain[host]; ok {
			return id, true
		}
		_, rest, found := strings.Cut(host, ".")
		if !found {
			break
		}
		host = rest
	}
	return "", false
}

// carrierLink is carrierID's page for the number: its tracking page, else its search page. A
// carrier with neither (a post we know only by country) gets the universal tracker, which shows
// that post's scans, still labelled with the role asked for.
func carrierLink(carrierID, role, number string) Link {
	if c, ok := byID[carrierID]; ok {
		if c.Track != "" {
			return Link{Role: role, Carrier: carrierID, URL: fill(c.Track, number), NumberInURL: true}
		}
		if c.Search != "" {
			return Link{Role: role, Carrier: carrierID, URL: c.Search}
		}
	}
	l := universalLink(number)
	l.Role = role
	return l
}

func universalLink(number string) Link {
	return Link{Role: RoleUniversal, Carrier: universalID, URL: fill(byID[universalID].Track, number), NumberInURL: true}
}

// fill puts the number into a template; numbers are letters, digits and at most a dash, so
// escaping is only a guard.
func fill(template, number string) string {
	return strings.ReplaceAll(template, "{n}", url.PathEscape(number))
}

// links lists the pages for one candidate: the carrier's, for S10 numbers the origin post's
// (and its extras) and the destination post's, then the universal tracker.
func links(m Match, carrierID, number, country string) []Link {
	var out []Link
	out = append(out, carrierLink(carrierID, RoleOrigin, number))
	if m.Format.ID == s10Format.ID {
		origin := m.Number[11:13]
		if extra, ok := postExtras[origin]; ok {
			out = append(out, carrierLink(extra, RoleOrigin, number))
		}
		if country != "" && country != origin {
			out = append(out, carrierLink(postOf(country), RoleDestination, number))
		}
	}
	if carrierID != universalID {
		out = append(out, universalLink(number))
	}
	return out
}
