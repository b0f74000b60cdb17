package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"proofpack/evidence"
	"proofpack/tracker"
	"proofpack/tracker/boltstore"
)

// env is what every subcommand shares: the streams, the data folder and, once opened, the store.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	dataFlag       string
	dataSet        bool             // --data was given, perhaps empty
	bolt           *boltstore.Store // the store as opened
	store          tracker.Store    // the same, writing each saved case to its case.json
}

// dataDir resolves the data folder: --data, else $PROOFPACK_DATA, else the user's config folder.
func (e *env) dataDir() (string, error) {
	if e.dataSet && strings.TrimSpace(e.dataFlag) == "" {
		return "", tracker.Invalid("--data", "the data folder is empty: give a folder, or leave --data out for the default")
	}
	if e.dataFlag != "" {
		return filepath.Abs(e.dataFlag)
	}
	if d := os.Getenv("PROOFPACK_DATA"); d != "" {
		return filepath.Abs(d)
	}
	cfg, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("no data folder: give --data DIR or set PROOFPACK_DATA (%v)", err)
	}
	return filepath.Join(cfg, "proofpack"), nil
}

// open opens (creating if needed) the data folder's store; later calls return the same store.
// Each start also finishes what a crash of an earlier one left (evidence.Recover).
func (e *env) open() (tracker.Store, error) {
	s, _, err := e.openWithDir()
	return s, err
}

// openWithDir opens the store and returns the data folder with it, for the commands that read
// or write exhibit files.
func (e *env) openWithDir() (tracker.Store, string, error) {
	dir, err := e.dataDir()
	if err != nil {
		return nil, "", err
	}
	if e.store != nil {
		return e.store, dir, nil
	}
	b, err := boltstore.OpenDir(dir)
	if err != nil {
		return nil, "", err
	}
	if err := e.adopt(b, dir); err != nil {
		b.Close()
		return nil, "", err
	}
	return e.store, dir, nil
}

// adopt makes an opened store the env's: it recovers from an earlier crash and wraps the store so
// that case folders keep their case.json. (The browser's temporary files go into the data
// folder's temporary folder through its options: see capturer.)
func (e *env) adopt(b *boltstore.Store, dir string) error {
	id, err := b.FolderID()
	if err != nil {
		return err
	}
	if err := evidence.Recover(b, dir, id); err != nil {
		return fmt.Errorf("cannot finish what an earlier run left in %s: %w", dir, err)
	}
	e.bolt, e.store = b, evidence.WithCaseFiles(b, dir, id)
	return nil
}

func (e *env) close() {
	if e.bolt != nil {
		e.bolt.Close()
		e.bolt, e.store = nil, nil
	}
}

// printJSON writes v as indented JSON on stdout.
func (e *env) printJSON(v any) error {
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// parseNow reads --now (RFC 3339 or YYYY-MM-DD); empty means the real clock.
func parseNow(s string) (tracker.Clock, error) {
	if s == "" {
		return time.Now, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return func() time.Time { return t }, nil
	}
	d, err := tracker.ParseDate(s)
	if err != nil {
		return nil, tracker.Invalid("--now", "%v", err)
	}
	// Noon keeps the calendar day the same in every zone a report is read in.
	t := d.In(time.Local).Add(12 * time.Hour)
	return func() time.Time { return t }, nil
}
