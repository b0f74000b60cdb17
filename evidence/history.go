package evidence

import (
	"fmt"
	"time"

	"proofpack/tracker"
	"proofpack/tracker/history"
)

// HistoryAdded is what AddHistory read and kept.
type HistoryAdded struct {
	Number  string       // the shipment's tracking number
	Exhibit int          // the exhibit number the text is kept as
	Page    history.Page // what the parser read
	Fresh   int          // events not known before
	// OtherNumber is the tracking number the text names instead of Number, unless the buyer
	// confirmed it (rule exhibit_other_number asks them to).
	OtherNumber string
}

// AddHistory reads tracking history the buyer copied from a carrier page for one shipment of a
// case (its current number), keeps the text as a "history" exhibit and merges its events into
// the shipment. Text that holds no events and no "not found" notice is refused before anything
// is stored. The command line (events add) and the window share it.
func AddHistory(s tracker.Store, dataDir, caseID string, shipment int, text string, now time.Time) (HistoryAdded, error) {
	return addHistory(s, dataDir, caseID, shipment, text, now, false)
}

// AddConfirmedHistory is AddHistory for a text the buyer confirmed is about the shipment's
// parcel although it names another tracking number (events add --confirm-number): the other
// number is no longer doubted, and captured pages that name it count too.
func AddConfirmedHistory(s tracker.Store, dataDir, caseID string, shipment int, text string, now time.Time) (HistoryAdded, error) {
	return addHistory(s, dataDir, caseID, shipment, text, now, true)
}

func addHistory(s tracker.Store, dataDir, caseID string, shipment int, text string, now time.Time, confirmed bool) (HistoryAdded, error) {
	c, err := s.Case(caseID)
	if err != nil {
		return HistoryAdded{}, err
	}
	if shipment < 0 || shipment >= len(c.Shipments) {
		return HistoryAdded{}, tracker.Invalid("--tracking", "case %s has no shipment %d", caseID, shipment+1)
	}
	return AddHistoryOf(s, dataDir, caseID, c.Shipments[shipment].Number, text, now, confirmed)
}

// AddHistoryOf is AddHistory for the shipment that has, or had, number: history pasted for a
// parcel's former number (the consolidator's, before the post's took over) is kept with that
// number. confirmed is AddConfirmedHistory's: the buyer said the text is about this parcel.
func AddHistoryOf(s tracker.Store, dataDir, caseID, number, text string, now time.Time, confirmed bool) (HistoryAdded, error) {
	c, err := s.Case(caseID)
	if err != nil {
		return HistoryAdded{}, err
	}
	if c.ShipmentOf(number) < 0 {
		return HistoryAdded{}, tracker.Invalid("--tracking", "case %s has no tracking number %s", caseID, number)
	}
	page, err := history.Parse(text, history.Options{Now: now, MonthFirst: c.Buyer.Country == "US"})
	if err != nil {
		return HistoryAdded{}, err
	}
	g := TextGroup(KindHistory, text, "Tracking history pasted for "+number)
	other := OtherNumber(text, number)
	g.Files[0].Exhibit.OtherNumber, g.Files[0].Exhibit.NumberConfirmed = other, other != "" && confirmed
	added, err := Add(s, dataDir, caseID, g)
	if err != nil {
		return HistoryAdded{}, err
	}
	r := HistoryAdded{Number: number, Exhibit: added[0].No, Page: page}
	if !confirmed {
		// The buyer chose this text for this parcel, so its events count (a destination post
		// may print its own number); the flag asks them to make sure. Captured pages, which
		// nobody chose, wait instead (MergeEvents).
		r.OtherNumber = other
	}
	// The exhibit is committed first: if saving the events fails, the text is not lost.
	_, err = s.UpdateCase(caseID, func(c *tracker.Case) error {
		sh := c.ShipmentOf(number)
		if sh < 0 {
			return fmt.Errorf("the case's tracking numbers changed while reading")
		}
		c.Shipments[sh].Events, r.Fresh = history.Merge(c.Shipments[sh].Events, ofNumber(page.Events, number), r.Exhibit)
		if !page.ETA.IsZero() {
			c.Shipments[sh].ETA = tracker.DateOf(page.ETA)
		}
		return nil
	})
	if err != nil {
		return r, fmt.Errorf("the text is kept as exhibit %d, but its events were not saved (add it again): %w", r.Exhibit, err)
	}
	return r, nil
}

// ofNumber marks events as read for number.
func ofNumber(evs []tracker.Event, number string) []tracker.Event {
	out := make([]tracker.Event, len(evs))
	for i, e := range evs {
		e.Number = number
		out[i] = e
	}
	return out
}
