// Package history turns the text of a tracking page, captured or pasted by the buyer, into
// tracking events: when, where, what, and the AfterShip-style status the words mean. It reads
// dates (two-digit years, weekday prefixes, "ore", "Uhr", 11,13,06 and 20.17.42 times, 년/月
// dates), month names and the delivery, attempt, return, customs, in-transit and "no
// information" phrases of English, Portuguese, Spanish, French, German, Italian, Polish,
// Russian, Ukrainian, Dutch, Turkish, Hebrew, Arabic, Chinese, Japanese and Korean pages with a
// small parser of its own.
//
// No layout is assumed: blank-line blocks are read block by block; other pages whose date lines
// hold only the date are read both date-first and date-last, and the reading that gives more
// events their status words and leaves fewer status lines without a date wins, so a header or
// a footer cannot shift the events by one.
// Route lines ("De: … Para: …"), carrier notes, receivers, phone numbers and time zones are
// never places; a summary sentence or status box that repeats the delivery merges with it; an
// estimated delivery date is the page's ETA, not an event.
//
// testdata/real holds tracking histories published by others with the reading expected by hand
// (TestRealHistories); testdata/*.txt are our own pages, shared with the rules tests.
//
// It imports only the standard library, proofpack/tracker and golang.org/x/text: no store, GUI,
// browser or network, so every page shape is a table test.
package history
