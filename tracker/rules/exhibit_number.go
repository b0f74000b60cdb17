package rules

import (
	"fmt"
	"strings"

	"proofpack/tracker"
)

// exhibitOtherNumber warns about captured pages and pasted histories that name another tracking
// number than the case's: their events were kept out of the findings, and the packet must not
// cite another parcel's page as the buyer's. A number the buyer confirmed for one exhibit
// (events add --confirm-number) is no longer doubted on any.
func exhibitOtherNumber(in Input) []tracker.Flag {
	confirmed := map[string]bool{}
	for _, e := range in.Exhibits {
		if e.OtherNumber != "" && e.NumberConfirmed {
			confirmed[e.OtherNumber] = true
		}
	}
	var nos []int
	var other string
	for _, e := range in.Exhibits {
		if e.OtherNumber == "" || confirmed[e.OtherNumber] || len(nos) > 0 && nos[len(nos)-1] == e.No {
			continue
		}
		if other == "" {
			other = e.OtherNumber
		}
		nos = append(nos, e.No)
	}
	if nos == nil {
		return nil
	}
	var own []string
	for _, sh := range in.Case.Shipments {
		own = append(own, sh.Number)
	}
	ex := tracker.ExhibitsText(nos)
	return []tracker.Flag{flag(tracker.FlagExhibitOtherNumber, tracker.Warning, nos,
		fmt.Sprintf("Look at %s. If it is another parcel's page, capture or paste the page of your own number instead. "+
			"If it is your parcel all the same, paste its history again with the confirmation: "+
			"proofpack events add %s --file FILE --confirm-number.", ex, in.Case.ID),
		"%s names tracking number %s, not this case's %s: its events are left out of the findings until you confirm it is your parcel.",
		capitalize(ex), other, strings.Join(own, ", "))}
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
