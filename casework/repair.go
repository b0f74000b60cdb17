package casework

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"proofpack/evidence"
	"proofpack/tracker"
)

// Restorer is a store that takes cases and exhibit records back under the IDs and numbers
// they already have; tracker/boltstore implements it.
type Restorer interface {
	RestoreCase(c tracker.Case) error
	RestoreExhibits(caseID string, ex []tracker.Exhibit, log []tracker.ExhibitChange) error
}

// Repaired is what Repair did.
type Repaired struct {
	Cases    []string `json:"cases"` // the IDs restored, in order
	Exhibits int      `json:"exhibits"`
	Events   int      `json:"events"`
	NextID   string   `json:"next_id"` // the ID the next new case gets
	// Skipped names each case folder that could not be restored, and why; its files stay.
	Skipped []string `json:"skipped"`
	// Notes are what the buyer should know of the restored cases.
	Notes []string `json:"notes"`
}

// Repair rebuilds a lost store from the data folder's case folders: every case folder whose case
// is not in the store is restored from its case.json (the case as last saved, with its ID and
// tracking events) and its manifest.json (the exhibit records). Cases already in the store are
// left as they are, so repair also takes back the cases made after a restored backup. r is the
// service's store, seen as a Restorer; folderID is the data folder's identity.
func (s *Service) Repair(r Restorer, folderID string) (Repaired, error) {
	out := Repaired{Cases: []string{}, Skipped: []string{}, Notes: []string{}}
	cases, err := s.Store.Cases()
	if err != nil {
		return out, err
	}
	known := map[string]bool{}
	highest := uint64(0)
	for _, c := range cases {
		known[c.ID] = true
		n, _ := strconv.ParseUint(c.ID, 10, 64)
		highest = max(highest, n)
	}
	root := filepath.Join(s.Dir, "cases")
	entries, err := os.ReadDir(root)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return out, err
	}
	slices.SortFunc(entries, func(a, b fs.DirEntry) int { return byNumber(a.Name(), b.Name()) })
	for _, d := range entries {
		id := d.Name()
		if known[id] || strings.HasPrefix(id, ".") {
			continue
		}
		where := path.Join("cases", id)
		if !d.IsDir() {
			out.Skipped = append(out.Skipped, where+": not a folder (a file or a symbolic link)")
			continue
		}
		c, m, ex, err := readCaseFolder(filepath.Join(root, id), id)
		if err != nil {
			out.Skipped = append(out.Skipped, fmt.Sprintf("%s: %v", where, err))
			continue
		}
		if err := r.RestoreCase(c.Case); err != nil {
			out.Skipped = append(out.Skipped, fmt.Sprintf("%s: %v", where, err))
			continue
		}
		if err := r.RestoreExhibits(id, ex, m.History); err != nil {
			return out, fmt.Errorf("case %s is restored but not its exhibits: %w", id, err)
		}
		for _, p := range evidence.CheckHistory(m) {
			out.Notes = append(out.Notes, fmt.Sprintf("case %s: its manifest.json does not hold together (edited by hand?): %s", id, p))
		}
		if c.Folder != "" && folderID != "" && c.Folder != folderID {
			out.Notes = append(out.Notes, fmt.Sprintf("case %s was saved in another data folder (%s) and copied here", id, c.Folder))
		}
		out.Cases = append(out.Cases, id)
		out.Exhibits += len(ex)
		for _, sh := range c.Case.Shipments {
			out.Events += len(sh.Events)
		}
		n, _ := strconv.ParseUint(id, 10, 64)
		highest = max(highest, n)
	}
	out.NextID = strconv.FormatUint(highest+1, 10)
	return out, nil
}

// readCaseFolder reads a case folder's case.json, its manifest.json and the exhibit records
// the manifest lists, with their descriptions and removals.
func readCaseFolder(dir, id string) (evidence.CaseFile, evidence.Manifest, []tracker.Exhibit, error) {
	var m evidence.Manifest
	cf, err := evidence.ReadCaseFile(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return cf, m, nil, errors.New("no case.json (the folder was saved by a ProofPack before it kept one): its case cannot be rebuilt")
	}
	if err != nil {
		return cf, m, nil, err
	}
	if cf.Case.ID != id {
		return cf, m, nil, fmt.Errorf("its case.json is case %q, not %s", cf.Case.ID, id)
	}
	m, err = evidence.ReadManifest(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return cf, evidence.Manifest{}, nil, nil // a case without exhibits
	}
	if err != nil {
		return cf, m, nil, err
	}
	if m.CaseID != id {
		return cf, m, nil, fmt.Errorf("its manifest.json is of case %q, not %s", m.CaseID, id)
	}
	var ex []tracker.Exhibit
	for _, f := range m.Files {
		no, _, _ := strings.Cut(f.Exhibit, "-")
		n, err := strconv.Atoi(no)
		if err != nil || n < 1 || !filepath.IsLocal(f.File) || strings.ContainsAny(f.File, `/\`) {
			return cf, m, nil, fmt.Errorf("manifest.json names exhibit %q, file %q: not one ProofPack wrote", f.Exhibit, f.File)
		}
		ex = append(ex, tracker.Exhibit{
			No: n, Kind: f.Kind, Path: path.Join(evidence.CaseDir(id), f.File), SHA256: f.SHA256, Size: f.Size,
			MediaType: f.MediaType, URL: f.URL, FinalURL: f.FinalURL, HTTPStatus: f.HTTPStatus, CapturedAt: f.CapturedAt,
			Zone: f.Zone, Browser: f.Browser, Note: f.Note, Source: f.Source,
			Description: f.Description, Removed: f.Removed,
			Title: f.Title, Viewport: f.Viewport, OtherNumber: f.OtherNumber, NumberConfirmed: f.NumberConfirmed, Unsettled: f.Unsettled,
		})
	}
	return cf, m, ex, nil
}

// byNumber orders case folder names by their number, names that are not numbers last.
func byNumber(a, b string) int {
	x, errA := strconv.ParseUint(a, 10, 64)
	y, errB := strconv.ParseUint(b, 10, 64)
	switch {
	case errA != nil || errB != nil:
		return strings.Compare(a, b)
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}
