// Package carrier recognises tracking numbers offline: it cleans pasted input, matches carrier
// shapes, checks check digits, decodes fields and builds tracking links. Pure Go, no network.
package carrier
