package carrier

import (
	"strings"

	"proofpack/tracker"
)

// posts: national posts, the origin and destination carriers of UPU S10 numbers. Posts without a
// page here still get links: the universal tracker shows their scans.
var posts = []carrierInfo{
	{ID: "usps", Name: "USPS", Track: "https://tools.usps.com/go/TrackConfirmAction?tLabels={n}",
		Domains: []string{"usps.com"}, Checked: researched, Source: srcResearch},
	{ID: "royal_mail", Name: "Royal Mail", Track: "https://www.royalmail.com/track-your-item#/tracking-results/{n}",
		Domains: []string{"royalmail.com", "parcelforce.com"}, Checked: researched, Source: srcResearch},
	{ID: "deutsche_post", Name: "Deutsche Post DHL", Track: "https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode={n}",
		Domains: []string{"dhl.de", "deutschepost.de"}, Group: "dhl", Checked: researched, Source: srcResearch},
	{ID: "canada_post", Name: "Canada Post", Track: "https://www.canadapost-postescanada.ca/track-reperage/en#/search?searchFor={n}",
		Domains: []string{"canadapost-postescanada.ca", "canadapost.ca", "postescanada.ca"}, Checked: researched, Source: srcResearch},
	{ID: "australia_post", Name: "Australia Post", Track: "https://auspost.com.au/mypost/track/#/details/{n}",
		Domains: []string{"auspost.com.au"}, Checked: researched, Source: srcResearch},
	{ID: "la_poste", Name: "La Poste / Colissimo", Track: "https://www.laposte.fr/outils/suivre-vos-envois?code={n}",
		Domains: []string{"laposte.fr", "colissimo.fr"}, Checked: researched, Source: srcResearch},
	{ID: "postnl", Name: "PostNL", Search: "https://www.postnl.nl/en/receiving/parcels/track-and-trace/",
		Domains: []string{"postnl.nl", "postnl.post"}, Checked: researched, Source: srcResearch + " (deep link needs a postcode)"},
	{ID: "poste_italiane", Name: "Poste Italiane", Track: "https://www.poste.it/cerca/index.html#/risultati-spedizioni/{n}",
		Domains: []string{"poste.it"}, Checked: researched, Source: srcResearch},
	{ID: "correos", Name: "Correos", Track: "https://www.correos.es/es/es/herramientas/localizador/envios/detalle?tracking-number={n}",
		Domains: []string{"correos.es"}, Checked: researched, Source: srcResearch},
	{ID: "japan_post", Name: "Japan Post", Track: "https://trackings.post.japanpost.jp/services/srv/search/direct?reqCodeNo1={n}&searchKind=S002&locale=en",
		Domains: []string{"japanpost.jp"}, Checked: researched, Source: srcResearch},
	{ID: "korea_post", Name: "Korea Post", Track: "https://service.epost.go.kr/trace.RetrieveEmsRigiTraceList.comm?POST_CODE={n}&displayHeader=N",
		Domains: []string{"epost.go.kr"}, Checked: researched, Source: srcResearch},
	{ID: "india_post", Name: "India Post", Search: "https://www.indiapost.gov.in/_layouts/15/DOP.Portal.Tracking/TrackConsignment.aspx",
		Domains: []string{"indiapost.gov.in"}, Checked: researched, Source: srcResearch},
	{ID: "russian_post", Name: "Russian Post", Track: "https://www.pochta.ru/tracking#{n}",
		Domains: []string{"pochta.ru"}, Checked: researched, Source: srcResearch},
	{ID: "poczta_polska", Name: "Poczta Polska", Track: "https://emonitoring.poczta-polska.pl/?numer={n}",
		Domains: []string{"poczta-polska.pl"}, Checked: researched, Source: srcResearch},
	{ID: "china_post", Name: "China Post / EMS", Search: "https://www.ems.com.cn/mailtracking/you_jian_cha_xun.html",
		Domains: []string{"ems.com.cn", "chinapost.com.cn", "11183.com.cn"}, Checked: researched, Source: srcResearch + " (captcha: no deep link)"},
	{ID: "correios", Name: "Correios", Search: "https://rastreamento.correios.com.br/app/index.php",
		Domains: []string{"correios.com.br"}, Checked: researched, Source: srcResearch + " (captcha: no deep link)"},
	{ID: "austrian_post", Name: "Österreichische Post", Track: "https://www.post.at/s/sendungsdetails?snr={n}",
		Domains: []string{"post.at"}, Source: srcUnproven},
	{ID: "bpost", Name: "bpost", Track: "https://track.bpost.cloud/btr/web/#/search?itemCode={n}&lang=en",
		Domains: []string{"bpost.be", "bpost.cloud"}, Source: srcUnproven},
	{ID: "swiss_post", Name: "Swiss Post", Track: "https://service.post.ch/ekp-web/ui/entry/search/{n}",
		Domains: []string{"post.ch"}, Source: srcUnproven},
	{ID: "postnord", Name: "PostNord", Track: "https://tracking.postnord.com/?id={n}",
		Domains: []string{"postnord.com", "postnord.se", "postnord.dk"}, Source: srcUnproven},
	{ID: "posten_norge", Name: "Posten Norge", Track: "https://sporing.posten.no/sporing/{n}",
		Domains: []string{"posten.no"}, Source: srcUnproven},
	{ID: "posti", Name: "Posti", Track: "https://www.posti.fi/en/tracking#/lahetys/{n}",
		Domains: []string{"posti.fi"}, Source: srcUnproven},
	{ID: "an_post", Name: "An Post", Track: "https://www.anpost.com/Post-Parcels/Track/History?item={n}",
		Domains: []string{"anpost.com", "anpost.ie"}, Source: srcUnproven},
	{ID: "ctt", Name: "CTT Correios de Portugal", Search: "https://www.ctt.pt/",
		Domains: []string{"ctt.pt"}, Source: srcUnproven},
	{ID: "ceska_posta", Name: "Česká pošta", Track: "https://www.postaonline.cz/trackandtrace/-/zasilka/cislo?parcelNumbers={n}",
		Domains: []string{"postaonline.cz", "ceskaposta.cz"}, Source: srcUnproven},
	{ID: "slovenska_posta", Name: "Slovenská pošta", Track: "https://tandt.posta.sk/en/items/{n}",
		Domains: []string{"posta.sk"}, Source: srcUnproven},
	{ID: "magyar_posta", Name: "Magyar Posta", Track: "https://posta.hu/nyomkovetes/nyitooldal?searchvalue={n}",
		Domains: []string{"posta.hu"}, Source: srcUnproven},
	{ID: "ukrposhta", Name: "Ukrposhta", Track: "https://track.ukrposhta.ua/tracking_UA.html?barcode={n}",
		Domains: []string{"ukrposhta.ua"}, Checked: checkedReal, Source: srcCodeUsage},
	{ID: "israel_post", Name: "Israel Post", Track: "https://mypost.israelpost.co.il/itemtrace?itemcode={n}",
		Domains: []string{"israelpost.co.il"}, Source: srcUnproven},
	{ID: "ptt", Name: "PTT (Türkiye)", Track: "https://gonderitakip.ptt.gov.tr/Track/Verify?q={n}",
		Domains: []string{"ptt.gov.tr"}, Source: srcUnproven},
	{ID: "nz_post", Name: "NZ Post", Track: "https://www.nzpost.co.nz/tools/tracking/item/{n}",
		Domains: []string{"nzpost.co.nz"}, Source: srcUnproven},
	{ID: "singpost", Name: "SingPost", Search: "https://www.singpost.com/track-items",
		Domains: []string{"singpost.com"}, Source: srcUnproven},
	{ID: "pos_malaysia", Name: "Pos Malaysia", Track: "https://tracking.pos.com.my/tracking/{n}",
		Domains: []string{"pos.com.my"}, Source: srcUnproven},
	{ID: "thailand_post", Name: "Thailand Post", Track: "https://track.thailandpost.co.th/?trackNumber={n}",
		Domains: []string{"thailandpost.co.th"}, Source: srcUnproven},
	{ID: "hongkong_post", Name: "Hongkong Post", Search: "https://www.hongkongpost.hk/en/mail_tracking/index.html",
		Domains: []string{"hongkongpost.hk"}, Source: srcUnproven},
	{ID: "chunghwa_post", Name: "Chunghwa Post", Search: "https://postserv.post.gov.tw/pstmail/main_mail.html",
		Domains: []string{"post.gov.tw"}, Source: srcUnproven},
	{ID: "correos_mexico", Name: "Correos de México", Search: "https://www.correosdemexico.gob.mx/SSLServicios/SeguimientoEnvio/Seguimiento.aspx",
		Domains: []string{"correosdemexico.gob.mx"}, Source: srcUnproven},
	{ID: "correo_argentino", Name: "Correo Argentino", Search: "https://www.correoargentino.com.ar/formularios/e-commerce",
		Domains: []string{"correoargentino.com.ar"}, Source: srcUnproven},
	{ID: "correos_chile", Name: "Correos de Chile", Track: "https://www.correos.cl/web/guest/seguimiento-en-linea?codigos={n}",
		Domains: []string{"correos.cl"}, Source: srcUnproven},
	{ID: "lietuvos_pastas", Name: "Lietuvos paštas", Search: "https://www.post.lt/siuntu-sekimas",
		Domains: []string{"post.lt"}, Source: srcUnproven},
}

