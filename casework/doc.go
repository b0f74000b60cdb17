// Package casework is ProofPack's application layer: every use case that the window and the
// command line share (add or edit a case, add history, capture, add files, verify, analyze with
// the stored settings, make a packet, reminders, import, export, backup, settings, describe or
// remove an exhibit) lives here once, as a method of Service.
//
// Its errors are *tracker.Error values with a Kind and a Field, never one front end's words
// ("pass --force"): cmd/proofpack and ui each say them in their own way.
//
// Summaries diagnose every case at once for a list, reading the reused-number index from the
// cases in one pass; layers_test.go holds the import rules of DESIGN.md's package map.
//
// It imports tracker, tracker/* and evidence, and reaches the browser and the PDF renderer only
// through interfaces (evidence.Capturer, PacketRenderer) that cmd/proofpack wires: never Fyne,
// bbolt, chromedp or gofpdf.
package casework
