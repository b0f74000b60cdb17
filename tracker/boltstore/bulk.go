package boltstore

import (
	"encoding/json"
	"io"
	"strconv"
	"time"

	bolt "go.etcd.io/bbolt"

	"proofpack/tracker"
)

// SaveCases is one transaction however many cases it saves: ten thousand imported orders cost
// one fsync, and a crash leaves all of them or none.
func (s *Store) SaveCases(cases []tracker.Case, merge func(stored *tracker.Case, imported tracker.Case)) ([]tracker.Case, error) {
	out := make([]tracker.Case, 0, len(cases))
	now := s.now().UTC().Truncate(time.Second)
	err := s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketCases)
		// New cases take the next sequence numbers, so they append: full pages split least.
		b.FillPercent = 1
		tx.Bucket(bucketRows).FillPercent = 1
		for _, c := range cases {
			var old []string
			if c.ID == "" {
				seq, err := b.NextSequence()
				if err != nil {
					return err
				}
				c.ID = strconv.FormatUint(seq, 10)
				c.Created = now
			} else {
				stored, err := getCase(tx, c.ID)
				if err != nil {
					return err
				}
				old = stored.Numbers()
				merge(&stored, c)
				stored.ID, c = c.ID, stored
			}
			if err := c.Validate(); err != nil {
				return err
			}
			c.Updated = now
			if err := indexNumbers(tx, c.ID, old, c.Numbers()); err != nil {
				return err
			}
			seq, _ := strconv.ParseUint(c.ID, 10, 64)
			if err := putCase(tx, seq, c); err != nil {
				return err
			}
			out = append(out, c)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Snapshot copies the database file as one read transaction sees it, while other readers and
// the writer go on, and lists the exhibit records of that same view.
func (s *Store) Snapshot(w io.Writer) (map[string][]tracker.Exhibit, error) {
	ex := map[string][]tracker.Exhibit{}
	err := s.db.View(func(tx *bolt.Tx) error {
		if _, err := tx.WriteTo(w); err != nil {
			return err
		}
		return tx.Bucket(bucketExhibits).ForEachBucket(func(id []byte) error {
			return tx.Bucket(bucketExhibits).Bucket(id).ForEach(func(k, v []byte) error {
				var e tracker.Exhibit
				if err := json.Unmarshal(v, &e); err != nil {
					return corrupt("exhibit", k, err)
				}
				ex[string(id)] = append(ex[string(id)], e)
				return nil
			})
		})
	})
	return ex, err
}
