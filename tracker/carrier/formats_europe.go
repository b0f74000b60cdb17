package carrier

// DHL, DPD, Yodel and Landmark Global. Shapes and check digits are read from the
// tracking_number_data courier files (v2.0.0) dhl, dpd, yodel and landmark. Checked 2026-11-22.

var europeFormats = []Format{
	{
		ID: "dhl_express", Carrier: "dhl", Name: "DHL Express waybill",
		Shape: `^[0-9]{10,11}$`,
		Check: func(n string) bool { return checkLast(n, mod7(n[:len(n)-1])) },
	},
	{
		ID: "dhl_express_piece_id", Carrier: "dhl", Name: "DHL Express piece ID",
		Shape: `^J[A-Z]{2,3}[0-9]{9,10}$`,
	},
	{
		// The dataset's look-aheads only say "a digit comes first after the prefix" and "at
		// most 39 more characters": plain RE2 can say both.
		ID: "dhl_ecommerce", Carrier: "dhl", Name: "DHL eCommerce",
		Shape: `^(?:GM|LX|RX|UV|CN|SG|TH|IN|HK|MY)[0-9][0-9A-Z]{9,38}$`,
		Weak:  true,
	},
	{
		ID: "dhl_ecommerce_14", Carrier: "dhl", Name: "DHL eCommerce (14 digits)",
		Shape: `^[0-9]{14}$`,
		Weak:  true,
	},
	{
		ID: "dpd", Carrier: "dpd", Name: "DPD parcel label (28)",
		Shape: `^[0-9]{27}[0-9A-Z]$`,
		Check: func(n string) bool { return checkChar(mod3736(n[:27]), n[27]) },
		Decode: func(n string) map[string]string {
			f := lookup("service", n[21:24], dpdServices)
			f["destination_postcode"] = n[:7]
			f["destination_country_numeric"] = n[24:27] // ISO 3166-1 numeric
			f["parcel_number"] = n[7:21]
			return f
		},
	},
	{
		ID: "dpd_14", Carrier: "dpd", Name: "DPD parcel number (14)",
		Shape: `^[0-9]{14}[0-9A-Z]$`,
		Check: func(n string) bool { return checkChar(mod3736(n[:14]), n[14]) },
	},
	{
		ID: "yodel", Carrier: "yodel", Name: "Yodel (JD)",
		Shape: `^JJ?D[0-9]{16}$`,
	},
	{
		ID: "landmark_global", Carrier: "landmark", Name: "Landmark Global LTN",
		Shape: `^LTN[0-9]{8}N1$`,
	},
}

// dpdServices: the service code inside a 28-character DPD label (tracking_number_data dpd.json).
var dpdServices = map[string]string{
	"101": "normal parcel", "102": "normal parcel, hazardous goods", "105": "normal parcel, ex works",
	"106": "normal parcel, ex works, hazardous goods", "109": "normal parcel, cash on delivery",
	"110": "normal parcel, cash on delivery, hazardous goods", "113": "normal parcel, exchange",
	"136": "small parcel", "154": "parcel letter", "155": "Guarantee", "161": "Guarantee, cash on delivery",
	"179": "DPD 10:00", "191": "DPD 10:00, cash on delivery", "225": "DPD 12:00",
	"237": "DPD 12:00, cash on delivery", "350": "DPD 8:30",
}

var canadaFormats = []Format{
	{
		ID: "canada_post", Carrier: "canada_post", Name: "Canada Post (16)",
		Shape: `^[0-9]{16}$`,
		Check: func(n string) bool { return checkChar(mod10("", n[:15], 3, 1, false), n[15]) },
	},
	{
		// The number on a Delivery Notice Card, which Canada Post's Track page accepts: "always
		// 15 digits" (reference.com, "Is It Possible to Track Packages With Canada Post?";
		// canadapost.ca help: "Enter your Delivery Notice Card number into Track"). No check
		// digit is published.
		ID: "canada_post_notice_card", Carrier: "canada_post", Name: "Canada Post Delivery Notice Card (15)",
		Shape: `^[0-9]{15}$`,
		Weak:  true,
	},
	{
		ID: "canpar_22", Carrier: "canpar", Name: "Canpar (22)",
		Shape: `^[CDKLSUXZ][0-9]{21}$`,
	},
	{
		ID: "purolator_numeric", Carrier: "purolator", Name: "Purolator (12)",
		Shape: `^[0-5][0-9]{11}$`,
		Check: func(n string) bool { return checkChar(luhn(n[:11]), n[11]) },
	},
	{
		ID: "purolator_alpha", Carrier: "purolator", Name: "Purolator (3 letters + 9)",
		Shape: `^[A-Z]{3}[0-9]{9}$`,
		Weak:  true,
	},
}
