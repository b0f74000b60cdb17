package evidence

import (
	"encoding/json"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"time"

	"proofpack/tracker"
)

// ManifestName is the file in each case folder that lists its exhibit files and their hashes,
// so a case folder (or its zip) can be checked without ProofPack's database.
const ManifestName = "manifest.json"

// Manifest is the JSON of manifest.json. It holds no time of its own, so the same records
// always give the same bytes and Verify can compare it.
type Manifest struct {
	CaseID string          `json:"case_id"`
	Hash   string          `json:"hash"` // the algorithm of every sha256 below
	Files  []ManifestEntry `json:"files"`
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
}

// NewManifest builds the manifest of a case's exhibit records.
func NewManifest(caseID string, exhibits []tracker.Exhibit) Manifest {
	m := Manifest{CaseID: caseID, Hash: "SHA-256", Files: []ManifestEntry{}}
	for _, e := range exhibits {
		m.Files = append(m.Files, ManifestEntry{
			File: path.Base(e.Path), Exhibit: e.ID(), Kind: e.Kind, SHA256: e.SHA256, Size: e.Size,
			MediaType: e.MediaType, URL: e.URL, FinalURL: e.FinalURL, HTTPStatus: e.HTTPStatus,
			CapturedAt: e.CapturedAt.UTC(), Zone: e.Zone, Browser: e.Browser, Note: e.Note, Source: e.Source,
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
	b, err := NewManifest(caseID, ex).encode()
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
