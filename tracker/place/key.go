package place

import "strings"

// Key is a name as the gazetteer files it: its Words joined by single spaces.
func Key(name string) string { return strings.Join(Words(name), " ") }
