package deadlines

import (
	"slices"
	"time"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/ar"
	"github.com/rickar/cal/v2/at"
	"github.com/rickar/cal/v2/be"
	"github.com/rickar/cal/v2/bg"
	"github.com/rickar/cal/v2/br"
	"github.com/rickar/cal/v2/ca"
	"github.com/rickar/cal/v2/ch"
	"github.com/rickar/cal/v2/cz"
	"github.com/rickar/cal/v2/de"
	"github.com/rickar/cal/v2/dk"
	"github.com/rickar/cal/v2/es"
	"github.com/rickar/cal/v2/fr"
	"github.com/rickar/cal/v2/gb"
	"github.com/rickar/cal/v2/gr"
	"github.com/rickar/cal/v2/hr"
	"github.com/rickar/cal/v2/ie"
	"github.com/rickar/cal/v2/it"
	"github.com/rickar/cal/v2/jp"
	"github.com/rickar/cal/v2/lt"
	"github.com/rickar/cal/v2/lv"
	"github.com/rickar/cal/v2/nl"
	"github.com/rickar/cal/v2/no"
	"github.com/rickar/cal/v2/nz"
	"github.com/rickar/cal/v2/pl"
	"github.com/rickar/cal/v2/ro"
	"github.com/rickar/cal/v2/ru"
	"github.com/rickar/cal/v2/se"
	"github.com/rickar/cal/v2/si"
	"github.com/rickar/cal/v2/sk"
	"github.com/rickar/cal/v2/ua"
	"github.com/rickar/cal/v2/us"
	"github.com/rickar/cal/v2/za"

	"proofpack/tracker"
)

// nationalHolidays are the public holidays rickar/cal knows, by ISO country code. Banks and
// platforms count business days in the country of the buyer's bank, which is the buyer's own.
var nationalHolidays = map[string][]*cal.Holiday{
	"AR": ar.Holidays, "AT": at.Holidays, "BE": be.Holidays, "BG": bg.Holidays,
	"BR": append(slices.Clone(br.Holidays), consciencia), "CA": ca.Holidays, "CH": ch.Holidays, "CZ": cz.Holidays, "DE": de.Holidays,
	"DK": dk.Holidays, "ES": es.Holidays, "FR": fr.Holidays, "GB": gb.Holidays, "GR": gr.Holidays,
	"HR": hr.Holidays, "IE": ie.Holidays, "IT": it.Holidays, "JP": jp.Holidays, "LT": lt.Holidays,
	"LV": lv.Holidays, "NL": nl.Holidays, "NO": no.Holidays, "NZ": nz.Holidays, "PL": pl.Holidays,
	"RO": ro.Holidays, "RU": ru.Holidays, "SE": se.Holidays, "SI": si.Holidays, "SK": sk.Holidays,
	"UA": ua.Holidays, "US": us.Holidays, "ZA": za.Holidays,
}

// consciencia is Brazil's Dia Nacional de Zumbi e da Consciência Negra, 20 November, a national
// holiday since 2024 (Lei 14.759/2023, https://www.planalto.gov.br/ccivil_03/_ato2023-2026/2023/lei/l14759.htm)
// that rickar/cal v2.1.13 does not have yet.
var consciencia = &cal.Holiday{Name: "Consciência Negra", Type: cal.ObservancePublic, Month: time.November, Day: 20,
	StartYear: 2024, Func: cal.CalcDayOfMonth}

// Calendar counts business days in one country: Monday to Friday, less its public holidays
// (as observed: a holiday on a Saturday that the country moves to Friday closes the Friday).
// A country we know no holidays of counts weekends only.
type Calendar struct {
	Country string
	bc      *cal.BusinessCalendar
}

// CalendarFor returns the business calendar of an ISO 3166 country code.
func CalendarFor(country string) Calendar {
	bc := cal.NewBusinessCalendar()
	bc.AddHoliday(nationalHolidays[country]...)
	return Calendar{Country: country, bc: bc}
}

// KnowsHolidays reports whether the calendar has the country's public holidays, not only weekends.
func (c Calendar) KnowsHolidays() bool { return len(nationalHolidays[c.Country]) > 0 }

// IsBusinessDay reports whether d is a working day in the country.
func (c Calendar) IsBusinessDay(d tracker.Date) bool { return c.bc.IsWorkday(noon(d)) }

// AddBusinessDays returns the n-th business day after d (d itself never counts).
func (c Calendar) AddBusinessDays(d tracker.Date, n int) tracker.Date {
	return tracker.DateOf(c.bc.WorkdaysFrom(noon(d), n))
}

// OnOrAfter is d when it is a business day, else the next business day.
func (c Calendar) OnOrAfter(d tracker.Date) tracker.Date {
	if c.IsBusinessDay(d) {
		return d
	}
	return c.AddBusinessDays(d, 1)
}

// noon keeps a date's day whatever zone rickar/cal reads it in.
func noon(d tracker.Date) time.Time { return d.In(time.UTC).Add(12 * time.Hour) }
