package deadlines

import (
	"strings"
	"testing"

	"proofpack/tracker"
)

func TestSellerMessages(t *testing.T) {
	c := aliCase()
	c.Seller, c.OrderNumber, c.Item, c.Amount, c.Currency = "Bright Store", "8190000000000001", "Desk lamp", 2340, "USD"
	c.Shipments = []tracker.Shipment{{Number: "RR123456785CN"}}
	today := day("2026-10-01")
	for _, lang := range MessageLanguages {
		for _, kind := range MessageKinds {
			m, ok := SellerMessageFor(c, kind, lang, "Ana Souza", today)
			if !ok {
				t.Fatalf("%s/%s missing", lang, kind)
			}
			for _, want := range []string{"Bright Store", "8190000000000001", "Desk lamp", "2026-08-28", "RR123456785CN", "2026-10-04", "Ana Souza"} {
				if !strings.Contains(m.Text, want) {
					t.Errorf("%s/%s lacks %q:\n%s", lang, kind, want, m.Text)
				}
			}
			if strings.Contains(m.Text, "{") {
				t.Errorf("%s/%s has an unfilled blank:\n%s", lang, kind, m.Text)
			}
			if kind == AskRefund && !strings.Contains(m.Text, "23.40 USD") {
				t.Errorf("%s refund without the amount:\n%s", lang, m.Text)
			}
		}
	}
	zh, _ := SellerMessageFor(c, AskTracking, "zh", "", today)
	if !strings.Contains(zh.Text, "物流单号 RR123456785CN 无法查询") || strings.HasSuffix(zh.Text, "\n") {
		t.Errorf("zh tracking:\n%q", zh.Text)
	}
	if _, ok := SellerMessageFor(c, "hurry", "en", "", today); ok {
		t.Error("unknown kind")
	}
	if _, ok := SellerMessageFor(c, AskRefund, "xx", "", today); ok {
		t.Error("unknown language")
	}
	all := SellerMessages(c, "pt", "Ana", today)
	if len(all) != 9 || all[0].Lang != "en" || all[1].Lang != "zh" || all[2].Lang != "pt" {
		t.Errorf("en, zh and the buyer's pt for each kind: %+v", all)
	}
	if len(SellerMessages(c, "de", "", today)) != 6 {
		t.Error("a language without texts adds none")
	}
}
