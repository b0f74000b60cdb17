package casework

import (
	"encoding/json"
	"fmt"
	"hash/fnv"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"proofpack/tracker"
	"proofpack/tracker/deadlines"
	"proofpack/tracker/pack"
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
	// LastEvent is the day of the newest dated event, from which a stall's days are counted.
	LastEvent tracker.Date
}

// headlines are the list's words for every flag, kept short enough for one line. Only a warning
// or worse heads a case, but which flags those are depends on the case (a delivery elsewhere is
// a warning when the town is unsure), so every flag has its words.
var headlines = map[string]string{
	tracker.FlagInputCleaned:          "Number cleaned up",
	tracker.FlagCheckDigitMismatch:    "Number looks made up",
	tracker.FlagNumberUnclear:         "Number unclear",
	tracker.FlagUnknownFormat:         "Unknown number",
	tracker.FlagLinkMismatch:          "Seller's link: wrong carrier",
	tracker.FlagUntrackedService:      "Untracked service",
	tracker.FlagDestinationTracking:   "Track in your country",
	tracker.FlagNumberChangesOnArrive: "Number changes on arrival",
	tracker.FlagNotYetOnline:          "Not online yet",
	tracker.FlagProvisionalNumber:     "Number not real yet",
	tracker.FlagNotShipped:            "Never shipped",
	tracker.FlagStalled:               "Stalled",
	tracker.FlagDeliveredElsewhere:    "Delivered elsewhere",
	tracker.FlagDeliveryPlaceUnclear:  "Delivery place unclear",
	tracker.FlagDeliveredBeforeOrder:  "Delivered before the order",
	tracker.FlagExhibitOtherNumber:    "Page of another number",
	tracker.FlagReusedNumber:          "Number used on another order",
	tracker.FlagCombinedShipment:      "Shipped with another order",
	tracker.FlagDisputeWindowOpen:     "You can open a dispute",
	tracker.FlagDisputeDeadlineNear:   "Dispute deadline near",
	tracker.FlagRefundOverdue:         "Refund overdue",
	tracker.FlagDeliveredNotReceived:  "Delivered, never came",
}

// The headlines of a settled case, whatever its flags.
const (
	HeadlineRefunded = "Refunded"
	HeadlineWon      = "Dispute won"
)

