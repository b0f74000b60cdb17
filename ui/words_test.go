package ui

import (
	"encoding/json"
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"proofpack/casework"
	"proofpack/evidence"
	"proofpack/tracker"
	"proofpack/tracker/deadlines"
)

// catalogue reads the window's words in one language.
func catalogue(t *testing.T, code string) map[string]string {
	t.Helper()
	raw, err := translations.ReadFile("translations/" + code + ".json")
	if err != nil {
		t.Fatal(err)
	}
	words := map[string]string{}
	if err := json.Unmarshal(raw, &words); err != nil {
		t.Fatalf("%s.json: %v", code, err)
	}
	return words
}

var placeholder = regexp.MustCompile(`\{\{\s*\.\w+\s*\}\}`)

// Every key of the English catalogue is in the Spanish, Portuguese and Russian ones and no other
// key is, each translation keeps the English text's placeholders, and none is left empty.
func TestEveryKeyInEveryCatalogue(t *testing.T) {
	en := catalogue(t, "en")
	if casework.Languages[0] != "en" {
		t.Fatalf("the languages start with %q, not English", casework.Languages[0])
	}
	for _, code := range casework.Languages[1:] { // after English
		words := catalogue(t, code)
		for k, v := range en {
			tr, ok := words[k]
			switch {
			case reserved[strings.ToLower(k)]:
				t.Errorf("%q is a reserved word of go-i18n's files: the whole catalogue would not load", k)
			case !ok:
				t.Errorf("%s.json lacks %q", code, k)
			case strings.TrimSpace(tr) == "":
				t.Errorf("%s.json: %q is empty", code, k)
			case !slices.Equal(sortedPlaceholders(v), sortedPlaceholders(tr)):
				t.Errorf("%s.json: %q has placeholders %v, want %v", code, k, sortedPlaceholders(tr), sortedPlaceholders(v))
			}
		}
		for k := range words {
			if _, ok := en[k]; !ok {
				t.Errorf("%s.json has %q, which en.json lacks", code, k)
			}
		}
	}
}

// reserved are the keys go-i18n reads as parts of a message rather than as messages.
var reserved = map[string]bool{"id": true, "description": true, "hash": true, "leftdelim": true, "rightdelim": true,
	"zero": true, "one": true, "two": true, "few": true, "many": true, "other": true}

func sortedPlaceholders(s string) []string {
	p := placeholder.FindAllString(s, -1)
	for i := range p {
		p[i] = strings.ReplaceAll(p[i], " ", "")
	}
	slices.Sort(p)
	return p
}

// untranslated are the prose literals of the window's code that stay as they are, and why.
var untranslated = map[string]string{
	"AliExpress":                     "a marketplace's name",
	"ProofPack ":                     "the program's name",
	"English":                        "each language is named in its own words, so a buyer finds theirs in any",
	"Español":                        "likewise",
	"Português":                      "likewise",
	"Русский":                        "likewise",
	credits[1]:                       "credits name works and licences as they are published",
	credits[2]:                       "likewise",
	credits[3]:                       "likewise",
	"%s  %.0f KB  SHA-256 %s":        "a file's name, size and hash",
	"%s is not a tab: use one of %s": "the command line's --tab error, as a use case's error reads",
}

// Every literal in the window's code that reads as words a person sees (a space between
// letters, or a capitalised word) is a key of the English catalogue, so that no dialog, tab or
// message is left in English: a literal passed through lang.L without a key would show the
// key, and one not passed through lang.L at all is caught by TestScreensInRussian.
func TestEveryWordIsInTheCatalogue(t *testing.T) {
	en := catalogue(t, "en")
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(fset, name, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		var visit func(n ast.Node) bool
		visit = func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ImportSpec:
				return false
			case *ast.KeyValueExpr: // a template's field name ("Days") or a code ("origin")
				if k, ok := n.Key.(*ast.BasicLit); ok && regexp.MustCompile(`^"\w+"$`).MatchString(k.Value) {
					ast.Inspect(n.Value, visit)
					return false
				}
			case *ast.CallExpr:
				sel, ok := n.Fun.(*ast.SelectorExpr)
				if ok && sel.Sel.Name == "LogError" { // the developer's log, not the buyer's window
					return false
				}
				if !ok {
					return true
				}
				if x, _ := sel.X.(*ast.Ident); x != nil && x.Name == "lang" && len(n.Args) > 0 {
					if lit, ok := n.Args[0].(*ast.BasicLit); ok { // any word asked of the catalogue
						if s, _ := strconv.Unquote(lit.Value); en[s] == "" {
							t.Errorf("%s: lang.L(%q) is not in translations/en.json", fset.Position(lit.Pos()), s)
						}
					}
				}
			case *ast.BasicLit:
				if n.Kind != token.STRING {
					return true
				}
				s, err := strconv.Unquote(n.Value)
				if err != nil || !prose(s) {
					return true
				}
				if _, ok := en[s]; !ok && untranslated[s] == "" {
					t.Errorf("%s: %q is not in translations/en.json", fset.Position(n.Pos()), s)
				}
			}
			return true
		}
		ast.Inspect(f, visit)
	}
}

