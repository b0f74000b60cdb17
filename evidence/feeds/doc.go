// Package feeds reads tracking events from the JSON that carrier pages load while they are
// captured (evidence.Result.Responses, saved as the exhibit's responses file).
//
// Carrier pages (Cainiao, Correios, USPS, ...) fetch their events as JSON a moment after the
// page loads and draw them in layouts that change often; the JSON shapes change rarely and say
// plainly which field is the date, the place and the description. So when a captured page
// loaded a response whose shape is published, its events are read from it, one reader per
// shape; the page's text stays the fallback for every other page.
//
// It is domain code: the standard library, tracker and tracker/history only, no browser. Each
// reader is tested on response bodies published by others (testdata/SOURCES.md names them
// and their licences), with the expected events written by hand.
package feeds
