package rules

import (
	"strings"

	"proofpack/tracker"
)

// exhibitOtherNumber warns about captured pages and pasted histories that name another tracking
// number than the case's, so the packet does not cite another parcel's page as the buyer's. A
// captured page's events were left out (evidence.MergeEvents); a pasted history's count, since
// the buyer chose it, but they are asked to make sure. A number the buyer confirmed (events add
// --confirm-number) is no longer doubted on any exhibit.
func exhibitOtherNumber(in Input) []tracker.Flag {
	confirmed := map[string]bool{}
	for _, e := range in.Exhibits {
		if e.OtherNumber != "" && e.NumberConfirmed {
			confirmed[e.OtherNumber] = true
		}
	}
	var nos []int
	var other string
	held := false
	for _, e := range in.Exhibits {
		if e.OtherNumber == "" || confirmed[e.OtherNumber] {
			continue
		}
		held = held || e.Kind != "history"
		if len(nos) > 0 && nos[len(nos)-1] == e.No {
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
	effect := tracker.Say("its events are counted: make sure it is your parcel's history.")
	if held {
		effect = tracker.Say("the captured page's events are left out of the findings until you confirm it is your parcel.")
	}
	return []tracker.Flag{flag(tracker.FlagExhibitOtherNumber, tracker.Warning, nos,
		tracker.Say("Look at %s. If it is another parcel's page, capture or paste the page of your own number instead "+
			"(and leave that exhibit out of the packet). If it is your parcel all the same, paste its history again with the "+
			"confirmation: proofpack events add %s --file FILE --confirm-number.", tracker.ExhibitsWords(nos), in.Case.ID),
		tracker.Say("%s names tracking number %s, not this case's %s; %s",
			exhibitsCapital(nos), other, strings.Join(own, ", "), effect))}
}
