package orders

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"proofpack/tracker"
)

// Defaults fill what a file leaves out: the buyer's address and currency from the settings or
// the command line, and the marketplace when the file has no such column.
type Defaults struct {
	Marketplace, Currency, City, Postcode, Country string
}

// Order is one row read into a draft case (without shipments: the caller checks each number
// the way a typed one is checked) and the tracking numbers and courier the row gave.
type Order struct {
	Line     int
	Case     tracker.Case
	Tracking []string // one or more numbers; a cell may hold several, split by spaces, commas or semicolons
	Courier  string   // the file's courier name or slug, a hint when a number fits several carriers
}

// Problem is one bad value: the line, the column as the file names it, and what is wrong.
type Problem struct {
	Line   int    `json:"line"`
	Column string `json:"column"`
	Msg    string `json:"message"`
}

func (p Problem) Error() string { return fmt.Sprintf("line %d, %s: %s", p.Line, p.Column, p.Msg) }

// Orders reads every row into an Order; rows with problems are left out and their problems
// returned, each naming its line and column.
func (sh Sheet) Orders(def Defaults) ([]Order, []Problem) {
	dates := map[string]dateOrder{}
	for _, f := range []string{"order_date", "ship_date"} {
		dates[f] = sh.dateOrder(f)
	}
	var out []Order
	var bad []Problem
	for _, r := range sh.Rows {
		o, ps := sh.order(r, def, dates)
		if len(ps) > 0 {
			bad = append(bad, ps...)
			continue
		}
		out = append(out, o)
	}
	return out, bad
}

func (sh Sheet) order(r Row, def Defaults, dates map[string]dateOrder) (Order, []Problem) {
	var ps []Problem
	fail := func(field, format string, a ...any) {
		ps = append(ps, Problem{Line: r.Line, Column: sh.ColumnOf(field), Msg: fmt.Sprintf(format, a...)})
	}
	v := func(field, fallback string) string {
		if s := r.Values[field]; s != "" {
			return s
		}
		return fallback
	}
	c := tracker.Case{
		Marketplace: strings.ToLower(v("marketplace", def.Marketplace)),
		OrderNumber: v("order_number", ""),
		Seller:      v("seller", sh.missing("seller")),
		Item:        v("item", sh.missing("item")),
		Currency:    strings.ToUpper(v("currency", def.Currency)),
		Payment:     "card",
		Buyer: tracker.Address{
			City:     v("destination_city", def.City),
			Postcode: v("destination_postcode", def.Postcode),
		},
	}
	c.Marketplace = marketplace(c.Marketplace)
	if cc := v("destination_country", def.Country); cc != "" {
		if c.Buyer.Country = tracker.CountryCode(cc); c.Buyer.Country == "" {
			fail("destination_country", "%q is not a country: write a code like US, BRA or a name like Brazil", clip(cc))
		}
	}
	if s := r.Values["amount"]; s != "" {
		amt, cur, err := parseAmount(s)
		switch {
		case err != nil:
			fail("amount", "%v", err)
		case cur != "" && r.Values["currency"] != "" && !strings.EqualFold(cur, r.Values["currency"]):
			fail("amount", "%q is in %s but the currency column says %s", clip(s), cur, r.Values["currency"])
		default:
			c.Amount = amt
			if cur != "" {
				c.Currency = cur
			}
		}
	}
	for field, dst := range map[string]*tracker.Date{"order_date": &c.Ordered, "ship_date": &c.Shipped} {
		if s := r.Values[field]; s != "" {
			d, err := parseDate(s, dates[field])
			if err != nil {
				fail(field, "%v", err)
			}
			*dst = d
		}
	}
	o := Order{Line: r.Line, Case: c, Courier: r.Values["courier"], Tracking: splitNumbers(r.Values["tracking_number"])}
	if len(ps) > 0 {
		return o, ps
	}
	// Validate with a placeholder shipment: the numbers are checked by the caller, the rest here.
	probe := c
	probe.Shipments = []tracker.Shipment{{Number: "x", Link: r.Values["tracking_url"]}}
	if len(o.Tracking) == 0 {
		fail("tracking_number", "must not be empty")
	} else if err := probe.Validate(); err != nil {
		field := fieldOfDomain[tracker.FieldOf(err)]
		msg := err.Error()
		if te, ok := err.(*tracker.Error); ok {
			msg = te.Msg // the column is named by the problem itself
		}
		if field == "" {
			field = tracker.FieldOf(err)
		}
		fail(field, "%s", msg)
	}
	if u := r.Values["tracking_url"]; u != "" && len(o.Tracking) > 0 {
		o.Case.Shipments = []tracker.Shipment{{Link: u}}
	}
	return o, ps
}

