package casework_test

import (
	"context"
	"strings"
	"testing"

	"proofpack/casework"
	"proofpack/tracker"
	"proofpack/tracker/boltstore"
	"proofpack/tracker/orders"
)

// service opens a real store in a temporary data folder.
func service(t testing.TB) *casework.Service {
	t.Helper()
	dir := t.TempDir()
	st, err := boltstore.OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := st.Check(); err != nil {
			t.Errorf("store consistency: %v", err)
		}
		st.Close()
	})
	return &casework.Service{Store: st, Dir: dir}
}

const head = "order_number,order_date,seller,item,amount,currency,tracking_number,courier,destination_country,destination_city,destination_postcode,marketplace\n"

func TestImportTwiceAddsNothingTwice(t *testing.T) {
	s := service(t)
	file := head +
		"1001,2026-09-01,Lamp Store,Desk lamp,19.90,USD,RR123456785CN,,US,Austin,78701,aliexpress\n" +
		"1002,2026-09-02,Mug Shop,Mug,5.50,USD,LP00123456789012,cainiao,US,Austin,78701,aliexpress\n" +
		"1002,2026-09-02,Mug Shop,Mug,5.50,USD,RR876543216CN,,US,Austin,78701,aliexpress\n"
	rep, err := s.ImportOrders(context.Background(), strings.NewReader(file), casework.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Added != 2 || rep.Updated != 0 || len(rep.Problems) != 0 || !rep.Saved {
		t.Fatalf("first import %+v", rep)
	}
	cases, _ := s.Store.Cases()
	if len(cases) != 2 || len(cases[1].Shipments) != 2 || cases[1].Shipments[0].Carrier != "cainiao" {
		t.Fatalf("cases %+v", cases)
	}
	// The buyer's own work since the import must survive the next one.
	if _, err := s.Store.UpdateCase(cases[0].ID, func(c *tracker.Case) error {
		c.Dispute.Opened = tracker.Date{Year: 2026, Month: 10, Day: 20}
		c.Shipments[0].Events = []tracker.Event{{Description: "Accepted", Status: tracker.StatusInTransit}}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	rep, err = s.ImportOrders(context.Background(), strings.NewReader(file), casework.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Added != 0 || rep.Updated != 0 || rep.Unchanged != 2 {
		t.Errorf("second import %+v", rep)
	}
	changed := strings.Replace(file, "Desk lamp", `"Desk lamp, brass"`, 1)
	rep, _ = s.ImportOrders(context.Background(), strings.NewReader(changed), casework.ImportOptions{})
	if rep.Updated != 1 || rep.Unchanged != 1 || rep.Cases[0].ID != cases[0].ID {
		t.Errorf("changed import %+v", rep)
	}
	got, _ := s.Store.Case(cases[0].ID)
	if got.Item != "Desk lamp, brass" || got.Dispute.Opened.IsZero() || len(got.Shipments[0].Events) != 1 {
		t.Errorf("the update lost the buyer's work: %+v", got)
	}
	if all, _ := s.Store.Cases(); len(all) != 2 {
		t.Errorf("%d cases after three imports", len(all))
	}
}

func TestStrictAndDryRunSaveNothing(t *testing.T) {
	s := service(t)
	file := head +
		"1001,2026-09-01,Lamp Store,Desk lamp,19.90,USD,RR123456785CN,,US,Austin,78701,aliexpress\n" +
		"1002,2026-31-01,Mug Shop,Mug,5.50,USD,LP00123456789012,,US,Austin,78701,aliexpress\n"
	for _, opt := range []casework.ImportOptions{{Strict: true}, {DryRun: true}} {
		rep, err := s.ImportOrders(context.Background(), strings.NewReader(file), opt)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Saved || len(rep.Problems) != 1 || rep.Problems[0].Error() != `line 3, order_date: "2026-31-01" is not a date: write it as YYYY-MM-DD` {
			t.Errorf("%+v: %+v", opt, rep)
		}
		if cs, _ := s.Store.Cases(); len(cs) != 0 {
			t.Errorf("%+v saved %d cases", opt, len(cs))
		}
	}
	rep, _ := s.ImportOrders(context.Background(), strings.NewReader(file), casework.ImportOptions{})
	if !rep.Saved || rep.Added != 1 {
		t.Errorf("plain import of the good row: %+v", rep)
	}
}

// The courier column picks among the carriers a number fits, and defaults fill the address.
func TestDefaultsAndCourier(t *testing.T) {
	s := service(t)
	file := "tracking_number,order_id,title,order_date,courier\n1Z5R89390357567127,A1,Case,2026-09-01,ups\n"
	rep, err := s.ImportOrders(context.Background(), strings.NewReader(file), casework.ImportOptions{
		Defaults: orders.Defaults{Marketplace: "ebay", Currency: "USD", City: "Austin", Country: "US"}})
	if err != nil || rep.Added != 1 {
		t.Fatalf("%+v %v", rep, err)
	}
	cs, _ := s.Store.Cases()
	if c := cs[0]; c.Buyer.City != "Austin" || c.Shipments[0].Carrier != "ups" || c.Seller != orders.NotInFile {
		t.Errorf("case %+v", c)
	}
}
