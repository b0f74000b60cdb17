package evidence

import (
	"encoding/json"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"proofpack/tracker"
)

// ManifestName is the file in each case folder that lists its exhibit files and their hashes,
// so a case folder (or its zip) can be checked without ProofPack's database.
const ManifestName = "manifest.json"

// Manifest is the JSON of manifest.json. It holds no time of its own, so the same records
// always give the same bytes and Verify can compare it.
//
// History is the case's exhibit history, append-only: every description given and every
// exhibit removed, with who, when and why. A removed exhibit keeps its entries in Files (marked
// removed, still hashed), so the manifest accounts for every file ever added. The history and
// the files must tell the same story (CheckHistory), so a removal deleted from the history by
// hand shows even where no store is at hand to compare with (an exported case).
type Manifest struct {
	CaseID  string                  `json:"case_id"`
	Hash    string                  `json:"hash"` // the algorithm of every sha256 below
	Files   []ManifestEntry         `json:"files"`
	History []tracker.ExhibitChange `json:"history,omitempty"`
}

// ManifestEntry is one exhibit file.
type ManifestEntry struct {
	File       string    `json:"file"`    // relative to the case folder
	Exhibit    string    `json:"exhibit"` // e.g. 3-screenshot
	Kind       string    `json:"kind"`
	SHA256     string    `json:"sha256"`
	Size       int64     `json:"size"`
	MediaType  string    `json:"media_type,omitempty"`
	URL        string    `json:"url,omitempty"`
	FinalURL   string    `json:"final_url,omitempty"`
	HTTPStatus int       `json:"http_status,omitempty"`
	CapturedAt time.Time `json:"captured_at"`
	Zone       string    `json:"zone,omitempty"`
	Browser    string    `json:"browser,omitempty"`
	Note       string    `json:"note,omitempty"`
	Source     string    `json:"source,omitempty"`
	// Description is the buyer's description given after the file was added; Removed marks a
	// withdrawn exhibit (see History).
	Description string `json:"description,omitempty"`
	Removed     bool   `json:"removed,omitempty"`
	// The capture's marks: without them a store rebuilt from the folder (repair) would count an
	// unsettled page as "no events" and a page about another parcel as this one's.
	Title           string `json:"title,omitempty"`
	Viewport        string `json:"viewport,omitempty"`
	OtherNumber     string `json:"other_number,omitempty"`
	NumberConfirmed bool   `json:"number_confirmed,omitempty"`
	Unsettled       bool   `json:"unsettled,omitempty"`
}

// withoutMarks is the manifest as ProofPack wrote it before it kept the capture's marks, so that
// Verify still passes a case folder saved then; the next change to its exhibits rewrites it.
func (m Manifest) withoutMarks() Manifest {
	files := make([]ManifestEntry, len(m.Files))
	for i, f := range m.Files {
		f.Title, f.Viewport, f.OtherNumber, f.NumberConfirmed, f.Unsettled = "", "", "", false, false
		files[i] = f
	}
	m.Files = files
	return m
}

// NewManifest builds the manifest of a case's exhibit records and exhibit history.
func NewManifest(caseID string, exhibits []tracker.Exhibit, log []tracker.ExhibitChange) Manifest {
	m := Manifest{CaseID: caseID, Hash: "SHA-256", Files: []ManifestEntry{}, History: log}
	for _, e := range exhibits {
		m.Files = append(m.Files, ManifestEntry{
			File: path.Base(e.Path), Exhibit: e.ID(), Kind: e.Kind, SHA256: e.SHA256, Size: e.Size,
			MediaType: e.MediaType, URL: e.URL, FinalURL: e.FinalURL, HTTPStatus: e.HTTPStatus,
			CapturedAt: e.CapturedAt.UTC(), Zone: e.Zone, Browser: e.Browser, Note: e.Note, Source: e.Source,
			Description: e.Description, Removed: e.Removed,
			Title: e.Title, Viewport: e.Viewport, OtherNumber: e.OtherNumber, NumberConfirmed: e.NumberConfirmed, Unsettled: e.Unsettled,
		})
	}
	return m
}

func (m Manifest) encode() ([]byte, error) {
	b, err := json.MarshalIndent(m, "", "  ")
	return append(b, '\n'), err
}

// WriteManifest rewrites the case's manifest.json from its records, atomically.
func WriteManifest(s tracker.Store, dataDir, caseID string) error {
	ex, err := s.Exhibits(caseID)
	if err != nil {
		return err
	}
	log, err := s.ExhibitLog(caseID)
	if err != nil {
		return err
	}
	b, err := NewManifest(caseID, ex, log).encode()
	if err != nil {
		return err
	}
	dir, err := caseFolder(dataDir, caseID, true)
	if err != nil {
		return err
	}
	return replaceFile(dataDir, filepath.Join(dir, ManifestName), b)
}

// ReadManifest reads a case folder's manifest.json.
func ReadManifest(caseDir string) (Manifest, error) {
	var m Manifest
	b, err := os.ReadFile(filepath.Join(caseDir, ManifestName))
	if err != nil {
		return m, err
	}
	if err := json.Unmarshal(b, &m); err != nil {
		return m, fmt.Errorf("%s: %w", filepath.Join(caseDir, ManifestName), err)
	}
	return m, nil
}

// CheckHistory reports where a manifest's history and its files disagree: an exhibit marked
// removed without a removal in the history, or a removal of an exhibit not marked; a
// description that is not the last one the history gave; entries out of sequence. It is what a
// manifest can tell about itself without the store: an entry deleted by hand shows, a history
// rewritten together with the files does not (the store's copy does: Verify compares them).
func CheckHistory(m Manifest) []string {
	var out []string
	removed := map[int]bool{}
	described := map[int]string{}
	for i, c := range m.History {
		if c.Seq != i+1 {
			out = append(out, fmt.Sprintf("history entry %d is numbered %d: an entry is missing or out of order", i+1, c.Seq))
		}
		switch c.Action {
		case tracker.ExhibitRemoved:
			removed[c.Exhibit] = true
		case tracker.ExhibitDescribed:
			described[c.Exhibit] = c.New
		default:
			out = append(out, fmt.Sprintf("history entry %d does %q, which ProofPack never writes", i+1, c.Action))
		}
	}
	seen := map[int]bool{}
	for _, f := range m.Files {
		no := exhibitNo(f.Exhibit)
		seen[no] = true
		if f.Removed != removed[no] {
			if f.Removed {
				out = append(out, fmt.Sprintf("%s is marked removed, but the history has no removal of exhibit %d", f.File, no))
			} else {
				out = append(out, fmt.Sprintf("the history removes exhibit %d, but %s is not marked removed", no, f.File))
			}
		}
		if d, ok := described[no]; ok && f.Description != d {
			out = append(out, fmt.Sprintf("%s is described %q, but the history last described exhibit %d as %q", f.File, f.Description, no, d))
		} else if !ok && f.Description != "" {
			out = append(out, fmt.Sprintf("%s has a description the history never gave", f.File))
		}
	}
	for _, c := range m.History {
		if !seen[c.Exhibit] {
			out = append(out, fmt.Sprintf("the history changes exhibit %d, which the manifest does not list", c.Exhibit))
			seen[c.Exhibit] = true
		}
	}
	return out
}

// exhibitNo is the number of an exhibit ID such as 3-screenshot, 0 when it has none.
func exhibitNo(id string) int {
	n, _ := strconv.Atoi(strings.SplitN(id, "-", 2)[0])
	return n
}
