package tracker

import "strings"

// currencies are the ISO 4217 codes of currencies in use (the list maintained by SIX for the ISO
// 4217 Maintenance Agency, as of 2025), plus the few withdrawn since 2020 that an older order may
// still be in (ANG, CUC, HRK, SLL, ZWL). Fund codes (BOV, CLF, USN, ...), precious metals (XAU,
// ...), XDR, the test code XTS and "no currency" XXX are left out: nobody pays a shop in them;
// so are codes ISO does not list at all, such as BTC.
var currencies = setOf(`
AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN
BZD CAD CDF CHF CLP CNY COP CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL
GHS GIP GMD GNF GTQ GYD HKD HNL HRK HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF
KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR
MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG
SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD
UYU UZS VED VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG ZWL`)

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// IsCurrency reports whether code is an ISO 4217 currency a buyer can have paid in (upper case).
func IsCurrency(code string) bool { return currencies[code] }
