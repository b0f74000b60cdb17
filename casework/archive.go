package casework

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"proofpack/evidence"
	"proofpack/evidence/bundle"
	"proofpack/tracker"
)

// caseArchiveFormat names an exported case in its index.
const caseArchiveFormat = "proofpack-case"

// caseLimits bound what opening a case archive from someone else may unpack.
var caseLimits = bundle.Limits{Files: 10_000, FileBytes: 1 << 30, TotalBytes: 8 << 30}

// caseIndex is proofpack.json of an exported case: the case with its events, its exhibit
// records (paths inside the archive), and the last packet made for it.
type caseIndex struct {
	bundle.Index
	Case     tracker.Case      `json:"case"`
	Exhibits []tracker.Exhibit `json:"exhibits"`
	// History is the case's exhibit history: descriptions given, exhibits removed.
	History []tracker.ExhibitChange `json:"exhibit_history,omitempty"`
	Packet  string                  `json:"packet,omitempty"`
}

// LastPacket is the packet last made for a case, kept so an export can carry it.
type LastPacket struct {
	Path   string    `json:"path"`
	SHA256 string    `json:"sha256"`
	Made   time.Time `json:"made"`
}

func packetKey(caseID string) string { return "packet/" + caseID }

// LastPacketOf returns the packet made last for a case; found is false when none was.
func (s *Service) LastPacketOf(caseID string) (last LastPacket, found bool, err error) {
	found, err = s.Store.Setting(packetKey(caseID), &last)
	return last, found, err
}

// RecordPacket remembers the packet just made for a case (its PDF and hash).
func (s *Service) RecordPacket(caseID string, pdfPath string) error {
	sum, err := fileSum(pdfPath)
	if err != nil {
		return err
	}
	abs, _ := filepath.Abs(pdfPath)
	return s.Store.SetSetting(packetKey(caseID), LastPacket{Path: abs, SHA256: sum, Made: s.Now().UTC()})
}

// Exported is what an export wrote.
type Exported struct {
	Out      string   `json:"out"`
	Files    int      `json:"files"`
	Manifest bool     `json:"manifest"`
	Packet   bool     `json:"packet"`
	Warnings []string `json:"warnings"`
}

// ExportCase writes the case, its events, exhibits, manifest and last packet into one zip
// that another ProofPack opens read-only. Exhibits that do not match their records are
// refused by name: an export vouches for what it carries.
func (s *Service) ExportCase(id, out string) (Exported, error) {
	c, err := s.Store.Case(id)
	if err != nil {
		return Exported{}, err
	}
	rep, err := evidence.Verify(s.Store, s.Dir, id)
	if err != nil {
		return Exported{}, err
	}
	if !rep.OK() {
		return Exported{}, &tracker.Error{Kind: tracker.KindCorrupt, Field: "case " + id,
			Msg: "its exhibit files do not match their records, so it is not exported: " + rep.Summary()}
	}
	records, err := s.Store.Exhibits(id)
	if err != nil {
		return Exported{}, err
	}
	log, err := s.Store.ExhibitLog(id)
	if err != nil {
		return Exported{}, err
	}
	res := Exported{Out: out, Warnings: []string{}}
	var last LastPacket
	found, err := s.Store.Setting(packetKey(id), &last)
	if err != nil {
		return Exported{}, err
	}
	if found {
		if sum, err := fileSum(last.Path); err != nil || sum != last.SHA256 {
			res.Warnings = append(res.Warnings, fmt.Sprintf("the last packet %s is gone or was changed since it was made, so it is not included", last.Path))
			found = false
		}
	}
	err = evidence.WriteOutputFrom(s.Dir, out, func(w io.Writer) error {
		bw := bundle.NewWriter(w, s.Now().UTC())
		idx := caseIndex{Index: bundle.Index{Format: caseArchiveFormat, Version: 1, Created: s.Now().UTC()}, Case: c, History: log}
		for _, e := range records {
			name := "exhibits/" + path.Base(e.Path)
			if err := bw.AddFile(name, filepath.Join(s.Dir, filepath.FromSlash(e.Path))); err != nil {
				return err
			}
			e.Path = name
			idx.Exhibits = append(idx.Exhibits, e)
		}
		manifest := filepath.Join(s.Dir, filepath.FromSlash(evidence.CaseDir(id)), "manifest.json")
		if _, err := os.Lstat(manifest); err == nil {
			if err := bw.AddFile("manifest.json", manifest); err != nil {
				return err
			}
			res.Manifest = true
		}
		if found {
			idx.Packet = "packet/" + filepath.Base(last.Path)
			if err := bw.AddFile(idx.Packet, last.Path); err != nil {
				return err
			}
			res.Packet = true
		}
		res.Files = len(records)
		return bw.Close(idx.Index, idx)
	})
	return res, err
}

