package place

import (
	"math"
	"strings"
	"testing"

	"proofpack/tracker"
)

func TestLocate(t *testing.T) {
	sp := tracker.Address{City: "São Paulo", Postcode: "01310-100", Country: "BR"}
	austin := tracker.Address{City: "Austin", Postcode: "78701", Country: "US"}
	nice := tracker.Address{City: "Nice", Country: "FR"}
	shenzhen := tracker.Address{City: "深圳", Country: "CN"}
	shanghai := tracker.Address{City: "上海市", Country: "CN"}
	beijing := tracker.Address{City: "北京市", Country: "CN"}
	nyc := tracker.Address{City: "New York", Country: "US"}
	chicago := tracker.Address{City: "Chicago", Country: "US"}
	krakow := tracker.Address{City: "Kraków", Country: "PL"}
	moscow := tracker.Address{City: "Москва", Country: "RU"}
	berlin := tracker.Address{City: "Berlin", Country: "DE"}
	grayson := tracker.Address{City: "Grayson", Country: "US"}
	tests := []struct {
		place string
		buyer tracker.Address
		want  Verdict
		km    float64 // about, when not 0
	}{
		{"RECIFE - PE", sp, Different, 2130},
		{"Unidade de Distribuição - RECIFE/PE", sp, Different, 2130},
		{"ROUND ROCK, TX", austin, Near, 27},
		{"DENVER, CO 80202", austin, Different, 1240},
		{"Centre Courrier 06", nice, Unclear, 0},
		{"Centre Courrier 06", tracker.Address{City: "Nice", Postcode: "06000", Country: "FR"}, Unclear, 0},
		{"Centre Courrier 06", tracker.Address{City: "Lyon", Postcode: "69001", Country: "FR"}, Different, 0}, // another département
		{"Centre Courrier 06", tracker.Address{City: "Lyon", Country: "FR"}, Unclear, 0},
		{"深圳宝安区二部", shenzhen, Same, 0},
		{"SHENZHEN", shenzhen, Same, 0},
		{"深圳宝安区二部", shanghai, Different, 1210},
		{"苏州市", beijing, Different, 1000},
		{"BROOKLYN, NY 11201", nyc, Same, 0},
		{"SPRINGFIELD", chicago, Unclear, 0}, // a dozen Springfields: which one?
		{"SPRINGFIELD, IL", chicago, Different, 280},
		{"CDD SANTA LUZIA - MG", sp, Different, 0}, // namesakes in several states; MG tells which
		{"CDD SANTA LUZIA", sp, Unclear, 0},
		{"Cracovie", krakow, Same, 0}, // French exonym, known from GeoNames only
		{"KRAKAU", krakow, Same, 0},
		{"MOSCOW", moscow, Same, 0},
		{"Shenzhen, China", berlin, Different, 8700},
		{"SHENZHEN", berlin, Different, 8700}, // a metropolis needs no country beside it
		{"DULUTH, GA", grayson, Near, 21},
		// Delivery places of the real corpus (../shared/corpus/real-histories r15, r18) for a buyer
		// elsewhere, and for the buyer who lives there.
		{"Unidade de Distribuição/VITORIA/ES", tracker.Address{City: "Recife", Country: "BR"}, Different, 1570},
		{"Unidade de Distribuição/VITORIA/ES", tracker.Address{City: "Vitória", Country: "BR"}, Same, 0},
		{"SANTIAGO UNIDAD DE REPARTO 1 (SANTIAGO DE COMPOSTELA)", tracker.Address{City: "Sevilla", Country: "ES"}, Different, 680},
		{"SANTIAGO UNIDAD DE REPARTO 1 (SANTIAGO DE COMPOSTELA)", tracker.Address{City: "Santiago de Compostela", Country: "ES"}, Same, 0},
		{"SORTING CENTER", austin, Unknown, 0},
		{"菜鸟驿站", shanghai, Unknown, 0}, // a parcel station says nothing about the town
		{"丰巢智能柜", shanghai, Unknown, 0},
		{"苏州丰巢智能柜", shanghai, Different, 84},
		{"04538-132", sp, Unclear, 0}, // the delivery office's postcode, not a town
	}
	for _, tt := range tests {
		got := Locate(tt.place, tt.buyer)
		if got.AtLeast {
			t.Errorf("Locate(%q, %s): distance %.0f is a lower bound, the buyer's town is known", tt.place, tt.buyer.City, got.KM)
		}
		if got.Verdict != tt.want {
			t.Errorf("Locate(%q, %s) = %s (%s), want %s", tt.place, tt.buyer.City, got.Verdict, got.Reason, tt.want)
			continue
		}
		if tt.km != 0 && math.Abs(got.KM-tt.km) > tt.km*0.1 {
			t.Errorf("Locate(%q, %s): %.0f km, want about %.0f", tt.place, tt.buyer.City, got.KM, tt.km)
		}
		if got.Reason == "" {
			t.Errorf("Locate(%q) gave no reason", tt.place)
		}
	}
}

// A buyer whose town has namesakes still learns that Denver is far from all of them, as a
// lower bound; the state typed after the town picks one.
func TestLocateBuyerTownWithNamesakes(t *testing.T) {
	got := Locate("DENVER, CO 80202", tracker.Address{City: "Springfield", Country: "US"})
	if got.Verdict != Different || !got.AtLeast || got.KM < 300 {
		t.Errorf("Springfield buyer, Denver delivery: %+v, want different by at least 300 km (Springfield, Colorado)", got)
	}
	got = Locate("DENVER, CO 80202", tracker.Address{City: "Springfield, IL", Country: "US"})
	if got.Verdict != Different || got.AtLeast || math.Abs(got.KM-1310) > 60 {
		t.Errorf("Springfield, IL buyer, Denver delivery: %+v, want about 1 310 km", got)
	}
}

func TestKMText(t *testing.T) {
	for km, want := range map[float64]string{2131.4: "2 130 km", 27.4: "27 km", 99.6: "100 km", 12345: "12 350 km", 1240: "1 240 km"} {
		if got := KMText(RoundKM(km)); got != want {
			t.Errorf("%v km reads %q, want %q", km, got, want)
		}
	}
}

// A depot's generic words are not villages: 转运中心 (transit centre) names no town, rather than
// "several towns are called 中心", and a real town beside them still counts.
func TestLocateCJKDepotWords(t *testing.T) {
	shanghai := tracker.Address{City: "上海", Country: "CN"}
	for _, place := range []string{"转运中心", "国际邮件处理中心", "口岸", "城区营业部"} {
		if got := Locate(place, shanghai); got.Verdict != Unclear || !strings.Contains(got.Reason, "names no town we know") {
			t.Errorf("Locate(%q) = %s (%s), want unclear: names no town", place, got.Verdict, got.Reason)
		}
	}
	if got := Locate("北京转运中心", shanghai); got.Verdict != Different || got.Town.Name != "Beijing" {
		t.Errorf("Locate(北京转运中心) = %s %s (%s), want Beijing", got.Verdict, got.Town.Name, got.Reason)
	}
}
