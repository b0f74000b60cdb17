package carrier

import "testing"

func TestCheckDigitFunctions(t *testing.T) {
	tests := []struct {
		name string
		got  int
		want int
	}{
		// UPU S10 worked examples (research/carriers.md) and both remainder special cases.
		{"s10 47312482", s10("47312482"), 9},
		{"s10 RR123456785CN", s10("12345678"), 5},
		{"s10 sum%11=0 -> 5", s10("00000000"), 5},
		{"s10 sum%11=1 -> 0", s10("02000000"), 0},
		{"s10 plain", s10("00000030"), 6},
		{"s10 short", s10("1234567"), -1},
		{"s10 letter", s10("1234567A"), -1},
		// mod10 as UPS (letters count), USPS (3,1), FedEx Ground (1,3), USPS IMpb from the right.
		{"mod10 ups 1Z5R89390357567127", mod10("", "5R8939035756712", 1, 2, false), 7},
		{"mod10 usps 20", mod10("", "0307179000052348374", 3, 1, false), 1},
		{"mod10 fedex ground", mod10("", "04144176022896", 1, 3, false), 4},
		{"mod10 prefix counts", mod10("91", "7196901075600307738", 3, 1, false), 5},
		{"mod10 from right", mod10("", "940011120620640626078", 3, 1, true), 7},
		{"mod10 bad char", mod10("", "12-4", 3, 1, false), -1},
		{"mod7 dhl", mod7("331881002"), 5},
		{"mod7 bad", mod7("33188100X"), -1},
		{"luhn classic", luhn("7992739871"), 3},
		{"luhn old dominion", luhn("0720956276"), 3},
		{"luhn bad", luhn("07209A6276"), -1},
		{"mod37,36 dpd 28", mod3736("008182709980000020033350276"), 12}, // C
		{"mod37,36 dpd 14", mod3736("09980000020033"), 15},              // F
		{"mod37,36 bad", mod3736("0998-000"), -1},
		{"mod11mod10 fedex 12", mod11mod10("98657878885", fedexW317), 5},
		{"mod11mod10 fedex 34", mod11mod10("0077901797269", fedexW173), 7},
		{"mod11mod10 bad", mod11mod10("9865787888X", fedexW317), -1},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s = %d, want %d", tt.name, tt.got, tt.want)
		}
	}
}