// ArchiveCheck is what checking an exported case found.
type ArchiveCheck struct {
	Case     tracker.Case      `json:"case"`
	Files    int               `json:"files"`
	Findings []bundle.Finding  `json:"findings"` // empty when every file matches
	Exhibits []tracker.Exhibit `json:"exhibits"`
	// History is the exhibit history the archive carries.
	History []tracker.ExhibitChange `json:"exhibit_history"`
}

// OK reports whether every file of the archive matches what was recorded.
func (r ArchiveCheck) OK() bool { return len(r.Findings) == 0 }

// CheckArchive opens an exported case and compares every file with the index and with the
// exhibit records, naming each one that changed, is missing or was added.
func CheckArchive(p string) (ArchiveCheck, error) {
	a, err := bundle.Open(p, caseLimits)
	if err != nil {
		return ArchiveCheck{}, err
	}
	defer a.Close()
	return checkCase(a, p)
}

func checkCase(a *bundle.Archive, p string) (ArchiveCheck, error) {
	var idx caseIndex
	if err := a.Index(&idx); err != nil {
		return ArchiveCheck{}, err
	}
	if idx.Format != caseArchiveFormat {
		return ArchiveCheck{}, tracker.Invalid(p, "is a %q archive, not an exported case", idx.Format)
	}
	findings, err := a.Check()
	if err != nil {
		return ArchiveCheck{}, err
	}
	// The index and the exhibit records must agree too: a file swapped together with its index
	// line still differs from the hash recorded when it was captured.
	listed := map[string]bundle.File{}
	for _, f := range idx.Files {
		listed[f.Path] = f
	}
	for _, e := range idx.Exhibits {
		if f, ok := listed[e.Path]; ok && (f.SHA256 != e.SHA256 || f.Size != e.Size) {
			findings = append(findings, bundle.Finding{Path: e.Path, What: "changed",
				Why: fmt.Sprintf("exhibit %d was recorded with SHA-256 %s…", e.No, e.SHA256[:min(12, len(e.SHA256))])})
		} else if !ok {
			findings = append(findings, bundle.Finding{Path: e.Path, What: "missing", Why: fmt.Sprintf("exhibit %d is not in the archive", e.No)})
		}
	}
	// A removal deleted from the history by hand, with the index rewritten to match, still shows.
	for _, p := range evidence.CheckHistory(evidence.NewManifest(idx.Case.ID, idx.Exhibits, idx.History)) {
		findings = append(findings, bundle.Finding{Path: bundle.IndexName, What: "changed", Why: "its exhibit history does not hold together: " + p})
	}
	if idx.History == nil {
		idx.History = []tracker.ExhibitChange{}
	}
	return ArchiveCheck{Case: idx.Case, Files: len(idx.Files), Findings: nonNilFindings(findings), Exhibits: idx.Exhibits, History: idx.History}, nil
}

func nonNilFindings(f []bundle.Finding) []bundle.Finding {
	if f == nil {
		return []bundle.Finding{}
	}
	return f
}

