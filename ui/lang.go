package ui

import (
	"embed"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// translations hold the window's words in English, Spanish, Portuguese and Russian, keyed by
// the English text; Fyne picks the system's language (LANGUAGE, LC_ALL, LANG) and falls back to
// English for a text without a translation.
//
//go:embed translations
var translations embed.FS

func init() {
	if err := lang.AddTranslationsFS(translations, "translations"); err != nil {
		fyne.LogError("loading the window's translations", err)
	}
}
