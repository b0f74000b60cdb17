package carrier

// US carriers. Shapes, check-digit parameters and field meanings are read from the
// tracking_number_data courier files (v2.0.0): ups, usps, fedex, amazon, ontrac, lasership,
// old_dominion, speedee, gofo. Checked 2026-11-22.

var (
	fedexW317 = []int{3, 1, 7}
	fedexW173 = []int{1, 7, 3}
)

// USPS IMpb bodies: application identifier, 3-digit service type, mailer id (9 digits starting
// with 9, or 6 starting with 0-8), package id, check digit. Publication 199 ties the package id's
// length to the mailer id's, so each mailer id lists its own lengths.
const (
	impbMailer9 = `9[0-9]{8}(?:[0-9]{7}|[0-9]{11}|[0-9]{15})`
	impbMailer6 = `[0-8][0-9]{5}(?:[0-9]{10}|[0-9]{14})`
	// IMpb C: 92 requires a 9-digit mailer id, 93 a 6-digit one, 95 (retail) either; no
	// 15-digit package id.
	impbCMailer9 = `9[0-9]{8}(?:[0-9]{7}|[0-9]{11})`
)

var usFormats = []Format{
	{
		ID: "ups", Carrier: "ups", Name: "UPS (1Z)",
		Shape:  `^1Z[0-9A-Z]{15}[0-9]$`,
		Check:  func(n string) bool { return checkChar(mod10("", n[2:17], 1, 2, false), n[17]) },
		Decode: decodeUPS,
	},
	{
		ID: "ups_waybill", Carrier: "ups", Name: "UPS waybill",
		Shape: `^[AHJKTV][0-9]{10}$`,
		Check: func(n string) bool { return checkChar(mod10("", n[1:10], 1, 2, false), n[10]) },
		Decode: func(n string) map[string]string {
			return lookup("service", n[:1], upsWaybillServices)
		},
	},
	{
		ID: "usps_20", Carrier: "usps", Name: "USPS (20 digits)",
		Shape:  `^[0-9]{20}$`,
		Check:  func(n string) bool { return checkChar(mod10("", n[:19], 3, 1, false), n[19]) },
		Decode: func(n string) map[string]string { return lookup("service", n[:2], uspsServices) },
	},
	{
		ID: "usps_impb_n", Carrier: "usps", Name: "USPS IMpb (online or vendor label)",
		Shape:   `^94[0-9]{3}(?:` + impbMailer9 + `|` + impbMailer6 + `)[0-9]$`,
		Check:   func(n string) bool { return checkLast(n, mod10("", n[:len(n)-1], 3, 1, true)) },
		Routing: true,
	},
	{
		ID: "usps_impb_c", Carrier: "usps", Name: "USPS IMpb (commercial or retail)",
		Shape: `^(?:92[0-9]{3}` + impbCMailer9 + `|93[0-9]{3}` + impbMailer6 +
			`|95[0-9]{3}(?:` + impbCMailer9 + `|` + impbMailer6 + `))[0-9]$`,
		Check:   func(n string) bool { return checkLast(n, mod10("", n[:len(n)-1], 3, 1, false)) },
		Routing: true,
	},
	{
		// The check digit always counts the 91 application identifier, printed or not.
		ID: "usps_legacy", Carrier: "usps", Name: "USPS Delivery/Signature Confirmation (91)",
		Shape: `^(?:91)?[0-9]{19}[0-9]$`,
		Check: func(n string) bool {
			serial, prefix := n[:len(n)-1], "91"
			if len(serial) >= 2 && serial[:2] == "91" {
				prefix = ""
			}
			return checkLast(n, mod10(prefix, serial, 3, 1, false))
		},
		Routing: true,
	},
	{
		// A door tag left when nobody was home: DT + a 12-digit Express number (karrio's FedEx
		// tracking test, DT106798246430).
		ID: "fedex_door_tag", Carrier: "fedex", Name: "FedEx door tag (DT)",
		Shape: `^DT[0-9]{12}$`,
		Check: func(n string) bool { return checkChar(mod11mod10(n[2:13], fedexW317), n[13]) },
	},
	{
		ID: "fedex_12", Carrier: "fedex", Name: "FedEx Express (12)",
		Shape: `^[0-9]{12}$`,
		Check: func(n string) bool { return checkChar(mod11mod10(n[:11], fedexW317), n[11]) },
	},
	{
		ID: "fedex_34", Carrier: "fedex", Name: "FedEx Express (34)",
		Shape:  `^[0-8][0-9]{33}$`,
		Check:  func(n string) bool { return checkChar(mod11mod10(n[20:33], fedexW173), n[33]) },
		Decode: func(n string) map[string]string { return map[string]string{"destination_zip": n[15:20]} },
	},
	{
		// The legacy ASTRA barcode carries a 12-digit Express number at positions 17-28.
		ID: "fedex_astra_32", Carrier: "fedex", Name: "FedEx ASTRA barcode (32)",
		Shape: `^3[0-9]{31}$`,
		Check: func(n string) bool { return checkChar(mod11mod10(n[16:27], fedexW317), n[27]) },
		Decode: func(n string) map[string]string {
			return map[string]string{"express_number": n[16:28]}
		},
	},
	{
		ID: "fedex_ground", Carrier: "fedex", Name: "FedEx Ground (15)",
		Shape: `^[0-9]{15}$`,
		Check: func(n string) bool { return checkChar(mod10("", n[:14], 1, 3, false), n[14]) },
	},
	{
		ID: "fedex_ground_sscc_18", Carrier: "fedex", Name: "FedEx Ground SSCC-18",
		Shape:  `^[0-9]{18}$`,
		Check:  func(n string) bool { return checkChar(mod10("", n[2:17], 3, 1, false), n[17]) },
		Decode: func(n string) map[string]string { return lookup("container", n[:2], ssccContainers) },
	},
	{
		ID: "fedex_ground_96", Carrier: "fedex", Name: "FedEx Ground 96 (22)",
		Shape: `^96[0-9]{20}$`,
		Check: func(n string) bool { return checkChar(mod10("", n[7:21], 1, 3, false), n[21]) },
		Decode: func(n string) map[string]string {
			return map[string]string{"service_code": n[4:7], "shipper_id": n[7:14]}
		},
	},
	{
		ID: "fedex_ground_gsn", Carrier: "fedex", Name: "FedEx Ground GSN (34)",
		Shape: `^96[0-9]{32}$`,
		Check: func(n string) bool { return checkChar(mod11mod10(n[20:33], fedexW173), n[33]) },
	},
	{
		ID: "amazon_logistics", Carrier: "amazon", Name: "Amazon Logistics (TBA)",
		Shape: `^TB[ACM][0-9]{12}$`,
	},
	{
		ID: "amazon_international", Carrier: "amazon", Name: "Amazon International",
		Shape: `^[AFC][0-9]{10}$`,
		Weak:  true,
	},
	{
		// OnTrac counts a leading 4 (C numbers) or 5 (D numbers) that the label leaves out.
		ID: "ontrac_c", Carrier: "ontrac", Name: "OnTrac (C)",
		Shape: `^C[0-9]{14}$`,
		Check: func(n string) bool { return checkChar(mod10(ontracPrefix(n[1:14], "4"), n[1:14], 1, 2, false), n[14]) },
	},
	{
		ID: "ontrac_d", Carrier: "ontrac", Name: "OnTrac (D)",
		Shape: `^D[0-9]{14}$`,
		Check: func(n string) bool { return checkChar(mod10(ontracPrefix(n[1:14], "5"), n[1:14], 1, 2, false), n[14]) },
	},
	{
		ID: "lasership_lx", Carrier: "lasership", Name: "LaserShip (L)",
		Shape: `^L[AIEHNX][1-3][0-9]{7}$`,
	},
	{
		ID: "lasership_1ls7", Carrier: "lasership", Name: "LaserShip 1LS7 (15)",
		Shape: `^1LS7[12][0-9]{10}$`,
	},
	{
		// Printed "1LS7119013618127-1": the cleaner drops the dash, Printed restores it.
		ID: "lasership_1ls7_18", Carrier: "lasership", Name: "LaserShip 1LS7 (18)",
		Shape:   `^1LS7[12][0-9]{2}01[1-4][0-9]{6}1$`,
		Printed: func(n string) string { return n[:len(n)-1] + "-" + n[len(n)-1:] },
	},
	{
		ID: "lasership_1lscx", Carrier: "lasership", Name: "LaserShip 1LSCX (15)",
		Shape: `^1LSCX[0-9A-Z]{10}$`,
	},
	{
		ID: "old_dominion", Carrier: "old_dominion", Name: "Old Dominion PRO",
		Shape: `^(?:77[78]|072|780)[0-9]{8}$`,
		Check: func(n string) bool { return checkChar(luhn(n[:10]), n[10]) },
	},
	{
		ID: "old_dominion_guaranteed", Carrier: "old_dominion", Name: "Old Dominion Guaranteed",
		Shape: `^80[0-9]{9}$`,
		Check: func(n string) bool { return checkChar(luhn(n[:10]), n[10]) },
	},
	{
		ID: "speedee", Carrier: "speedee", Name: "Spee-Dee (20)",
		Shape: `^SP[0-9]{18}$`,
	},
	{
		ID: "gofo_us", Carrier: "gofo", Name: "GOFO Express (US)",
		Shape: `^GFUS[0-9]{14}$`,
	},
	{
		// GF + 13 digits: the sample on gofoexpress.com's tracking page (GF6350311188916).
		ID: "gofo_gf", Carrier: "gofo", Name: "GOFO Express (GF)",
		Shape: `^GF[0-9]{13}$`,
	},
	{
		// CR + 12 digits: a public GOFO tracker library and its tests (CR000485623975).
		ID: "gofo_cr", Carrier: "gofo", Name: "GOFO Express (CR)",
		Shape: `^CR[0-9]{12}$`,
	},
}