// postByCountry names the national post of each country that has one in posts.
var postByCountry = map[string]string{
	"US": "usps", "GB": "royal_mail", "DE": "deutsche_post", "CA": "canada_post", "AU": "australia_post",
	"FR": "la_poste", "NL": "postnl", "IT": "poste_italiane", "ES": "correos", "JP": "japan_post",
	"KR": "korea_post", "IN": "india_post", "RU": "russian_post", "PL": "poczta_polska", "CN": "china_post",
	"BR": "correios", "AT": "austrian_post", "BE": "bpost", "CH": "swiss_post", "SE": "postnord",
	"DK": "postnord", "NO": "posten_norge", "FI": "posti", "IE": "an_post", "PT": "ctt",
	"CZ": "ceska_posta", "SK": "slovenska_posta", "HU": "magyar_posta", "UA": "ukrposhta",
	"IL": "israel_post", "TR": "ptt", "NZ": "nz_post", "SG": "singpost", "MY": "pos_malaysia",
	"TH": "thailand_post", "HK": "hongkong_post", "TW": "chunghwa_post", "MX": "correos_mexico",
	"AR": "correo_argentino", "CL": "correos_chile", "LT": "lietuvos_pastas",
}

// postExtras are other pages that track a country's outbound S10 numbers better than its
// post: China Post's page needs a captcha, and most CN numbers reach buyers through Cainiao.
var postExtras = map[string]string{"CN": "cainiao"}

// postOf returns the id of country's national post; a post we hold no pages for is
// "post_" + the lowercase country code.
func postOf(country string) string {
	if id, ok := postByCountry[country]; ok {
		return id
	}
	return "post_" + strings.ToLower(country)
}

// isPost reports whether id names a national post (one we list, or one we only know by country).
func isPost(id string) bool {
	if c, ok := byID[id]; ok {
		return c.post
	}
	return strings.HasPrefix(id, "post_") && tracker.CountryName(strings.ToUpper(id[5:])) != ""
}
