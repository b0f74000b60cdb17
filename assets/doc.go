// Package assets embeds the files ProofPack ships inside its binary: the icon, the sample cases
// of `proofpack demo` and (see fonts.go) the fonts the packet is set in. Standard library only.
package assets

import _ "embed"

// Icon is the application icon (PNG, 256 x 256).
//
//go:embed icon.png
var Icon []byte

// Demo holds the sample cases of `proofpack demo` as a JSON list of tracker.Case.
//
//go:embed demo.json
var Demo []byte
