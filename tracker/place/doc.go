// Package place decides whether a town printed on a tracking page is the buyer's own: accents
// and case folded (SAO PAULO = São Paulo), postcodes compared in the buyer country's shape,
// Cyrillic transliterated (Москва = Moskva) and well-known exonyms joined (Kraków = Cracow).
// A wrong "elsewhere" would accuse an honest seller, so Match says Different only on positive
// evidence and Unknown when the page does not say enough.
//
// Locate goes further with an offline gazetteer (GeoNames' towns of 1000 people or more, with
// their names in other languages and scripts, embedded as towns.gz and loaded on first use): a
// place becomes a town with coordinates, so a delivery is "about 2 130 km from your address",
// a neighbouring town (within NearKM) is told from a far one, and a place that names no known
// town, or a name several towns share, is Unclear rather than elsewhere. ./gen rebuilds the
// table; towns.LICENSE.md gives its source and licence, Credit the attribution to show.
//
// It imports proofpack/tracker and proofpack/tracker/history (for Fold) only: no store, GUI,
// browser or network.
package place
