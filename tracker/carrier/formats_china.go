package carrier

// Numbers AliExpress and other Chinese marketplaces hand out. Sources (research/carriers.md,
// checked 2026-11-22): Cainiao LP/CN shapes from parceldetect.com and cnusup.com; YunExpress from
// tracking_number_data yunexpress.json; Yanwen's S10-like "..YP" numbers from public code using
// track.yw56.com.cn. These shapes are heuristics (no check digit, no official definition): they
// rank below numbers whose check digit holds. No public source defines a 4PX, SunYou or J&T
// International shape, so those carriers are known only by their links (see carriers.go). An
// LP number may also end in CN (LP00582910482CN, public AliExpress link tests). Winit and
// Yanwen's all-digit numbers: hdnpt/geartrack's tests (MIT).

var chinaFormats = []Format{
	{
		// Cainiao's first-mile reference for AliExpress Standard Shipping; the parcel later
		// travels under an S10 or a last-mile carrier's number.
		ID: "cainiao_lp", Carrier: "cainiao", Name: "Cainiao / AliExpress Standard (LP)",
		Shape:      `^LP(?:[0-9]{12,15}|[0-9]{11}CN)$`,
		Relabelled: true,
	},
	{
		ID: "cainiao_cn", Carrier: "cainiao", Name: "Cainiao Express (CN)",
		Shape:      `^CN[0-9]{12,15}$`,
		Weak:       true,
		Relabelled: true,
	},
	{
		// Route-coded Cainiao numbers such as CNUSUP + digits: CN, destination, route.
		ID: "cainiao_route", Carrier: "cainiao", Name: "Cainiao route-coded (CN..)",
		Shape:      `^CN[A-Z]{4}[0-9]{8,11}$`,
		Weak:       true,
		Relabelled: true,
		Decode:     func(n string) map[string]string { return map[string]string{"destination_country": n[2:4]} },
	},
	{
		// AliExpress numbers that Cainiao tracks: 2 letters, 10 digits, Y (dir01/parcels'
		// Cainiao fixtures RS0814398526Y and UZ0556033196Y).
		ID: "cainiao_y", Carrier: "cainiao", Name: "Cainiao / AliExpress (..Y)",
		Shape:      `^[A-Z]{2}[0-9]{10}Y$`,
		Relabelled: true,
	},
	{
		ID: "yunexpress", Carrier: "yunexpress", Name: "YunExpress (YT)",
		Shape:      `^YT[0-9]{16}$`,
		Relabelled: true,
	},
	{
		// S10-shaped but ending in the pseudo-country YP, which no post owns.
		ID: "yanwen", Carrier: "yanwen", Name: "Yanwen (..YP)",
		Shape:      `^[A-Z]{2}[0-9]{9}YP$`,
		Relabelled: true,
	},
	{
		// Yanwen's all-digit numbers: 13 digits from 80 (hdnpt/geartrack test/yanwen.test.js,
		// 8001077530850). One sample, so the shape is broad and carries no check digit.
		ID: "yanwen_numeric", Carrier: "yanwen", Name: "Yanwen (13 digits)",
		Shape:      `^80[0-9]{11}$`,
		Weak:       true,
		Relabelled: true,
	},
	{
		// Winit: ID + 14 digits + CN (hdnpt/geartrack test/winit.test.js, ID18050634174840CN).
		ID: "winit", Carrier: "winit", Name: "Winit (ID..CN)",
		Shape:      `^ID[0-9]{14}CN$`,
		Relabelled: true,
	},
	{
		// YWE + 14 digits, a verified Yanwen number cited in a public carrier-format review
		// (YWE00001506996989).
		ID: "yanwen_ywe", Carrier: "yanwen", Name: "Yanwen (YWE)",
		Shape:      `^YWE[0-9]{14}$`,
		Relabelled: true,
	},
}
