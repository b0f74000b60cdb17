package casework

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"proofpack/tracker"
	"proofpack/tracker/deadlines"
	"proofpack/tracker/rules"
)

// Summary is what a list of cases shows of one case: its worst problem in a few words, the
// money, the age and the next deadline. It is computed from the diagnosis, so the list and the
// Diagnosis tab never disagree.
type Summary struct {
	CaseID   string
	Status   tracker.Status
	Severity tracker.Severity // of the worst flag; "" when nothing is wrong
	Code     string           // the worst flag's code; "" when nothing is wrong
	// Headline says the worst problem, or the status when there is none: "Delivered elsewhere",
	// "Stalled 55 days", "Refund overdue", "In transit".
	Headline    string
	NeedsAction bool // a warning or worse that the buyer has not settled (refund received)
	StalledDays int  // for a stall, the days since the last event, for front ends that word it
	Age         int  // days since the order
	// Stage is how far the dispute has come, from the steps the buyer recorded.
	Stage deadlines.Stage
	// Deadline is the next date the buyer must act by (the earliest reminder still ahead, or
	// overdue); zero when nothing is due.
	Deadline tracker.Date
	// Key changes whenever anything the summary depends on changes: the list recomputes only
	// the cases whose key moved.
	Key string
}

// headlines are the list's words for the flags that matter, kept short enough for one line.
var headlines = map[string]string{
	tracker.FlagDeliveredElsewhere:   "Delivered elsewhere",
	tracker.FlagDeliveredBeforeOrder: "Delivered before the order",
	tracker.FlagReusedNumber:         "Number used on another order",
	tracker.FlagNotShipped:           "Never shipped",
	tracker.FlagNotYetOnline:         "Not online yet",
	tracker.FlagProvisionalNumber:    "Number not real yet",
	tracker.FlagCheckDigitMismatch:   "Number looks made up",
	tracker.FlagUnknownFormat:        "Unknown number",
	tracker.FlagLinkMismatch:         "Seller's link: wrong carrier",
	tracker.FlagRefundOverdue:        "Refund overdue",
	tracker.FlagDisputeDeadlineNear:  "Dispute deadline near",
	tracker.FlagDisputeWindowOpen:    "You can open a dispute",
	tracker.FlagUntrackedService:     "Untracked service",
}

// statusWords name a status when nothing is wrong.
var statusWords = map[tracker.Status]string{
	tracker.StatusNotFound: "Nothing online", tracker.StatusPending: "Pending",
	tracker.StatusInfoReceived: "Label only", tracker.StatusInTransit: "In transit",
	tracker.StatusOutForDelivery: "Out for delivery", tracker.StatusAttemptFail: "Delivery failed",
	tracker.StatusPickup: "Ready for pickup", tracker.StatusDelivered: "Delivered",
	tracker.StatusException: "Problem", tracker.StatusExpired: "Expired",
}

// StatusWords names a tracking status for people: "In transit", "Nothing online".
func StatusWords(s tracker.Status) string {
	if w, ok := statusWords[s]; ok {
		return w
	}
	return strings.ReplaceAll(string(s), "_", " ")
}

// Summaries diagnoses every given case with the stored settings, reading the reused-number
// index from the cases themselves in one pass (not one store lookup per case), and returns
// one summary per case in the same order. Cases whose key equals the one in known keep that
// summary: only changed cases are diagnosed again.
func (s *Service) Summaries(cases []tracker.Case, known map[string]Summary) ([]Summary, error) {
	settings, err := s.Settings()
	if err != nil {
		return nil, err
	}
	now := s.Now()
	holders := map[string][]holder{} // tracking number -> the cases that carry it, by group
	count := map[string]int{}
	for i, c := range cases {
		for _, n := range c.Numbers() {
			holders[n] = addHolder(holders[n], i, c)
			count[n]++
		}
	}
	out := make([]Summary, len(cases))
	for i, c := range cases {
		key := summaryKey(c, count, now)
		if old, ok := known[c.ID]; ok && old.Key == key {
			out[i] = old
			continue
		}
		// Without the exhibits: they only number the proof in a flag's message, which a summary
		// drops, and reading them costs a second decoding of every case.
		in := rules.Input{Case: c, Reused: reusedOf(i, cases, holders), Now: now}
		out[i] = Summarize(c, rules.Evaluate(in, settings), now)
		out[i].Key = key
	}
	return out, nil
}

