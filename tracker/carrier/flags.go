package carrier

import (
	"fmt"
	"strings"

	"proofpack/tracker"
)

// numberFlags are the findings about the number itself, before any tracking page is read.
// Flags about the parcel's journey come from tracker/rules.
func numberFlags(res Result, country string) []tracker.Flag {
	flags := []tracker.Flag{}
	best, plausible := bestPlausible(res.Candidates)
	// The carrier's own spelling (LaserShip's "-1") is not something the buyer should unlearn.
	// Cleaning is worth a word only when it found a number.
	if len(res.Fixes) > 0 && len(res.Candidates) > 0 && !(plausible && best.Number == res.Input) {
		clean := res.Normalized
		if plausible {
			clean = best.Number
		}
		flags = append(flags, flag(tracker.FlagInputCleaned, tracker.Info,
			tracker.Say("The pasted number held characters that are not part of it (%s); it was checked as %s.",
				strings.Join(res.Fixes, "; "), clean),
			tracker.Say("Use %s when you write to the seller, the carrier or the marketplace.", clean)))
	}
	if len(res.Candidates) == 0 {
		return append(flags, unknownFormat(res.Normalized))
	}
	if f, ok := checkDigitMismatch(res.Candidates); ok {
		flags = append(flags, f)
	}
	if f, ok := numberUnclear(res.Candidates); ok {
		flags = append(flags, f)
	}
	if f, ok := linkMismatch(res, country); ok {
		flags = append(flags, f)
	}
	if !plausible {
		return flags
	}
	if best.Format == s10Format.ID {
		if s10Untracked(best.Number[:2]) {
			flags = append(flags, untrackedService(best))
		}
		if country != best.Number[11:13] {
			flags = append(flags, destinationTracking(best))
		}
	}
	if f := formatByID(best.Format); f != nil && f.Relabelled {
		flags = append(flags, flag(tracker.FlagNumberChangesOnArrive, tracker.Info,
			tracker.Say("%s: numbers like this belong to the shipping consolidator, and when the parcel reaches your country the local carrier often gives it a new number.", best.Name),
			tracker.Say("If the tracking stops, look on the %s page for a new number (often called last-mile or destination number) and track that one; or ask the seller for it.", Name(best.Carrier))))
	}
	return flags
}

// flag makes a flag whose message and next step keep their words for the window's language.
func flag(code string, sev tracker.Severity, msg, action tracker.Words) tracker.Flag {
	return tracker.Flag{Code: code, Severity: sev, Message: msg.String(), Action: action.String(), Exhibits: []int{}, Said: msg, Todo: action}
}

// or names alternatives as a sentence does: "A", "A or B", "A or B or C".
func or(names []string) any {
	if len(names) == 1 {
		return names[0]
	}
	return tracker.Say("%s or %s", or(names[:len(names)-1]), names[len(names)-1])
}

func unknownFormat(n string) tracker.Flag {
	msg := tracker.Say("No carrier we know uses tracking numbers shaped like %s.", quoteShort(n))
	if n == "" {
		msg = tracker.Say("No tracking number was given.")
	}
	return flag(tracker.FlagUnknownFormat, tracker.Warning, msg,
		tracker.Say("Compare it character by character with the seller's message and the order page. If it is copied right, ask the seller which carrier shipped the parcel and for that carrier's tracking link."))
}

// checkDigitMismatch speaks when every format the number fits has a check digit and it fails
// in all of them: a typo or a made-up number. When a format without a check digit also fits,
// the failed check digits prove nothing: the number is not recognised for sure, and
// numberUnclear asks the buyer instead.
func checkDigitMismatch(cs []Candidate) (tracker.Flag, bool) {
	failed, ok := allFailed(cs)
	if !ok {
		return tracker.Flag{}, false
	}
	return flag(tracker.FlagCheckDigitMismatch, tracker.Warning,
		tracker.Say("It fits the shape of %s, but its check digit does not add up: it is probably mistyped or made up.", or(failed)),
		tracker.Say("Check the number against the order page. If it is copied correctly, ask the seller for the real tracking number: a made-up number is evidence for your dispute.")), true
}

// allFailed lists the formats whose check digit fails, when those are all the number fits and
// each failure is proof (see Format.Unsure).
func allFailed(cs []Candidate) ([]string, bool) {
	var failed []string
	for _, c := range cs {
		if c.CheckDigit != CheckInvalid || unsure(c) {
			return nil, false
		}
		failed = append(failed, c.Name)
	}
	return failed, len(failed) > 0
}

// unsure reports a candidate whose check digit is read from samples only (Format.Unsure).
func unsure(c Candidate) bool {
	f := formatByID(c.Format)
	return f != nil && f.Unsure
}

