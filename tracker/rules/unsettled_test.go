package rules

import (
	"slices"
	"strings"
	"testing"

	"proofpack/tracker"
)

// A page captured while it still said "Loading…" showed no events: it must not stand as the
// proof that the number shows none.
func TestUnsettledCaptureIsNoProofOfNoEvents(t *testing.T) {
	empty := newCase("Austin", "78701", "US", "2026-08-01")
	ex := []tracker.Exhibit{
		{No: 1, Kind: "screenshot", URL: "https://t.17track.net/en#nums=" + number, Unsettled: true},
		{No: 1, Kind: "text", URL: "https://t.17track.net/en#nums=" + number, Unsettled: true},
	}
	r := Evaluate(Input{Case: empty, Exhibits: ex, Now: at("2026-09-20")}, DefaultSettings())
	f := r.Flags[0]
	if f.Code != tracker.FlagProvisionalNumber || len(f.Exhibits) != 0 || strings.Contains(f.Action, "attach exhibit 1") {
		t.Errorf("provisional_number cites the unsettled capture: %+v", f)
	}
	if !strings.Contains(f.Message, "Exhibit 1 was captured while the page did not show the tracking history (it was still loading") {
		t.Errorf("the message does not say why exhibit 1 is left out: %q", f.Message)
	}

	// A settled capture of the same number still proves it.
	ex = append(ex, tracker.Exhibit{No: 2, Kind: "screenshot", URL: "https://t.17track.net/en#nums=" + number})
	r = Evaluate(Input{Case: empty, Exhibits: ex, Now: at("2026-09-20")}, DefaultSettings())
	if f := r.Flags[0]; f.Code != tracker.FlagProvisionalNumber || !slices.Equal(f.Exhibits, []int{2}) {
		t.Errorf("provisional_number should cite the settled capture only: %+v", f)
	}

	// Inside the grace period the note comes with not_yet_online too.
	r = Evaluate(Input{Case: empty, Exhibits: ex[:2], Now: at("2026-08-05")}, DefaultSettings())
	i := slices.IndexFunc(r.Flags, func(f tracker.Flag) bool { return f.Code == tracker.FlagNotYetOnline })
	if i < 0 || len(r.Flags[i].Exhibits) != 0 || !strings.Contains(r.Flags[i].Message, "still loading") {
		t.Errorf("not_yet_online with an unsettled capture: %+v", r.Flags)
	}
}