// holder is one seller and order date among the cases sharing a number, with up to two of its
// cases: all the rules weigh is whether another case is a combined shipment (same seller, close
// dates) or a reused number, so one other case per group tells as much as all of them, and
// 10 000 cases sharing one number cost 10 000 short lists, not 10 000 squared.
type holder struct {
	seller string
	day    tracker.Date
	cases  []int // positions in cases, at most two
}

func addHolder(hs []holder, i int, c tracker.Case) []holder {
	seller := strings.ToLower(strings.TrimSpace(c.Seller))
	for k := range hs {
		if hs[k].seller == seller && hs[k].day == c.Ordered {
			if len(hs[k].cases) < 2 {
				hs[k].cases = append(hs[k].cases, i)
			}
			return hs
		}
	}
	return append(hs, holder{seller: seller, day: c.Ordered, cases: []int{i}})
}

// reusedOf gives, per number of the case at position i, one other case of each group.
func reusedOf(i int, cases []tracker.Case, holders map[string][]holder) map[string][]tracker.Case {
	out := map[string][]tracker.Case{}
	for _, n := range cases[i].Numbers() {
		for _, h := range holders[n] {
			for _, j := range h.cases {
				if j != i {
					out[n] = append(out[n], cases[j])
					break
				}
			}
		}
	}
	return out
}

// summaryKey is the case's last save, how many cases share each of its numbers and the day.
func summaryKey(c tracker.Case, count map[string]int, now time.Time) string {
	var b strings.Builder
	b.WriteString(strconv.FormatInt(c.Updated.UnixNano(), 36))
	for _, n := range c.Numbers() {
		b.WriteString("|" + strconv.Itoa(count[n]))
	}
	b.WriteString("|" + tracker.DateOf(now).String())
	return b.String()
}

// Summarize sums up one diagnosed case.
func Summarize(c tracker.Case, r rules.Report, now time.Time) Summary {
	today := tracker.DateOf(now)
	sum := Summary{CaseID: c.ID, Status: r.Status, Headline: StatusWords(r.Status)}
	if !c.Ordered.IsZero() {
		sum.Age = c.Ordered.DaysUntil(today)
	}
	tl := TimelineOf(c, today)
	sum.Stage = tl.Stage
	if tl.Next != nil {
		sum.Deadline = tl.Next.Due
	}
	if !c.Dispute.RefundReceived.IsZero() {
		sum.Headline = "Refunded"
		return sum
	}
	worst := len(r.Flags) > 0 && r.Flags[0].Severity.Rank() >= tracker.Warning.Rank() // critical first
	// Once a dispute is won only the refund can still go wrong: other findings are settled.
	if !c.Dispute.Won.IsZero() && (!worst || r.Flags[0].Code != tracker.FlagRefundOverdue) {
		sum.Headline = "Dispute won"
		return sum
	}
	if worst {
		f := r.Flags[0]
		sum.Severity, sum.Code, sum.NeedsAction = f.Severity, f.Code, true
		sum.Headline, sum.StalledDays = headline(f.Code, r.Events, today)
	}
	return sum
}

// headline words a flag for the list; a stall says how long (and returns the days).
func headline(code string, events []tracker.Event, today tracker.Date) (string, int) {
	if code == tracker.FlagStalled {
		for _, e := range events { // newest first, unparsed last
			if !e.Unparsed {
				days := tracker.DateOf(e.Time).DaysUntil(today)
				return fmt.Sprintf("Stalled %d days", days), days
			}
		}
		return "Stalled", 0
	}
	if h, ok := headlines[code]; ok {
		return h, 0
	}
	return strings.ReplaceAll(code, "_", " "), 0
}
