package feeds

import (
	"encoding/json"
	"strings"
	"time"

	"proofpack/tracker"
	"proofpack/tracker/history"
)

// Reading is what one reader found in one response.
type Reading struct {
	Reader string // the shape it was read as: "cainiao", "correios", "usps", "dhl"
	// Number is the tracking number the response is about, "" when it does not say.
	Number string
	Events []tracker.Event // newest first
}

// reader reads one published shape: ok is false when the body is not of that shape.
type reader struct {
	name string
	read func(body []byte) (out []Reading, ok bool)
}

// readers are tried in turn; a body fits at most one of them, since each looks for its
// shape's own field names.
var readers = []reader{
	{"cainiao", readCainiao},
	{"correios", readCorreios},
	{"usps", readUSPS},
	{"dhl", readDHL},
}

// Read returns the readings of every body a reader knows, one per parcel the body describes,
// in the order of the bodies. Bodies no reader knows are left out: the page's text is read
// instead.
func Read(bodies ...[]byte) []Reading {
	var out []Reading
	for _, b := range bodies {
		if !json.Valid(b) {
			continue
		}
		for _, r := range readers {
			if got, ok := r.read(b); ok {
				for i := range got {
					got[i].Reader = r.name
					history.SortNewestFirst(got[i].Events)
				}
				out = append(out, got...)
				break
			}
		}
	}
	return out
}

// wallClock reads a carrier's local date and time as the UTC digits tracker.Event keeps, in
// any of the layouts the shapes use; ok is false for anything else.
func wallClock(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02T15:04", "2006-01-02 15:04"} {
		if len(s) >= len(layout) {
			if t, err := time.Parse(layout, s[:len(layout)]); err == nil {
				return t, true
			}
		}
	}
	return time.Time{}, false
}

// event makes an event, classifying its words unless the shape's own code said the status.
func event(at time.Time, place, description string, status tracker.Status) tracker.Event {
	description = strings.Join(strings.Fields(description), " ")
	if status == "" {
		status = history.Classify(description)
	}
	return tracker.Event{Time: at, Place: strings.TrimSpace(place), Description: description, Status: status}
}

// undated keeps an event whose date could not be read, as the page parser does.
func undated(place, description string) tracker.Event {
	e := event(time.Time{}, place, description, "")
	e.Unparsed = true
	return e
}
