package ui

import (
	"embed"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// translations hold the window's words in English, Spanish, Portuguese and Russian, keyed by
// the English text; Fyne picks the system's language and falls back to English for a text
// without a translation.
//
//go:embed translations
var translations embed.FS

func init() {
	if err := lang.AddTranslationsFS(translations, "translations"); err != nil {
		fyne.LogError("loading the window's translations", err)
	}
}

// useLanguage makes the window speak code ("es"), or the system's language for "". Fyne has no
// call to choose a language: it matches the system's locale against the translations it has.
// So the chosen words are added again under the system's own locale, which that match then
// picks on every system (an environment variable would work on Linux only, never on Windows).
// The widgets built afterwards speak it.
func useLanguage(code string) {
	sys := lang.SystemLocale()
	if code == "" {
		code = strings.SplitN(strings.ReplaceAll(string(sys), "_", "-"), "-", 2)[0]
	}
	words, err := translations.ReadFile("translations/" + code + ".json")
	if err != nil { // a system language the window has no words for speaks English
		words, err = translations.ReadFile("translations/en.json")
	}
	if err == nil {
		err = lang.AddTranslationsForLocale(words, sys)
	}
	if err != nil {
		fyne.LogError("loading the window's translations", err)
	}
}
