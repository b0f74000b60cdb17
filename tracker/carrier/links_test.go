package carrier

import (
	"strings"
	"testing"

	"proofpack/tracker"
)

func countryKnown(cc string) bool { return tracker.CountryName(cc) != "" }

func roles(c Candidate) map[string]int {
	m := map[string]int{}
	for _, l := range c.Links {
		m[l.Role]++
	}
	return m
}

// TestS10DestinationLinks: for every destination country with a post listed, an S10 number
// from China gets the origin post, Cainiao, the destination post and 17TRACK.
func TestS10DestinationLinks(t *testing.T) {
	const n = "RR123456785CN"
	checked := 0
	for cc, post := range postByCountry {
		if cc == "CN" {
			continue
		}
		r := Check(n, Options{Country: strings.ToLower(cc)})
		c := r.Candidates[0]
		var dest *Link
		for i, l := range c.Links {
			if l.Role == RoleDestination {
				dest = &c.Links[i]
			}
		}
		if dest == nil || dest.Carrier != post {
			t.Errorf("%s: want destination link of %s, got %+v", cc, post, c.Links)
			continue
		}
		if dest.NumberInURL != strings.Contains(dest.URL, n) || !strings.HasPrefix(dest.URL, "https://") {
			t.Errorf("%s: destination link %+v", cc, dest)
		}
		if c.Links[0].Carrier != "china_post" || c.Links[1].Carrier != "cainiao" || c.Links[len(c.Links)-1].Role != RoleUniversal {
			t.Errorf("%s: links %+v", cc, c.Links)
		}
		checked++
	}
	if checked < 30 {
		t.Errorf("destination links checked for %d countries, want at least 30", checked)
	}
	// The destination is the origin, or unknown: no destination link.
	for _, opt := range []Options{{Country: "CN"}, {}, {Country: "ZZ"}} {
		if got := roles(Check(n, opt).Candidates[0])[RoleDestination]; got != 0 {
			t.Errorf("%+v: %d destination links", opt, got)
		}
	}
	// A destination post we hold no page for still gets a link, through the universal tracker.
	c := Check(n, Options{Country: "BF"}).Candidates[0]
	if roles(c)[RoleDestination] != 1 {
		t.Errorf("BF: links %+v", c.Links)
	}
}

func TestCarrierOfLink(t *testing.T) {
	tests := []struct{ link, want string }{
		{"https://www.ups.com/track?loc=en_US&tracknum=1Z5R89390357567127", "ups"},
		{"https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111206206406260787", "usps"},
		{"http://WWW.FEDEX.COM/fedextrack/?trknbr=1", "fedex"},
		{"www.royalmail.com/track-your-item", "royal_mail"},
		{"https://t.17track.net/en#nums=RR123456785CN", "17track"},
		{"https://global.cainiao.com/detail.htm?mailNoList=LP00123456789012", "cainiao"},
		{"https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=1", "deutsche_post"},
		{"https://www.dhl.com/en/express/tracking.html?AWB=1", "dhl"},
		{"https://evil-ups.com/track", ""},
		{"https://ups.com.example.org/", ""},
		{"not a link at all", ""},
		{"", ""},
		{"https://[::1", ""},
	}
	for _, tt := range tests {
		got, ok := CarrierOfLink(tt.link)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("CarrierOfLink(%q) = %q, %v; want %q", tt.link, got, ok, tt.want)
		}
	}
}

func TestLinkMismatch(t *testing.T) {
	const usps = "9400111206206406260787"
	tests := []struct {
		number, country, link string
		mismatch              bool
	}{
		{usps, "", "https://www.ups.com/track?tracknum=" + usps, true},
		{usps, "", "https://tools.usps.com/go/TrackConfirmAction?tLabels=" + usps, false},
		{usps, "", "https://t.17track.net/en#nums=" + usps, false},        // universal
		{usps, "", "https://example.com/track/" + usps, false},            // unknown site: not judged
		{"RR123456785CN", "DE", "https://www.dhl.de/?piececode=1", false}, // destination post
		{"RR123456785CN", "DE", "https://global.cainiao.com/detail.htm", false},
		{"RR123456785CN", "DE", "https://www.royalmail.com/track-your-item", true},
		{"RR123456785CN", "", "https://www.royalmail.com/track-your-item", false}, // may be the destination
		{"RR123456785CN", "", "https://www.fedex.com/fedextrack/", true},
		{"1Z5R89390357567127", "", "https://www.fedex.com/fedextrack/", true},
		// A consolidator number gets a new last-mile number: a link to another carrier may be
		// right, so it is no certain mismatch.
		{"LP00123456789012", "", "https://www.yuntrack.com/parcelTracking?id=1", false},
		{"LP00123456789012", "US", "https://tools.usps.com/go/TrackConfirmAction?tLabels=9400", false},
		// DHL Paket numbers track on dhl.com too; an 11-digit number may be GLS's.
		{"00340434161094042557", "", "https://www.dhl.com/de-en/home/tracking/tracking-parcel.html", false},
		{"50346007538", "", "https://gls-group.com/track/50346007538", false},
		// Only broad shapes fit: not sure enough to blame the link.
		{"05308801410058", "", "https://www.ups.com/track", false},
		{"hello", "", "https://www.ups.com/", false}, // nothing to compare with
	}
	for _, tt := range tests {
		r := Check(tt.number, Options{Country: tt.country, SellerLink: tt.link})
		if hasFlag(r, "link_mismatch") != tt.mismatch {
			t.Errorf("%s (%s) with %s: link_mismatch %v, want %v", tt.number, tt.country, tt.link, !tt.mismatch, tt.mismatch)
		}
		if tt.mismatch {
			_, action := flagOf(r, "link_mismatch")
			if right := rightLink(r.Candidates[0]); !strings.Contains(action, right.URL) {
				t.Errorf("%s: action %q does not offer %s", tt.number, action, right.URL)
			}
		}
	}
}

// TestTemplatesAreData: every template is https, carries {n} once, and says where it came from.
func TestTemplatesAreData(t *testing.T) {
	for _, list := range [][]carrierInfo{couriers, posts} {
		for _, c := range list {
			if c.Track != "" && (strings.Count(c.Track, "{n}") != 1 || !strings.HasPrefix(c.Track, "https://")) {
				t.Errorf("%s: template %q", c.ID, c.Track)
			}
			if c.Search != "" && !strings.HasPrefix(c.Search, "https://") {
				t.Errorf("%s: search page %q", c.ID, c.Search)
			}
			if c.Source == "" || len(c.Domains) == 0 {
				t.Errorf("%s: no source or domains", c.ID)
			}
			if c.Checked != "" {
				if _, err := tracker.ParseDate(c.Checked); err != nil {
					t.Errorf("%s: checked %q: %v", c.ID, c.Checked, err)
				}
			}
		}
	}
	// Every carrier a format names has pages or is known by name.
	for _, f := range formats {
		if f.CarrierOf == nil {
			if _, ok := byID[f.Carrier]; !ok {
				t.Errorf("format %s: carrier %q is not listed", f.ID, f.Carrier)
			}
		}
	}
}
