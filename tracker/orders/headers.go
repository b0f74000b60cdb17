package orders

import (
	"strings"
	"unicode"
)

// Fields are ProofPack's own column names, the CSV contract of DESIGN.md, plus the optional
// ship date and tracking link that exports often carry.
var Fields = []string{"order_number", "order_date", "seller", "item", "amount", "currency",
	"tracking_number", "courier", "destination_country", "destination_city", "destination_postcode",
	"marketplace", "ship_date", "tracking_url"}

// aliases maps a folded header to its field, per preset. AfterShip's names are from its CSV
// import documentation (tracking_number, courier, order_id, title, destination_country,
// tracking_postal_code, tracking_ship_date, ...); the AliExpress ones are the column titles of
// its order list as buyers copy it into a spreadsheet.
var aliases = map[string]map[string]string{
	"aftership": {
		"order id": "order_number", "title": "item", "slug": "courier",
		"tracking postal code": "destination_postcode", "tracking ship date": "ship_date",
		"tracking destination country": "destination_country", "destination country iso3": "destination_country",
		"order date": "order_date", "order number": "order_number",
	},
	"aliexpress": {
		"order no": "order_number", "order no.": "order_number", "order": "order_number",
		"order time": "order_date", "order placed": "order_date", "date": "order_date", "purchase date": "order_date",
		"store": "seller", "store name": "seller", "shop": "seller", "shop name": "seller", "seller name": "seller",
		"product": "item", "product name": "item", "item name": "item", "description": "item",
		"total": "amount", "order amount": "amount", "order total": "amount", "price": "amount", "total price": "amount",
		"tracking no": "tracking_number", "tracking no.": "tracking_number", "tracking": "tracking_number",
		"tracking id": "tracking_number", "logistics": "courier", "carrier": "courier", "shipping company": "courier",
		"logistics company": "courier", "country": "destination_country", "city": "destination_city",
		"postcode": "destination_postcode", "postal code": "destination_postcode", "zip": "destination_postcode",
		"zip code": "destination_postcode", "platform": "marketplace", "shipped": "ship_date",
		"ship date": "ship_date", "tracking link": "tracking_url",
		"订单号": "order_number", "下单时间": "order_date", "店铺": "seller", "商品": "item", "金额": "amount",
		"运单号": "tracking_number", "物流公司": "courier",
	},
}

// fieldOf maps a header cell to a field and the preset whose name it is; "" for a column
// ProofPack does not use.
func fieldOf(header string) (field, preset string) {
	h := fold(header)
	for _, f := range Fields {
		if h == fold(f) {
			return f, "proofpack"
		}
	}
	for _, p := range []string{"aftership", "aliexpress"} {
		if f := aliases[p][h]; f != "" {
			return f, p
		}
	}
	return "", ""
}

// fold lowercases a header and turns underscores, dashes and runs of spaces into one space, so
// "Order_ID", "order-id" and "Order  ID" are one name.
func fold(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.TrimSpace(s) {
		if r == '_' || r == '-' || unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}
