package tracker

import (
	"net/mail"
	"strings"
	"unicode/utf8"
)

// Buyer is who signs the packet: a bank clerk reads a claim from a person, with a way to reach
// them. It is one setting of the data folder, asked once.
type Buyer struct {
	Name  string `json:"name"`
	Email string `json:"email"`
	Phone string `json:"phone"`
}

// BuyerKey is the store setting that holds the Buyer.
const BuyerKey = "buyer"

// BuyerFields are the settable fields of Buyer, by their JSON names.
var BuyerFields = []string{"name", "email", "phone"}

// Set changes one field by name, trimmed, and checks it.
func (b *Buyer) Set(field, v string) error {
	v = strings.TrimSpace(v)
	switch field {
	case "name":
		b.Name = v
	case "email":
		b.Email = v
	case "phone":
		b.Phone = v
	default:
		return Invalid(field, "is not a buyer setting: use %s", strings.Join(BuyerFields, ", "))
	}
	return b.Validate()
}

// Validate names the first field that cannot be right.
func (b Buyer) Validate() error {
	for _, f := range []struct{ name, v string }{{"name", b.Name}, {"email", b.Email}, {"phone", b.Phone}} {
		if utf8.RuneCountInString(f.v) > maxShort || strings.ContainsAny(f.v, "\r\n") {
			return Invalid(f.name, "must be one line of at most 200 characters")
		}
	}
	if b.Email != "" {
		if a, err := mail.ParseAddress(b.Email); err != nil || a.Address != b.Email {
			return Invalid("email", "%q is not an e-mail address like ana@example.com", b.Email)
		}
	}
	if b.Phone != "" && strings.Trim(b.Phone, "+0123456789 ()-./") != "" {
		return Invalid("phone", "%q is not a phone number: digits, spaces, + ( ) - only", b.Phone)
	}
	return nil
}

// Contact is the buyer's e-mail and phone on one line, "" when neither is set.
func (b Buyer) Contact() string {
	var parts []string
	for _, p := range []string{b.Email, b.Phone} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " · ")
}