// checkLast compares an expected check value with n's last character.
func checkLast(n string, want int) bool { return checkChar(want, n[len(n)-1]) }

// ontracPrefix is the digit OnTrac's check sum counts in front of the serial, unless the
// serial already starts with it.
func ontracPrefix(serial, digit string) string {
	if serial[:1] == digit {
		return ""
	}
	return digit
}

// lookup returns {key: table[code]} with the raw code, or just the code when the table lacks it.
func lookup(key, code string, table map[string]string) map[string]string {
	f := map[string]string{key + "_code": code}
	if v, ok := table[code]; ok {
		f[key] = v
	}
	return f
}

func decodeUPS(n string) map[string]string {
	f := lookup("service", n[8:10], upsServices)
	f["shipper_id"] = n[2:8]
	return f
}

// upsServices: the 1Z number's two service characters (tracking_number_data ups.json).
var upsServices = map[string]string{
	"01": "Next Day Air", "02": "2nd Day Air", "03": "Ground", "12": "3 Day Select",
	"13": "Next Day Air Saver", "15": "Next Day Air Early A.M.",
	"22": "Ground, Returns Plus (three pickup attempts)", "32": "Next Day Air Early A.M., COD",
	"33": "Next Day Air Early A.M., Saturday, COD", "41": "Next Day Air Early A.M., Saturday",
	"42": "Ground, signature required", "44": "Next Day Air, Saturday",
	"66": "Worldwide Express", "72": "Ground, collect on delivery",
	"78": "Ground, Returns Plus (one pickup attempt)", "90": "Ground, returns label",
	"A0": "Next Day Air Early A.M., adult signature", "A1": "Next Day Air Early A.M., Saturday, adult signature",
	"A2": "Next Day Air, adult signature", "A8": "Ground, adult signature",
	"A9": "Next Day Air Early A.M., adult signature, COD",
	"AA": "Next Day Air Early A.M., Saturday, adult signature, COD",
	"YW": "SurePost (delivered by USPS)",
}

