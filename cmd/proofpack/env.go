package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"proofpack/casework"
	"proofpack/evidence/chrome"
	"proofpack/evidence/pdf"
	"proofpack/tracker"
	"proofpack/tracker/boltstore"
)

// env is what every subcommand shares: the streams, the data folder and, once opened, the store.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	dataFlag       string
	store          *boltstore.Store
}

// dataDir resolves the data folder: --data, else $PROOFPACK_DATA, else the user's config folder.
func (e *env) dataDir() (string, error) {
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
func (e *env) open() (*boltstore.Store, error) {
	if e.store != nil {
		return e.store, nil
	}
	dir, err := e.dataDir()
	if err != nil {
		return nil, err
	}
	s, err := boltstore.OpenDir(dir)
	if err != nil {
		return nil, err
	}
	e.store = s
	return s, nil
}

// openWithDir opens the store and returns the data folder with it, for the commands that read
// or write exhibit files.
func (e *env) openWithDir() (*boltstore.Store, string, error) {
	s, err := e.open()
	if err != nil {
		return nil, "", err
	}
	dir, err := e.dataDir()
	return s, dir, err
}

// service opens the store and returns the data folder's use cases, wired to Chromium and the
// PDF renderer.
func (e *env) service() (*casework.Service, error) {
	s, dir, err := e.openWithDir()
	if err != nil {
		return nil, err
	}
	return &casework.Service{Store: s, Dir: dir, Capturer: chrome.Capturer{}, Packets: pdf.Renderer{}}, nil
}

func (e *env) close() {
	if e.store != nil {
		e.store.Close()
		e.store = nil
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
