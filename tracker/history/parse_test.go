package history

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"proofpack/tracker"
	"proofpack/tracker/history/historytest"
)

func TestFixtures(t *testing.T) {
	fixtures := historytest.Load(t, "testdata")
	if len(fixtures) < 25 {
		t.Fatalf("%d fixtures, want at least 25", len(fixtures))
	}
	for _, f := range fixtures {
		t.Run(f.Name, func(t *testing.T) {
			p, err := Parse(f.Page, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(f.Want) == 0 && !p.NotFound {
				t.Errorf("NotFound not set for a page without events; events %v", p.Events)
			}
			var got []string
			for _, e := range p.Events {
				when := "unparsed"
				if !e.Unparsed {
					when = e.Time.Format("2006-01-02 15:04")
				}
				got = append(got, strings.TrimSpace(fmt.Sprintf("%s | %s | %s", when, e.Status, e.Place)))
				if e.Description == "" {
					t.Errorf("event %s has no description", when)
				}
			}
			if strings.Join(got, "\n") != strings.Join(f.Want, "\n") {
				t.Errorf("events:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(f.Want, "\n"))
			}
		})
	}
}

func TestDates(t *testing.T) {
	tests := []struct{ line, want string }{
		{"14/10/2026 10:22 Delivered", "2026-10-14 10:22"},
		{"October 3, 2026, 2:14 pm Delivered", "2026-10-03 14:14"},
		{"Oct 3rd, 2026 12:05 a.m. Delivered", "2026-10-03 00:05"},
		{"2026-10-01 09:00:00 Accepted", "2026-10-01 09:00"},
		{"2026-10-01T09:00:00 Accepted", "2026-10-01 09:00"},
		{"2026/10/01 09:00 Accepted", "2026-10-01 09:00"},
		{"12 октября 2026, 14:35 Вручение адресату", "2026-10-12 14:35"},
		{"12 Октябрь 2026 14:35 Вручение", "2026-10-12 14:35"},
		{"15 października 2026 12:01 Doręczono", "2026-10-15 12:01"},
		{"15 październik 2026 12:01 Doręczono", "2026-10-15 12:01"},
		{"3 de março de 2026 às 09:00 Entregue", "2026-03-03 09:00"},
		{"3 de marzo de 2026, 09:00 Entregado", "2026-03-03 09:00"},
		{"3 août 2026 à 09h05 Livré", "2026-08-03 09:05"},
		{"3. März 2026 um 09:05 Zugestellt", "2026-03-03 09:05"},
		{"3 dicembre 2026 ore 09:05 Consegnato", "2026-12-03 09:05"},
		{"2026年10月12日 14:35 已签收", "2026-10-12 14:35"},
		{"2026年10月12日 14时35分 已签收", "2026-10-12 14:35"},
		{"14:35, 12.10.2026 Zugestellt", "2026-10-12 14:35"},
		{"Mon, 12 Oct 2026 Delivered", "2026-10-12 00:00"},
		{"Delivered on 29/02/2028", "2028-02-29 00:00"},
	}
	for _, tt := range tests {
		p, err := Parse(tt.line, Options{})
		if err != nil {
			t.Errorf("%q: %v", tt.line, err)
			continue
		}
		if len(p.Events) != 1 || p.Events[0].Unparsed {
			t.Errorf("%q: %+v, want one dated event", tt.line, p.Events)
			continue
		}
		if got := p.Events[0].Time.Format("2006-01-02 15:04"); got != tt.want {
			t.Errorf("%q: %s, want %s", tt.line, got, tt.want)
		}
	}
}

func TestNotDates(t *testing.T) {
	for _, line := range []string{
		"31/02/2026 10:00 Accepted", // no such day
		"2026-13-01 10:00 Accepted",
		"29/02/2026 Accepted", // 2026 is no leap year
	} {
		p, err := Parse(line, Options{})
		if err != nil {
			t.Fatalf("%q: %v", line, err)
		}
		if len(p.Events) != 1 || !p.Events[0].Unparsed || !strings.Contains(p.Events[0].Description, "Accepted") {
			t.Errorf("%q: %+v, want one unparsed event keeping the text", line, p.Events)
		}
	}
}

func TestNumericOrderDecidedByPage(t *testing.T) {
	tests := []struct {
		page       string
		monthFirst bool // the option: only used when the page does not decide
		want       string
	}{
		{"04/05/2026 Accepted\n13/05/2026 Delivered", false, "2026-05-04"},
		{"04/05/2026 Accepted\n13/05/2026 Delivered", true, "2026-05-04"},  // 13 settles day-first
		{"04/05/2026 Accepted\n05/13/2026 Delivered", false, "2026-04-05"}, // 13 settles month-first
		{"04/05/2026 Accepted", true, "2026-04-05"},
		{"04/05/2026 Accepted", false, "2026-05-04"},
		// Dots are written day first (DE, PL, RU, ...), even when the buyer is in the US.
		{"04.05.2026 Accepted", true, "2026-05-04"},
		{"04.05.2026 Accepted\n05/13/2026 Delivered", true, "2026-05-04"},
	}
	for _, tt := range tests {
		p, err := Parse(tt.page, Options{MonthFirst: tt.monthFirst})
		if err != nil {
			t.Fatal(err)
		}
		last := p.Events[len(p.Events)-1]
		if got := last.Time.Format("2006-01-02"); got != tt.want {
			t.Errorf("%q (month first %v): oldest %s, want %s", tt.page, tt.monthFirst, got, tt.want)
		}
	}
}

func TestBadInput(t *testing.T) {
	tests := []struct {
		name, text string
		want       error
		words      string
	}{
		{"empty", "", ErrEmpty, "empty"},
		{"blank", " \n\t\n ", ErrEmpty, "empty"},
		{"5 MB", strings.Repeat("2026-10-01 09:00 Accepted by carrier\n", 5<<20/36), ErrTooLarge, "at most 1.0 MB"},
		{"no dates", "Your parcel is on its way.\nThank you for shopping.", ErrNoDates, "no dates"},
	}
	for _, tt := range tests {
		_, err := Parse(tt.text, Options{})
		if !errors.Is(err, tt.want) {
			t.Errorf("%s: error %v, want %v", tt.name, err, tt.want)
			continue
		}
		if tracker.KindOf(err) != tracker.KindInvalid || !strings.Contains(err.Error(), tt.words) {
			t.Errorf("%s: %q is not an Invalid error saying %q", tt.name, err, tt.words)
		}
	}
}

func TestFutureDatesCounted(t *testing.T) {
	now := time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC)
	page := "2027-01-05 10:00 Delivered\n2026-11-23 01:00 Out for delivery\n2026-11-20 09:00 Accepted"
	p, err := Parse(page, Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	// 2026-11-23 01:00 is inside the time-zone slack; only 2027 is in the future
	if p.Future != 1 {
		t.Errorf("Future = %d, want 1", p.Future)
	}
	if p, _ := Parse(page, Options{}); p.Future != 0 {
		t.Errorf("without Now, Future = %d, want 0", p.Future)
	}
}

func TestClassify(t *testing.T) {
	tests := map[string]tracker.Status{
		"Delivered, Front Porch":              tracker.StatusDelivered,
		"Undelivered: address unknown":        tracker.StatusException,
		"Delivery attempted - no access":      tracker.StatusAttemptFail,
		"Out for Delivery":                    tracker.StatusOutForDelivery,
		"Shipping Label Created":              tracker.StatusInfoReceived,
		"Objeto não entregue - endereço":      tracker.StatusException,
		"Objeto entregue ao destinatário":     tracker.StatusDelivered,
		"Entregado":                           tracker.StatusDelivered,
		"No entregado, devuelto":              tracker.StatusException,
		"Votre colis est livré":               tracker.StatusDelivered,
		"Retourné à l’expéditeur":             tracker.StatusException,
		"Die Sendung wird heute zugestellt":   tracker.StatusOutForDelivery,
		"Zugestellt":                          tracker.StatusDelivered,
		"Rücksendung an den Absender":         tracker.StatusException,
		"Consegnato":                          tracker.StatusDelivered,
		"Non consegnato, destinatario ignoto": tracker.StatusException,
		"Doręczono":                           tracker.StatusDelivered,
		"Przesyłka gotowa do odbioru w UP":    tracker.StatusPickup,
		"Вручение адресату":                   tracker.StatusDelivered,
		"Неудачная попытка вручения":          tracker.StatusAttemptFail,
		"Прибыло в место вручения":            tracker.StatusPickup,
		"Возврат отправителю":                 tracker.StatusException,
		"已签收":                                 tracker.StatusDelivered,
		"派送中":                                 tracker.StatusOutForDelivery,
		"退回":                                  tracker.StatusException,
		"查询不到":                                tracker.StatusNotFound,
		"Nessuna informazione disponibile":    tracker.StatusNotFound,
		"Brak informacji o przesyłce":         tracker.StatusNotFound,
		"Keine Informationen verfügbar":       tracker.StatusNotFound,
		"Processed through facility":          tracker.StatusInTransit,
		// "delivered" inside a sentence that says it was not
		"Your item could not be delivered":              tracker.StatusAttemptFail,
		"Package cannot be delivered today":             tracker.StatusAttemptFail,
		"Your parcel has not yet been delivered":        tracker.StatusInTransit,
		"Not yet delivered, on its way":                 tracker.StatusInTransit,
		"Your package has not been delivered":           tracker.StatusInTransit,
		"Not delivered, returned to sender":             tracker.StatusException,
		"Votre colis n'a pas pu être livré à l'adresse": tracker.StatusAttemptFail,
		"Pas encore livré":                              tracker.StatusInTransit,
		"No se pudo entregar, destinatario ausente":     tracker.StatusAttemptFail,
		"Não foi possível entregar o objeto":            tracker.StatusAttemptFail,
		"Die Sendung wurde noch nicht zugestellt":       tracker.StatusInTransit,
		"未签收": tracker.StatusAttemptFail,
	}
	for desc, want := range tests {
		if got := Classify(desc); got != want {
			t.Errorf("Classify(%q) = %s, want %s", desc, got, want)
		}
	}
}

// FuzzParse checks that no text crashes the parser and that what it returns keeps its promises:
// newest first, unparsed last, valid text, and no more events than lines.
func FuzzParse(f *testing.F) {
	for _, fx := range historytest.Load(f, "testdata") {
		f.Add(fx.Page)
	}
	b, err := os.ReadFile("testdata/real/histories.json")
	if err != nil {
		f.Fatal(err)
	}
	var real []struct{ Text string }
	if err := json.Unmarshal(b, &real); err != nil {
		f.Fatal(err)
	}
	for _, r := range real {
		f.Add(r.Text) // pages published by others
	}
	f.Add("31/02/2026 10:00\n10:22\n\n\n2026年13月40日")
	f.Add("Oct 3rd, 2026 12:05 a.m.\n14h35 3. März")
	f.Fuzz(func(t *testing.T, text string) {
		p, err := Parse(text, Options{Now: time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			if tracker.KindOf(err) != tracker.KindInvalid {
				t.Fatalf("error of kind %v: %v", tracker.KindOf(err), err)
			}
			return
		}
		if lines := lineCount(text); len(p.Events) > lines {
			t.Fatalf("%d events from %d lines", len(p.Events), lines)
		}
		for i, e := range p.Events {
			if i > 0 {
				prev := p.Events[i-1]
				if prev.Unparsed && !e.Unparsed || !prev.Unparsed && !e.Unparsed && prev.Time.Before(e.Time) {
					t.Fatalf("events out of order at %d: %v then %v", i, prev, e)
				}
			}
			if !e.Unparsed && e.Time.IsZero() {
				t.Fatalf("dated event with zero time: %+v", e)
			}
			if e.Status == "" {
				t.Fatalf("event without status: %+v", e)
			}
		}
	})
}

// lineCount bounds the lines Parse sees: it breaks lines at \n, a lone \r (old Mac text), U+2028
// and U+0085, so each of them may start a line.
func lineCount(text string) int {
	return 1 + strings.Count(text, "\n") + strings.Count(text, "\r") + strings.Count(text, "\u2028") + strings.Count(text, "\u0085")
}

func BenchmarkParse200(b *testing.B) {
	var sb strings.Builder
	places := []string{"SHENZHEN", "HONG KONG", "LOS ANGELES, CA 90045", "AUSTIN, TX 78701"}
	start := time.Date(2026, 9, 1, 8, 0, 0, 0, time.UTC)
	for i := 199; i >= 0; i-- {
		t := start.Add(time.Duration(i) * 5 * time.Hour)
		fmt.Fprintf(&sb, "%s\nArrived at sorting facility, item processed\n%s\n\n", t.Format("January 2, 2006, 3:04 pm"), places[i%len(places)])
	}
	page := sb.String()
	if p, err := Parse(page, Options{}); err != nil || len(p.Events) != 200 {
		b.Fatalf("%d events, %v", len(p.Events), err)
	}
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		Parse(page, Options{})
	}
}

func TestTrackingNumberLineIsNotADescription(t *testing.T) {
	page := "Tracking Number: 9400111899223197428490\nDelivered, In/At Mailbox\nDENVER, CO 80202\nOctober 3, 2026, 2:14 pm\n" +
		"运单号：LP00123456789012\n2026-10-01 09:00:00 Accepted"
	p, err := Parse(page, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range p.Events {
		if strings.Contains(e.Description, "9400111899223197428490") || strings.Contains(e.Description, "LP001") {
			t.Errorf("the tracking number line became part of %q", e.Description)
		}
	}
}
