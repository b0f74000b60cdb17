// Package carrier recognises tracking numbers offline: it cleans pasted input, matches carrier
// shapes, checks check digits, decodes fields and builds tracking links. Pure Go, no network.
//
// It owns the number itself, before any tracking page is read: Normalize (what was pasted ->
// what to check), Detect (the hot path: cleaned number -> ranked formats, no allocation), Check
// (everything for one number: candidates with fields and links, and the number-level flags
// input_cleaned, check_digit_mismatch, number_unclear, unknown_format, link_mismatch,
// untracked_service, destination_tracking and number_changes_on_arrival), CarrierOfLink and Name.
//
// Certainty before accusation: check_digit_mismatch ("mistyped or made up") speaks only when
// every format the number fits has a check digit and all fail; when a format without a check
// digit fits too, number_unclear asks the buyer which carrier the seller named instead.
// link_mismatch speaks only when the reading is sure (a holding check digit or a distinctive
// shape), the link's carrier is none of the candidates nor shares their pages (DHL's group),
// and the number is not a consolidator's that the last-mile carrier relabels. What happens to a
// parcel over time (stalled, delivered elsewhere...) belongs to tracker/rules.
//
// It imports only the standard library, proofpack/tracker and golang.org/x/text; never a UI,
// store, browser or network package.
//
// # The rule table
//
// Each Format is a Go value: an anchored RE2 shape over the cleaned number, a check-digit
// function, a field decoder and the carrier whose links apply. Shapes are compiled at start-up
// into runs of character classes (shape.go) so detection needs no regexp machine; tests and
// the fuzzer hold them to the regexp package's answers. Candidates rank by check digit (holds,
// none, fails), then distinctive before broad ("Weak") shapes, then the longer literal prefix
// ("00340..." before a bare run of digits), then table order. A valid candidate of another
// carrier behind a valid first one is at most "medium" confidence.
//
// Files: formats_us.go, formats_europe.go (with Canada), formats_domestic.go (European parcel
// carriers and national posts, with a table of each shape's source), formats_china.go and s10.go
// hold the formats; checkdigit.go the algorithms (weighted mod 10 with optional counted prefix and
// right-to-left weights, mod 7, UPU S10 mod 11, Luhn, ISO 7064 MOD 37,36, FedEx's weighted
// sum mod 11 then 10); carriers.go and posts.go the link templates as data; links.go, flags.go
// and check.go put them together.
//
// # Coverage (checked 2026-11-22)
//
//   - Every format of the public tracking_number_data suite v2.0.0 (MIT; 280 vectors kept in
//     testdata/): UPS (1Z, waybill), USPS (20-digit, IMpb N and C, legacy 91, with or without
//     the 420+ZIP routing prefix), FedEx (Express 12 and 34, ASTRA 32, Ground 15, SSCC-18,
//     96 22-digit, GSN), DHL (Express, piece ID, eCommerce), Amazon, OnTrac, LaserShip
//     (including 1LS7 with its printed "-1"), Old Dominion, Spee-Dee, GOFO, DPD (28 and 14),
//     Yodel, Landmark Global, Canada Post, Canpar, Purolator, YunExpress. The suite's three
//     look-ahead patterns are rewritten as plain RE2 alternatives.
//
//   - UPU S10 for every ISO 3166 country (so every UPU member, and TW, MO, JE, GG, IM that older
//     lists miss), with the service indicator's meaning (E, R, L, C, H, U, V, M, Q...).
//
//   - AliExpress logistics: Cainiao LP and CN (heuristic shapes, research/carriers.md), YunExpress
//     (YT), Yanwen (S10-like ending in YP). No public source defines a 4PX, SunYou or J&T
//     International shape: 4PX is known by its links only; SunYou and J&T not at all.
//
//   - Beyond the suite (checked 2026-11-30, sources in formats_domestic.go and
//     testdata/real/README.md): DHL Paket SSCC and 12-digit, DHL license plates JD/JJD, DHL
//     Parcel Poland, GLS, DPD 14 without its check character, Russian Post 14-digit, Ukrposhta
//     13-digit, Correos and Correos Express, PostNL 3S, bpost 24, Colissimo, FedEx door tags
//     (DT), Canada Post notice cards (15), GOFO GF and CR, Yanwen YWE and all-digit, Winit
//     ID..CN, Cainiao LP..CN and ..Y.
//
//   - testdata/real/numbers.json: 190 numbers published by others, read by TestRealNumbers.
//
// Links: every candidate links to its carrier's page (the number in the URL where the carrier
// has such a page, else its search page) and to 17TRACK; an S10 number links to the origin post
// (China: also Cainiao) and, given the buyer's country, the destination post. Each template
// records its source and the day it was compared with it (research/link_templates.json and the
// suite's tracking_url); the ones marked srcUnproven come from memory and await a live capture.
package carrier
