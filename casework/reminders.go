package casework

import (
	"cmp"
	"slices"

	"proofpack/tracker"
	"proofpack/tracker/deadlines"
)

// Reminders lists what is due across the cases not yet closed, earliest first (then by case),
// overdue ones included: the buyer decides what to drop.
func (s *Service) Reminders() ([]deadlines.Reminder, error) {
	rows, err := s.Store.Rows() // the deadlines need no events: the short rows are enough
	if err != nil {
		return nil, err
	}
	out := []deadlines.Reminder{}
	for _, r := range rows {
		out = append(out, deadlines.Reminders(r.Case())...)
	}
	slices.SortStableFunc(out, func(a, b deadlines.Reminder) int {
		if d := b.Due.DaysUntil(a.Due); d != 0 {
			return d
		}
		return cmp.Compare(a.CaseID, b.CaseID)
	})
	return out, nil
}

// Timeline is where one case stands: its stage (in words with the follow-ups of a parcel not
// received), the next step, its reminders, the one to show first and the warnings about routes
// that close each other.
type Timeline struct {
	Stage      deadlines.Stage
	StageWords string
	NextStep   string
	NextSaid   tracker.Words `json:"-"` // NextStep as format and arguments, for the window
	Reminders  []deadlines.Reminder
	Next       *deadlines.Reminder // nil when nothing is due
	Conflicts  []string
}

// Timeline reads one case's timeline as of the service's today.
func (s *Service) Timeline(id string) (Timeline, error) {
	c, err := s.Store.Case(id)
	if err != nil {
		return Timeline{}, err
	}
	return TimelineOf(c, tracker.DateOf(s.Now())), nil
}

// TimelineOf is Timeline for a case already at hand (the case list reads them all at once).
func TimelineOf(c tracker.Case, today tracker.Date) Timeline {
	t := Timeline{Stage: deadlines.StageOf(c.Dispute), StageWords: deadlines.StageWords(c), NextSaid: deadlines.NextStepWords(c),
		Reminders: deadlines.Reminders(c), Conflicts: deadlines.Conflicts(c)}
	t.NextStep = t.NextSaid.String()
	if n, ok := deadlines.Next(t.Reminders, today); ok {
		t.Next = &n
	}
	return t
}

// RecordStep records a dispute step (a field of deadlines.Steps: "dispute_opened",
// "refund_received", ..., or "seller_promised", the date the seller promised) on a case, dated
// day; a zero day clears it. Steps that cannot be true (before the order, a refund before the
// dispute, in the future) are refused with the field named.
func (s *Service) RecordStep(id, field string, day tracker.Date) (tracker.Case, error) {
	today := tracker.DateOf(s.Now())
	return s.Store.UpdateCase(id, func(c *tracker.Case) error {
		found := field == "seller_promised"
		if found {
			c.Dispute.SellerPromised = day
		}
		for _, st := range deadlines.Steps(&c.Dispute) {
			if st.Field == field {
				*st.Date, found = day, true
			}
		}
		if !found {
			return tracker.Invalid(field, "is not a dispute step")
		}
		return deadlines.CheckSteps(*c, today)
	})
}

// SetNotReceived records that the buyer says a parcel the tracking shows delivered never came,
// and since today: the follow-up reminders count from that day.
func (s *Service) SetNotReceived(id string, notReceived bool) (tracker.Case, error) {
	today := tracker.DateOf(s.Now())
	return s.Store.UpdateCase(id, func(c *tracker.Case) error {
		deadlines.MarkNotReceived(c, notReceived, today)
		return nil
	})
}

// RecordFollowUp records a step of a parcel delivered but not received (a field of
// deadlines.FollowUps: "pod_requested", "carrier_claim", ...) with its date and reference; a
// zero p clears it. A step on a case not marked not received, before the order or the delivery
// scan, or in the future is refused with the field named.
func (s *Service) RecordFollowUp(id, field string, p tracker.Proof) (tracker.Case, error) {
	today := tracker.DateOf(s.Now())
	return s.Store.UpdateCase(id, func(c *tracker.Case) error {
		if err := deadlines.RecordFollowUp(c, field, p); err != nil {
			return err
		}
		return deadlines.CheckSteps(*c, today)
	})
}

// SellerMessages are the ready texts for a case in English, simplified Chinese and lang, signed
// with the buyer's name from the settings.
func (s *Service) SellerMessages(id, lang string) ([]deadlines.SellerMessage, error) {
	c, err := s.Store.Case(id)
	if err != nil {
		return nil, err
	}
	b, err := s.Buyer()
	if err != nil {
		return nil, err
	}
	return deadlines.SellerMessages(c, lang, b.Name, tracker.DateOf(s.Now())), nil
}
