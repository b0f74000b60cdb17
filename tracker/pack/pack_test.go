package pack

import (
	"math"
	"slices"
	"testing"

	"proofpack/tracker"
)

func TestRoundTrip(t *testing.T) {
	var w Writer
	w.Int(-5)
	w.Uint(math.MaxUint64)
	w.Bool(true)
	w.Str("Zürich, 8001")
	w.Strs([]string{"RR204873517CN", ""})
	w.Int(2026)
	w.Date(tracker.Date{Year: 2026, Month: 9, Day: 1})
	r := NewReader(w.Bytes())
	if v := r.Int(); v != -5 {
		t.Errorf("Int %d", v)
	}
	if v := r.Uint(); v != math.MaxUint64 {
		t.Errorf("Uint %d", v)
	}
	if !r.Bool() {
		t.Error("Bool false")
	}
	if s := r.Str(); s != "Zürich, 8001" {
		t.Errorf("Str %q", s)
	}
	if ss := r.Strs(); !slices.Equal(ss, []string{"RR204873517CN", ""}) {
		t.Errorf("Strs %q", ss)
	}
	if v := r.Small(); v != 2026 {
		t.Errorf("Small %d", v)
	}
	if d := r.Date(); d.String() != "2026-09-01" {
		t.Errorf("Date %v", d)
	}
	if err := r.Err(); err != nil {
		t.Fatal(err)
	}
}

// A record cut anywhere, or with bytes left over, reads as an error, never as other values.
func TestShort(t *testing.T) {
	var w Writer
	w.Str("a longer string")
	w.Strs([]string{"x", "y"})
	w.Bool(false)
	b := w.Bytes()
	for n := range len(b) {
		r := NewReader(b[:n])
		r.Str()
		r.Strs()
		r.Bool()
		if r.Err() == nil {
			t.Errorf("cut at %d of %d: no error", n, len(b))
		}
	}
	r := NewReader(append(slices.Clone(b), 0))
	r.Str()
	r.Strs()
	r.Bool()
	if r.Err() == nil {
		t.Error("a byte left over: no error")
	}
	if r := NewReader([]byte{2}); r.Bool() || r.Err() == nil {
		t.Error("a bool of 2 read without an error")
	}
	if r := NewReader([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f}); r.Uint() != 0 || r.Err() == nil {
		t.Error("a number over 64 bits read without an error")
	}
}

// Numbers read back as written, at the edges of each varint length and of the zig-zag.
func TestNumbers(t *testing.T) {
	var w Writer
	ints := []int64{0, -1, 1, 63, -64, 64, -65, 1 << 20, -(1 << 40), math.MaxInt64, math.MinInt64}
	uints := []uint64{0, 127, 128, 16383, 16384, 1 << 56, math.MaxUint64}
	for _, v := range ints {
		w.Int(v)
	}
	for _, v := range uints {
		w.Uint(v)
	}
	r := NewReader(w.Bytes())
	for _, v := range ints {
		if got := r.Int(); got != v {
			t.Errorf("Int %d read as %d", v, got)
		}
	}
	for _, v := range uints {
		if got := r.Uint(); got != v {
			t.Errorf("Uint %d read as %d", v, got)
		}
	}
	if err := r.Err(); err != nil {
		t.Fatal(err)
	}
}
