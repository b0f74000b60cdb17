package boltstore

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"proofpack/tracker"
)

// IDFile is the small file in the data folder that holds the folder's identity. The store keeps
// the same identity in its meta bucket, so a store that is not this folder's own (a fresh one
// started over lost data, or another folder's backup) is recognised and refused.
const IDFile = "proofpack.id"

var keyFolder = []byte("folder")

// OpenDir opens the store of a data folder, creating the folder (mode 0700) and the database
// (mode 0600) when they do not exist yet. It refuses to start a new store beside existing case
// folders, and a store whose identity is not the folder's: both mean evidence would be
// overwritten or orphaned.
func OpenDir(dir string) (*Store, error) {
	if err := prepareDir(dir); err != nil {
		return nil, err
	}
	path := filepath.Join(dir, FileName)
	if fresh(path) && hasCases(dir) {
		return nil, &tracker.Error{Kind: tracker.KindCorrupt, Msg: fmt.Sprintf(
			"%s is missing or empty, but %s holds case folders: ProofPack will not start a new store over them. "+
				"Restore proofpack.db from a backup, or run 'proofpack repair --data %s' to rebuild it from the case folders",
			path, dir, dir)}
	}
	s, err := Open(path)
	if err != nil {
		return nil, err
	}
	if err := s.claim(dir, false); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// OpenForRepair opens the data folder's store for 'proofpack repair': a missing or empty store
// is created, and one that cannot be read as a database is moved aside (its new name is
// returned) rather than refused. A store that is locked or that the user may not write is
// still refused, as it is not lost.
func OpenForRepair(dir string) (s *Store, movedAside string, err error) {
	if err := prepareDir(dir); err != nil {
		return nil, "", err
	}
	path := filepath.Join(dir, FileName)
	s, err = Open(path)
	if damaged(err) {
		movedAside = fmt.Sprintf("%s.damaged-%s", path, randomHex(4))
		if rerr := os.Rename(path, movedAside); rerr != nil {
			return nil, "", fmt.Errorf("cannot move the damaged %s aside: %w", path, rerr)
		}
		s, err = Open(path)
	}
	if err != nil {
		return nil, movedAside, err
	}
	if err := s.claim(dir, true); err != nil {
		s.Close()
		return nil, movedAside, err
	}
	return s, movedAside, nil
}

func prepareDir(dir string) error {
	if strings.TrimSpace(dir) == "" {
		return tracker.Invalid("--data", "the data folder is empty: give a folder for ProofPack's data")
	}
	if fi, err := os.Stat(dir); err == nil && !fi.IsDir() {
		return &tracker.Error{Kind: tracker.KindInvalid, Field: "--data", Msg: fmt.Sprintf("%s is a file, not a folder: give a folder for ProofPack's data", dir)}
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("cannot create the data folder: %w", err)
	}
	if err := os.Chmod(dir, 0o700); err != nil {
		return fmt.Errorf("cannot protect the data folder: %w", err)
	}
	return nil
}

// fresh reports whether opening path would start a new, empty store.
func fresh(path string) bool {
	fi, err := os.Stat(path)
	return errors.Is(err, fs.ErrNotExist) || (err == nil && fi.Mode().IsRegular() && fi.Size() == 0)
}

// hasCases reports whether the data folder holds any case folder (or anything else under cases/).
func hasCases(dir string) bool {
	entries, _ := os.ReadDir(filepath.Join(dir, "cases"))
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), ".") {
			return true
		}
	}
	return false
}

// claim ties the store and the folder to one identity: the store's, else the folder's, else a
// new one. When both have one and they differ, the store is not this folder's (unless repair
// takes it over, which keeps the folder's).
func (s *Store) claim(dir string, repair bool) error {
	idPath := filepath.Join(dir, IDFile)
	raw, err := os.ReadFile(idPath)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("cannot read the data folder's identity %s: %w", idPath, err)
	}
	folderID := strings.TrimSpace(string(raw))
	storeID, err := s.FolderID()
	if err != nil {
		return err
	}
	if storeID != "" && folderID != "" && storeID != folderID && !repair {
		return &tracker.Error{Kind: tracker.KindCorrupt, Msg: fmt.Sprintf(
			"%s belongs to another data folder (store %s, folder %s in %s): put this folder's own proofpack.db back from a backup, "+
				"or run 'proofpack repair --data %s' to rebuild it from the case folders",
			filepath.Join(dir, FileName), storeID, folderID, idPath, dir)}
	}
	id := folderID
	if id == "" {
		id = storeID
	}
	if id == "" {
		id = randomHex(16)
	}
	if id != storeID {
		if err := s.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put(keyFolder, []byte(id)) }); err != nil {
			return err
		}
	}
	if folderID == "" {
		return writeSmallFile(idPath, id+"\n")
	}
	return nil
}

// FolderID is the identity of the data folder this store belongs to.
func (s *Store) FolderID() (string, error) {
	var id string
	err := s.db.View(func(tx *bolt.Tx) error {
		id = string(tx.Bucket(bucketMeta).Get(keyFolder))
		return nil
	})
	return id, err
}

// writeSmallFile writes a file (mode 0600) through a synced temporary file and a rename.
func writeSmallFile(path, text string) error {
	tmp := path + ".tmp-" + randomHex(4)
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	_, err = f.WriteString(text)
	if err == nil {
		err = f.Chmod(0o600) // whatever the umask
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	return nil
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// openError describes why bbolt could not open path as what it is: another ProofPack holds it,
// the user may not read or write it, or it is really not a database.
func openError(path string, err error) error {
	switch {
	case errors.Is(err, berrors.ErrTimeout):
		return &tracker.Error{Kind: tracker.KindLocked, Err: err,
			Msg: fmt.Sprintf("ProofPack is already open on %s: close the other window or command first", filepath.Dir(path))}
	case errors.Is(err, syscall.EROFS):
		return &tracker.Error{Kind: tracker.KindInternal, Err: err,
			Msg: fmt.Sprintf("%s is on a read-only disk: ProofPack must write to its data folder; copy the folder to a writable disk and use --data", path)}
	case errors.Is(err, fs.ErrPermission):
		what := "written"
		if f, rerr := os.Open(path); rerr != nil {
			what = "read"
		} else {
			f.Close()
		}
		return &tracker.Error{Kind: tracker.KindInternal, Err: err, Msg: fmt.Sprintf(
			"%s cannot be %s by you (permission denied): give your user read and write permission on it (chmod 600, and the owner), then try again",
			path, what)}
	case damaged(err):
		return &tracker.Error{Kind: tracker.KindCorrupt, Err: err, Msg: fmt.Sprintf(
			"%s is damaged or is not a ProofPack database (%v): restore it from a backup, or run 'proofpack repair' to move it aside and rebuild the store from the case folders",
			path, err)}
	}
	return &tracker.Error{Kind: tracker.KindInternal, Err: err, Msg: fmt.Sprintf("cannot open %s: %v", path, err)}
}

// damaged reports whether bbolt found the file is not a database it can read.
func damaged(err error) bool {
	return errors.Is(err, berrors.ErrInvalid) || errors.Is(err, berrors.ErrVersionMismatch) || errors.Is(err, berrors.ErrChecksum)
}
