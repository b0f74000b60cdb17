// Package history turns the text of a tracking page, captured or pasted by the buyer, into
// tracking events: when, where, what, and the AfterShip-style status the words mean. It reads
// dates, month names and delivery, exception and "not found" phrases in English, Portuguese,
// Spanish, French, German, Italian, Polish, Russian and Chinese with a small parser of its own.
//
// It imports only the standard library, proofpack/tracker and golang.org/x/text: no store, GUI,
// browser or network, so every page shape is a table test.
package history
