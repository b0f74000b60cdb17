// Package casework is ProofPack's application layer: every use case that the window and the
// command line share (add or edit a case, add history, capture, add files, verify, analyze with
// the stored settings, make a packet, reminders, import, export, backup, settings, describe or
// remove an exhibit) lives here once, as a method of Service.
//
// Its errors are *tracker.Error values with a Kind and a Field, never one front end's words
// ("pass --force"): cmd/proofpack and ui each say them in their own way.
//
// ListRows gives a list every case's short row (tracker.Row) with its Summary; a summary is kept
// in the store for the days it holds (rules.Report.Until), so a start on ten thousand cases reads
// rows, not cases, and diagnoses only what changed. layers_test.go holds the import rules of
// DESIGN.md's package map.
//
// It imports tracker, tracker/* and evidence, and reaches the browser and the PDF renderer only
// through interfaces (evidence.Capturer, PacketRenderer) that cmd/proofpack wires: never Fyne,
// bbolt, chromedp or gofpdf.
package casework
