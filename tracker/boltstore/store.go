// Package boltstore keeps ProofPack's cases in one bbolt file, proofpack.db, inside the data
// folder. It is the only package that imports bbolt.
//
// Bucket schema (version 2):
//
//	meta
//	  schema            -> uint64 big-endian: the schema version, see migrations
//	  folder            -> the data folder's identity, also in proofpack.id (see OpenDir)
//	cases
//	  <seq uint64 BE>   -> Case JSON; the case ID is the sequence number in decimal
//	numbers
//	  <tracking number>/            one bucket per normalised number: the reused-number index
//	    <case ID>       -> ""
//	exhibits
//	  <case ID>/                    one bucket per case
//	    <no uint32 BE><kind> -> Exhibit JSON
//	exhibit_log                     made at the first change, so older files need no migration
//	  <case ID>/                    one bucket per case: its exhibit history, append-only
//	    <seq uint32 BE> -> ExhibitChange JSON
//	settings
//	  <key>             -> JSON
//	rows                            (version 2)
//	  <seq uint64 BE>   -> the case's list row (tracker.Row, packed: encodeRow), written with it
//	summaries                       (version 2)
//	  <seq uint64 BE>   -> the list's summary of the case, dropped by each save of the case
//	changed                         (version 2)
//	  <seq uint64 BE>   -> "": the case was saved since its copies were checked (Changed)
//
// meta's "rows" key holds the rows' format (rowsVersion); on another, the rows are rebuilt.
//
// Every public method is one bbolt transaction, so a failed call changes nothing and a crash
// loses nothing committed.
package boltstore

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"slices"
	"strconv"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"proofpack/tracker"
)

var (
	bucketMeta     = []byte("meta")
	bucketCases    = []byte("cases")
	bucketNumbers  = []byte("numbers")
	bucketExhibits = []byte("exhibits")
	bucketSettings = []byte("settings")
	bucketLog      = []byte("exhibit_log")
	keySchema      = []byte("schema")
)

// FileName is the database file inside the data folder.
const FileName = "proofpack.db"

// lockWait is how long a second process waits for the file lock before it is told the data
// folder is in use; well inside the two seconds the design promises.
const lockWait = 1500 * time.Millisecond

// Store is the bbolt tracker.Store.
type Store struct {
	db  *bolt.DB
	now tracker.Clock
}

var _ tracker.Store = (*Store)(nil)

// Open opens or creates the database file at path and brings its schema up to date.
func Open(path string) (*Store, error) {
	var size int64 = -1
	if fi, err := os.Stat(path); err == nil {
		size = fi.Size()
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: lockWait, InitialMmapSize: initialMmap})
	if err != nil {
		// On Windows bbolt grows the file to its memory map's size with zeros before it finds
		// the file is no database: give a damaged file back its own bytes, for repair to keep.
		if fi, serr := os.Stat(path); damaged(err) && size >= 0 && serr == nil && fi.Size() > size {
			os.Truncate(path, size)
		}
		return nil, openError(path, err)
	}
	// bbolt creates the file through the umask; the owner must keep read and write whatever it is.
	if err := os.Chmod(path, 0o600); err != nil {
		db.Close()
		return nil, fmt.Errorf("cannot protect %s: %w", path, err)
	}
	s := &Store{db: db, now: time.Now}
	if err := db.Update(migrate); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// SetClock fixes the time the store writes into created/updated stamps (tests).
func (s *Store) SetClock(c tracker.Clock) { s.now = c }

// Close releases the file lock.
func (s *Store) Close() error { return s.db.Close() }

// Check runs bbolt's consistency check over the whole file.
func (s *Store) Check() error {
	return s.db.View(func(tx *bolt.Tx) error {
		var errs []error
		for err := range tx.Check() {
			errs = append(errs, err)
		}
		return errors.Join(errs...)
	})
}

func (s *Store) AddCase(c tracker.Case) (tracker.Case, error) {
	if err := c.Validate(); err != nil {
		return tracker.Case{}, err
	}
	err := s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketCases)
		seq, err := b.NextSequence()
		if err != nil {
			return err
		}
		c.ID = strconv.FormatUint(seq, 10)
		c.Created = s.now().UTC().Truncate(time.Second)
		c.Updated = c.Created
		if err := indexNumbers(tx, c.ID, nil, c.Numbers()); err != nil {
			return err
		}
		return putCase(tx, seq, c)
	})
	if err != nil {
		return tracker.Case{}, err
	}
	return c, nil
}

