package place

import (
	"math"
	"slices"
	"testing"

	"proofpack/tracker"
)

// one returns the biggest town of that name in the country, failing the test when there is none.
// (Names are shared: Frei Paulo was once called São Paulo too.)
func one(t *testing.T, name, country string) Town {
	t.Helper()
	var big Town
	for _, x := range Lookup(name, country, "") {
		if x.Population > big.Population {
			big = x
		}
	}
	if big.Name == "" {
		t.Fatalf("Lookup(%q, %s) found no town", name, country)
	}
	return big
}

func TestLookupSpellingsAndScripts(t *testing.T) {
	for _, set := range []struct {
		country string
		names   []string
	}{
		{"BR", []string{"São Paulo", "SAO PAULO", "sao paulo"}},
		{"PL", []string{"Kraków", "Krakow", "Cracow", "KRAKAU"}},
		{"RU", []string{"Москва", "МОСКВА", "Moscow", "Moskva"}},
		{"CN", []string{"深圳", "深圳市", "Shenzhen", "SHENZHEN"}},
		{"JP", []string{"東京", "Tokyo"}},
		{"UA", []string{"Київ", "Kyiv", "Kiev"}},
	} {
		first := one(t, set.names[0], set.country)
		for _, n := range set.names[1:] {
			if got := one(t, n, set.country); got != first {
				t.Errorf("%s is %+v, %s is %+v: want the same town", n, got, set.names[0], first)
			}
		}
	}
}

func TestLookupRegion(t *testing.T) {
	if n := len(Lookup("Springfield", "US", "")); n < 10 {
		t.Errorf("%d Springfields in the US, want many", n)
	}
	if got := Lookup("springfield", "us", "IL"); len(got) != 1 || got[0].Admin1 != "IL" {
		t.Errorf("Springfield, IL: %v", got)
	}
	if got := Lookup("Recife", "BR", "PE"); len(got) != 1 || got[0].Population < 1_000_000 {
		t.Errorf("Recife, PE (a postal abbreviation for GeoNames' admin1 30): %v", got)
	}
}

func TestLookupKeepsNoNoise(t *testing.T) {
	for _, n := range []string{"SZX", "JFK", "", "sp"} {
		if got := Lookup(n, "", ""); got != nil {
			t.Errorf("Lookup(%q) = %v, want nothing: codes are not town names", n, got)
		}
	}
	if got := Lookup("Centre Courrier 06", "FR", ""); got != nil {
		t.Errorf("a mail centre is not a town: %v", got)
	}
}

func TestDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b    string
		country string
		km      float64
	}{
		{"São Paulo", "Recife", "BR", 2130},
		{"Austin", "Round Rock", "US", 27},
		{"Moskva", "Sankt-Peterburg", "RU", 634},
	} {
		a, b := one(t, tt.a, tt.country), one(t, tt.b, tt.country)
		if d := Distance(a, b); math.Abs(d-tt.km) > tt.km*0.03 {
			t.Errorf("%s to %s: %.0f km, want about %.0f", tt.a, tt.b, d, tt.km)
		}
	}
}

// TestTableIsFolded fails when Words has changed since towns.gz was written: the table files
// names as Key spelled them then, so a town would no longer be found by its own name.
func TestTableIsFolded(t *testing.T) {
	g := gazetteer()
	for i := 0; i < len(g.towns); i += 37 {
		town := g.towns[i]
		if !slices.Contains(g.lookup(Key(town.Name)), town) {
			t.Fatalf("%s (%s) is not found by its name: rebuild towns.gz with go run ./tracker/place/gen", town.Name, town.Country)
		}
	}
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := unpack(packed); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLookup(b *testing.B) {
	gazetteer()
	names := []string{"São Paulo", "Round Rock", "Москва", "深圳", "Springfield", "Centre Courrier"}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		Lookup(names[i%len(names)], "", "")
	}
}

// BenchmarkLocate is the whole question the delivery rule asks per delivery event.
func BenchmarkLocate(b *testing.B) {
	gazetteer()
	sp := tracker.Address{City: "São Paulo", Postcode: "01310-100", Country: "BR"}
	for b.Loop() {
		Locate("Unidade de Distribuição - RECIFE/PE", sp)
	}
}
