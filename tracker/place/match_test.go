package place

import (
	"strings"
	"testing"

	"proofpack/tracker"
)

func TestMatch(t *testing.T) {
	austin := tracker.Address{City: "Austin", Postcode: "78701", Country: "US"}
	nyc := tracker.Address{City: "New York", Postcode: "10001", Country: "US"}
	sp := tracker.Address{City: "São Paulo", Postcode: "01310-100", Country: "BR"}
	recife := tracker.Address{City: "Recife - PE", Country: "BR"}
	krakow := tracker.Address{City: "Kraków", Postcode: "30-001", Country: "PL"}
	moscow := tracker.Address{City: "Moscow", Postcode: "125009", Country: "RU"}
	moskva := tracker.Address{City: "Москва", Country: "RU"}
	berlin := tracker.Address{City: "Berlin", Postcode: "10115", Country: "DE"}
	stLouis := tracker.Address{City: "St. Louis", Country: "US"}
	saintLouis := tracker.Address{City: "Saint Louis", Country: "US"}
	fortWorth := tracker.Address{City: "Fort Worth", Country: "US"}
	mountVernon := tracker.Address{City: "Mount Vernon", Country: "US"}
	billings := tracker.Address{City: "Billings", Country: "US"}
	stGallen := tracker.Address{City: "Sankt Gallen", Country: "CH"}
	zurich := tracker.Address{City: "Zürich", Country: "CH"}
	dusseldorf := tracker.Address{City: "Düsseldorf", Postcode: "40213", Country: "DE"}
	frankfurt := tracker.Address{City: "Frankfurt am Main", Country: "DE"}
	newcastle := tracker.Address{City: "Newcastle upon Tyne", Country: "GB"}
	kyiv := tracker.Address{City: "Kyiv", Country: "UA"}
	albuquerque := tracker.Address{City: "Albuquerque", Country: "US"}
	noTown := tracker.Address{Postcode: "78701", Country: "US"}
	lowerCountry := tracker.Address{City: "Austin", Country: "us"}
	tests := []struct {
		place string
		buyer tracker.Address
		want  Verdict
	}{
		{"AUSTIN, TX 78701", austin, Same},
		{"austin tx", austin, Same},
		{"AUSTIN, TX 78702", austin, Same},         // own town, another postcode: never flagged
		{"TX 78701", austin, Same},                 // own postcode without the town
		{"78701-1234", austin, Same},               // ZIP+4
		{"DENVER, CO 80202", austin, Different},    // another town and postcode
		{"ROUND ROCK, TX", austin, Different},      // another town, no postcode
		{"BROOKLYN, NY 11201", nyc, Same},          // a borough is the city
		{"Brooklyn, NY 11201", austin, Different},  // postcode and town differ
		{"SAO PAULO - SP", sp, Same},               // accents and case folded
		{"CDD SAO PAULO - SP 04538-132", sp, Same}, // own town, other postcode
		{"04538-132", sp, Different},               // Brazilian postcodes compared whole
		{"01310-100", sp, Same},
		{"01310100", sp, Same},
		{"CURITIBA - PR", sp, Different},
		{"RECIFE - PE", recife, Same}, // the buyer typed the state after the town
		{"UP Kraków 1", krakow, Same},
		{"UP Krakow 12", krakow, Same},
		{"Cracow", krakow, Same},
		{"UP Warszawa 1", krakow, Different},
		{"00-950 Warszawa", krakow, Different}, // Polish postcode shape
		{"30-001", krakow, Same},
		{"Москва 125009", moscow, Same}, // transliterated and exonym
		{"Moskva", moscow, Same},
		{"МОСКВА", moskva, Same},
		{"125009", moskva, Unknown}, // no buyer postcode to compare, no town
		{"Санкт-Петербург 190000", moscow, Different},
		{"10115 Berlin", berlin, Same},
		{"Shenzhen, China", berlin, Different}, // another country
		{"Germany", berlin, Unknown},           // the buyer's own country says nothing
		{"UNITED STATES", austin, Unknown},
		{"", austin, Unknown},
		{"Front Porch", austin, Unknown},
		{"Post Office", austin, Unknown},
		// Abbreviated and spelled-out forms of one town name are the same town.
		{"SAINT LOUIS, MO 63101", stLouis, Same},
		{"ST LOUIS MO", saintLouis, Same},
		{"ST. LOUIS, MO", stLouis, Same},
		{"FT WORTH TX", fortWorth, Same},
		{"MT VERNON NY", mountVernon, Same},
		{"ST GALLEN", stGallen, Same},
		{"BOZEMAN MT", billings, Different}, // MT after a town is Montana, not "Mount"
		{"MT 59101", billings, Unknown},     // a state and a postcode name no town
		// German pages and keyboards write ü as ue, ö as oe, ä as ae.
		{"ZUERICH", zurich, Same},
		{"DUESSELDORF 40210", dusseldorf, Same},
		{"Düsseldorf", dusseldorf, Same},
		// The buyer typed the long form, the page prints the short one.
		{"FRANKFURT", frankfurt, Same},
		{"Frankfurt am Main", frankfurt, Same},
		{"NEWCASTLE", newcastle, Same},
		{"Київ", kyiv, Same}, // Ukrainian spelling
		// No town on the case: only a postcode or a country can decide.
		{"AUSTIN TX", noTown, Unknown},
		{"AUSTIN TX 78701", noTown, Same},
		{"DENVER CO 80202", noTown, Different},
		{"NEW MEXICO", albuquerque, Unknown}, // a state, not the country Mexico
		{"UNITED STATES", lowerCountry, Unknown},
	}
	for _, tt := range tests {
		got := Match(tt.place, tt.buyer)
		if got.Verdict != tt.want {
			t.Errorf("Match(%q, %s) = %s (%s), want %s", tt.place, tt.buyer.City, got.Verdict, got.Reason, tt.want)
		}
		if got.Reason == "" {
			t.Errorf("Match(%q) gave no reason", tt.place)
		}
	}
}

// The reason is shown to the buyer in the flag's message, so it must not name a wrong country.
func TestMatchReasonNamesTheRightPlace(t *testing.T) {
	albuquerque := tracker.Address{City: "Albuquerque", Country: "US"}
	got := Match("SANTA FE, NEW MEXICO", albuquerque)
	if got.Verdict != Different || strings.Contains(got.Reason, "Mexico") {
		t.Errorf("Match(SANTA FE, NEW MEXICO) = %s (%s), want different, not blamed on the country Mexico", got.Verdict, got.Reason)
	}
	noTown := tracker.Address{Postcode: "78701", Country: "US"}
	if got := Match("DENVER CO 80202", noTown); strings.Contains(got.Reason, "()") {
		t.Errorf("reason %q shows an empty town", got.Reason)
	}
}

func TestWordsFoldsScriptsAndAccents(t *testing.T) {
	for in, want := range map[string]string{
		"SÃO PAULO":       "sao paulo",
		"Kraków":          "krakow",
		"Łódź":            "lodz",
		"Санкт-Петербург": "saint peterburg", // Sankt, St and Saint are one word
		"ST. GALLEN":      "saint gallen",
		"Mt 59101":        "mt 59101", // a state code before a postcode stays a state code
		"MUENCHEN":        "munchen",
		"Nürnberg":        "nurnberg",
	} {
		w := Words(in)
		got := ""
		for i, x := range w {
			if i > 0 {
				got += " "
			}
			got += x
		}
		if got != want {
			t.Errorf("Words(%q) = %q, want %q", in, got, want)
		}
	}
}
