package place

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// Credit is the attribution GeoNames' licence asks of every program that ships its data.
const Credit = "Town names and coordinates: GeoNames (geonames.org), licensed under CC BY 4.0."

// Town is a populated place of GeoNames' cities1000 list (every town of 1000 people or more).
type Town struct {
	Name       string  // the name in the local language, as GeoNames spells it
	Country    string  // ISO 3166-1 alpha-2
	Admin1     string  // GeoNames' code of the state or province (US: TX; elsewhere often a number)
	Lat, Lon   float64 // degrees
	Population int
	Section    bool // a part of a bigger town (a borough, a district)
}

// towns.gz is written by ./gen from GeoNames' cities1000.txt; see towns.LICENSE.md for source and licence.
//
//go:embed towns.gz
var packed []byte

type table struct {
	towns []Town
	data  []byte   // the name lines: folded name, tab, town numbers in base 36
	lines []uint32 // start of each name line in data, in name order
}

var (
	loadOnce sync.Once
	loaded   *table
)

// gazetteer loads the embedded table on first use: the 5 MB unpack costs tens of milliseconds,
// which commands that never compare places should not pay at start-up.
func gazetteer() *table {
	loadOnce.Do(func() {
		t, err := unpack(packed)
		if err != nil {
			panic("place: embedded gazetteer is damaged: " + err.Error()) // a build defect, caught by the tests
		}
		loaded = t
	})
	return loaded
}

func unpack(z []byte) (*table, error) {
	zr, err := gzip.NewReader(bytes.NewReader(z))
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	buf.Grow(16 << 20) // the table unpacks to about 14 MB: one allocation, not a doubling series
	if _, err := buf.ReadFrom(zr); err != nil {
		return nil, err
	}
	data := buf.Bytes()
	s := string(data) // one copy; every town's name and codes are slices of it
	head, rest, _ := strings.Cut(s, "\n")
	nt, nk, ok := strings.Cut(head, " ")
	ntowns, err1 := strconv.Atoi(nt)
	nkeys, err2 := strconv.Atoi(nk)
	if !ok || err1 != nil || err2 != nil {
		return nil, errBadTable("header " + head)
	}
	t := &table{towns: make([]Town, ntowns), lines: make([]uint32, 0, nkeys)}
	for i := range t.towns {
		var line string
		line, rest, ok = strings.Cut(rest, "\n")
		if !ok {
			return nil, errBadTable("town " + strconv.Itoa(i) + " missing")
		}
		if t.towns[i], ok = parseTown(line); !ok {
			return nil, errBadTable("town line " + line)
		}
	}
	t.data = data[len(data)-len(rest):]
	for i := 0; i < len(t.data); {
		t.lines = append(t.lines, uint32(i))
		j := bytes.IndexByte(t.data[i:], '\n')
		if j < 0 {
			return nil, errBadTable("last name line has no end")
		}
		i += j + 1
	}
	if len(t.lines) != nkeys {
		return nil, errBadTable("name count " + strconv.Itoa(len(t.lines)) + ", header says " + nk)
	}
	return t, nil
}

// parseTown reads "name, country, admin1, latitude, longitude, population, section" (tabs).
func parseTown(line string) (Town, bool) {
	var f [7]string
	for i := range f {
		var ok bool
		if f[i], line, ok = strings.Cut(line, "\t"); !ok && i < len(f)-1 {
			return Town{}, false
		}
	}
	lat, err1 := strconv.ParseFloat(f[3], 64)
	lon, err2 := strconv.ParseFloat(f[4], 64)
	pop, err3 := strconv.Atoi(f[5])
	return Town{Name: f[0], Country: f[1], Admin1: f[2], Lat: lat, Lon: lon, Population: pop, Section: f[6] == "x"},
		err1 == nil && err2 == nil && err3 == nil
}

type errBadTable string

func (e errBadTable) Error() string { return "towns.gz: " + string(e) }

// lookup returns the towns filed under a folded name (a Key), nil when none.
func (t *table) lookup(key string) []Town {
	var out []Town
	t.each(key, func(x Town) { out = append(out, x) })
	return out
}

// each calls f with every town filed under a folded name.
func (t *table) each(key string, f func(Town)) {
	if key == "" {
		return
	}
	i := sort.Search(len(t.lines), func(i int) bool { return string(t.name(i)) >= key })
	if i == len(t.lines) || string(t.name(i)) != key {
		return
	}
	line := t.data[t.lines[i]:]
	line = line[len(key)+1 : bytes.IndexByte(line, '\n')]
	for len(line) > 0 {
		var num []byte
		num, line, _ = bytes.Cut(line, []byte{','})
		n, err := strconv.ParseUint(string(num), 36, 32)
		if err != nil || int(n) >= len(t.towns) {
			panic("place: embedded gazetteer is damaged at " + key)
		}
		f(t.towns[n])
	}
}

// name is the folded name of line i.
func (t *table) name(i int) []byte {
	line := t.data[t.lines[i]:]
	return line[:bytes.IndexByte(line, '\t')]
}

// Lookup returns the towns that bear a name, in any of the spellings GeoNames lists (local,
// English and other languages, other scripts, transliterations). country, when not empty, keeps
// the towns of that country; region, when not empty, those of that state or province, given as
// GeoNames' admin1 code or as the postal abbreviation (TX; PE for Pernambuco).
func Lookup(name, country, region string) []Town {
	country, region = strings.ToUpper(country), strings.ToUpper(region)
	var out []Town
	gazetteer().each(Key(name), func(t Town) {
		if (country == "" || t.Country == country) && (region == "" || t.Admin1 == region || regionCodes[t.Country][t.Admin1] == region) {
			out = append(out, t)
		}
	})
	return out
}

// Distance is the great-circle distance between two towns in kilometres (haversine).
func Distance(a, b Town) float64 {
	const r = 6371.0
	rad := math.Pi / 180
	dlat, dlon := (b.Lat-a.Lat)*rad, (b.Lon-a.Lon)*rad
	h := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(a.Lat*rad)*math.Cos(b.Lat*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * r * math.Asin(math.Sqrt(h))
}
