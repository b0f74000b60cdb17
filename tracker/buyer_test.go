package tracker

import "testing"

func TestBuyerSet(t *testing.T) {
	var b Buyer
	for _, tc := range []struct{ field, v, bad string }{
		{"name", " Ana Souza ", ""},
		{"email", "ana@example.com", ""},
		{"phone", "+55 (81) 9999-0000", ""},
		{"email", "Ana <ana@example.com>", "email"},
		{"email", "ana", "email"},
		{"phone", "call me", "phone"},
		{"name", "two\nlines", "name"},
		{"street", "x", "street"},
	} {
		c := b
		err := c.Set(tc.field, tc.v)
		if FieldOf(err) != tc.bad {
			t.Errorf("%s=%q: %v", tc.field, tc.v, err)
		}
		if err == nil {
			b = c
		}
	}
	if b.Name != "Ana Souza" || b.Contact() != "ana@example.com · +55 (81) 9999-0000" {
		t.Errorf("%+v %q", b, b.Contact())
	}
}