var upsWaybillServices = map[string]string{
	"J": "Next Day Express", "K": "Ground", "V": "Worldwide Express Saver",
}

// uspsServices: the first two digits of a 20-digit USPS number (tracking_number_data usps.json).
var uspsServices = map[string]string{
	"01": "Delivery Confirmation: Priority Mail or First-Class parcel",
	"02": "Delivery Confirmation: Package Services or Parcel Select",
	"03": "Delivery Confirmation: retail", "04": "Delivery Confirmation: retail",
	"05": "Delivery Confirmation: Priority Mail or First-Class, insured over $50",
	"06": "Delivery Confirmation: Package Services, insured over $50",
	"07": "Delivery Confirmation: Priority Mail, insured $50 or under",
	"08": "Delivery Confirmation: Package Services, insured $50 or under",
	"21": "Signature Confirmation: Priority Mail or First-Class parcel",
	"22": "Signature Confirmation: Package Services or Parcel Select",
	"23": "Signature Confirmation: retail", "24": "Signature Confirmation: retail",
	"73": "Insured Mail, value over $50",
	"82": "Merchandise Return with Delivery Confirmation",
}

var ssccContainers = map[string]string{
	"00": "case or carton", "01": "pallet", "02": "larger than a pallet", "04": "internal use",
}
