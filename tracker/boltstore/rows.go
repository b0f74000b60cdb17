package boltstore

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"strconv"

	bolt "go.etcd.io/bbolt"

	"proofpack/tracker"
)

var (
	bucketRows      = []byte("rows")
	bucketSummaries = []byte("summaries")
	keyRows         = []byte("rows")
)

// rowsVersion is the format of the rows bucket (tracker.Row's JSON). A file whose rows were
// written in another format gets them rebuilt from the cases when it is opened, as does one
// written before rows existed: change it whenever tracker.RowOf or Row change.
const rowsVersion = 1

// putCase saves a case with its list row in the caller's transaction, and drops the summary
// kept for its earlier save.
func putCase(tx *bolt.Tx, seq uint64, c tracker.Case) error {
	if err := putJSON(tx.Bucket(bucketCases), u64(seq), c); err != nil {
		return err
	}
	if err := putJSON(tx.Bucket(bucketRows), u64(seq), tracker.RowOf(c)); err != nil {
		return err
	}
	return tx.Bucket(bucketSummaries).Delete(u64(seq))
}

// deleteRow removes a deleted case's row and summary.
func deleteRow(tx *bolt.Tx, seq uint64) error {
	if err := tx.Bucket(bucketRows).Delete(u64(seq)); err != nil {
		return err
	}
	return tx.Bucket(bucketSummaries).Delete(u64(seq))
}

// Rows reads the rows and the kept summaries side by side: both buckets are in case order.
func (s *Store) Rows() ([]tracker.Row, error) {
	var out []tracker.Row
	err := s.db.View(func(tx *bolt.Tx) error {
		sums := tx.Bucket(bucketSummaries).Cursor()
		sk, sv := sums.First()
		return tx.Bucket(bucketRows).ForEach(func(k, v []byte) error {
			var r tracker.Row
			if err := json.Unmarshal(v, &r); err != nil {
				return corrupt("row", k, err)
			}
			for sk != nil && bytes.Compare(sk, k) < 0 {
				sk, sv = sums.Next()
			}
			if bytes.Equal(sk, k) {
				r.Kept = bytes.Clone(sv) // bbolt's bytes live only as long as the transaction
			}
			out = append(out, r)
			return nil
		})
	})
	return out, err
}

func (s *Store) KeepSummaries(sums []tracker.KeptSummary) error {
	if len(sums) == 0 {
		return nil
	}
	return s.db.Update(func(tx *bolt.Tx) error {
		rows, b := tx.Bucket(bucketRows), tx.Bucket(bucketSummaries)
		for _, sum := range sums {
			seq, err := strconv.ParseUint(sum.ID, 10, 64)
			if err != nil {
				continue
			}
			raw := rows.Get(u64(seq))
			if raw == nil {
				continue // deleted since
			}
			var r tracker.Row
			if json.Unmarshal(raw, &r) != nil || !r.Updated.Equal(sum.Updated) {
				continue // saved again since
			}
			if err := b.Put(u64(seq), sum.Data); err != nil {
				return err
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
		if err := json.Unmarshal(v, &c); err != nil {
			return corrupt("case", k, err)
		}
		return putJSON(rows, k, tracker.RowOf(c))
	})
	if err != nil {
		return err
	}
	return meta.Put(keyRows, u64(rowsVersion))
}
