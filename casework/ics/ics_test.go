package ics

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	ical "github.com/arran4/golang-ical"
	strict "github.com/emersion/go-ical"

	"proofpack/tracker"
	"proofpack/tracker/deadlines"
)

func reminders() []deadlines.Reminder {
	c := tracker.Case{ID: "7", Marketplace: "aliexpress", Payment: "card", Ordered: tracker.Date{Year: 2026, Month: 8, Day: 28},
		Shipped: tracker.Date{Year: 2026, Month: 9, Day: 1}, Promised: tracker.Date{Year: 2026, Month: 10, Day: 10},
		Buyer: tracker.Address{City: "São Paulo", Country: "BR"}}
	rs := deadlines.Reminders(c)
	// A long message with accents and Chinese, so that folding must split inside a rune.
	rs[0].Message += " Vendedor: 深圳市某某电子商务有限公司 — até amanhã, por favor; the message goes on long enough to be folded twice."
	return rs
}

func write(t *testing.T) []byte {
	var b bytes.Buffer
	stamp := time.Date(2026, 9, 20, 8, 30, 0, 0, time.FixedZone("BRT", -3*3600))
	if err := Write(&b, reminders(), stamp); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestLinesAreCRLFAndFoldedAt75Octets(t *testing.T) {
	raw := write(t)
	if !bytes.HasSuffix(raw, []byte("END:VCALENDAR\r\n")) || !bytes.HasPrefix(raw, []byte("BEGIN:VCALENDAR\r\n")) {
		t.Fatalf("not a calendar framed with CRLF: %q", raw[:40])
	}
	if bytes.Count(raw, []byte("\n")) != bytes.Count(raw, []byte("\r\n")) {
		t.Error("a bare LF: RFC 5545 lines end with CRLF")
	}
	folded := 0
	for _, line := range strings.Split(strings.TrimSuffix(string(raw), "\r\n"), "\r\n") {
		if len(line) > 75 {
			t.Errorf("%d octets, more than 75: %q", len(line), line)
		}
		if !utf8.ValidString(line) {
			t.Errorf("folding split a character: %q", line)
		}
		if strings.HasPrefix(line, " ") {
			folded++
		}
	}
	if folded < 2 {
		t.Errorf("%d continuation lines: the long description should fold", folded)
	}
}

func TestReadBackFieldByField(t *testing.T) {
	rs := reminders()
	cal, err := ical.ParseCalendar(bytes.NewReader(write(t)))
	if err != nil {
		t.Fatal(err)
	}
	evs := cal.Events()
	if len(evs) != len(rs) {
		t.Fatalf("%d events for %d reminders", len(evs), len(rs))
	}
	for i, ev := range evs {
		r := rs[i]
		if ev.Id() != UID(r) || !strings.HasSuffix(ev.Id(), "@proofpack") {
			t.Errorf("UID %q, want %q", ev.Id(), UID(r))
		}
		if got := ev.GetProperty(ical.ComponentPropertyDtstamp).Value; got != "20260920T113000Z" {
			t.Errorf("DTSTAMP %q, want the stamp in UTC", got)
		}
		start, err := ev.GetAllDayStartAt()
		if err != nil || tracker.DateOf(start) != r.Due {
			t.Errorf("DTSTART %v %v, want %s", start, err, r.Due)
		}
		if p := ev.GetProperty(ical.ComponentPropertyDtStart); p.ICalParameters["VALUE"][0] != "DATE" {
			t.Errorf("DTSTART is not an all-day date: %+v", p)
		}
		end, _ := ev.GetAllDayEndAt()
		if tracker.DateOf(end) != r.Due.AddDays(1) {
			t.Errorf("DTEND %v", end)
		}
		desc := ev.GetProperty(ical.ComponentPropertyDescription).Value
		if !strings.Contains(desc, r.Message) || !strings.Contains(desc, r.Source) {
			t.Errorf("description lost text: %q", desc)
		}
		as := ev.Alarms()
		if len(as) != 1 {
			t.Fatalf("%d alarms", len(as))
		}
		a := as[0]
		if a.GetProperty(ical.ComponentPropertyAction).Value != "DISPLAY" || a.GetProperty(ical.ComponentPropertyTrigger).Value != "-P3D" ||
			!strings.Contains(a.GetProperty(ical.ComponentPropertyDescription).Value, "case 7") {
			t.Errorf("VALARM: %+v", a.ComponentBase.Properties)
		}
	}
}

// The same file through a second, stricter parser, re-encoded by it: that encoder refuses
// components without their required properties (PRODID, VERSION, UID, DTSTAMP, ACTION, TRIGGER).
func TestStrictParser(t *testing.T) {
	cal, err := strict.NewDecoder(bytes.NewReader(write(t))).Decode()
	if err != nil {
		t.Fatal(err)
	}
	if err := strict.NewEncoder(io.Discard).Encode(cal); err != nil {
		t.Fatalf("the strict encoder refuses what it read: %v", err)
	}
	evs := cal.Events()
	if len(evs) != len(reminders()) {
		t.Fatalf("%d events", len(evs))
	}
	for _, ev := range evs {
		if len(ev.Children) != 1 || ev.Children[0].Name != strict.CompAlarm {
			t.Errorf("event without its alarm: %+v", ev.Children)
		}
		if s, err := ev.DateTimeStart(time.UTC); err != nil || s.IsZero() {
			t.Errorf("DTSTART: %v %v", s, err)
		}
	}
}

func TestUIDIsStable(t *testing.T) {
	a, b := reminders(), reminders()
	b[0].Due = b[0].Due.AddDays(3) // a new date for the same deadline updates the same event
	if UID(a[0]) != UID(b[0]) || UID(a[0]) == UID(a[1]) {
		t.Errorf("UIDs %q %q %q", UID(a[0]), UID(b[0]), UID(a[1]))
	}
	if !bytes.Equal(write(t), write(t)) {
		t.Error("the same reminders and stamp should write the same file")
	}
}

// The follow-ups of a parcel not received get a title in words and a UID of their own.
func TestFollowUpEvents(t *testing.T) {
	c := tracker.Case{ID: "9", Marketplace: "aliexpress", Payment: "card", Ordered: tracker.Date{Year: 2026, Month: 8, Day: 28},
		Buyer: tracker.Address{City: "Austin", Country: "US"}}
	deadlines.MarkNotReceived(&c, true, tracker.Date{Year: 2026, Month: 10, Day: 30})
	var b bytes.Buffer
	if err := Write(&b, deadlines.Reminders(c), time.Date(2026, 10, 30, 9, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	cal, err := ical.ParseCalendar(&b)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, ev := range cal.Events() {
		got[ev.Id()] = ev.GetProperty(ical.ComponentPropertySummary).Value
	}
	for uid, summary := range map[string]string{
		"9-ask-carrier-pod-by-not_received@proofpack": "ProofPack case 9: ask the carrier for its proof of delivery",
		"9-ask-neighbours-by-not_received@proofpack":  "ProofPack case 9: ask your neighbours",
		"9-police-report-by-not_received@proofpack":   "ProofPack case 9: report the theft to the police",
	} {
		if got[uid] != summary {
			t.Errorf("%s: %q, want %q (events %v)", uid, got[uid], summary, got)
		}
	}
}
