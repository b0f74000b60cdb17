package rules

import (
	"strings"
	"testing"

	"proofpack/tracker"
)

// deliveryFlag evaluates a case delivered at place and returns its delivery-place flag, if any.
func deliveryFlag(t *testing.T, city, postcode, country, where string) (tracker.Flag, bool) {
	t.Helper()
	c := newCase(city, postcode, country, "2026-09-01", ev("2026-09-12 10:00", tracker.StatusDelivered, where))
	var out []tracker.Flag
	for _, f := range Evaluate(Input{Case: c, Now: at("2026-09-20")}, DefaultSettings()).Flags {
		if f.Code == tracker.FlagDeliveredElsewhere || f.Code == tracker.FlagDeliveryPlaceUnclear {
			out = append(out, f)
		}
	}
	if len(out) > 1 {
		t.Fatalf("%s for %s: two place flags %+v", where, city, out)
	}
	if len(out) == 0 {
		return tracker.Flag{}, false
	}
	return out[0], true
}

func TestDeliveryPlaceCertainty(t *testing.T) {
	tests := []struct {
		name                    string
		city, postcode, country string
		where                   string
		code                    string // "" for no flag
		severity                tracker.Severity
		km                      int
		says                    string // in the message
	}{
		{"another town far away", "São Paulo", "01310-100", "BR", "CDD RECIFE - PE", tracker.FlagDeliveredElsewhere, tracker.Critical, 2130, "that is Recife, about 2 130 km from your address"},
		{"a neighbouring town", "Austin", "78701", "US", "ROUND ROCK, TX 78664", tracker.FlagDeliveredElsewhere, tracker.Warning, 27, "about 27 km"},
		{"a mail centre names no town", "Nice", "", "FR", "Centre Courrier 06", tracker.FlagDeliveryPlaceUnclear, tracker.Warning, 0, "The page says the parcel was delivered at 'Centre Courrier 06'. Is that your town?"},
		{"a district branch of the buyer's town", "深圳", "", "CN", "深圳宝安区二部", "", "", 0, ""},
		{"the same branch for a buyer in Shanghai", "上海市", "", "CN", "深圳宝安区二部", tracker.FlagDeliveredElsewhere, tracker.Critical, 1210, "that is Shenzhen"},
		{"a borough of the buyer's town", "New York", "10001", "US", "BROOKLYN, NY 11201", "", "", 0, ""},
		{"the buyer's town in Latin letters", "Москва", "", "RU", "MOSCOW 125009", "", "", 0, ""},
		{"the buyer's town in Han letters", "Shenzhen", "", "CN", "【深圳市】", "", "", 0, ""},
		{"namesakes without a state", "Chicago", "60601", "US", "SPRINGFIELD", tracker.FlagDeliveryPlaceUnclear, tracker.Warning, 0, "several towns are called springfield"},
		{"namesakes told apart by the state", "Chicago", "60601", "US", "SPRINGFIELD, IL 62701", tracker.FlagDeliveredElsewhere, tracker.Critical, 280, "Springfield"},
		{"a delivery office's postcode alone", "São Paulo", "01310-100", "BR", "04538-132", tracker.FlagDeliveryPlaceUnclear, tracker.Warning, 0, "Is that your town?"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, ok := deliveryFlag(t, tt.city, tt.postcode, tt.country, tt.where)
			if tt.code == "" {
				if ok {
					t.Fatalf("want no place flag, got %+v", f)
				}
				return
			}
			if !ok || f.Code != tt.code || f.Severity != tt.severity {
				t.Fatalf("got %+v, want %s %s", f, tt.severity, tt.code)
			}
			if f.DistanceKM < tt.km*95/100 || f.DistanceKM > tt.km*105/100 {
				t.Errorf("distance %d km, want about %d", f.DistanceKM, tt.km)
			}
			if !strings.Contains(f.Message, tt.says) {
				t.Errorf("message %q does not say %q", f.Message, tt.says)
			}
		})
	}
}

// A page that prints a neighbouring town on one delivery line and a far one on another may mean
// either: the finding takes the reading that accuses least.
func TestDeliveryPlaceLeastAccusingReading(t *testing.T) {
	c := newCase("Austin", "78701", "US", "2026-09-01",
		ev("2026-09-12 10:00", tracker.StatusDelivered, "DENVER, CO 80202"),
		ev("2026-09-12 10:00", tracker.StatusDelivered, "ROUND ROCK, TX"))
	for _, f := range Evaluate(Input{Case: c, Now: at("2026-09-20")}, DefaultSettings()).Flags {
		if f.Severity == tracker.Critical {
			t.Errorf("critical flag %+v on a page that also names a neighbouring town", f)
		}
	}
}
