// Package evidence makes exhibits: the files that prove what a carrier page said and when.
//
// It owns the Capturer interface that a browser implements, the exhibit files in the data
// folder (cases/<case-id>/<NN>-<kind>.<ext>, folders 0700, files 0600), their SHA-256 hashes,
// each case's manifest.json and case.json (the case as last saved, so that a folder describes
// itself and 'proofpack repair' can rebuild a lost store), Verify, the import of the buyer's own
// files, and the data folder's temporary folder .tmp.
//
// Only the buyer's regular files become evidence: AddFiles follows no symbolic link, reads no
// device, FIFO, socket or empty file (which also keeps out /proc), nothing inside the data
// folder and nothing over MaxFileSize (50 MB), and copies each file through the descriptor it
// checked. ReadRegular gives every other reader of a file the buyer names (a statement, a
// pasted history) the same checks and a size limit.
//
// Files and records commit together: Add writes every file to a synced temporary file in .tmp
// and links it into the case folder (which fails rather than replace any file there) inside the
// store's AddExhibits transaction, and removes them again if anything fails, so there is never a
// record without its file nor a file without its record. Every temporary file lives in .tmp
// (or, for a packet written outside the data folder, beside it, named in a journal in .tmp), and
// Recover, at each start, removes what a crash left there, finishes or undoes an interrupted
// delete and rewrites a manifest or case.json a crash left stale.
//
// Exhibit numbers of a capture are drawn before the browser runs, because the number is drawn
// into the screenshot's banner: CaptureCase reads the next free number, hands the pages their
// numbers, and Add fails clearly if the case's next number has moved past a drawn one (another
// exhibit was added meanwhile). A page that fails to capture leaves its number unused, so every
// banner stays true. ProofPack is a single writer: bbolt's file lock keeps other processes out.
//
// The buyer can describe an exhibit (its title in the packet) and remove one (Describe,
// Remove). Neither touches a file: the records change and an entry is appended to the case's
// exhibit history in one store transaction, then manifest.json is rewritten with both (its
// "history"), under the same journal as Add, so a crash leaves the old state or the new one. A
// removed exhibit's files stay where they were, hashed and verified; the packet and the rules
// leave it out, and its number is never given again. Verify compares the whole manifest, history
// included, with the store; CheckHistory tells whether a manifest's history and files agree
// where no store is at hand (an exported case, repair).
//
// A captured page's events are read from the JSON it loaded when evidence/feeds knows its
// shape (the NN-responses.json file), else from its text. A capture that did not show the
// tracking history (still loading, or neither events nor a "not found" message) is marked
// Unsettled on its exhibit, so that the rules never take it for "the number has no events".
//
// It imports only the standard library, proofpack/tracker and tracker/*: never chromedp, bbolt
// or Fyne. The browser lives in evidence/chrome, the PDF renderer in evidence/pdf.
package evidence
