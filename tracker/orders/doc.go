// Package orders reads the buyer's order lists (CSV files) into draft cases, one per order.
//
// A file may come from ProofPack's own template (columns order_number, order_date, seller,
// item, amount, currency, tracking_number, courier, destination_country, destination_city,
// destination_postcode, marketplace), from AfterShip's CSV import format, or from an AliExpress
// order list copied into a spreadsheet; presets map their headers onto our fields. The reader
// takes any common delimiter (comma, semicolon, tab, bar), UTF-8 with or without a byte order
// mark, UTF-16 with one, and Windows-1252 (what Excel writes on many Windows machines).
//
// Every problem names the line and the column the buyer sees in the file ("line 3, order_date:
// 2026-31-01 is not a date"). Dates that could be read two ways (03/04/2026) are read the way
// the rest of the column proves, or refused: the reader never guesses a date that could go into
// a bank's file wrong.
//
// It imports only the standard library, golang.org/x/text and proofpack/tracker.
package orders