// prose tells words a person reads ("Add order", "Cancel", "Exhibit {{.No}}") from codes,
// formats and paths ("seller_promised", "2006-01-02", "%s: %s", "https://").
func prose(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if letters < 2 || strings.Contains(s, "://") && !strings.Contains(s, " ") {
		return false
	}
	first := []rune(strings.TrimLeft(s, " \n"))
	if len(first) == 0 {
		return false
	}
	if regexp.MustCompile(`\pL\pL+\s+\pL`).MatchString(s) {
		return true
	}
	return unicode.IsUpper(first[0]) && regexp.MustCompile(`^\p{Lu}\p{Ll}{2,}`).MatchString(string(first))
}

// The words other packages hand the window (stages, steps, statuses) are in the catalogue.
func TestDomainWordsAreInTheCatalogue(t *testing.T) {
	en := catalogue(t, "en")
	var words []string
	for s := deadlines.Waiting; s <= deadlines.Closed; s++ {
		words = append(words, s.String())
		if n := s.NextStep(); n != "" {
			words = append(words, n)
		}
	}
	for _, st := range deadlines.Steps(&tracker.Dispute{}) {
		words = append(words, st.Label)
	}
	for _, s := range []tracker.Status{tracker.StatusNotFound, tracker.StatusPending, tracker.StatusInfoReceived,
		tracker.StatusInTransit, tracker.StatusOutForDelivery, tracker.StatusAttemptFail, tracker.StatusPickup,
		tracker.StatusDelivered, tracker.StatusException, tracker.StatusExpired} {
		words = append(words, casework.StatusWords(s), evidence.StatusWords(s))
	}
	words = append(words, casework.Headlines()...)
	for _, id := range tracker.Marketplaces {
		words = append(words, tracker.MarketplaceName(id))
	}
	for _, id := range tracker.Payments {
		n := tracker.PaymentName(id)
		words = append(words, strings.ToUpper(n[:1])+n[1:])
	}
	for _, w := range words {
		if en[w] == "" {
			t.Errorf("%q is not in translations/en.json", w)
		}
	}
}

// A use case's error is said in the window's language by its kind and field: the field by its
// label, the message when the catalogue has it, and the names and numbers as they are.
func TestErrorsInTheWindowsWords(t *testing.T) {
	speak(t, "ru")
	for _, tc := range []struct {
		err  error
		want string
	}{
		{tracker.Invalid("order_number", "must not be empty"), "Номер заказа: не может быть пустым"},
		{tracker.Invalid("email", "%q is not an e-mail address like ana@example.com", "ana@"), `Эл. почта: "ana@" is not an e-mail address like ana@example.com`},
		{&tracker.Error{Kind: tracker.KindLocked, Msg: "another ProofPack (pid 7) has the data folder open"}, "Эта папка данных уже открыта в другом окне ProofPack. Закройте его или запустите ProofPack с другой папкой."},
		{tracker.NotFound("no case 99"), "Не найдено: no case 99"},
		{&tracker.Error{Kind: tracker.KindCorrupt, Field: casework.FieldExhibits, Msg: "1-screenshot.png changed"}, "Файл повреждён или изменён: Приложения: 1-screenshot.png changed"},
		{errors.New("disk full"), "disk full"},
	} {
		if got := errorText(tc.err); got != tc.want {
			t.Errorf("%v reads %q, want %q", tc.err, got, tc.want)
		}
	}
}
