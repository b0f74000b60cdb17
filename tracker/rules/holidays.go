package rules

import (
	"time"

	"proofpack/tracker"
)

// Holiday is a period when Chinese sellers, factories and posts stop, so parcels leave late.
type Holiday struct {
	Name     string
	From, To tracker.Date // inclusive
	Official bool         // published by the State Council; false: projected from the rules
	Backlog  int          // days after it while the backlog clears (heuristic)
}

// projectedMargin widens projected holidays: the 2026 Spring Festival block started a day
// earlier than the 2025 rule gives, so allow two days either side.
const projectedMargin = 2

// Sources of ChinaHolidays, checked on ChinaHolidaysChecked.
const ChinaHolidaysSource = "State Council holiday notices for 2024 (25 Oct 2023), 2025 (12 Nov 2024, " +
	"国办发明电〔2024〕12号: https://www.ctaweb.org.cn/en/redianpinglun/10085.html) and 2026 " +
	"(4 Nov 2025: https://politics.gmw.cn/2025-11/04/content_38391083.htm); 2027-2030 projected " +
	"from the 2025 rule with lunar dates from lunar-javascript 1.7.7; see research/disputes.md 2.3"

// ChinaHolidaysChecked is the day the table was last compared with its sources.
var ChinaHolidaysChecked = tracker.Date{Year: 2026, Month: 11, Day: 22}

// ChinaHolidays are the Spring Festival and National Day (Golden Week) breaks, 2024-2030.
// Backlogs follow the carriers' advice: a week or more after Spring Festival, a few days after
// Golden Week.
var ChinaHolidays = []Holiday{
	{"Spring Festival 2024", d(2024, 2, 10), d(2024, 2, 17), true, 7},
	{"Golden Week 2024", d(2024, 10, 1), d(2024, 10, 7), true, 3},
	{"Spring Festival 2025", d(2025, 1, 28), d(2025, 2, 4), true, 7},
	{"Golden Week 2025", d(2025, 10, 1), d(2025, 10, 8), true, 3},
	{"Spring Festival 2026", d(2026, 2, 15), d(2026, 2, 23), true, 7},
	{"Golden Week 2026", d(2026, 10, 1), d(2026, 10, 7), true, 3},
	{"Spring Festival 2027", d(2027, 2, 5), d(2027, 2, 12), false, 7},
	{"Golden Week 2027", d(2027, 10, 1), d(2027, 10, 7), false, 3},
	{"Spring Festival 2028", d(2028, 1, 25), d(2028, 2, 1), false, 7},
	{"Golden Week 2028", d(2028, 10, 1), d(2028, 10, 8), false, 3},
	{"Spring Festival 2029", d(2029, 2, 12), d(2029, 2, 19), false, 7},
	{"Golden Week 2029", d(2029, 10, 1), d(2029, 10, 7), false, 3},
	{"Spring Festival 2030", d(2030, 2, 2), d(2030, 2, 9), false, 7},
	{"Golden Week 2030", d(2030, 10, 1), d(2030, 10, 7), false, 3},
}

func d(y, m, day int) tracker.Date { return tracker.Date{Year: y, Month: time.Month(m), Day: day} }

// span is the days a holiday holds up parcels: the break, the margin of a projection and the
// backlog after it.
func (h Holiday) span() (from, to tracker.Date) {
	from, to = h.From, h.To.AddDays(h.Backlog)
	if !h.Official {
		from, to = from.AddDays(-projectedMargin), to.AddDays(projectedMargin)
	}
	return from, to
}

// deadline is start plus days, stretched by the length of every holiday that overlaps the
// wait (a stretch can reach the next holiday, which then counts too). It returns the holidays
// that stretched it, for the message.
func deadline(start tracker.Date, days int, hs []Holiday) (tracker.Date, []Holiday) {
	end := start.AddDays(days)
	var used []Holiday
	counted := make([]bool, len(hs))
	for changed := true; changed; {
		changed = false
		for i, h := range hs {
			from, to := h.span()
			if counted[i] || to.Before(start) || end.Before(from) {
				continue
			}
			counted[i], changed = true, true
			end = end.AddDays(from.DaysUntil(to) + 1)
			used = append(used, h)
		}
	}
	return end, used
}