// numberUnclear speaks when no check digit holds, some fail, and formats without a (sure) check
// digit fit too: which carrier issued the number is not known for sure, so nothing is said about it
// being made up; the buyer is asked what the seller said.
func numberUnclear(cs []Candidate) (tracker.Flag, bool) {
	var failed, open []string
	for _, c := range cs {
		switch c.CheckDigit {
		case CheckValid:
			return tracker.Flag{}, false
		case CheckInvalid:
			if unsure(c) {
				open = append(open, c.Name)
			} else {
				failed = append(failed, c.Name)
			}
		default:
			open = append(open, c.Name)
		}
	}
	if len(failed) == 0 || len(open) == 0 {
		return tracker.Flag{}, false
	}
	return flag(tracker.FlagNumberUnclear, tracker.Info,
		tracker.Say("The number is not recognised for sure: it fits %s, whose numbers carry no check digit we can rely on, and %s, whose check digit does not add up.", or(open), or(failed)),
		tracker.Say("Which carrier did the seller name? Track the number on that carrier's page; if the carrier is %s, compare the number with the order page: it may be mistyped.", failedCarriers(cs))), true
}

// failedCarriers names the carriers whose check digit failed, for the question to the buyer.
func failedCarriers(cs []Candidate) any {
	var names []string
	seen := map[string]bool{}
	for _, c := range cs {
		if n := Name(c.Carrier); c.CheckDigit == CheckInvalid && !unsure(c) && !seen[n] {
			seen[n] = true
			names = append(names, n)
		}
	}
	return or(names)
}

// linkMismatch speaks when the seller's link certainly belongs to a carrier that cannot track
// the number. It stays silent when it cannot be sure: universal trackers and unknown sites; a
// link to any carrier the number may belong to, or to one sharing its pages (DHL); a number
// only broad shapes fit; a consolidator number (Cainiao LP, YunExpress...) whose parcel the
// last-mile carrier tracks under a new number; and, for an S10 number with no destination
// country, any national post, which may be the destination.
func linkMismatch(res Result, country string) (tracker.Flag, bool) {
	lc := res.LinkCarrier
	if lc == "" || byID[lc].Universal {
		return tracker.Flag{}, false
	}
	best, ok := bestPlausible(res.Candidates)
	if !ok || best.Confidence == "low" {
		return tracker.Flag{}, false
	}
	for _, c := range res.Candidates {
		if c.CheckDigit == CheckInvalid {
			continue
		}
		if f := formatByID(c.Format); f != nil && f.Relabelled {
			return tracker.Flag{}, false
		}
		if c.Carrier == lc || sameGroup(c.Carrier, lc) || c.Format == s10Format.ID && country == "" && isPost(lc) {
			return tracker.Flag{}, false
		}
		for _, l := range c.Links {
			if l.Carrier == lc {
				return tracker.Flag{}, false
			}
		}
	}
	return flag(tracker.FlagLinkMismatch, tracker.Warning,
		tracker.Say("The seller's link goes to %s, but %s fits %s: that page cannot track it.", Name(lc), best.Number, best.Name),
		tracker.Say("Track it at %s instead. Ask the seller why the link points to another carrier: a wrong link can hide a parcel that was never sent.", rightLink(best).URL)), true
}

// sameGroup reports whether two carriers share tracking pages (see carrierInfo.Group).
func sameGroup(a, b string) bool {
	ga, gb := byID[a], byID[b]
	return ga.carrierInfo != nil && gb.carrierInfo != nil && ga.Group != "" && ga.Group == gb.Group
}

// rightLink is the link to offer instead of a wrong one: the first that carries the number.
func rightLink(c Candidate) Link {
	for _, l := range c.Links {
		if l.NumberInURL {
			return l
		}
	}
	return c.Links[0]
}

func untrackedService(c Candidate) tracker.Flag {
	return flag(tracker.FlagUntrackedService, tracker.Info,
		tracker.Say("%s is a letter-post number (it starts with U): the post usually tracks these only until they leave %s.", c.Number, c.Fields["origin_country_name"]),
		tracker.Say("Missing updates after export do not mean the parcel is lost yet. If the order promised tracked shipping, keep this as evidence that the seller used an untracked service."))
}

func destinationTracking(c Candidate) tracker.Flag {
	msg := tracker.Say("This is an international postal number: after it leaves %s, the post of the destination country tracks the same number.", c.Fields["origin_country_name"])
	action := tracker.Say("Set your country on the case to get your national post's link; the last scans (customs, delivery) usually appear only there.")
	for _, l := range c.Links {
		if l.Role == RoleDestination {
			action = tracker.Say("Check %s (%s) as well as the origin post; the last scans (customs, delivery) usually appear only there.", Name(l.Carrier), l.URL)
		}
	}
	return flag(tracker.FlagDestinationTracking, tracker.Info, msg, action)
}

// bestPlausible is the highest-ranked candidate whose check digit does not fail.
func bestPlausible(cs []Candidate) (Candidate, bool) {
	for _, c := range cs {
		if c.CheckDigit != CheckInvalid {
			return c, true
		}
	}
	return Candidate{}, false
}

func formatByID(id string) *Format {
	for i := range formats {
		if formats[i].ID == id {
			return &formats[i]
		}
	}
	return nil
}

// quoteShort quotes n for a message, cut so a 10 000-character paste does not fill the screen.
func quoteShort(n string) string {
	const limit = 40
	r := []rune(n)
	if len(r) > limit {
		return fmt.Sprintf("%q…", string(r[:limit]))
	}
	return fmt.Sprintf("%q", n)
}
