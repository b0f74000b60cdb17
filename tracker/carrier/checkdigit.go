package carrier

// The check-digit algorithms the formats use. Each works on ASCII text already cut to the part
// the algorithm covers and returns the expected check value, or -1 when a character is outside
// the algorithm's alphabet. None allocates: detection runs them millions of times a second.

// digitValue is a digit's value, letters counted the UPS way (A=2, B=3, ... cycling mod 10).
func digitValue(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'A' <= c && c <= 'Z':
		return int(c-3) % 10
	}
	return -1
}

// mod10 is the weighted mod-10 sum behind UPS, USPS, FedEx Ground, Canada Post and OnTrac,
// over prefix followed by serial (some formats count a fixed prefix the number does not print):
// characters at even positions (0, 2, ... from the left, or from the right when fromRight)
// weigh evenW, the others oddW; the check digit brings the sum to a multiple of ten.
func mod10(prefix, serial string, evenW, oddW int, fromRight bool) int {
	total := len(prefix) + len(serial)
	sum := 0
	for i := 0; i < total; i++ {
		var c byte
		if i < len(prefix) {
			c = prefix[i]
		} else {
			c = serial[i-len(prefix)]
		}
		v := digitValue(c)
		if v < 0 {
			return -1
		}
		pos := i
		if fromRight {
			pos = total - 1 - i
		}
		if pos%2 == 0 {
			sum += v * evenW
		} else {
			sum += v * oddW
		}
	}
	return (10 - sum%10) % 10
}

// mod7 is DHL Express's: the serial read as a number, modulo 7.
func mod7(serial string) int {
	r := 0
	for i := 0; i < len(serial); i++ {
		c := serial[i]
		if c < '0' || c > '9' {
			return -1
		}
		r = (r*10 + int(c-'0')) % 7
	}
	return r
}

// s10Weights are the UPU S10 weights for the eight serial digits.
var s10Weights = [8]int{8, 6, 4, 2, 3, 5, 9, 7}

// s10 is the UPU S10 check digit of an 8-digit serial: 11 - (weighted sum mod 11), where 10
// becomes 0 and 11 becomes 5.
func s10(serial string) int {
	if len(serial) != len(s10Weights) {
		return -1
	}
	sum := 0
	for i := 0; i < len(serial); i++ {
		c := serial[i]
		if c < '0' || c > '9' {
			return -1
		}
		sum += int(c-'0') * s10Weights[i]
	}
	switch c := 11 - sum%11; c {
	case 10:
		return 0
	case 11:
		return 5
	default:
		return c
	}
}

// luhn is the Luhn check digit of serial (the digit that would follow it).
func luhn(serial string) int {
	sum := 0
	for i := len(serial) - 1; i >= 0; i-- {
		c := serial[i]
		if c < '0' || c > '9' {
			return -1
		}
		v := int(c - '0')
		if (len(serial)-1-i)%2 == 0 { // the digit next to the check digit is doubled
			v *= 2
			if v > 9 {
				v -= 9
			}
		}
		sum += v
	}
	return (10 - sum%10) % 10
}

// mod37Alphabet is the ISO 7064 MOD 37,36 alphabet: a check "digit" may be a letter.
const mod37Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"

// mod3736 is the ISO 7064 hybrid MOD 37,36 check character of serial (DPD), as an index into
// mod37Alphabet.
func mod3736(serial string) int {
	p := 36
	for i := 0; i < len(serial); i++ {
		c := serial[i]
		var v int
		switch {
		case '0' <= c && c <= '9':
			v = int(c - '0')
		case 'A' <= c && c <= 'Z':
			v = int(c-'A') + 10
		default:
			return -1
		}
		p = (p + v) % 36
		if p == 0 {
			p = 36
		}
		p = p * 2 % 37
	}
	return (37 - p) % 36
}

// mod11mod10 is FedEx Express's: the weighted sum modulo 11, then modulo 10. Weights repeat when
// the serial is longer than the list.
func mod11mod10(serial string, weights []int) int {
	sum := 0
	for i := 0; i < len(serial); i++ {
		c := serial[i]
		if c < '0' || c > '9' {
			return -1
		}
		sum += int(c-'0') * weights[i%len(weights)]
	}
	return sum % 11 % 10
}

// checkChar compares an expected check value with the character c that should carry it.
func checkChar(want int, c byte) bool {
	return want >= 0 && want < len(mod37Alphabet) && mod37Alphabet[want] == c
}
