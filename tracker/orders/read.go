package orders

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"proofpack/tracker"
)

// MaxFileBytes bounds what one import reads: about 400 000 orders of a typical export.
const MaxFileBytes = 64 << 20

// Sheet is an order list as read: how the file was understood, and its rows.
type Sheet struct {
	Preset    string   // "proofpack", "aftership" or "aliexpress": whose headers matched most
	Delimiter string   // ",", ";", "tab" or "|"
	Encoding  string   // "UTF-8", "UTF-8 with BOM", "UTF-16" or "Windows-1252"
	Columns   []Column // one per header cell, in file order
	Rows      []Row
}

// Column is one header cell and the field it maps to ("" when ProofPack does not use it).
type Column struct {
	Header string `json:"header"`
	Field  string `json:"field"`
}

// Row is one data line: its values by field, and the line it starts on (1 is the header).
type Row struct {
	Line   int
	Values map[string]string
}

// Read decodes and splits an order list. Its error names the problem; a file whose rows have
// bad values still reads, and each row's problems come from Row.Order.
func Read(r io.Reader) (Sheet, error) {
	raw, err := io.ReadAll(io.LimitReader(r, MaxFileBytes+1))
	if err != nil {
		return Sheet{}, err
	}
	if len(raw) > MaxFileBytes {
		return Sheet{}, tracker.Invalid("file", "is larger than %d MB: split it into smaller files", MaxFileBytes>>20)
	}
	var sh Sheet
	text, enc, err := decode(raw)
	if err != nil {
		return Sheet{}, err
	}
	sh.Encoding = enc
	header, _, _ := strings.Cut(strings.TrimLeft(text, "\r\n"), "\n")
	delim := delimiter(header)
	sh.Delimiter = map[rune]string{',': ",", ';': ";", '\t': "tab", '|': "|"}[delim]

	cr := csv.NewReader(strings.NewReader(text))
	cr.Comma = delim
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = false
	head, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return Sheet{}, tracker.Invalid("file", "is empty: the first line must name the columns (order_number, order_date, ...)")
	}
	if err != nil {
		return Sheet{}, csvErr(err)
	}
	fields := make([]string, len(head))
	seen := map[string]string{}
	votes := map[string]int{}
	for i, h := range head {
		f, preset := fieldOf(h)
		if f != "" {
			if prev, dup := seen[f]; dup {
				return Sheet{}, tracker.Invalid("line 1", "columns %q and %q both give %s: keep one", prev, strings.TrimSpace(h), f)
			}
			seen[f] = strings.TrimSpace(h)
			votes[preset]++
		}
		fields[i] = f
		sh.Columns = append(sh.Columns, Column{Header: strings.TrimSpace(h), Field: f})
	}
	if _, ok := seen["tracking_number"]; !ok {
		return Sheet{}, tracker.Invalid("line 1", "no tracking number column: name one tracking_number (found %s)", headerList(head))
	}
	// A file is in our own format unless it uses another preset's names.
	sh.Preset = "proofpack"
	for _, p := range []string{"aftership", "aliexpress"} {
		if votes[p] > 0 && (sh.Preset == "proofpack" || votes[p] > votes[sh.Preset]) {
			sh.Preset = p
		}
	}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return Sheet{}, csvErr(err)
		}
		line, _ := cr.FieldPos(0)
		if blank(rec) {
			continue
		}
		row := Row{Line: line, Values: make(map[string]string, len(seen))}
		for i, v := range rec {
			if i < len(fields) && fields[i] != "" {
				row.Values[fields[i]] = strings.TrimSpace(v)
			}
		}
		sh.Rows = append(sh.Rows, row)
	}
	return sh, nil
}

// decode turns the file into UTF-8 text and names the encoding it was in. A file that is not
// valid UTF-8 and has no UTF-16 mark is Windows-1252, which maps every byte to a character.
func decode(raw []byte) (string, string, error) {
	switch {
	case bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}):
		raw = raw[3:]
		if !utf8.Valid(raw) {
			return "", "", tracker.Invalid("file", "starts with a UTF-8 mark but is not UTF-8: save it again as CSV UTF-8")
		}
		return string(raw), "UTF-8 with BOM", nil
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}), bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(raw)
		if err != nil {
			return "", "", tracker.Invalid("file", "is not readable UTF-16 text: save it again as CSV UTF-8")
		}
		return string(out), "UTF-16", nil
	case utf8.Valid(raw):
		return string(raw), "UTF-8", nil
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(raw)
	if err != nil {
		return "", "", tracker.Invalid("file", "is neither UTF-8 nor Windows-1252 text")
	}
	return string(out), "Windows-1252", nil
}

// delimiter picks the separator the header line uses most, outside quotes; comma by default.
func delimiter(header string) rune {
	count := map[rune]int{}
	quoted := false
	for _, r := range header {
		switch {
		case r == '"':
			quoted = !quoted
		case !quoted && (r == ',' || r == ';' || r == '\t' || r == '|'):
			count[r]++
		}
	}
	best := ','
	for _, d := range []rune{';', '\t', '|'} {
		if count[d] > count[best] {
			best = d
		}
	}
	return best
}

func csvErr(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return tracker.Invalid(fmt.Sprintf("line %d", pe.Line), "%v: check the quotes on that line", pe.Err)
	}
	return err
}

func blank(rec []string) bool {
	for _, v := range rec {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

func headerList(head []string) string {
	if len(head) > 8 {
		head = append(head[:8:8], "...")
	}
	return strings.Join(head, ", ")
}
