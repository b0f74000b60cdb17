package boltstore

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"strconv"
	"time"

	bolt "go.etcd.io/bbolt"

	"proofpack/tracker"
	"proofpack/tracker/pack"
)

var (
	bucketRows      = []byte("rows")
	bucketSummaries = []byte("summaries")
	bucketChanged   = []byte("changed")
	keyRows         = []byte("rows")
)

// rowsVersion is the format of the rows bucket (encodeRow). A file whose rows were written in
// another format gets them rebuilt from the cases when it is opened, as does one written before
// rows existed: change it whenever encodeRow, tracker.RowOf or Row change.
const rowsVersion = 2

// putCase saves a case with its list row in the caller's transaction, drops the summary kept
// for its earlier save and notes it as changed.
func putCase(tx *bolt.Tx, seq uint64, c tracker.Case) error {
	if err := putJSON(tx.Bucket(bucketCases), u64(seq), c); err != nil {
		return err
	}
	if err := tx.Bucket(bucketChanged).Put(u64(seq), nil); err != nil {
		return err
	}
	if err := tx.Bucket(bucketRows).Put(u64(seq), encodeRow(rowOf(tx, c))); err != nil {
		return err
	}
	return tx.Bucket(bucketSummaries).Delete(u64(seq))
}

// exhibitsChanged gives the row of case c a new save mark and drops its kept summary, as a save
// of the case does: the exhibits weigh in its diagnosis (a page of another number), and a
// summary computed before the change must not be kept after it.
func exhibitsChanged(tx *bolt.Tx, c tracker.Case) error {
	seq, err := strconv.ParseUint(c.ID, 10, 64)
	if err != nil {
		return err
	}
	if err := tx.Bucket(bucketRows).Put(u64(seq), encodeRow(rowOf(tx, c))); err != nil {
		return err
	}
	return tx.Bucket(bucketSummaries).Delete(u64(seq))
}

// rowOf is the case's row as saved in tx: the write transaction's ID tells the saves apart.
func rowOf(tx *bolt.Tx, c tracker.Case) tracker.Row {
	r := tracker.RowOf(c)
	r.Saved = uint64(tx.ID())
	return r
}

// deleteRow removes a deleted case's row, summary and change note.
func deleteRow(tx *bolt.Tx, seq uint64) error {
	if err := tx.Bucket(bucketRows).Delete(u64(seq)); err != nil {
		return err
	}
	if err := tx.Bucket(bucketChanged).Delete(u64(seq)); err != nil {
		return err
	}
	return tx.Bucket(bucketSummaries).Delete(u64(seq))
}

// Rows reads the rows and the kept summaries side by side: both buckets are in case order.
func (s *Store) Rows() ([]tracker.Row, error) {
	var out []tracker.Row
	err := s.db.View(func(tx *bolt.Tx) error {
		// The highest case ID bounds the count: a row is large, and growing the slice row by row
		// copied ten thousand of them several times over.
		out = make([]tracker.Row, 0, min(tx.Bucket(bucketCases).Sequence(), 1<<20))
		sums := tx.Bucket(bucketSummaries).Cursor()
		sk, sv := sums.First()
		return tx.Bucket(bucketRows).ForEach(func(k, v []byte) error {
			out = append(out, tracker.Row{})
			r := &out[len(out)-1] // read in place: a row is large
			if err := decodeRow(v, r); err != nil {
				return corrupt("row", k, err)
			}
			for sk != nil && bytes.Compare(sk, k) < 0 {
				sk, sv = sums.Next()
			}
			if bytes.Equal(sk, k) {
				r.Kept = string(sv) // a copy: bbolt's bytes live only as long as the transaction
			}
			return nil
		})
	})
	return out, err
}

func (s *Store) Row(id string) (tracker.Row, error) {
	var r tracker.Row
	seq, err := strconv.ParseUint(id, 10, 64)
	if err != nil {
		return r, tracker.NotFound("no case %s: case IDs are numbers, see 'proofpack case list'", tracker.Quote(id))
	}
	err = s.db.View(func(tx *bolt.Tx) error {
		raw := tx.Bucket(bucketRows).Get(u64(seq))
		if raw == nil {
			return tracker.NotFound("no case %s: see 'proofpack case list'", id)
		}
		if err := decodeRow(raw, &r); err != nil {
			return corrupt("row", u64(seq), err)
		}
		return nil
	})
	return r, err
}

