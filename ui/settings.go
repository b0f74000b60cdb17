package ui

import (
	"cmp"
	"errors"
	"image/color"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"proofpack/casework"
	"proofpack/tracker"
)

// The theme choices as the Settings view names them (catalogue keys).
var themeLabels = map[string]string{"": "Follow the system", casework.ThemeLight: "Light", casework.ThemeDark: "Dark"}

// languageNames are the window's languages in their own words, never translated, so a buyer
// finds their own in any language; "" follows the system and is said in the window's language.
var languageNames = map[string]string{"": "Follow the system", "en": "English", "es": "Español", "pt": "Português", "ru": "Русский"}

// languageName is a language choice as the Settings view shows it.
func languageName(code string) string {
	if code == "" {
		return lang.L(languageNames[""])
	}
	return languageNames[code]
}

func languageLabels() []string {
	out := []string{languageName("")}
	for _, code := range casework.Languages {
		out = append(out, languageName(code))
	}
	return out
}

// settingsView is the Settings dialog: the home address and currency new orders start with, the
// waits the diagnosis allows, and the theme. Everything is kept in the data folder's store and
// applied when saved.
type settingsView struct {
	city, postcode, country, currency *widget.Entry
	grace, stalled                    *widget.Entry
	theme, language                   *widget.Select
	form                              *widget.Form
}

func (u *App) showSettings() {
	p, err := u.svc.Preferences()
	if err != nil {
		showError(err, u.win)
		return
	}
	r, err := u.svc.Settings()
	if err != nil {
		showError(err, u.win)
		return
	}
	s := &settingsView{}
	entry := func(text, place string, v fyne.StringValidator) *widget.Entry {
		e := widget.NewEntry()
		e.SetPlaceHolder(place)
		e.SetText(text)
		e.Validator = v
		return e
	}
	s.city = entry(p.City, lang.L("your city"), nil)
	s.postcode = entry(p.Postcode, lang.L("your postcode"), nil)
	s.country = entry(p.Country, "US, BR, PL...", func(v string) error {
		if v = strings.ToUpper(strings.TrimSpace(v)); v != "" && tracker.CountryName(v) == "" {
			return errors.New(lang.L("A two-letter country code like US"))
		}
		return nil
	})
	s.currency = entry(p.Currency, "USD", nil)
	days := func(v string) error {
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || n < 1 || n > 365 {
			return errors.New(lang.L("A number of days from 1 to 365"))
		}
		return nil
	}
	s.grace = entry(strconv.Itoa(r.OnlineGrace), "15", days)
	s.stalled = entry(strconv.Itoa(r.StalledAfter), "20", days)
	s.theme = widget.NewSelect([]string{lang.L(themeLabels[""]), lang.L(themeLabels[casework.ThemeLight]), lang.L(themeLabels[casework.ThemeDark])}, nil)
	s.theme.SetSelected(lang.L(themeLabels[p.Theme]))
	s.language = widget.NewSelect(languageLabels(), nil)
	s.language.SetSelected(languageName(p.Language))
	folder := widget.NewLabel(u.svc.Dir + "\n" + lang.L("(start ProofPack with --data FOLDER to use another)"))
	folder.Wrapping = fyne.TextWrapWord
	s.form = widget.NewForm(
		widget.NewFormItem(lang.L("Home city"), s.city),
		widget.NewFormItem(lang.L("Postcode"), s.postcode),
		widget.NewFormItem(lang.L("Country"), s.country),
		widget.NewFormItem(lang.L("Currency"), s.currency),
		widget.NewFormItem(lang.L("New number may stay empty for (days)"), s.grace),
		widget.NewFormItem(lang.L("Stalled after no news for (days)"), s.stalled),
		widget.NewFormItem(lang.L("Theme"), s.theme),
		widget.NewFormItem(lang.L("Language"), s.language),
		widget.NewFormItem(lang.L("Data folder"), folder),
	)
	d := dialog.NewCustomConfirm(lang.L("Settings"), lang.L("Save"), lang.L("Cancel"), container.NewVScroll(s.form), func(ok bool) {
		if ok {
			u.saveSettings(s)
		}
	}, u.win)
	u.lastSettings = s
	size := u.win.Canvas().Size()
	d.Resize(fyne.NewSize(min(640, size.Width-40), min(560, size.Height-40)))
	d.Show()
}

// saveSettings stores what the Settings view holds and applies it at once: the theme, and the
// waits (every case's summary is computed again).
func (u *App) saveSettings(s *settingsView) {
	if err := s.form.Validate(); err != nil {
		dialog.ShowError(errors.New(lang.L("The settings were not saved: {{.Error}}", map[string]any{"Error": err})), u.win)
		return
	}
	p := casework.Preferences{City: s.city.Text, Postcode: s.postcode.Text, Country: s.country.Text, Currency: s.currency.Text}
	for id, label := range themeLabels {
		if lang.L(label) == s.theme.Selected {
			p.Theme = id
		}
	}
	for code := range languageNames {
		if languageName(code) == s.language.Selected {
			p.Language = code
		}
	}
	old, err := u.svc.Preferences()
	if err == nil {
		err = u.svc.SavePreferences(p)
	}
	if err == nil {
		r, lerr := u.svc.Settings()
		r.OnlineGrace, _ = strconv.Atoi(strings.TrimSpace(s.grace.Text))
		r.StalledAfter, _ = strconv.Atoi(strings.TrimSpace(s.stalled.Text))
		err = cmp.Or(lerr, u.svc.SaveSettings(r))
	}
	if err != nil {
		dialog.ShowError(errors.New(lang.L("The settings were not saved: {{.Error}}", map[string]any{"Error": errorText(err)})), u.win)
		return
	}
	u.applyTheme(p.Theme)
	id := ""
	if c, ok := u.selected(); ok {
		id = c.ID
	}
	if p.Language != old.Language {
		useLanguage(p.Language)
		u.build() // every widget again, in the new language
	}
	u.reload(id)
}

// applyTheme sets the light or dark theme, or follows the system.
func (u *App) applyTheme(name string) {
	switch name {
	case casework.ThemeLight:
		u.app.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantLight})
	case casework.ThemeDark:
		u.app.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantDark})
	default:
		u.app.Settings().SetTheme(theme.DefaultTheme())
	}
}

// variantTheme is Fyne's theme held to one variant, whatever the system prefers.
type variantTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.variant)
}
