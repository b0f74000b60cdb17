package orders

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"

	"proofpack/tracker"
)

const ours = "order_number,order_date,seller,item,amount,currency,tracking_number,courier,destination_country,destination_city,destination_postcode,marketplace\n"

func read(t *testing.T, text string) Sheet {
	t.Helper()
	sh, err := Read(strings.NewReader(text))
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return sh
}

func TestOurColumns(t *testing.T) {
	sh := read(t, ours+"8123,2026-09-01,Lamp Store,Desk lamp,19.90,USD,RR123456785CN,china-post,US,Austin,78701,aliexpress\n")
	if sh.Preset != "proofpack" || sh.Delimiter != "," || sh.Encoding != "UTF-8" {
		t.Errorf("sheet %q %q %q", sh.Preset, sh.Delimiter, sh.Encoding)
	}
	os, bad := sh.Orders(Defaults{})
	if len(bad) != 0 || len(os) != 1 {
		t.Fatalf("orders %v, problems %v", os, bad)
	}
	c := os[0].Case
	want := tracker.Case{Marketplace: "aliexpress", OrderNumber: "8123", Seller: "Lamp Store", Item: "Desk lamp",
		Amount: 1990, Currency: "USD", Ordered: tracker.Date{Year: 2026, Month: 9, Day: 1}, Payment: "card",
		Buyer: tracker.Address{City: "Austin", Postcode: "78701", Country: "US"}}
	if c.Marketplace != want.Marketplace || c.OrderNumber != want.OrderNumber || c.Amount != want.Amount ||
		c.Ordered != want.Ordered || c.Buyer != want.Buyer || c.Currency != want.Currency {
		t.Errorf("case %+v\nwant %+v", c, want)
	}
	if os[0].Line != 2 || os[0].Courier != "china-post" || len(os[0].Tracking) != 1 {
		t.Errorf("order %+v", os[0])
	}
}

// Each bad value is named by its line and by the column as the file calls it.
func TestProblemsNameLineAndColumn(t *testing.T) {
	text := ours +
		"1,2026-09-01,S,I,5.00,USD,RR123456785CN,,US,Austin,,aliexpress\n" +
		"2,2026-31-01,S,I,5.00,USD,RR123456785CN,,US,Austin,,aliexpress\n" +
		"3,2026-09-01,S,I,5.0x,USD,RR123456785CN,,US,Austin,,aliexpress\n" +
		"4,2026-09-01,S,I,5.00,USD,,,US,Austin,,aliexpress\n" +
		"5,2026-09-01,S,I,5.00,USD,RR123456785CN,,Atlantis,Austin,,aliexpress\n" +
		"6,2026-09-01,,I,5.00,USD,RR123456785CN,,US,Austin,,aliexpress\n" +
		"7,2026-09-01,S,I,5.00,USD,RR123456785CN,,US,Austin,,walmart\n"
	os, bad := read(t, text).Orders(Defaults{})
	if len(os) != 1 {
		t.Errorf("%d good rows, want 1", len(os))
	}
	want := []string{
		`line 3, order_date: "2026-31-01" is not a date: write it as YYYY-MM-DD`,
		`line 4, amount: "5.0x" is not an amount: write it like 12.50`,
		`line 5, tracking_number: must not be empty`,
		`line 6, destination_country: "Atlantis" is not a country`,
		`line 7, seller: must not be empty`,
		`line 8, marketplace: "walmart" is not one of`,
	}
	if len(bad) != len(want) {
		t.Fatalf("problems %v", bad)
	}
	for i, w := range want {
		if !strings.HasPrefix(bad[i].Error(), w) {
			t.Errorf("problem %d = %q, want prefix %q", i, bad[i].Error(), w)
		}
	}
}

// AfterShip's import columns, semicolons, a BOM, ISO-3 countries and YYYYMMDD ship dates.
func TestAfterShipPreset(t *testing.T) {
	text := "\ufefftracking_number;courier;order_id;title;destination_country;tracking_postal_code;tracking_ship_date;order_date\n" +
		"9400111206213642173009;usps;A-1001;Phone case;USA;78701;20260903;2026-09-01\n"
	sh := read(t, text)
	if sh.Preset != "aftership" || sh.Delimiter != ";" || sh.Encoding != "UTF-8 with BOM" {
		t.Errorf("sheet %q %q %q", sh.Preset, sh.Delimiter, sh.Encoding)
	}
	os, bad := sh.Orders(Defaults{Marketplace: "ebay", Currency: "USD", City: "Austin"})
	if len(bad) != 0 {
		t.Fatalf("problems %v", bad)
	}
	c := os[0].Case
	if c.OrderNumber != "A-1001" || c.Item != "Phone case" || c.Buyer.Country != "US" || c.Buyer.Postcode != "78701" ||
		c.Shipped != (tracker.Date{Year: 2026, Month: 9, Day: 3}) || c.Seller != "(not in the imported file)" {
		t.Errorf("case %+v", c)
	}
}

// An AliExpress order list pasted from a spreadsheet: tabs, US $ amounts, named months.
func TestAliExpressPreset(t *testing.T) {
	text := "Order ID\tOrder time\tStore name\tProduct name\tOrder amount\tTracking number\n" +
		"8190000000001\tOct. 12, 2026 08:44\tBest Gadget Store\tUSB cable\tUS $3.41\tLP00123456789012\n"
	sh := read(t, text)
	if sh.Preset != "aliexpress" || sh.Delimiter != "tab" {
		t.Errorf("sheet %q %q", sh.Preset, sh.Delimiter)
	}
	os, bad := sh.Orders(Defaults{Marketplace: "aliexpress", City: "Recife", Country: "BR"})
	if len(bad) != 0 {
		t.Fatalf("problems %v", bad)
	}
	c := os[0].Case
	if c.Amount != 341 || c.Currency != "USD" || c.Ordered != (tracker.Date{Year: 2026, Month: 10, Day: 12}) || c.Seller != "Best Gadget Store" {
		t.Errorf("case %+v", c)
	}
}

