package boltstore

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"proofpack/internal/osfile"
	"proofpack/tracker"
	"proofpack/tracker/storetest"
)

// open makes a store in a fresh folder and checks the file's consistency when the test ends.
func open(t *testing.T) *Store {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "data")
	s, err := OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		s.Close()
		again, err := Open(filepath.Join(dir, FileName))
		if err != nil {
			t.Fatalf("reopen for the consistency check: %v", err)
		}
		defer again.Close()
		if err := again.Check(); err != nil {
			t.Errorf("bbolt consistency check: %v", err)
		}
	})
	return s
}

func TestStoreContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) tracker.Store { return open(t) })
}

func TestFileModes(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	s, err := OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for path, want := range map[string]os.FileMode{dir: osfile.DirMode | os.ModeDir, filepath.Join(dir, FileName): osfile.FileMode} {
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode() != want {
			t.Errorf("%s: mode %v, want %v", path, fi.Mode(), want)
		}
	}
}

func TestSecondOpenerFailsFast(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	s, err := OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	start := time.Now()
	_, err = OpenDir(dir)
	waited := time.Since(start)
	if tracker.KindOf(err) != tracker.KindLocked {
		t.Fatalf("second open: %v", err)
	}
	if waited > 2*time.Second {
		t.Errorf("second opener waited %v, the design promises at most 2 s", waited)
	}
	want := "ProofPack is already open on " + dir
	if got := err.Error(); !strings.HasPrefix(got, want) {
		t.Errorf("message %q, want it to start %q", got, want)
	}
}

func TestDataFolderThatIsAFile(t *testing.T) {
	f := filepath.Join(t.TempDir(), "data")
	if err := os.WriteFile(f, []byte("not a folder"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := OpenDir(f)
	if tracker.KindOf(err) != tracker.KindInvalid || tracker.FieldOf(err) != "--data" {
		t.Fatalf("data folder that is a file: %v", err)
	}
	if b, _ := os.ReadFile(f); string(b) != "not a folder" {
		t.Error("the file was changed")
	}
}

func TestCorruptDatabaseIsNamedAndLeftAlone(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, FileName)
	junk := make([]byte, 64*1024)
	for i := range junk {
		junk[i] = byte(i * 7)
	}
	if err := os.WriteFile(db, junk, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := OpenDir(dir)
	if tracker.KindOf(err) != tracker.KindCorrupt {
		t.Fatalf("corrupt file: %v", err)
	}
	if !strings.Contains(err.Error(), db) {
		t.Errorf("message %q does not name %s", err, db)
	}
	if b, _ := os.ReadFile(db); string(b) != string(junk) {
		t.Error("the corrupt file was changed")
	}
}

func TestNewerSchemaIsRefused(t *testing.T) {
	dir := t.TempDir()
	s, err := OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketMeta).Put(keySchema, u64(SchemaVersion+1))
	}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := OpenDir(dir); tracker.KindOf(err) != tracker.KindCorrupt || !strings.Contains(err.Error(), "newer ProofPack") {
		t.Fatalf("newer schema: %v", err)
	}
}

func TestMigrationFromEmptyFileIsAtomic(t *testing.T) {
	// A file made by bbolt alone (schema 0) gets every bucket on first open.
	path := filepath.Join(t.TempDir(), FileName)
	raw, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	raw.Close()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.AddCase(storetest.Sample("1", "RR204873517CN")); err != nil {
		t.Fatalf("after migration: %v", err)
	}
	var v uint64
	s.db.View(func(tx *bolt.Tx) error {
		v = binary.BigEndian.Uint64(tx.Bucket(bucketMeta).Get(keySchema))
		return nil
	})
	if v != SchemaVersion {
		t.Errorf("schema %d, want %d", v, SchemaVersion)
	}
}

func TestDamagedRecordIsReported(t *testing.T) {
	s := open(t)
	c, err := s.AddCase(storetest.Sample("1", "RR204873517CN"))
	if err != nil {
		t.Fatal(err)
	}
	s.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketCases).Put(u64(1), []byte("{not json")) })
	if _, err := s.Case(c.ID); tracker.KindOf(err) != tracker.KindCorrupt {
		t.Errorf("damaged record: %v", err)
	}
	if _, err := s.Cases(); tracker.KindOf(err) != tracker.KindCorrupt {
		t.Errorf("listing with a damaged record: %v", err)
	}
	// Rows rebuilt over the damaged record (a new rows format): the store opens, lists the case
	// by its ID, and reading it still says it is damaged.
	s.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Delete(keyRows) })
	if err := s.db.Update(ensureRows); err != nil {
		t.Fatalf("rebuilding the rows over a damaged case: %v", err)
	}
	if rows, err := s.Rows(); err != nil || len(rows) != 1 || rows[0].ID != c.ID {
		t.Errorf("rows %+v, %v", rows, err)
	}
	if _, err := s.Case(c.ID); tracker.KindOf(err) != tracker.KindCorrupt {
		t.Errorf("damaged record after the rebuild: %v", err)
	}
}
