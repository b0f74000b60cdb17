// Package ui is ProofPack's window: the case list beside the selected case, the order form, and
// one tab per part of the work on a case (order, tracking, diagnosis, evidence, packet).
//
// It imports fyne but never fyne/v2/app (tests run it on fyne's test driver, headless and without
// cgo) and never a store, browser or PDF library: cmd/proofpack hands it a *casework.Service,
// the same use cases the command line calls, so the window holds no domain logic of its own.
//
// How the pieces fit:
//   - Create builds the window's content from a fyne.App, a fyne.Window and the Service.
//   - caseList (case_list.go) is the left side: search, filter and sort over every case, problems
//     first, in a virtual widget.List over casework.ListRows (short rows and kept summaries; a
//     case is read in full only when shown); loads run off the UI goroutine (Create starts the
//     first before it builds the widgets) and Loaded says when one is shown.
//   - orderForm (order_form.go) adds and edits a case in one scrolling dialog; Save is enabled
//     only for a valid case and nothing typed is lost on an error. settings.go is the Settings
//     view, keys.go the keyboard, bounded.go the layout that keeps the window from growing.
//   - caseView (case_view.go) shows one case as tabs. A tab is a title, an icon and a
//     func(*caseView) fyne.CanvasObject listed in caseTabs(); each lives in its own file
//     (order_tab.go, evidence_tab.go, ...) and is built the first time it is shown, so a case
//     opens with one tab built, not five. caseView.changed() reloads the list after a tab changed the case, which updates the tabs
//     once; onLeave funcs (the statement's pending save) run before another case is shown.
//   - The refund timeline (stage.go) sits on the Order tab: stage, next deadline, a button per
//     dispute step, the messages to the seller; reminders.go holds the Reminders view and the
//     desktop notifications (StartNotifications, through an injected Notifier).
//   - Long work (capture, packet, import) runs in a goroutine with a progress bar and a Cancel
//     button; it touches widgets only inside fyne.Do (see task.go).
//   - Every word on screen goes through lang.L, keyed by its English text in translations/*.json
//     (English, Spanish, Portuguese, Russian; lang.go). words_test.go fails on a prose literal
//     that is not a key and on a key missing from a catalogue; screens_test.go draws every screen
//     and dialog in Russian and fails on English left over. A use case's error is worded by its
//     kind and field (errorText). Flags and reminders carry their sentence as an English format
//     and its arguments (tracker.Words), which the window says from the same catalogues; the
//     seller messages stay in the seller's language.
//   - golden_test.go keeps the main screens' markup in testdata/golden; after a change to what a
//     screen shows, regenerate with go test -tags ci ./ui -run TestGoldens -update.
package ui
