// Package pack writes and reads compact binary records: varint numbers and length-prefixed
// strings, one after the other in a fixed order. The store's list rows and the list's kept
// summaries use it: ten thousand of them are read at each start, and JSON's reflection and
// validation cost several times the reading itself.
package pack

import (
	"encoding/binary"
	"errors"
	"math"
	"time"

	"proofpack/tracker"
)

// Writer appends fields to a record.
type Writer struct{ b []byte }

// Bytes is the record written so far.
func (w *Writer) Bytes() []byte { return w.b }

func (w *Writer) Int(v int64)   { w.b = binary.AppendVarint(w.b, v) }
func (w *Writer) Uint(v uint64) { w.b = binary.AppendUvarint(w.b, v) }

func (w *Writer) Bool(v bool) {
	if v {
		w.b = append(w.b, 1)
	} else {
		w.b = append(w.b, 0)
	}
}

func (w *Writer) Str(s string) {
	w.Uint(uint64(len(s)))
	w.b = append(w.b, s...)
}

// Strs writes a count, then each string.
func (w *Writer) Strs(ss []string) {
	w.Uint(uint64(len(ss)))
	for _, s := range ss {
		w.Str(s)
	}
}

// Date writes a day as its year, month and day.
func (w *Writer) Date(d tracker.Date) {
	w.Int(int64(d.Year))
	w.Int(int64(d.Month))
	w.Int(int64(d.Day))
}

// ErrShort says a record ended before its fields did, or a field does not fit.
var ErrShort = errors.New("record cut short or malformed")

// Reader reads the fields of a record in the order they were written. The first error sticks:
// every later field reads as zero, and Err says what went wrong. The record is copied once into
// a string that the strings read share: one allocation per record, not one per field.
type Reader struct {
	s   string
	err error
}

func NewReader(b []byte) *Reader { return &Reader{s: string(b)} }

// NewStringReader reads a record held in a string, without a copy.
func NewStringReader(s string) *Reader { return &Reader{s: s} }

// Err is the first error met, or nil; a record with bytes left over is malformed too.
func (r *Reader) Err() error {
	if r.err == nil && len(r.s) > 0 {
		return ErrShort
	}
	return r.err
}

func (r *Reader) Uint() uint64 {
	var v uint64
	for i := 0; i < len(r.s) && i < binary.MaxVarintLen64; i++ {
		c := r.s[i]
		if i == binary.MaxVarintLen64-1 && c > 1 {
			break // overflows 64 bits
		}
		v |= uint64(c&0x7f) << (7 * i)
		if c < 0x80 {
			r.s = r.s[i+1:]
			return v
		}
	}
	r.fail()
	return 0
}

func (r *Reader) Int() int64 {
	u := r.Uint() // zig-zag, as binary.AppendVarint writes it
	v := int64(u >> 1)
	if u&1 != 0 {
		v = ^v
	}
	return v
}

// Small reads an Int that must fit an int32 (a day, a month, a count).
func (r *Reader) Small() int {
	v := r.Int()
	if v < math.MinInt32 || v > math.MaxInt32 {
		r.fail()
		return 0
	}
	return int(v)
}

func (r *Reader) Bool() bool {
	if len(r.s) == 0 || r.s[0] > 1 {
		r.fail()
		return false
	}
	v := r.s[0] == 1
	r.s = r.s[1:]
	return v
}

func (r *Reader) Str() string {
	n := r.Uint()
	if n > uint64(len(r.s)) {
		r.fail()
		return ""
	}
	s := r.s[:n]
	r.s = r.s[n:]
	return s
}

func (r *Reader) Strs() []string {
	n := r.Uint()
	if n > uint64(len(r.s)) { // each string takes at least a byte
		r.fail()
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = r.Str()
	}
	return out
}

func (r *Reader) Date() tracker.Date {
	return tracker.Date{Year: r.Small(), Month: time.Month(r.Small()), Day: r.Small()}
}

func (r *Reader) fail() {
	if r.err == nil {
		r.err = ErrShort
	}
	r.s = ""
}
