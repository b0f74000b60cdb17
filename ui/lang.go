package ui

import (
	"embed"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// translations hold the window's words in English, Spanish, Portuguese and Russian, keyed by
// the English text; Fyne picks the system's language (LANGUAGE, LC_ALL, LANG) and falls back to
// English for a text without a translation.
//
//go:embed translations
var translations embed.FS

// systemLanguage is LANGUAGE as the process started, for going back to the system's choice.
var systemLanguage, hadSystemLanguage = os.LookupEnv("LANGUAGE")

func init() {
	if err := lang.AddTranslationsFS(translations, "translations"); err != nil {
		fyne.LogError("loading the window's translations", err)
	}
}

// useLanguage makes the window speak code ("es"), or the system's language for "". Fyne reads
// the language from the environment when translations are added, so it sets LANGUAGE and adds
// them again; the widgets built afterwards speak it.
func useLanguage(code string) {
	switch {
	case code != "":
		os.Setenv("LANGUAGE", code)
	case hadSystemLanguage:
		os.Setenv("LANGUAGE", systemLanguage)
	default:
		os.Unsetenv("LANGUAGE")
	}
	if err := lang.AddTranslationsFS(translations, "translations"); err != nil {
		fyne.LogError("loading the window's translations", err)
	}
}
