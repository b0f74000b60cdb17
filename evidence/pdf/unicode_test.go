package pdf

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"proofpack/evidence"
	"proofpack/tracker"
)

// unicodeSeeds are the texts that broke packets: emoji (astral, with skin tone, joiner and
// variation selector), other astral letters, right-to-left text with bidi overrides, terminal
// escapes and other controls, and bytes that are not UTF-8.
var unicodeSeeds = []string{
	"charger 😀 works",
	"family 👨‍👩‍👧 thumbs 👍🏽 heart ❤️ flag 🇧🇷",
	"math 𝐀𝐁𝐂 gothic 𐌰𐌱 cuneiform 𒀀 CJK ext B 𠀀",
	"עברית \u202eevil\u202c مرحبا \u2067isolate\u2069",
	"escape \x1b[31mred\x1b[0m bell\a nul\x00 del\x7f c1\u0085 line\u2028sep",
	"bad \xff\xfe utf8 \xf0\x9f",
	"private \ue000 nonchar \uffff bom \ufeff soft\u00adhyphen",
	strings.Repeat("😀", 500),
}

// unicodeFixture puts text in every field a buyer or a carrier page fills: item, seller, city,
// order number, an event, a pasted history file and (by the caller) the statement.
func unicodeFixture(t testing.TB, text string) *fixture {
	f := newFixture(t)
	f.c.Item = "USB-C charger " + text
	f.c.Seller = "Store " + text
	f.c.Buyer.City = "São Paulo " + text
	f.c.OrderNumber = "8150322711" + text
	f.c.Shipments[0].Events = append(f.c.Shipments[0].Events, tracker.Event{
		Time: time.Date(2026, 10, 15, 9, 0, 0, 0, time.UTC), Place: text, Description: "Note " + text, Status: tracker.StatusInTransit, Exhibit: 1,
	})
	f.add(t, 1, "history", "txt", "text/plain; charset=utf-8", []byte("15/10/2026 09:00 Recife "+text), "")
	return f
}

// TestEmojiPacketEveryProfile: an emoji anywhere made every profile panic; now the text
// around it is printed, the emoji is replaced, and the packet says so once.
func TestEmojiPacketEveryProfile(t *testing.T) {
	for _, name := range ProfileNames {
		t.Run(name, func(t *testing.T) {
			f := unicodeFixture(t, "😀 end")
			out, err := Render(context.Background(), f.packet(evidence.PacketOptions{Statement: "I paid 😀 and got nothing 🇧🇷 at all."}), Options{Profile: Profiles[name], Root: f.root})
			if err != nil {
				t.Fatal(err)
			}
			text := flat(poppler(t, out.PDF, "pdftotext"))
			for _, want := range []string{"USB-C charger \uFFFD end", "I paid \uFFFD and got nothing \uFFFD\uFFFD at all.", "Recife \uFFFD end", "printed as \uFFFD"} {
				if !strings.Contains(text, want) {
					t.Errorf("text lacks %q", want)
				}
			}
			if n := strings.Count(text, "have no glyph in the packet's fonts"); n != 1 {
				t.Errorf("the packet says %d times that characters were replaced, want once", n)
			}
			var notes []string
			for _, n := range out.Notes {
				if strings.Contains(n, "no glyph") {
					notes = append(notes, n)
				}
			}
			if len(notes) != 1 || !strings.Contains(notes[0], "U+1F600") || !strings.Contains(notes[0], "U+1F1E7") {
				t.Errorf("notes about replaced characters = %q, want one naming U+1F600 and U+1F1E7", notes)
			}
		})
	}
}

// TestPlainPacketHasNoReplacementNote: the note appears only when something was replaced.
func TestPlainPacketHasNoReplacementNote(t *testing.T) {
	f := newFixture(t)
	out, err := Render(context.Background(), f.packet(evidence.PacketOptions{}), Options{Profile: Profiles["paypal"], Root: f.root})
	if err != nil {
		t.Fatal(err)
	}
	if text := poppler(t, out.PDF, "pdftotext"); strings.Contains(text, "no glyph") {
		t.Error("a packet without unusual characters says some were replaced")
	}
	for _, n := range out.Notes {
		if strings.Contains(n, "no glyph") {
			t.Errorf("note %q for a packet without unusual characters", n)
		}
	}
}

