package ui

import (
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"proofpack/casework"
	"proofpack/tracker"
	"proofpack/tracker/deadlines"
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

// marketplaceName names a marketplace in the window's language ("Online shop"; brands stay).
func marketplaceName(id string) string { return sayKnown(tracker.MarketplaceName(id)) }

// known are the catalogue's keys: words from elsewhere (a use case's message, a stage, a label
// the domain gives) are looked up only when the catalogue has them, as Fyne logs every word it
// lacks; such words go through sayKnown, the window's literals through lang.L.
var known = func() map[string]bool {
	raw, err := translations.ReadFile("translations/en.json")
	keys := map[string]string{}
	if err == nil {
		err = json.Unmarshal(raw, &keys)
	}
	if err != nil {
		fyne.LogError("reading the window's English words", err)
	}
	out := make(map[string]bool, len(keys))
	for k := range keys {
		out[k] = true
	}
	return out
}()

// sayKnown says s in the window's language when the catalogue has it, else as it is.
func sayKnown(s string) string {
	if known[s] {
		return lang.L(s)
	}
	return s
}

// sayWords says a sentence the domain wrote (a flag's message or next step) in the window's
// language: its format as the catalogue translates it, with the same arguments, the phrases
// among them said the same way. When the catalogue lacks the format, the sentence is shown as
// the domain wrote it in English (english), never half translated.
func sayWords(w tracker.Words, english string) string {
	if !known[w.Format] && !neutral(w.Format) {
		return english
	}
	return wordsText(w)
}

// wordsText is w in the window's language, each format the catalogue lacks left in English.
func wordsText(w tracker.Words) string {
	if w.Format == "" {
		return ""
	}
	args := make([]any, len(w.Args))
	for i, a := range w.Args {
		switch p := a.(type) {
		case tracker.Words:
			a = wordsText(p)
		case string:
			if routeWords[p] {
				a = sayKnown(p)
			}
		}
		args[i] = a
	}
	return fmt.Sprintf(sayKnown(w.Format), args...)
}

// routeWords are the dispute routes' names and places ("PayPal dispute", "with PayPal"), which
// the domain's sentences take as they are: the window says them in its language. Other words
// given as arguments (places, a carrier's status text) stay as the domain gave them.
var routeWords = func() map[string]bool {
	out := map[string]bool{}
	for _, w := range deadlines.Windows {
		out[w.Name], out[w.Where] = true, true
	}
	return out
}()

// neutral reports whether a format has no words to translate ("%s; %s"), so no language needs
// an entry for it.
func neutral(format string) bool {
	return format != "" && !strings.ContainsFunc(fmtVerb.ReplaceAllString(format, ""), unicode.IsLetter)
}

// fmtVerb matches a fmt verb with its flags, width, precision and argument index ("%[2]s").
var fmtVerb = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z%]`)

// fieldLabels name the use cases' fields (tracker.Error.Field) as the window labels them.
var fieldLabels = map[string]string{
	"order_number": "Order number", "seller": "Seller", "item": "Item", "amount": "Amount",
	"currency": "Currency", "ordered": "Ordered on", "shipped": "Shipped on", "promised": "Promised by",
	"tracking": "Tracking number", "tracking_url": "Seller's tracking link", "city": "City",
	"postcode": "Postcode", "country": "Country", "seller_contacted": "Asked the seller",
	"dispute_opened": "Dispute opened", "dispute_escalated": "Escalated", "dispute_won": "Decided for you",
	"refund_promised": "Refund promised", "refund_received": "Refund received",
	"seller_promised": "Seller promised a date", "language": "Language", "theme": "Theme",
	"profile": "Where it goes", "out": "Save as", "name": "Your name", "email": "E-mail", "phone": "Phone",
	casework.FieldExhibits: "Exhibits", casework.FieldOtherNumber: "Tracking history",
}

// fieldLabel names a use case's field in the window's words and language; a field the window
// has no label for (a file's path) is shown as it is.
func fieldLabel(field string) string {
	if l, ok := fieldLabels[field]; ok {
		return lang.L(l)
	}
	return field
}

// errorText is an error as the window says it, in its language: by its kind what the buyer can
// do, and the field at fault by its label. The detail the use case gave stays as it was written
// (it carries the names, numbers and dates at fault), said in the window's language when the
// catalogue knows it.
func errorText(err error) string {
	var te *tracker.Error
	if !errors.As(err, &te) {
		return err.Error()
	}
	detail := sayKnown(te.Msg)
	switch te.Kind {
	case tracker.KindLocked:
		return lang.L("Another ProofPack window has this data folder open. Close it, or start ProofPack with another folder.")
	case tracker.KindNotFound:
		return lang.L("Not found: {{.Detail}}", map[string]any{"Detail": detail})
	case tracker.KindCorrupt:
		if te.Field != "" {
			detail = fieldLabel(te.Field) + ": " + detail
		}
		return lang.L("A file is damaged or changed: {{.Detail}}", map[string]any{"Detail": detail})
	}
	if te.Field != "" {
		return fieldLabel(te.Field) + ": " + detail
	}
	return detail
}

// showError shows err in a dialog in the window's words.
func showError(err error, w fyne.Window) {
	dialog.ShowError(errors.New(errorText(err)), w)
}
