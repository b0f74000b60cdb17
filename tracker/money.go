package tracker

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Cents is an amount in hundredths of the currency unit. Money is kept as an integer so that
// 12.50 read from a form or a CSV is exactly 12.50 in the packet.
type Cents int64

var amountShape = regexp.MustCompile(`^\d{1,9}([.,]\d{1,2})?$`)

// ParseAmount reads "12.50", "12,5" or "12": a plain decimal with at most two decimals.
func ParseAmount(s string) (Cents, error) {
	s = strings.TrimSpace(s)
	if !amountShape.MatchString(s) {
		return 0, fmt.Errorf("%s is not an amount: write it like 12.50", Quote(s))
	}
	whole, frac, _ := strings.Cut(strings.Replace(s, ",", ".", 1), ".")
	w, _ := strconv.ParseInt(whole, 10, 64)
	f := int64(0)
	if frac != "" {
		f, _ = strconv.ParseInt((frac + "0")[:2], 10, 64)
	}
	return Cents(w*100 + f), nil
}

// String formats the amount as 12.50.
func (c Cents) String() string { return fmt.Sprintf("%d.%02d", c/100, c%100) }

// MarshalJSON writes the amount as a decimal string, "12.50", so no float rounding reaches scripts.
func (c Cents) MarshalJSON() ([]byte, error) { return json.Marshal(c.String()) }

// UnmarshalJSON reads what MarshalJSON writes.
func (c *Cents) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	v, err := ParseAmount(s)
	if err != nil {
		return err
	}
	*c = v
	return nil
}
