// Package ics writes reminders as an iCalendar file (RFC 5545) that Google Calendar, Outlook and
// Thunderbird import: one all-day event per reminder on its due day, with an alarm three days
// before and a UID that stays the same when the file is written again, so a second import
// updates the events instead of doubling them. It is the one importer of golang-ical.
package ics

import (
	"fmt"
	"io"
	"strings"
	"time"

	ical "github.com/arran4/golang-ical"

	"proofpack/tracker/deadlines"
)

// AlarmBefore is when the alarm rings: three days leave time to write to the seller or the bank.
const AlarmBefore = "-P3D"

// UID is the stable identity of a reminder's event: the case, the kind and the route.
func UID(r deadlines.Reminder) string {
	route := r.Route
	if route == "" {
		route = "case"
	}
	return fmt.Sprintf("%s-%s-%s@proofpack", r.CaseID, strings.ReplaceAll(r.Kind, "_", "-"), route)
}

// Write writes the reminders as a calendar; stamp is the DTSTAMP of every event (the time the
// file is made).
func Write(w io.Writer, rs []deadlines.Reminder, stamp time.Time) error {
	cal := ical.NewCalendar()
	cal.SetProductId("-//ProofPack//Refund timeline//EN")
	cal.SetMethod(ical.MethodPublish)
	cal.SetCalscale("GREGORIAN")
	cal.SetXWRCalName("ProofPack deadlines")
	for _, r := range rs {
		ev := cal.AddEvent(UID(r))
		ev.SetDtStampTime(stamp)
		day := r.Due.In(time.UTC)
		ev.SetAllDayStartAt(day)
		ev.SetAllDayEndAt(day.AddDate(0, 0, 1))
		summary := fmt.Sprintf("ProofPack case %s: %s", r.CaseID, kindWords(r.Kind))
		ev.SetSummary(summary)
		desc := r.Message
		if r.Rule != "" {
			desc += "\n\nRule: " + r.Rule
		}
		if r.Source != "" {
			desc += "\nSource: " + r.Source
		}
		ev.SetDescription(desc)
		ev.SetProperty(ical.ComponentPropertyTransp, "TRANSPARENT")
		a := ev.AddAlarm()
		a.SetAction(ical.ActionDisplay)
		a.SetTrigger(AlarmBefore)
		a.SetProperty(ical.ComponentPropertyDescription, summary)
	}
	return cal.SerializeTo(w, ical.WithNewLineWindows)
}

// kindWords says a reminder kind for a calendar title.
func kindWords(kind string) string {
	switch kind {
	case deadlines.KindOpenDispute:
		return "open the dispute by today"
	case deadlines.KindEscalate:
		return "escalate the dispute by today"
	case deadlines.KindRefundDue:
		return "the refund is due today"
	case deadlines.KindContactBank:
		return "last day to ask your bank for a chargeback"
	case deadlines.KindSellerPromised:
		return "the seller's promised date"
	case deadlines.KindAskCarrier:
		return "ask the carrier for its proof of delivery"
	case deadlines.KindCarrierAnswer:
		return "follow up the carrier's answer"
	case deadlines.KindClaimAnswer:
		return "follow up your claim with the carrier"
	case deadlines.KindAskNeighbours:
		return "ask your neighbours"
	case deadlines.KindReportPolice:
		return "report the theft to the police"
	}
	return strings.ReplaceAll(kind, "_", " ")
}