func (s *Store) Case(id string) (tracker.Case, error) {
	var c tracker.Case
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		c, err = getCase(tx, id)
		return err
	})
	return c, err
}

func (s *Store) Cases() ([]tracker.Case, error) {
	var out []tracker.Case
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketCases).ForEach(func(k, v []byte) error {
			var c tracker.Case
			if err := json.Unmarshal(v, &c); err != nil {
				return corrupt("case", k, err)
			}
			out = append(out, c)
			return nil
		})
	})
	return out, err
}

func (s *Store) UpdateCase(id string, change func(*tracker.Case) error) (tracker.Case, error) {
	var c tracker.Case
	err := s.db.Update(func(tx *bolt.Tx) error {
		var err error
		if c, err = getCase(tx, id); err != nil {
			return err
		}
		old := c.Numbers()
		if err := change(&c); err != nil {
			return err
		}
		c.ID = id // the ID and creation time are the store's, whatever change did
		if err := c.Validate(); err != nil {
			return err
		}
		c.Updated = s.now().UTC().Truncate(time.Second)
		if err := indexNumbers(tx, id, old, c.Numbers()); err != nil {
			return err
		}
		seq, _ := strconv.ParseUint(id, 10, 64)
		return putCase(tx, seq, c)
	})
	if err != nil {
		return tracker.Case{}, err
	}
	return c, nil
}

func (s *Store) DeleteCase(id string) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		c, err := getCase(tx, id)
		if err != nil {
			return err
		}
		if err := indexNumbers(tx, id, c.Numbers(), nil); err != nil {
			return err
		}
		if err := tx.Bucket(bucketExhibits).DeleteBucket([]byte(id)); err != nil && !errors.Is(err, berrors.ErrBucketNotFound) {
			return err
		}
		if lb := tx.Bucket(bucketLog); lb != nil {
			if err := lb.DeleteBucket([]byte(id)); err != nil && !errors.Is(err, berrors.ErrBucketNotFound) {
				return err
			}
		}
		seq, _ := strconv.ParseUint(id, 10, 64)
		if err := deleteRow(tx, seq); err != nil {
			return err
		}
		return tx.Bucket(bucketCases).Delete(u64(seq))
	})
}

func (s *Store) CasesWithNumber(number string) ([]string, error) {
	var ids []string
	err := s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketNumbers).Bucket([]byte(number))
		if b == nil {
			return nil
		}
		return b.ForEach(func(k, _ []byte) error {
			ids = append(ids, string(k))
			return nil
		})
	})
	slices.SortFunc(ids, byNumber)
	return ids, err
}

func (s *Store) AddExhibits(caseID string, place func(next int) ([]tracker.Exhibit, error)) ([]tracker.Exhibit, error) {
	var added []tracker.Exhibit
	err := s.db.Update(func(tx *bolt.Tx) error {
		c, err := getCase(tx, caseID)
		if err != nil {
			return err
		}
		b, err := tx.Bucket(bucketExhibits).CreateBucketIfNotExists([]byte(caseID))
		if err != nil {
			return err
		}
		next := 1
		if k, _ := b.Cursor().Last(); k != nil {
			next = int(binary.BigEndian.Uint32(k[:4])) + 1
		}
		if added, err = place(next); err != nil {
			return err
		}
		for _, e := range added {
			if e.No < next {
				return fmt.Errorf("exhibit %s reuses a number below %d", e.ID(), next)
			}
			key := append(binary.BigEndian.AppendUint32(nil, uint32(e.No)), e.Kind...)
			if b.Get(key) != nil {
				return fmt.Errorf("exhibit %s is recorded twice", e.ID())
			}
			if err := putJSON(b, key, e); err != nil {
				return err
			}
		}
		return exhibitsChanged(tx, c)
	})
	if err != nil {
		return nil, err
	}
	return added, nil
}

func (s *Store) Exhibits(caseID string) ([]tracker.Exhibit, error) {
	var out []tracker.Exhibit
	err := s.db.View(func(tx *bolt.Tx) error {
		if _, err := getCase(tx, caseID); err != nil {
			return err
		}
		b := tx.Bucket(bucketExhibits).Bucket([]byte(caseID))
		if b == nil {
			return nil
		}
		return b.ForEach(func(k, v []byte) error {
			var e tracker.Exhibit
			if err := json.Unmarshal(v, &e); err != nil {
				return corrupt("exhibit", k, err)
			}
			out = append(out, e)
			return nil
		})
	})
	return out, err
}