func TestWindows1252(t *testing.T) {
	text := ours + "9,2026-09-01,Loja São Paulo,Café,10,00,BRL,RR123456785CN,,BR,São Paulo,,aliexpress\n"
	text = strings.Replace(text, "10,00", `"10,00"`, 1)
	raw, err := charmap.Windows1252.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	sh := read(t, raw)
	os, bad := sh.Orders(Defaults{})
	if sh.Encoding != "Windows-1252" || len(bad) != 0 {
		t.Fatalf("encoding %q problems %v", sh.Encoding, bad)
	}
	if c := os[0].Case; c.Seller != "Loja São Paulo" || c.Buyer.City != "São Paulo" || c.Amount != 1000 {
		t.Errorf("case %+v", c)
	}
}

// A slashed date is read in the order the column proves, and refused when nothing proves it.
func TestSlashDates(t *testing.T) {
	head := "order_number,order_date,seller,item,amount,currency,tracking_number,destination_country,destination_city,marketplace\n"
	row := func(n, d string) string { return n + "," + d + ",S,I,1,USD,RR123456785CN,US,Austin,ebay\n" }
	os, bad := read(t, head+row("1", "03/04/2026")+row("2", "25/04/2026")).Orders(Defaults{})
	if len(bad) != 0 || os[0].Case.Ordered != (tracker.Date{Year: 2026, Month: 4, Day: 3}) {
		t.Errorf("day-first column: %v %v", os, bad)
	}
	os, bad = read(t, head+row("1", "03/04/2026")+row("2", "04/25/2026")).Orders(Defaults{})
	if len(bad) != 0 || os[0].Case.Ordered != (tracker.Date{Year: 2026, Month: 3, Day: 4}) {
		t.Errorf("month-first column: %v %v", os, bad)
	}
	_, bad = read(t, head+row("1", "03/04/2026")).Orders(Defaults{})
	if len(bad) != 1 || !strings.Contains(bad[0].Msg, "could be 2026-04-03 or 2026-03-04") {
		t.Errorf("ambiguous date: %v", bad)
	}
}

func TestAmounts(t *testing.T) {
	for in, want := range map[string]struct {
		c   tracker.Cents
		cur string
	}{
		"12.50": {1250, ""}, "12,5": {1250, ""}, "US $1,234.56": {123456, "USD"}, "1.234,56 €": {123456, "EUR"},
		"R$ 89,90": {8990, "BRL"}, "1 299,00 руб.": {129900, "RUB"}, "5.50 PLN": {550, "PLN"}, "$7": {700, ""},
	} {
		c, cur, err := parseAmount(in)
		if err != nil || c != want.c || cur != want.cur {
			t.Errorf("parseAmount(%q) = %v %q %v, want %v %q", in, c, cur, err, want.c, want.cur)
		}
	}
	for _, in := range []string{"", "abc", "12.5.5x", "US $ EUR 5"} {
		if _, _, err := parseAmount(in); err == nil {
			t.Errorf("parseAmount(%q) accepted", in)
		}
	}
}

func TestFileProblems(t *testing.T) {
	for name, text := range map[string]string{
		"empty":          "",
		"no tracking":    "order_number,seller\n1,S\n",
		"two of a field": "tracking_number,order_id,order_number\nRR123456785CN,1,2\n",
		"bad quotes":     "tracking_number,item\nRR123456785CN,\"open\n\"x\"y\n",
	} {
		if _, err := Read(strings.NewReader(text)); err == nil {
			t.Errorf("%s: no error", name)
		} else if tracker.KindOf(err) != tracker.KindInvalid {
			t.Errorf("%s: kind %v: %v", name, tracker.KindOf(err), err)
		}
	}
}

func TestSplitNumbers(t *testing.T) {
	for in, want := range map[string]int{"RR123456785CN": 1, "1Z 999 AA1 01 2345 6784": 1,
		"LP00123456789012 LP00123456789013": 2, "A1234567; B1234567": 2, "": 0} {
		if got := splitNumbers(in); len(got) != want {
			t.Errorf("splitNumbers(%q) = %q", in, got)
		}
	}
}

// FuzzRead: any bytes read to a sheet or a named error, never a panic; rows keep their lines.
func FuzzRead(f *testing.F) {
	f.Add(ours + "1,2026-09-01,S,I,5.00,USD,RR123456785CN,,US,Austin,,aliexpress\n")
	f.Add("tracking_number;order_id\n\"a;b\";x\n")
	f.Add("\xff\xfet\x00r\x00")
	f.Add("Order ID\tOrder time\n1\t03/04/2026\n")
	f.Fuzz(func(t *testing.T, text string) {
		sh, err := Read(strings.NewReader(text))
		if err != nil {
			return
		}
		os, bad := sh.Orders(Defaults{Marketplace: "ebay", Currency: "USD", City: "Austin", Country: "US"})
		if len(os)+len(bad) < len(sh.Rows) && len(bad) == 0 {
			t.Fatalf("%d rows gave %d orders and no problem", len(sh.Rows), len(os))
		}
		for _, p := range bad {
			if p.Line < 2 || p.Column == "" || p.Msg == "" {
				t.Fatalf("problem without a place: %+v", p)
			}
		}
	})
}
