package carrier

// carrierInfo is what we know about one carrier's web pages: where its tracking page is, and
// which hosts its links live on (to recognise a link a seller sent).
type carrierInfo struct {
	ID, Name string
	// Track is the tracking page with the number in the URL, "{n}" marking where; "" when the
	// carrier has none we trust (captchas, or only a form).
	Track string
	// Search is the page where a buyer types the number, used when Track is "".
	Search    string
	Domains   []string
	Universal bool // tracks numbers of every carrier: a link to it never mismatches
	// Group names carriers that share tracking pages (DHL Express, DHL Paket and DHL Parcel
	// Poland all track on dhl.com): a link to one is no mismatch for a number of another.
	Group string
	// Checked is the day the templates were last compared with Source (not a live visit:
	// tests run offline); "" means taken from the engineer's knowledge, not yet compared.
	Checked string
	Source  string
}

const (
	srcResearch = "research/link_templates.json"
	srcDataset  = "tracking_number_data v2.0.0 tracking_url"
	srcUnproven = "engineer's knowledge; to verify with a live capture"
	researched  = "2026-11-22"
	srcKarrio   = "karrio connector tests' carrier_tracking_link (testdata/real/README.md)"
	checkedReal = "2026-11-30"
	// srcCodeUsage: the same template in several unrelated public projects (code search, 2026-11-30).
	srcCodeUsage = "wide public code usage"
)

// couriers: express, parcel and e-commerce carriers, and the universal trackers.
var couriers = []carrierInfo{
	{ID: "ups", Name: "UPS", Track: "https://www.ups.com/track?loc=en_US&tracknum={n}",
		Domains: []string{"ups.com"}, Checked: researched, Source: srcResearch},
	{ID: "fedex", Name: "FedEx", Track: "https://www.fedex.com/fedextrack/?trknbr={n}",
		Domains: []string{"fedex.com"}, Checked: researched, Source: srcResearch},
	{ID: "dhl", Name: "DHL", Track: "https://www.dhl.com/en/express/tracking.html?AWB={n}&brand=DHL",
		Domains: []string{"dhl.com", "dhlecs.com", "dhlglobalmail.com"}, Group: "dhl", Checked: researched, Source: srcResearch},
	{ID: "dhl_parcel_pl", Name: "DHL Parcel Poland", Track: "https://www.dhl.com/pl-en/home/tracking/tracking-parcel.html?submit=1&tracking-id={n}",
		Domains: []string{"dhlparcel.pl", "dhl24.com.pl"}, Group: "dhl", Checked: checkedReal, Source: srcKarrio},
	{ID: "gls", Name: "GLS", Track: "https://gls-group.com/track/{n}",
		Domains: []string{"gls-group.com", "gls-group.eu", "gls-pakete.de"}, Checked: checkedReal, Source: srcCodeUsage},
	{ID: "correos_express", Name: "Correos Express", Search: "https://www.correosexpress.com/web/correosexpress/home",
		Domains: []string{"correosexpress.com"}, Checked: checkedReal, Source: srcCodeUsage + " (its deep link url/v?s=...&cp= needs the postcode)"},
	{ID: "amazon", Name: "Amazon Logistics", Track: "https://track.amazon.com/tracking/{n}",
		Domains: []string{"amazon.com", "amazon.co.uk", "amazon.de", "amazon.ca"}, Source: srcUnproven},
	{ID: "ontrac", Name: "OnTrac", Track: "https://www.ontrac.com/tracking/?number={n}",
		Domains: []string{"ontrac.com"}, Checked: researched, Source: srcDataset},
	{ID: "lasership", Name: "LaserShip (now OnTrac)", Track: "https://www.ontrac.com/tracking/?number={n}",
		Domains: []string{"lasership.com"}, Source: srcUnproven},
	{ID: "old_dominion", Name: "Old Dominion Freight Line",
		Track:   "https://www.odfl.com/us/en/tools/trace-track-ltl-freight/trace.html?proNumbers={n}",
		Domains: []string{"odfl.com"}, Checked: researched, Source: srcDataset},
	{ID: "speedee", Name: "Spee-Dee Delivery", Track: "https://www.speedeedelivery.com/track/?tracking={n}",
		Domains: []string{"speedeedelivery.com"}, Checked: researched, Source: srcDataset},
	{ID: "gofo", Name: "GOFO Express", Track: "https://www.gofoexpress.com/tracking.html?searchID={n}",
		Domains: []string{"gofoexpress.com"}, Checked: researched, Source: srcDataset},
	{ID: "canpar", Name: "Canpar", Track: "https://www.canpar.com/en/track/tracking.jsp?reference={n}&locale=en",
		Domains: []string{"canpar.com", "canpar.ca"}, Checked: researched, Source: srcDataset},
	{ID: "purolator", Name: "Purolator", Track: "https://www.purolator.com/en/shipping/tracker?searchValue={n}",
		Domains: []string{"purolator.com"}, Checked: researched, Source: srcDataset},
	{ID: "dpd", Name: "DPD", Track: "https://www.dpdgroup.com/nl/mydpd/my-parcels/track?lang=en&parcelNumber={n}",
		Domains: []string{"dpd.com", "dpdgroup.com", "dpd.co.uk", "dpd.de", "dpd.fr"}, Checked: researched, Source: srcDataset},
	{ID: "yodel", Name: "Yodel", Track: "https://www.yodel.co.uk/tracking/{n}",
		Domains: []string{"yodel.co.uk"}, Checked: researched, Source: srcDataset},
	{ID: "landmark", Name: "Landmark Global", Track: "https://track.landmarkglobal.com/?search={n}",
		Domains: []string{"landmarkglobal.com"}, Checked: researched, Source: srcDataset},
	{ID: "yunexpress", Name: "YunExpress", Track: "https://www.yuntrack.com/parcelTracking?id={n}",
		Domains: []string{"yuntrack.com", "yunexpress.com", "yunexpress.cn"}, Checked: researched, Source: srcResearch},
	{ID: "cainiao", Name: "Cainiao (AliExpress)", Track: "https://global.cainiao.com/detail.htm?mailNoList={n}",
		Domains: []string{"cainiao.com"}, Checked: researched, Source: srcResearch},
	{ID: "yanwen", Name: "Yanwen", Track: "https://track.yw56.com.cn/en/querydel?nums={n}",
		Domains: []string{"yw56.com.cn", "yanwen.com"}, Checked: researched, Source: srcResearch + " (weak: code usage only)"},
	{ID: "winit", Name: "Winit", Search: "https://track.winit.com.cn/",
		Domains: []string{"winit.com.cn", "winit.com"}, Checked: checkedReal, Source: "hdnpt/geartrack src/winitTrack.js (a form, no deep link)"},
	{ID: "4px", Name: "4PX", Track: "https://track.4px.com/#/result/0/{n}",
		Domains: []string{"4px.com"}, Checked: researched, Source: srcResearch},
	{ID: universalID, Name: "17TRACK", Track: "https://t.17track.net/en#nums={n}",
		Domains: []string{"17track.net"}, Universal: true, Checked: researched, Source: srcResearch},
	{ID: "aftership", Name: "AfterShip", Track: "https://track.aftership.com/{n}",
		Domains: []string{"aftership.com"}, Universal: true, Checked: researched, Source: srcResearch},
	{ID: "aliexpress", Name: "AliExpress order tracking",
		Domains: []string{"aliexpress.com", "aliexpress.us", "aliexpress.ru"}, Universal: true, Source: srcUnproven},
}

// universalID is the tracker every candidate links to: it follows a parcel across carriers.
const universalID = "17track"