func (s *Store) ChangeExhibits(caseID string, change func([]tracker.Exhibit, []tracker.ExhibitChange) ([]tracker.ExhibitChange, error)) ([]tracker.ExhibitChange, error) {
	var added []tracker.ExhibitChange
	err := s.db.Update(func(tx *bolt.Tx) error {
		c, err := getCase(tx, caseID)
		if err != nil {
			return err
		}
		var ex []tracker.Exhibit
		var keys [][]byte
		if b := tx.Bucket(bucketExhibits).Bucket([]byte(caseID)); b != nil {
			if err := b.ForEach(func(k, v []byte) error {
				var e tracker.Exhibit
				if err := json.Unmarshal(v, &e); err != nil {
					return corrupt("exhibit", k, err)
				}
				ex, keys = append(ex, e), append(keys, slices.Clone(k))
				return nil
			}); err != nil {
				return err
			}
		}
		log, err := readLog(tx, caseID)
		if err != nil {
			return err
		}
		before := slices.Clone(ex)
		if added, err = change(ex, log); err != nil {
			return err
		}
		for i, e := range ex {
			if e == before[i] {
				continue
			}
			if e.No != before[i].No || e.Kind != before[i].Kind || e.Path != before[i].Path || e.SHA256 != before[i].SHA256 || e.Size != before[i].Size {
				return fmt.Errorf("exhibit %s: a change may not renumber, move or rehash a file", before[i].ID())
			}
			if err := putJSON(tx.Bucket(bucketExhibits).Bucket([]byte(caseID)), keys[i], e); err != nil {
				return err
			}
		}
		if !slices.Equal(ex, before) {
			if err := exhibitsChanged(tx, c); err != nil {
				return err
			}
		}
		for i := range added {
			added[i].At = added[i].At.UTC()
		}
		return appendLog(tx, caseID, len(log), added)
	})
	if err != nil {
		return nil, err
	}
	return added, nil
}

func (s *Store) ExhibitLog(caseID string) ([]tracker.ExhibitChange, error) {
	var out []tracker.ExhibitChange
	err := s.db.View(func(tx *bolt.Tx) error {
		if _, err := getCase(tx, caseID); err != nil {
			return err
		}
		var err error
		out, err = readLog(tx, caseID)
		return err
	})
	return out, err
}

func readLog(tx *bolt.Tx, caseID string) ([]tracker.ExhibitChange, error) {
	var out []tracker.ExhibitChange
	root := tx.Bucket(bucketLog)
	if root == nil || root.Bucket([]byte(caseID)) == nil {
		return out, nil
	}
	err := root.Bucket([]byte(caseID)).ForEach(func(k, v []byte) error {
		var c tracker.ExhibitChange
		if err := json.Unmarshal(v, &c); err != nil {
			return corrupt("exhibit history", k, err)
		}
		out = append(out, c)
		return nil
	})
	return out, err
}

func (s *Store) Setting(key string, v any) (bool, error) {
	var found bool
	err := s.db.View(func(tx *bolt.Tx) error {
		raw := tx.Bucket(bucketSettings).Get([]byte(key))
		if raw == nil {
			return nil
		}
		found = true
		return json.Unmarshal(raw, v)
	})
	return found, err
}

func (s *Store) SetSetting(key string, v any) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		return putJSON(tx.Bucket(bucketSettings), []byte(key), v)
	})
}

func getCase(tx *bolt.Tx, id string) (tracker.Case, error) {
	var c tracker.Case
	seq, err := strconv.ParseUint(id, 10, 64)
	if err != nil {
		return c, tracker.NotFound("no case %s: case IDs are numbers, see 'proofpack case list'", tracker.Quote(id))
	}
	raw := tx.Bucket(bucketCases).Get(u64(seq))
	if raw == nil {
		return c, tracker.NotFound("no case %s: see 'proofpack case list'", id)
	}
	if err := json.Unmarshal(raw, &c); err != nil {
		return c, corrupt("case", u64(seq), err)
	}
	return c, nil
}

