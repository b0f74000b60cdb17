package boltstore

import (
	"encoding/binary"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"proofpack/tracker"
)

// migrations[i] takes a file from schema version i to i+1. Append, never edit: a file written by
// any earlier version must still open. Update the schema drawing in the package comment too.
var migrations = []func(*bolt.Tx) error{
	// 0 -> 1: the first schema.
	func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketCases, bucketNumbers, bucketExhibits, bucketSettings} {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return err
			}
		}
		return nil
	},
	// 1 -> 2: the cases' list rows and summaries (filled by ensureRows), and the changed cases:
	// every case, as the copies of its folder were last checked by an earlier version.
	func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketRows, bucketSummaries, bucketChanged} {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return err
			}
		}
		changed := tx.Bucket(bucketChanged)
		return tx.Bucket(bucketCases).ForEach(func(k, _ []byte) error { return changed.Put(k, nil) })
	},
}

// SchemaVersion is the version this build writes.
var SchemaVersion = uint64(len(migrations))

// migrate brings the file to SchemaVersion inside the caller's transaction: all steps or none.
func migrate(tx *bolt.Tx) error {
	meta, err := tx.CreateBucketIfNotExists(bucketMeta)
	if err != nil {
		return err
	}
	var v uint64
	if raw := meta.Get(keySchema); len(raw) == 8 {
		v = binary.BigEndian.Uint64(raw)
	}
	if v > SchemaVersion {
		return &tracker.Error{Kind: tracker.KindCorrupt,
			Msg: fmt.Sprintf("this data folder was written by a newer ProofPack (schema %d, this one knows %d): update ProofPack", v, SchemaVersion)}
	}
	if v < SchemaVersion {
		for ; v < SchemaVersion; v++ {
			if err := migrations[v](tx); err != nil {
				return fmt.Errorf("upgrading the database from schema %d: %w", v, err)
			}
		}
		if err := meta.Put(keySchema, u64(v)); err != nil {
			return err
		}
	}
	return ensureRows(tx)
}
