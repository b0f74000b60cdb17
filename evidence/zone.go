package evidence

import (
	"os"
	"path/filepath"
	"strings"
	"time"
)

// ZoneName names loc for a record, e.g. Europe/Warsaw. time.Local calls itself "Local", which
// says nothing in a packet read elsewhere, so its IANA name is looked up in TZ or /etc/localtime.
func ZoneName(loc *time.Location) string {
	if loc == nil {
		loc = time.Local
	}
	if loc != time.Local {
		return loc.String()
	}
	if tz := strings.TrimPrefix(os.Getenv("TZ"), ":"); tz != "" && !filepath.IsAbs(tz) {
		return tz
	}
	if target, err := os.Readlink("/etc/localtime"); err == nil {
		if _, name, ok := strings.Cut(target, "zoneinfo/"); ok {
			return name
		}
	}
	name, _ := time.Now().In(loc).Zone()
	return name
}