func TestRunsLeaveOutInvisibleAndReplaceMissing(t *testing.T) {
	if err := CheckFonts(); err != nil {
		t.Fatal(err)
	}
	c := newCoverage()
	got := c.plain("a\x1b[31mb\u202ec😀d\ufe0fe\u200df")
	if want := "a[31mbc\uFFFDdef"; got != want {
		t.Errorf("plain = %q, want %q", got, want)
	}
	if !c.missing['😀'] || len(c.missing) != 1 {
		t.Errorf("missing = %v, want only U+1F600", c.missing)
	}
}

// FuzzPacket renders packets from random Unicode in the buyer's fields, the statement, an
// event and a pasted history: any text gives a PDF or a plain error, never a panic, and no
// rune gofpdf cannot embed reaches it.
func FuzzPacket(f *testing.F) {
	for _, s := range unicodeSeeds {
		f.Add(s, s)
	}
	f.Add("", "\n\n\n")
	f.Fuzz(func(t *testing.T, field, statement string) {
		if len(field)+len(statement) > 4000 {
			return // size is the page limit's business, tested elsewhere
		}
		fx := unicodeFixture(t, field)
		out, err := Render(context.Background(), fx.packet(evidence.PacketOptions{Statement: statement}), Options{Profile: Profiles["paypal"], Root: fx.root})
		if err != nil {
			t.Fatalf("field %q, statement %q: %v", field, statement, err)
		}
		if !bytes.HasPrefix(out.PDF, []byte("%PDF-")) || !bytes.Contains(out.PDF, []byte("%%EOF")) {
			t.Fatalf("field %q: the output is not a whole PDF", field)
		}
		c := newCoverage()
		for _, r := range c.plain(field + statement) {
			if r > 0xffff || (r != '\uFFFD' && !utf8.ValidRune(r)) {
				t.Fatalf("rune %U would reach gofpdf", r)
			}
		}
	})
}

// TestUnicodeSeedsRender runs the fuzz seeds, with the text read back (every profile draws
// text the same way; TestEmojiPacketEveryProfile runs them all).
func TestUnicodeSeedsRender(t *testing.T) {
	for i, s := range unicodeSeeds {
		for _, name := range []string{"paypal"} {
			f := unicodeFixture(t, s)
			out, err := Render(context.Background(), f.packet(evidence.PacketOptions{Statement: "Statement " + s}), Options{Profile: Profiles[name], Root: f.root})
			if err != nil {
				t.Fatalf("seed %d, profile %s: %v", i, name, err)
			}
			if text := flat(poppler(t, out.PDF, "pdftotext")); !strings.Contains(text, "USB-C charger") {
				t.Errorf("seed %d, profile %s: the item is not in the text", i, name)
			}
		}
	}
}

// FuzzRuns checks, fast, what keeps gofpdf from panicking: whatever the text, the runs handed
// to it hold only valid UTF-8 of the Basic Multilingual Plane, no control character, and the
// Han font only for runes it has. FuzzPacket renders whole packets, slowly (gofpdf parses the
// fonts for every document).
func FuzzRuns(f *testing.F) {
	for _, s := range unicodeSeeds {
		f.Add(s)
	}
	if err := CheckFonts(); err != nil {
		f.Fatal(err)
	}
	c := newCoverage()
	f.Fuzz(func(t *testing.T, s string) {
		for _, r := range c.runs(s) {
			if r.text == "" || !utf8.ValidString(r.text) {
				t.Fatalf("run %q of %q", r.text, s)
			}
			for _, x := range r.text {
				if x > 0xffff || x < 0x20 || (x >= 0x7f && x < 0xa0) {
					t.Fatalf("rune %U of %q reaches gofpdf", x, s)
				}
				if r.han && c.faceOf(x) != faceHan {
					t.Fatalf("rune %U set in the Han font, which lacks it", x)
				}
			}
		}
	})
}
