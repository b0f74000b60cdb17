package tracker

// marketplaceNames spell each marketplace as its buyers do; the window and the packet share them.
var marketplaceNames = map[string]string{
	"aliexpress": "AliExpress", "ebay": "eBay", "amazon": "Amazon", "temu": "Temu", "etsy": "Etsy",
	"shein": "SHEIN", "wish": "Wish", "other": "Online shop",
}

// MarketplaceName returns a marketplace id's name; unknown ids come back unchanged.
func MarketplaceName(id string) string {
	if n, ok := marketplaceNames[id]; ok {
		return n
	}
	return id
}

var paymentNames = map[string]string{"card": "card", "paypal": "PayPal", "balance": "marketplace balance"}

// PaymentName names a payment route as it reads in a sentence ("paid by card", "by PayPal").
func PaymentName(id string) string {
	if n, ok := paymentNames[id]; ok {
		return n
	}
	return id
}

// Rank orders severities: critical 3, warning 2, info 1, anything else 0.
func (s Severity) Rank() int {
	switch s {
	case Critical:
		return 3
	case Warning:
		return 2
	case Info:
		return 1
	}
	return 0
}
