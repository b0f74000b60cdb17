package osfile

import (
	"fmt"
	"strings"
)

// reserved are the device names Windows keeps in every folder, whatever the extension:
// "NUL.pdf" is the null device, not a file.
var reserved = map[string]bool{"CON": true, "PRN": true, "AUX": true, "NUL": true, "CONIN$": true, "CONOUT$": true}

func init() {
	for _, d := range "123456789¹²³" {
		reserved["COM"+string(d)] = true
		reserved["LPT"+string(d)] = true
	}
}

// NameProblem says why Windows would refuse a file name (one path element), or "". The rules
// hold on every system for names inside the data folder, which a backup may carry to Windows.
func NameProblem(name string) string {
	switch {
	case name == "" || name == "." || name == "..":
		return fmt.Sprintf("%q is not a file name", name)
	case strings.HasSuffix(name, ".") || strings.HasSuffix(name, " "):
		return fmt.Sprintf("%q ends with a dot or a space, which Windows drops", name)
	}
	for _, r := range name {
		if r < 32 || strings.ContainsRune(`<>:"/\|?*`, r) {
			return fmt.Sprintf("%q has %q, which Windows does not allow in a file name", name, r)
		}
	}
	stem, _, _ := strings.Cut(name, ".")
	if reserved[strings.ToUpper(strings.TrimRight(stem, " "))] {
		return fmt.Sprintf("%q is a device name on Windows (%s), not a file", name, strings.ToUpper(strings.TrimRight(stem, " ")))
	}
	return ""
}