func (s *Store) KeepSummaries(sums []tracker.KeptSummary) error {
	if len(sums) == 0 {
		return nil
	}
	return s.db.Update(func(tx *bolt.Tx) error {
		rows, b := tx.Bucket(bucketRows), tx.Bucket(bucketSummaries)
		var r tracker.Row
		for _, sum := range sums {
			seq, err := strconv.ParseUint(sum.ID, 10, 64)
			if err != nil {
				continue
			}
			raw := rows.Get(u64(seq))
			if raw == nil {
				continue // deleted since
			}
			if err := decodeRow(raw, &r); err != nil || r.Saved != sum.Saved {
				continue // saved again since
			}
			if err := b.Put(u64(seq), sum.Data); err != nil {
				return err
			}
		}
		return nil
	})
}

func (s *Store) Changed() ([]string, error) {
	var ids []string
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketChanged).ForEach(func(k, _ []byte) error {
			ids = append(ids, strconv.FormatUint(binary.BigEndian.Uint64(k), 10))
			return nil
		})
	})
	return ids, err
}

func (s *Store) ClearChanged(ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	return s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketChanged)
		for _, id := range ids {
			if seq, err := strconv.ParseUint(id, 10, 64); err == nil {
				if err := b.Delete(u64(seq)); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// ensureRows rebuilds every row from its case when the file's rows are not in this build's
// format (or predate rows), in the caller's transaction, dropping every kept summary.
func ensureRows(tx *bolt.Tx) error {
	meta := tx.Bucket(bucketMeta)
	if raw := meta.Get(keyRows); len(raw) == 8 && binary.BigEndian.Uint64(raw) == rowsVersion {
		return nil
	}
	for _, name := range [][]byte{bucketRows, bucketSummaries} {
		if tx.Bucket(name) != nil {
			if err := tx.DeleteBucket(name); err != nil {
				return err
			}
		}
		if _, err := tx.CreateBucket(name); err != nil {
			return err
		}
	}
	rows := tx.Bucket(bucketRows)
	rows.FillPercent = 1 // in key order: full pages
	err := tx.Bucket(bucketCases).ForEach(func(k, v []byte) error {
		var c tracker.Case
		if json.Unmarshal(v, &c) != nil {
			// Listed by its ID alone: the store still opens, and the case says it is damaged
			// when it is read.
			c = tracker.Case{ID: strconv.FormatUint(binary.BigEndian.Uint64(k), 10)}
		}
		return rows.Put(k, encodeRow(rowOf(tx, c)))
	})
	if err != nil {
		return err
	}
	return meta.Put(keyRows, u64(rowsVersion))
}

// encodeRow packs a row (without its kept summary) field by field: JSON would cost several
// times the reading of ten thousand rows at each start. TestRowCodec fails when Row gains a
// field this leaves out.
func encodeRow(r tracker.Row) []byte {
	var w pack.Writer
	for _, s := range []string{r.ID, r.Marketplace, r.OrderNumber, r.Seller, r.Item, r.Currency, r.Payment,
		r.Buyer.City, r.Buyer.Postcode, r.Buyer.Country} {
		w.Str(s)
	}
	w.Int(int64(r.Amount))
	for _, day := range []tracker.Date{r.Ordered, r.Shipped, r.Promised} {
		w.Date(day)
	}
	// The dispute as JSON, which carries whatever steps it gains, and only when one is recorded:
	// most cases have none, and JSON is what costs.
	w.Bool(r.Dispute != tracker.Dispute{})
	if r.Dispute != (tracker.Dispute{}) {
		b, _ := json.Marshal(r.Dispute) // dates and strings: cannot fail
		w.Str(string(b))
	}
	w.Strs(r.Numbers)
	w.Strs(r.Inputs)
	w.Int(r.Updated.Unix())
	w.Int(int64(r.Updated.Nanosecond()))
	w.Uint(r.Saved)
	return w.Bytes()
}

// decodeRow reads what encodeRow wrote into r, every field of which it sets.
func decodeRow(b []byte, r *tracker.Row) error {
	*r = tracker.Row{}
	p := pack.NewReader(b)
	for _, s := range []*string{&r.ID, &r.Marketplace, &r.OrderNumber, &r.Seller, &r.Item, &r.Currency, &r.Payment,
		&r.Buyer.City, &r.Buyer.Postcode, &r.Buyer.Country} {
		*s = p.Str()
	}
	r.Amount = tracker.Cents(p.Int())
	for _, day := range []*tracker.Date{&r.Ordered, &r.Shipped, &r.Promised} {
		*day = p.Date()
	}
	if p.Bool() {
		if err := json.Unmarshal([]byte(p.Str()), &r.Dispute); err != nil {
			return err
		}
	}
	r.Numbers = p.Strs()
	r.Inputs = p.Strs()
	r.Updated = time.Unix(p.Int(), p.Int()).UTC()
	r.Saved = p.Uint()
	return p.Err()
}
