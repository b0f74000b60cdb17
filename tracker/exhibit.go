package tracker

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Exhibit is one file of evidence. The files made by one capture (screenshot, archived page,
// page text) share an exhibit number, so the packet can say "exhibit 3" for all of them.
type Exhibit struct {
	No         int       `json:"no"`
	Kind       string    `json:"kind"` // screenshot, page, text, pdf, history, file
	Path       string    `json:"path"` // relative to the data folder, slash-separated
	SHA256     string    `json:"sha256"`
	Size       int64     `json:"size"`
	MediaType  string    `json:"media_type"`
	URL        string    `json:"url,omitempty"`       // as requested
	FinalURL   string    `json:"final_url,omitempty"` // after redirects
	Title      string    `json:"title,omitempty"`
	HTTPStatus int       `json:"http_status,omitempty"`
	CapturedAt time.Time `json:"captured_at"`    // UTC
	Zone       string    `json:"zone,omitempty"` // the buyer's local zone at capture, e.g. Europe/Warsaw
	Browser    string    `json:"browser,omitempty"`
	Viewport   string    `json:"viewport,omitempty"`
	Note       string    `json:"note,omitempty"`
	Source     string    `json:"source,omitempty"` // the buyer's own file: its name when added
	// OtherNumber is the tracking number a page or pasted history names instead of its
	// shipment's: a captured page's events wait until the buyer confirms, a pasted history's count
	// but are doubted (rule exhibit_other_number).
	OtherNumber string `json:"other_number,omitempty"`
	// NumberConfirmed records that the buyer said the page is about the case's parcel all the
	// same (events add --confirm-number): its events count, and OtherNumber is no longer doubted.
	NumberConfirmed bool `json:"number_confirmed,omitempty"`
	// Unsettled marks a capture that did not show the tracking history: taken before the page had
	// finished filling itself in (still loading at its time limit, or showing a loading message),
	// or showing neither events nor a "not found" message. It does not prove "no events".
	Unsettled bool `json:"unsettled,omitempty"`
	// Description is what the buyer says the exhibit shows, given after it was added (evidence
	// describe); it titles the exhibit in the packet. Every change is in the case's ExhibitLog.
	Description string `json:"description,omitempty"`
	// Removed marks an exhibit the buyer withdrew (evidence remove): its files stay, hashed and
	// verified, but the packet and the findings no longer rely on it. The when and why are in the
	// case's ExhibitLog; an exhibit is never removed silently, nor its number reused.
	Removed bool `json:"removed,omitempty"`
}

// Described is the buyer's words for the exhibit: the description given later, else the note a
// file or pasted history was added with (a capture's note is ProofPack's, about the page), or "".
func (e Exhibit) Described() string {
	if e.Description != "" || (e.Kind != "file" && e.Kind != "history") {
		return e.Description
	}
	return e.Note
}

// What an ExhibitChange did.
const (
	ExhibitDescribed = "describe"
	ExhibitRemoved   = "remove"
)

// ExhibitChange is one entry of a case's exhibit history, which is only ever appended to: a
// description given to an exhibit, or an exhibit removed. It says who, what and when, so that a
// withdrawn exhibit is accounted for in the manifest rather than gone.
type ExhibitChange struct {
	Seq     int       `json:"seq"`              // 1, 2, ... in the order made; the store gives it
	At      time.Time `json:"at"`               // UTC, from the service's clock
	By      string    `json:"by"`               // who made it: the front end, "window" or "command line"
	Exhibit int       `json:"exhibit"`          // the exhibit number, all of its files
	Action  string    `json:"action"`           // ExhibitDescribed or ExhibitRemoved
	Old     string    `json:"old,omitempty"`    // the description before (describe)
	New     string    `json:"new,omitempty"`    // the description after (describe)
	Reason  string    `json:"reason,omitempty"` // why it was removed, when the buyer said (remove)
}

// ID names the file within its case, e.g. "3-screenshot".
func (e Exhibit) ID() string { return fmt.Sprintf("%d-%s", e.No, e.Kind) }

// Reminder is one deadline of a case: open a dispute by, escalate by, refund due, call the bank.
type Reminder struct {
	CaseID  string `json:"case_id"`
	Due     Date   `json:"due"`
	Kind    string `json:"kind"`
	Message string `json:"message"`
}

// ExhibitsText names exhibit numbers as a sentence does: "exhibit 3", "exhibits 2 and 3",
// "exhibits 1, 2 and 3"; "" for none. The rules, the packet, the window and the command line
// all cite exhibits with it.
func ExhibitsText(nos []int) string {
	switch len(nos) {
	case 0:
		return ""
	case 1:
		return fmt.Sprintf("exhibit %d", nos[0])
	}
	s := make([]string, len(nos))
	for i, n := range nos {
		s[i] = strconv.Itoa(n)
	}
	return "exhibits " + strings.Join(s[:len(s)-1], ", ") + " and " + s[len(s)-1]
}