// indexNumbers moves case id from the index entries of the old numbers to those of the new ones.
func indexNumbers(tx *bolt.Tx, id string, old, new []string) error {
	idx := tx.Bucket(bucketNumbers)
	for _, n := range old {
		if b := idx.Bucket([]byte(n)); b != nil {
			if err := b.Delete([]byte(id)); err != nil {
				return err
			}
			if k, _ := b.Cursor().First(); k == nil {
				if err := idx.DeleteBucket([]byte(n)); err != nil {
					return err
				}
			}
		}
	}
	for _, n := range new {
		b, err := idx.CreateBucketIfNotExists([]byte(n))
		if err != nil {
			return err
		}
		if err := b.Put([]byte(id), nil); err != nil {
			return err
		}
	}
	return nil
}

func putJSON(b *bolt.Bucket, key []byte, v any) error {
	raw, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return b.Put(key, raw)
}

func u64(n uint64) []byte { return binary.BigEndian.AppendUint64(nil, n) }

func byNumber(a, b string) int {
	x, _ := strconv.ParseUint(a, 10, 64)
	y, _ := strconv.ParseUint(b, 10, 64)
	return int(x) - int(y)
}

func corrupt(what string, key []byte, err error) error {
	return &tracker.Error{Kind: tracker.KindCorrupt, Err: err, Msg: fmt.Sprintf("a %s record (key %x) in the database is damaged: %v", what, key, err)}
}

// RestoreCase saves a case under the ID it already has, as 'proofpack repair' rebuilds a lost
// store from the case folders: its numbers are indexed and the ID sequence moves past it, so
// no later case takes an ID (and folder) that exists. A case with that ID already stored is
// refused. The case is saved as it was, without today's validation rules.
func (s *Store) RestoreCase(c tracker.Case) error {
	seq, err := strconv.ParseUint(c.ID, 10, 64)
	if err != nil || seq == 0 || strconv.FormatUint(seq, 10) != c.ID {
		return &tracker.Error{Kind: tracker.KindInvalid, Field: "id", Msg: fmt.Sprintf("case ID %q is not a case number", c.ID)}
	}
	return s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketCases)
		if b.Get(u64(seq)) != nil {
			return &tracker.Error{Kind: tracker.KindInvalid, Field: "id", Msg: fmt.Sprintf("case %s is already in the store", c.ID)}
		}
		if seq > b.Sequence() {
			if err := b.SetSequence(seq); err != nil {
				return err
			}
		}
		if err := indexNumbers(tx, c.ID, nil, c.Numbers()); err != nil {
			return err
		}
		return putCase(tx, seq, c)
	})
}

// RestoreExhibits records exhibits of a restored case with the numbers, paths and hashes they
// already have (from its manifest.json), and its exhibit history as it was, in one transaction.
func (s *Store) RestoreExhibits(caseID string, ex []tracker.Exhibit, log []tracker.ExhibitChange) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		c, err := getCase(tx, caseID)
		if err != nil {
			return err
		}
		b, err := tx.Bucket(bucketExhibits).CreateBucketIfNotExists([]byte(caseID))
		if err != nil {
			return err
		}
		for _, e := range ex {
			key := append(binary.BigEndian.AppendUint32(nil, uint32(e.No)), e.Kind...)
			if b.Get(key) != nil {
				return fmt.Errorf("exhibit %s of case %s is recorded twice", e.ID(), caseID)
			}
			if err := putJSON(b, key, e); err != nil {
				return err
			}
		}
		if err := exhibitsChanged(tx, c); err != nil {
			return err
		}
		return appendLog(tx, caseID, 0, slices.Clone(log))
	})
}

// appendLog writes entries to the case's exhibit history in the caller's transaction, numbering
// them on from the before entries already there (their Seq is set).
func appendLog(tx *bolt.Tx, caseID string, before int, entries []tracker.ExhibitChange) error {
	if len(entries) == 0 {
		return nil
	}
	root, err := tx.CreateBucketIfNotExists(bucketLog)
	if err != nil {
		return err
	}
	b, err := root.CreateBucketIfNotExists([]byte(caseID))
	if err != nil {
		return err
	}
	for i := range entries {
		entries[i].Seq = before + i + 1
		if err := putJSON(b, binary.BigEndian.AppendUint32(nil, uint32(entries[i].Seq)), entries[i]); err != nil {
			return err
		}
	}
	return nil
}
