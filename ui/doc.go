// Package ui is ProofPack's window: the case list beside the selected case, the order form, and
// one tab per part of the work on a case (order, tracking, diagnosis, evidence, packet).
//
// It imports fyne but never fyne/v2/app (tests run it on fyne's test driver, headless and without
// cgo) and never a store, browser or PDF library: cmd/proofpack hands it a *casework.Service,
// the same use cases the command line calls, so the window holds no domain logic of its own.
//
// How the pieces fit:
//   - Create builds the window's content from a fyne.App, a fyne.Window and the Service.
//   - caseView (case_view.go) shows one case as tabs. A tab is a func(*caseView) *container.TabItem
//     listed in caseTabs(); each tab lives in its own file (order_tab.go, evidence_tab.go, ...).
//     caseView.changed() reloads the case and refreshes the list after a tab changed it.
//   - Long work (capture, packet, import) runs in a goroutine with a progress bar and a Cancel
//     button; it touches widgets only inside fyne.Do (see task.go).
package ui
