package osfile

import (
	"strings"
	"testing"
)

func TestNameProblem(t *testing.T) {
	for _, name := range []string{"01-screenshot.png", "packet.pdf", "8150322711.pdf", "CONSOLE.txt", "con-1.pdf", "LPT10", "Отчёт.pdf", "包裹.pdf", ".manifest.json"} {
		if msg := NameProblem(name); msg != "" {
			t.Errorf("NameProblem(%q) = %q, want none", name, msg)
		}
	}
	for name, want := range map[string]string{
		"CON":         "device name",
		"con.pdf":     "device name",
		"NUL.tar.gz":  "device name",
		"Com1.zip":    "device name",
		"lpt9":        "device name",
		"AUX .pdf":    "device name",
		"COM¹.txt":    "device name",
		"a:b.pdf":     `':'`,
		"what?.pdf":   `'?'`,
		`x"y`:         `'"'`,
		"a|b":         `'|'`,
		"a<b>":        `'<'`,
		"star*.pdf":   `'*'`,
		`back\slash`:  `'\\'`,
		"tab\there":   `'\t'`,
		"packet.pdf.": "ends with a dot",
		"packet.pdf ": "ends with a dot or a space",
		"..":          "not a file name",
		"":            "not a file name",
	} {
		if msg := NameProblem(name); !strings.Contains(msg, want) {
			t.Errorf("NameProblem(%q) = %q, want it to say %q", name, msg, want)
		}
	}
}
