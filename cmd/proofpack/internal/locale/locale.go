// Package locale keeps Fyne quiet under the C.UTF-8 locale of servers and containers. Fyne reads
// the locale while its packages initialise, before main runs; it takes "C.UTF-8" for the language
// tag "C", cannot parse it, and logs an error on stderr at every start, which scripts reading
// stderr would see. Go initialises packages in import-path order as their imports allow, and
// this one imports only os, so main's blank import runs it before Fyne's lang package: it names
// English in LANGUAGE, which Fyne reads first, when the locale is C.something and nothing else is
// asked for.
package locale

import "os"

func init() {
	if os.Getenv("LANGUAGE") != "" {
		return
	}
	v := os.Getenv("LC_ALL")
	if v == "" {
		v = os.Getenv("LC_MESSAGES")
	}
	if v == "" {
		v = os.Getenv("LANG")
	}
	if len(v) > 2 && v[:2] == "C." {
		os.Setenv("LANGUAGE", "en")
	}
}
