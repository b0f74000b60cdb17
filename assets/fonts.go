package assets

import _ "embed"

// The packet's fonts, embedded because gofpdf cannot read a font by absolute path and a packet
// must look the same on every machine. DejaVu Sans covers Latin, Greek and Cyrillic (São Paulo,
// Kraków, Москва); Droid Sans Fallback covers Han, kana and Hangul (深圳市). Neither has the
// other's glyphs, so text is set in runs, each in the font that has its letters.
// Licences: fonts/LICENSE-DejaVu.txt (Bitstream Vera derivative, free), fonts/LICENSE-DroidSansFallback.txt
// and fonts/Apache-2.0.txt.
var (
	//go:embed fonts/DejaVuSans.ttf
	DejaVuSans []byte
	//go:embed fonts/DejaVuSans-Bold.ttf
	DejaVuSansBold []byte
	//go:embed fonts/DroidSansFallbackFull.ttf
	DroidSansFallback []byte
)