// fieldOfDomain maps the case's field names (tracker.Case.Validate) to the file's.
var fieldOfDomain = map[string]string{
	"order_number": "order_number", "seller": "seller", "item": "item", "currency": "currency",
	"city": "destination_city", "country": "destination_country", "postcode": "destination_postcode",
	"ordered": "order_date", "shipped": "ship_date", "tracking": "tracking_number", "tracking_url": "tracking_url",
	"marketplace": "marketplace", "amount": "amount",
}

// ColumnOf names a field as the file does: its header, or our name when the file has no such column.
func (sh Sheet) ColumnOf(field string) string {
	for _, c := range sh.Columns {
		if c.Field == field {
			return c.Header
		}
	}
	return field
}

// missing is the placeholder for a field the file has no column for at all (AfterShip's format
// names no seller): the case is still added, and its text says plainly what to fill in.
func (sh Sheet) missing(field string) string {
	for _, c := range sh.Columns {
		if c.Field == field {
			return ""
		}
	}
	return NotInFile
}

// NotInFile is the text of a field the imported file had no column for.
const NotInFile = "(not in the imported file)"

// marketplace reads "AliExpress", "Amazon.de" or "eBay" as the ids ProofPack knows.
func marketplace(s string) string {
	for _, m := range tracker.Marketplaces {
		if s == m || strings.HasPrefix(s, m+".") || strings.HasPrefix(s, m+" ") {
			return m
		}
	}
	return s
}

