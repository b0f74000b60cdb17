// Package place decides whether a town printed on a tracking page is the buyer's own: accents
// and case folded (SAO PAULO = São Paulo), postcodes compared in the buyer country's shape,
// Cyrillic transliterated (Москва = Moskva) and well-known exonyms joined (Kraków = Cracow).
// A wrong "elsewhere" would accuse an honest seller, so Match says Different only on positive
// evidence and Unknown when the page does not say enough.
//
// It imports proofpack/tracker and proofpack/tracker/history (for Fold) only: no store, GUI,
// browser or network.
package place