// Headlines are every headline a Summary can carry besides a status's words (StatusWords), for
// a front end that says them in its own language.
func Headlines() []string {
	out := []string{HeadlineRefunded, HeadlineWon}
	for _, code := range tracker.FlagCodes {
		out = append(out, headlines[code])
	}
	return out
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

// ListRow is one case as a list shows it: its row and its summary. The row is shared, not
// copied: ten thousand of them are read at each start.
type ListRow struct {
	*tracker.Row
	Summary Summary
}

// ListRows returns every case's list row with its summary as of today, oldest first. It reads
// the short rows the store keeps beside the cases, not the cases: a summary kept from an earlier
// start is used while it holds (the same save of the case, settings, build and cases sharing its
// numbers, and a day before the first on which a rule could turn); only the other cases are read
// and diagnosed, and their summaries kept for the next start.
func (s *Service) ListRows() ([]ListRow, error) {
	rows, err := s.Store.Rows()
	if err != nil {
		return nil, err
	}
	settings, err := s.Settings()
	if err != nil {
		return nil, err
	}
	now := s.Now()
	today := tracker.DateOf(now)
	out := make([]ListRow, len(rows))
	bases := basesOf(rows, settings)
	var stale []int
	for i := range rows {
		r := &rows[i]
		out[i].Row = r
		if k, ok := readKept(r.Kept, bases[i]); ok && k.holds(today) {
			k.Sum.CaseID = r.ID
			out[i].Summary = k.Sum.on(today, r.Ordered)
			continue
		}
		stale = append(stale, i)
	}
	if len(stale) == 0 {
		return out, nil
	}
	holders := map[string][]holder{} // tracking number -> the rows that carry it, by group
	for i := range rows {
		for _, n := range rows[i].Numbers {
			holders[n] = addHolder(holders[n], i, &rows[i])
		}
	}
	// One case at a time per core, each dropped once summed up: ten thousand cases with their
	// events are never held at once, and the first start after an update, which sums up every
	// case, takes half the time on two cores.
	keep := make([]tracker.KeptSummary, len(stale))
	workers := min(runtime.GOMAXPROCS(0), len(stale))
	errs := make([]error, workers)
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for j := int(next.Add(1) - 1); j < len(stale) && errs[w] == nil; j = int(next.Add(1) - 1) {
				i := stale[j]
				c, err := s.Store.Case(rows[i].ID)
				var ex []tracker.Exhibit
				if err == nil {
					ex, err = s.Store.Exhibits(c.ID) // a page of another number is a finding too
				}
				if err != nil {
					errs[w] = err
					return
				}
				in := rules.Input{Case: c, Exhibits: ex, Reused: reusedOf(i, rows, holders), Now: now}
				r := rules.Evaluate(in, settings)
				sum := Summarize(c, r, now)
				out[i].Summary = sum
				k := kept{Basis: bases[i], From: today, Until: sum.until(r, today), Sum: sum}
				keep[j] = tracker.KeptSummary{ID: rows[i].ID, Saved: rows[i].Saved, Data: k.encode()}
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	// Keeping them only spares the next start some work: the list is right without.
	_ = s.Store.KeepSummaries(keep)
	return out, nil
}

// kept is a summary as the store keeps it: what it was computed from, and the days it holds.
type kept struct {
	Basis uint64 // see basesOf
	From  tracker.Date
	// Until is the first day the summary may no longer hold; zero when no day changes it.
	Until tracker.Date
	Sum   Summary
}

func (k kept) holds(today tracker.Date) bool {
	return !today.Before(k.From) && (k.Until.IsZero() || today.Before(k.Until))
}

// encode packs a kept summary: ten thousand are read at each start (see tracker/pack). The case
// ID is the row's; the counts of days are counted again (Summary.on).
func (k kept) encode() []byte {
	var w pack.Writer
	w.Uint(k.Basis)
	w.Date(k.From)
	w.Date(k.Until)
	sum := k.Sum
	for _, s := range []string{string(sum.Status), string(sum.Severity), sum.Code, sum.Headline} {
		w.Str(s)
	}
	w.Bool(sum.NeedsAction)
	w.Int(int64(sum.Stage))
	w.Date(sum.Deadline)
	w.Date(sum.LastEvent)
	return w.Bytes()
}

// readKept reads what encode wrote, when it was computed from basis.
func readKept(b string, basis uint64) (kept, bool) {
	if b == "" {
		return kept{}, false
	}
	r := pack.NewStringReader(b)
	k := kept{Basis: r.Uint()}
	if k.Basis != basis {
		return k, false
	}
	k.From, k.Until = r.Date(), r.Date()
	sum := &k.Sum
	sum.Status, sum.Severity, sum.Code, sum.Headline = tracker.Status(r.Str()), tracker.Severity(r.Str()), r.Str(), r.Str()
	sum.NeedsAction = r.Bool()
	sum.Stage = deadlines.Stage(r.Small())
	sum.Deadline, sum.LastEvent = r.Date(), r.Date()
	return k, r.Err() == nil
}

// until is the first day after today on which the summary may change: a rule's flag turning,
// or the next deadline passing.
func (sum Summary) until(r rules.Report, today tracker.Date) tracker.Date {
	u := r.Until
	if d := sum.Deadline; !d.IsZero() && !d.Before(today) {
		if next := d.AddDays(1); u.IsZero() || next.Before(u) {
			u = next
		}
	}
	return u
}

// on is the summary of a later day within the days it holds: the counts of days move on.
func (sum Summary) on(today, ordered tracker.Date) Summary {
	sum.Age = 0
	if !ordered.IsZero() {
		sum.Age = ordered.DaysUntil(today)
	}
	if sum.Code == tracker.FlagStalled && !sum.LastEvent.IsZero() {
		sum.StalledDays = sum.LastEvent.DaysUntil(today)
		sum.Headline = "Stalled " + strconv.Itoa(sum.StalledDays) + " days"
	}
	return sum
}

// build names this program's build (its file, size and time): a summary kept by another build,
// whose rules may differ, is computed again.
var build = sync.OnceValue(func() string {
	if exe, err := os.Executable(); err == nil {
		if fi, err := os.Stat(exe); err == nil {
			return fmt.Sprintf("%s|%d|%d", exe, fi.Size(), fi.ModTime().UnixNano())
		}
	}
	return strconv.FormatInt(time.Now().UnixNano(), 36) // unknown: reuse nothing of another run
})

// basesOf gives each row the basis its summary is computed from: the settings, the build, and
// every other case that carries one of its numbers, as saved (the reused-number rule weighs
// them). A summary kept with another basis is computed again.
func basesOf(rows []tracker.Row, settings rules.Settings) []uint64 {
	h := fnv.New64a()
	json.NewEncoder(h).Encode(settings)
	h.Write([]byte(build()))
	base := h.Sum64()
	// By position, not by value: a row is large, and ten thousand copies of it cost more than
	// the hashing.
	self := make([]uint64, len(rows))
	shared := make(map[string]uint64, len(rows)) // number -> the XOR of its holders' hashes
	for i := range rows {
		self[i] = saveHash(rows[i].ID, rows[i].Saved)
		for _, n := range rows[i].Numbers {
			shared[n] ^= self[i]
		}
	}
	out := make([]uint64, len(rows))
	for i := range rows {
		b := base
		for _, n := range rows[i].Numbers {
			b = (b ^ shared[n] ^ self[i]) * fnvPrime // FNV's prime keeps the order
		}
		out[i] = b
	}
	return out
}

const fnvPrime = 1099511628211

// saveHash is FNV-1a of a case's ID and save mark, the same in every process, without the
// allocations of hash.Hash.
func saveHash(id string, saved uint64) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(id); i++ {
		h = (h ^ uint64(id[i])) * fnvPrime
	}
	for range 8 {
		h = (h ^ saved&0xff) * fnvPrime
		saved >>= 8
	}
	return h
}

// holder is one seller and order date among the cases sharing a number, with up to two of its
// cases: all the rules weigh is whether another case is a combined shipment (same seller, close
// dates) or a reused number, so one other case per group tells as much as all of them, and
// 10 000 cases sharing one number cost 10 000 short lists, not 10 000 squared.
type holder struct {
	seller string
	day    tracker.Date
	rows   []int // positions in rows, at most two
}

func addHolder(hs []holder, i int, r *tracker.Row) []holder {
	seller := strings.ToLower(strings.TrimSpace(r.Seller))
	for k := range hs {
		if hs[k].seller == seller && hs[k].day == r.Ordered {
			if len(hs[k].rows) < 2 {
				hs[k].rows = append(hs[k].rows, i)
			}
			return hs
		}
	}
	return append(hs, holder{seller: seller, day: r.Ordered, rows: []int{i}})
}

// reusedOf gives, per number of the row at position i, one other case of each group: as the
// reused-number rule weighs them (ID, seller, order date), from their rows.
func reusedOf(i int, rows []tracker.Row, holders map[string][]holder) map[string][]tracker.Case {
	out := map[string][]tracker.Case{}
	for _, n := range rows[i].Numbers {
		for _, h := range holders[n] {
			for _, j := range h.rows {
				if j != i {
					out[n] = append(out[n], rows[j].Case())
					break
				}
			}
		}
	}
	return out
}

// Summarize sums up one diagnosed case.
func Summarize(c tracker.Case, r rules.Report, now time.Time) Summary {
	today := tracker.DateOf(now)
	sum := Summary{CaseID: c.ID, Status: r.Status, Headline: StatusWords(r.Status)}
	tl := TimelineOf(c, today)
	sum.Stage = tl.Stage
	if tl.Next != nil {
		sum.Deadline = tl.Next.Due
	}
	if !c.Dispute.RefundReceived.IsZero() {
		sum.Headline = HeadlineRefunded
		return sum.on(today, c.Ordered)
	}
	worst := len(r.Flags) > 0 && r.Flags[0].Severity.Rank() >= tracker.Warning.Rank() // critical first
	// Once a dispute is won only the refund can still go wrong: other findings are settled.
	if !c.Dispute.Won.IsZero() && (!worst || r.Flags[0].Code != tracker.FlagRefundOverdue) {
		sum.Headline = HeadlineWon
		return sum.on(today, c.Ordered)
	}
	if worst {
		f := r.Flags[0]
		sum.Severity, sum.Code, sum.NeedsAction = f.Severity, f.Code, true
		sum.Headline = headline(f.Code)
	}
	for _, e := range r.Events { // newest first, unparsed last
		if !e.Unparsed {
			sum.LastEvent = tracker.DateOf(e.Time)
			break
		}
	}
	return sum.on(today, c.Ordered)
}

// headline words a flag for the list (a stall's days are added by Summary.on).
func headline(code string) string {
	if h, ok := headlines[code]; ok {
		return h
	}
	return strings.ReplaceAll(code, "_", " ")
}
