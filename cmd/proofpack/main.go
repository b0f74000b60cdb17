// Command proofpack is ProofPack's one binary: with no arguments it opens the window; its
// subcommands do the same work headless, with --json for scripts. See README.md for the list.
//
// This package only wires: it parses flags, opens the data folder, and hands the store, the
// carrier rules, the capturer and the packet renderer to the code that uses them.
package main

import (
	"os"

	_ "proofpack/cmd/proofpack/internal/locale" // before Fyne initialises: see its comment
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
