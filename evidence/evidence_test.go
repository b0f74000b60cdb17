package evidence_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"proofpack/evidence"
	"proofpack/internal/osfile"
	"proofpack/tracker"
	"proofpack/tracker/boltstore"
)

// newCase gives a real bbolt store in a fresh data folder with one case, checked for
// consistency when the test ends.
func newCase(t *testing.T) (*boltstore.Store, string, string) {
	t.Helper()
	dir := t.TempDir()
	s, err := boltstore.OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Check(); err != nil {
			t.Errorf("store inconsistent: %v", err)
		}
		s.Close()
	})
	c, err := s.AddCase(tracker.Case{
		Marketplace: "aliexpress", OrderNumber: "8123", Seller: "Shop", Item: "Lamp", Amount: 1250,
		Currency: "USD", Ordered: tracker.Date{Year: 2026, Month: 10, Day: 1}, Payment: "card",
		Buyer:     tracker.Address{City: "Kraków", Country: "PL"},
		Shipments: []tracker.Shipment{{Number: "LP00123456789012", Input: "LP00123456789012"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return s, dir, c.ID
}

func sum(b []byte) string { h := sha256.Sum256(b); return hex.EncodeToString(h[:]) }

func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// caseFiles lists the names in the case folder, without the manifest.
func caseFiles(t *testing.T, dataDir, caseID string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(dataDir, "cases", caseID))
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if e.Name() != evidence.ManifestName {
			names = append(names, e.Name())
		}
	}
	return names
}

func TestAddFilesRecordsHashesAndManifest(t *testing.T) {
	s, dataDir, id := newCase(t)
	src := t.TempDir()
	chat := []byte("\x89PNG fake chat screenshot")
	receipt := []byte("Receipt: 12.50 USD, paid 2026-10-01\n")
	paths := []string{writeFile(t, src, "Chat With Seller.PNG", chat), writeFile(t, src, "receipt.txt", receipt)}

	got, err := evidence.AddFiles(s, dataDir, id, paths, "seller promised a refund")
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		path, sha, media, source string
		no                       int
		size                     int
	}{
		{"cases/" + id + "/01-file.PNG", sum(chat), "image/png", "Chat With Seller.PNG", 1, len(chat)},
		{"cases/" + id + "/02-file.txt", sum(receipt), "text/plain; charset=utf-8", "receipt.txt", 2, len(receipt)},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d exhibits, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		e := got[i]
		if e.Path != w.path || e.SHA256 != w.sha || e.MediaType != w.media || e.Source != w.source || e.No != w.no || e.Size != int64(w.size) || e.Kind != "file" || e.Note != "seller promised a refund" {
			t.Errorf("exhibit %d = %+v, want %+v", i, e, w)
		}
		if e.CapturedAt.Location() != time.UTC || e.CapturedAt.IsZero() {
			t.Errorf("exhibit %d captured at %v, want a UTC time", i, e.CapturedAt)
		}
		fi, err := os.Stat(filepath.Join(dataDir, filepath.FromSlash(e.Path)))
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != osfile.FileMode {
			t.Errorf("%s has mode %v, want %v", e.Path, fi.Mode().Perm(), osfile.FileMode)
		}
	}
	fi, err := os.Stat(filepath.Join(dataDir, "cases", id))
	if err != nil || fi.Mode().Perm() != osfile.DirMode {
		t.Errorf("case folder: %v, mode %v; want %v", err, fi.Mode().Perm(), osfile.DirMode)
	}
	stored, err := s.Exhibits(id)
	if err != nil || !slices.EqualFunc(stored, got, func(a, b tracker.Exhibit) bool { return a.Path == b.Path && a.SHA256 == b.SHA256 }) {
		t.Errorf("store has %+v (%v), want the added exhibits", stored, err)
	}

	raw, err := os.ReadFile(filepath.Join(dataDir, "cases", id, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m evidence.Manifest
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	if m.CaseID != id || len(m.Files) != 2 || m.Files[0].File != "01-file.PNG" || m.Files[0].SHA256 != sum(chat) ||
		m.Files[1].Kind != "file" || m.Files[1].Size != int64(len(receipt)) || m.Files[1].CapturedAt.IsZero() {
		t.Errorf("manifest = %s", raw)
	}
}

func TestAddFilesRejectsMissingFileOrFolderAndAddsNothing(t *testing.T) {
	s, dataDir, id := newCase(t)
	src := t.TempDir()
	ok := writeFile(t, src, "photo.jpg", []byte("jpeg"))
	for _, bad := range []string{filepath.Join(src, "nope.png"), src} {
		_, err := evidence.AddFiles(s, dataDir, id, []string{ok, bad}, "")
		if err == nil || !strings.Contains(err.Error(), bad) || tracker.KindOf(err) != tracker.KindInvalid {
			t.Errorf("AddFiles(%s) error = %v, want an invalid-input error naming it", bad, err)
		}
	}
	if ex, _ := s.Exhibits(id); len(ex) != 0 {
		t.Errorf("records after rejected adds: %+v", ex)
	}
	if names := caseFiles(t, dataDir, id); len(names) != 0 {
		t.Errorf("files after rejected adds: %v", names)
	}
}

func TestAddFailingMidwayLeavesNoRecordAndNoFile(t *testing.T) {
	s, dataDir, id := newCase(t)
	if _, err := evidence.Add(s, dataDir, id, evidence.TextGroup("history", "first", "")); err != nil {
		t.Fatal(err)
	}
	src := t.TempDir()
	tests := []struct {
		name   string
		groups []evidence.Group
	}{
		{"second file unreadable", []evidence.Group{{Files: []evidence.File{
			{Src: writeFile(t, src, "a.png", []byte("png")), Ext: "png", Exhibit: tracker.Exhibit{Kind: "screenshot"}},
			{Src: filepath.Join(src, "gone.mhtml"), Ext: "mhtml", Exhibit: tracker.Exhibit{Kind: "page"}},
		}}}},
		// Both files are placed; the store then refuses the duplicate record after place returned.
		{"store refuses after place", []evidence.Group{
			{Files: []evidence.File{{Data: []byte("one"), Ext: "txt", Exhibit: tracker.Exhibit{Kind: "text"}}}},
			{No: 3, Files: []evidence.File{
				{Data: []byte("two"), Ext: "txt", Exhibit: tracker.Exhibit{Kind: "text"}},
				{Data: []byte("three"), Ext: "txt", Exhibit: tracker.Exhibit{Kind: "text"}},
			}},
		}},
		{"bad kind in second group", []evidence.Group{
			evidence.TextGroup("history", "ok", ""),
			{Files: []evidence.File{{Data: []byte("x"), Ext: "txt", Exhibit: tracker.Exhibit{Kind: "../x"}}}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := evidence.Add(s, dataDir, id, tt.groups...); err == nil {
				t.Fatal("Add succeeded, want an error")
			}
			ex, err := s.Exhibits(id)
			if err != nil || len(ex) != 1 || ex[0].ID() != "1-history" {
				t.Errorf("records = %+v (%v), want only 1-history", ex, err)
			}
			if names := caseFiles(t, dataDir, id); !slices.Equal(names, []string{"01-history.txt"}) {
				t.Errorf("files = %v, want only 01-history.txt", names)
			}
			r, err := evidence.Verify(s, dataDir, id)
			if err != nil || !r.OK() {
				t.Errorf("Verify after failed add: %+v, %v", r, err)
			}
		})
	}
}

func TestAddKeepsDrawnNumbersAndRefusesTakenOnes(t *testing.T) {
	s, dataDir, id := newCase(t)
	next, err := evidence.NextNumber(s, id)
	if err != nil || next != 1 {
		t.Fatalf("NextNumber = %d, %v; want 1", next, err)
	}
	// Page 1 failed, page 2 was captured with number 2 in its banner: it keeps it.
	got, err := evidence.Add(s, dataDir, id, evidence.Group{No: 2, Files: []evidence.File{{Data: []byte("p"), Ext: "png", Exhibit: tracker.Exhibit{Kind: "screenshot"}}}})
	if err != nil || len(got) != 1 || got[0].ID() != "2-screenshot" || got[0].Path != "cases/"+id+"/02-screenshot.png" {
		t.Fatalf("Add = %+v, %v; want 2-screenshot", got, err)
	}
	// Numbers drawn before exhibit 2 was added are taken now.
	_, err = evidence.Add(s, dataDir, id, evidence.Group{No: 2, Files: []evidence.File{{Data: []byte("q"), Ext: "png", Exhibit: tracker.Exhibit{Kind: "text"}}}})
	if err == nil || !strings.Contains(err.Error(), "capture again") {
		t.Errorf("Add with a taken number: %v, want a clear error", err)
	}
	if next, _ := evidence.NextNumber(s, id); next != 3 {
		t.Errorf("NextNumber = %d, want 3", next)
	}
}

func TestVerifyNamesChangedMissingAndUnrecordedFiles(t *testing.T) {
	s, dataDir, id := newCase(t)
	ex, err := evidence.Add(s, dataDir, id,
		evidence.TextGroup("history", "12.10 Shenzhen: accepted", ""),
		evidence.Group{Files: []evidence.File{
			{Data: bytes.Repeat([]byte("png"), 100), Ext: "png", Exhibit: tracker.Exhibit{Kind: "screenshot", URL: "https://t.example/1"}},
			{Data: []byte("MIME-Version: 1.0"), Ext: "mhtml", Exhibit: tracker.Exhibit{Kind: "page"}},
		}},
	)
	if err != nil {
		t.Fatal(err)
	}
	r, err := evidence.Verify(s, dataDir, id)
	if err != nil || !r.OK() || r.Files != 3 {
		t.Fatalf("fresh case: %+v, %v; want 3 files, no problem", r, err)
	}

	flip := filepath.Join(dataDir, filepath.FromSlash(ex[1].Path))
	b, _ := os.ReadFile(flip)
	b[len(b)/2] ^= 1
	if err := os.WriteFile(flip, b, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(dataDir, filepath.FromSlash(ex[2].Path))); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dataDir, "cases", id), "09-screenshot.png", []byte("planted"))

	r, err = evidence.Verify(s, dataDir, id)
	if err != nil {
		t.Fatal(err)
	}
	want := []evidence.Problem{
		// In record order: by number, then kind.
		{Path: ex[2].Path, Exhibit: "2-page", Problem: evidence.Missing, Want: ex[2].SHA256},
		{Path: ex[1].Path, Exhibit: "2-screenshot", Problem: evidence.Changed, Want: ex[1].SHA256, Got: sum(b)},
		{Path: "cases/" + id + "/09-screenshot.png", Problem: evidence.Unrecorded},
	}
	if !slices.Equal(r.Problems, want) {
		t.Errorf("problems = %+v\nwant %+v", r.Problems, want)
	}
	for _, p := range want {
		if !strings.Contains(r.Summary(), p.Path) {
			t.Errorf("summary does not name %s:\n%s", p.Path, r.Summary())
		}
	}
}

func TestVerifyNamesAnEditedManifest(t *testing.T) {
	s, dataDir, id := newCase(t)
	if _, err := evidence.Add(s, dataDir, id, evidence.TextGroup("history", "x", "")); err != nil {
		t.Fatal(err)
	}
	mp := filepath.Join(dataDir, "cases", id, "manifest.json")
	raw, _ := os.ReadFile(mp)
	if err := os.WriteFile(mp, bytes.Replace(raw, []byte(`"kind": "history"`), []byte(`"kind": "file"`), 1), 0o600); err != nil {
		t.Fatal(err)
	}
	r, err := evidence.Verify(s, dataDir, id)
	if err != nil || len(r.Problems) != 1 || r.Problems[0].Path != "cases/"+id+"/manifest.json" || r.Problems[0].Problem != evidence.Changed {
		t.Errorf("Verify = %+v, %v; want the manifest named as changed", r, err)
	}
}