// splitNumbers splits a cell that lists several tracking numbers. Spaces inside one number
// ("1Z 999 AA1 ...") are kept together when the cell has a comma or semicolon.
func splitNumbers(cell string) []string {
	sep := func(r rune) bool { return r == ',' || r == ';' || r == '\n' }
	if !strings.ContainsAny(cell, ",;\n") {
		sep = func(r rune) bool { return r == ' ' && strings.Count(cell, " ") > 0 && allTokensLong(cell) }
	}
	var out []string
	for _, p := range strings.FieldsFunc(cell, sep) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// allTokensLong tells "LP00123 LP00456" (two numbers) from "1Z 999 AA1" (one, spaced): a cell
// is a list only when every part is long enough to be a number of its own.
func allTokensLong(cell string) bool {
	for _, p := range strings.Fields(cell) {
		if len(p) < 8 {
			return false
		}
	}
	return true
}

func clip(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// dateOrder is how a column writes its numeric dates with slashes.
type dateOrder int

const (
	orderUnknown dateOrder = iota // no value proves either order
	dayFirst
	monthFirst
	orderMixed // some values prove day first, others month first
)

var slashDate = regexp.MustCompile(`^(\d{1,2})/(\d{1,2})/(\d{4})\b`)

// dateOrder decides, from every value of a column, whether 03/04/2026 is 3 April or 4 March:
// a value with a first part over 12 proves day first, a second part over 12 month first.
func (sh Sheet) dateOrder(field string) dateOrder {
	day, month := false, false
	for _, r := range sh.Rows {
		m := slashDate.FindStringSubmatch(strings.TrimSpace(r.Values[field]))
		if m == nil {
			continue
		}
		a, _ := strconv.Atoi(m[1])
		b, _ := strconv.Atoi(m[2])
		day = day || a > 12
		month = month || b > 12
	}
	switch {
	case day && month:
		return orderMixed
	case day:
		return dayFirst
	case month:
		return monthFirst
	}
	return orderUnknown
}

var (
	isoDate   = regexp.MustCompile(`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[ T])`)
	compact   = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})$`)
	dotDate   = regexp.MustCompile(`^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:$|\s)`)
	named     = regexp.MustCompile(`^(?:([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})|(\d{1,2}) ([A-Za-z]{3,9})\.?,? (\d{4}))(?:$|[ ,])`)
	monthName = map[string]time.Month{}
)

func init() {
	for m := time.January; m <= time.December; m++ {
		monthName[strings.ToLower(m.String())] = m
		monthName[strings.ToLower(m.String()[:3])] = m
	}
	monthName["sept"] = time.September
}

// parseDate reads the date shapes order exports use; the time of day, if any, is dropped.
func parseDate(s string, order dateOrder) (tracker.Date, error) {
	s = strings.TrimSpace(s)
	num := func(x string) int { n, _ := strconv.Atoi(x); return n }
	var y, mo, d int
	if m := isoDate.FindStringSubmatch(s); m != nil {
		y, mo, d = num(m[1]), num(m[2]), num(m[3])
	} else if m := compact.FindStringSubmatch(s); m != nil {
		y, mo, d = num(m[1]), num(m[2]), num(m[3])
	} else if m := dotDate.FindStringSubmatch(s); m != nil {
		d, mo, y = num(m[1]), num(m[2]), num(m[3])
	} else if m := slashDate.FindStringSubmatch(s); m != nil {
		var err error
		if d, mo, err = slashDayMonth(s, num(m[1]), num(m[2]), num(m[3]), order); err != nil {
			return tracker.Date{}, err
		}
		y = num(m[3])
	} else if m := named.FindStringSubmatch(s); m != nil {
		name, dd, yy := m[1], m[2], m[3]
		if name == "" {
			name, dd, yy = m[5], m[4], m[6]
		}
		month, ok := monthName[strings.ToLower(name)]
		if !ok {
			return tracker.Date{}, notDate(s)
		}
		y, mo, d = num(yy), int(month), num(dd)
	} else {
		return tracker.Date{}, notDate(s)
	}
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	if mo < 1 || mo > 12 || t.Day() != d {
		return tracker.Date{}, notDate(s)
	}
	return tracker.DateOf(t), nil
}

func notDate(s string) error { return fmt.Errorf("%q is not a date: write it as YYYY-MM-DD", clip(s)) }

// slashDayMonth reads a/b of a slashed date in the column's proven order; a date that could be
// read both ways in a column that proves neither is refused, never guessed.
func slashDayMonth(s string, a, b, y int, order dateOrder) (day, month int, err error) {
	switch {
	case order == orderMixed:
		return 0, 0, fmt.Errorf("%q: this column writes some dates day first and others month first; write them as YYYY-MM-DD", clip(s))
	case order == dayFirst, a > 12 && order != monthFirst, a == b:
		return a, b, nil
	case order == monthFirst, b > 12:
		return b, a, nil
	}
	return 0, 0, fmt.Errorf("%q could be %s or %s: write it as YYYY-MM-DD", clip(s),
		tracker.Date{Year: y, Month: time.Month(b), Day: a}, tracker.Date{Year: y, Month: time.Month(a), Day: b})
}

// currencyMarks are the symbols that name one currency for certain. A bare "$" or "¥" names
// several, so it gives no currency and the column or the default must.
var currencyMarks = []struct{ mark, code string }{
	{"US $", "USD"}, {"US$", "USD"}, {"CA $", "CAD"}, {"C$", "CAD"}, {"AU $", "AUD"}, {"A$", "AUD"},
	{"R$", "BRL"}, {"€", "EUR"}, {"£", "GBP"}, {"₽", "RUB"}, {"руб.", "RUB"}, {"руб", "RUB"}, {"zł", "PLN"},
	{"₴", "UAH"}, {"₩", "KRW"}, {"₺", "TRY"}, {"₪", "ILS"}, {"$", ""}, {"¥", ""}, {"￥", ""},
}

var isoCode = regexp.MustCompile(`(?:^|\s)([A-Z]{3})(?:\s|$)`)

// parseAmount reads "US $12.34", "12,34 €", "1,234.56 USD" or "1.234,56": the amount in cents
// and the currency the text names, "" when it names none for certain.
func parseAmount(s string) (tracker.Cents, string, error) {
	text := strings.TrimSpace(s)
	cur := ""
	for _, cm := range currencyMarks {
		if strings.Contains(text, cm.mark) {
			text = strings.Replace(text, cm.mark, " ", 1)
			cur = cm.code
			break
		}
	}
	if m := isoCode.FindStringSubmatch(text); m != nil {
		if cur != "" && cur != m[1] {
			return 0, "", fmt.Errorf("%q names two currencies", clip(s))
		}
		cur = m[1]
		text = strings.Replace(text, m[1], " ", 1)
	}
	n := strings.Map(func(r rune) rune {
		if r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\'' {
			return -1
		}
		return r
	}, text)
	dot, comma := strings.LastIndex(n, "."), strings.LastIndex(n, ",")
	switch {
	case dot >= 0 && comma >= 0: // the later one is the decimal mark
		if dot > comma {
			n = strings.ReplaceAll(n, ",", "")
		} else {
			n = strings.ReplaceAll(strings.ReplaceAll(n, ".", ""), ",", ".")
		}
	case comma >= 0 && len(n)-comma-1 == 3 && strings.Count(n, ",") >= 1 && comma > 0:
		n = strings.ReplaceAll(n, ",", "") // 1,234: thousands
	case dot >= 0 && len(n)-dot-1 == 3 && comma < 0 && strings.Count(n, ".") >= 1 && dot > 0:
		n = strings.ReplaceAll(n, ".", "") // 1.234: thousands
	}
	amt, err := tracker.ParseAmount(n)
	if err != nil {
		return 0, "", fmt.Errorf("%q is not an amount: write it like 12.50", clip(s))
	}
	return amt, cur, nil
}