// ImportArchive adds an exported case, with its exhibits under their numbers, to this data
// folder. It refuses an archive with any changed, missing or added file, and an order that is
// already here.
func (s *Service) ImportArchive(p string) (tracker.Case, error) {
	a, err := bundle.Open(p, caseLimits)
	if err != nil {
		return tracker.Case{}, err
	}
	defer a.Close()
	chk, err := checkCase(a, p)
	if err != nil {
		return tracker.Case{}, err
	}
	if !chk.OK() {
		return tracker.Case{}, &tracker.Error{Kind: tracker.KindCorrupt, Field: p, Msg: "not imported: " + findingsText(chk.Findings)}
	}
	existing, err := s.Store.Cases()
	if err != nil {
		return tracker.Case{}, err
	}
	for _, c := range existing {
		if orderKey(c) == orderKey(chk.Case) {
			return tracker.Case{}, tracker.Invalid(p, "%s order %s is already case %s here", c.Marketplace, c.OrderNumber, c.ID)
		}
	}
	tmp, err := s.scratch("import-")
	if err != nil {
		return tracker.Case{}, err
	}
	defer os.RemoveAll(tmp)
	if err := a.Extract(tmp); err != nil {
		return tracker.Case{}, err
	}
	c := chk.Case
	c.ID = ""
	c, err = s.Store.AddCase(c)
	if err != nil {
		return tracker.Case{}, err
	}
	var groups []evidence.Group
	for _, e := range chk.Exhibits {
		if len(groups) == 0 || groups[len(groups)-1].No != e.No {
			groups = append(groups, evidence.Group{No: e.No})
		}
		g := &groups[len(groups)-1]
		name := path.Base(e.Path)
		ext := ""
		if i := strings.LastIndexByte(name, '.'); i > 0 {
			ext = name[i+1:]
		}
		e.Path, e.SHA256, e.Size = "", "", 0
		e.Description, e.Removed = "", false // given back with the history, in one step (Replay)
		g.Files = append(g.Files, evidence.File{Src: filepath.Join(tmp, filepath.FromSlash("exhibits/"+name)), Ext: ext, Exhibit: e})
	}
	if len(groups) > 0 {
		if _, err := evidence.Add(s.Store, s.Dir, c.ID, groups...); err != nil {
			s.Store.DeleteCase(c.ID)
			return tracker.Case{}, err
		}
	}
	if err := evidence.Replay(s.Store, s.Dir, c.ID, chk.History); err != nil {
		evidence.DeleteCase(s.Store, s.Dir, c.ID)
		return tracker.Case{}, err
	}
	return c, nil
}

func findingsText(fs []bundle.Finding) string {
	var parts []string
	for _, f := range fs {
		parts = append(parts, f.String())
	}
	return strings.Join(parts, "; ")
}

// scratch makes a private temporary folder inside the data folder's own temporary place, on
// the same filesystem as the store so that moves out of it are renames.
func (s *Service) scratch(prefix string) (string, error) {
	base := evidence.TempDir(s.Dir)
	if err := os.MkdirAll(base, 0o700); err != nil {
		return "", err
	}
	return os.MkdirTemp(base, prefix)
}

func fileSum(p string) (string, error) {
	f, err := os.Open(p)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// OpenForReview unpacks an exported case into dir (an empty review folder) with st as its store,
// keeping each exhibit's record exactly as exported, so that verifying it names every file that
// changed. It does not refuse a changed archive: the review shows what changed.
func OpenForReview(p, dir string, st tracker.Store) (ArchiveCheck, tracker.Case, error) {
	a, err := bundle.Open(p, caseLimits)
	if err != nil {
		return ArchiveCheck{}, tracker.Case{}, err
	}
	defer a.Close()
	chk, err := checkCase(a, p)
	if err != nil {
		return chk, tracker.Case{}, err
	}
	c := chk.Case
	c.ID = ""
	if c, err = st.AddCase(c); err != nil {
		return chk, tracker.Case{}, err
	}
	caseDir := filepath.Join(dir, filepath.FromSlash(evidence.CaseDir(c.ID)))
	if err := os.MkdirAll(caseDir, 0o700); err != nil {
		return chk, c, err
	}
	_, err = st.AddExhibits(c.ID, func(int) ([]tracker.Exhibit, error) {
		var out []tracker.Exhibit
		for _, e := range chk.Exhibits {
			name := path.Base(e.Path)
			if err := a.ExtractFile(e.Path, filepath.Join(caseDir, name)); err != nil {
				continue // missing from the archive: the review's verify names it
			}
			e.Path = evidence.CaseDir(c.ID) + "/" + name
			out = append(out, e)
		}
		return out, nil
	})
	if err != nil {
		return chk, c, err
	}
	if len(chk.History) > 0 { // the records came with their state; the history as it was
		if _, err := st.ChangeExhibits(c.ID, func([]tracker.Exhibit, []tracker.ExhibitChange) ([]tracker.ExhibitChange, error) {
			return slices.Clone(chk.History), nil
		}); err != nil {
			return chk, c, err
		}
	}
	return chk, c, evidence.WriteManifest(st, dir, c.ID)
}
