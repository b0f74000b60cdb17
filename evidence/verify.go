package evidence

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"proofpack/tracker"
)

// What Verify can find wrong with a file.
const (
	Changed    = "changed"    // its SHA-256 or size is not what was recorded
	Missing    = "missing"    // the record names a file that is gone
	Unrecorded = "unrecorded" // an exhibit-named file that no record names
	Unreadable = "unreadable" // the record names something that cannot be read as a file
	Symlink    = "symlink"    // a symbolic link where ProofPack keeps a file or folder of its own
	NotRegular = "not a regular file"
	Hidden     = "hidden" // a hidden file or folder in a case folder
	Stray      = "stray"  // a file or folder that is not ProofPack's
	Orphan     = "orphan" // a case folder whose case is not in the store
	NotFolder  = "not a folder"
)

// Readable reports whether an exhibit file with this problem may be read to be shown in a packet
// made anyway: not when it is gone, a link (its target is not what was saved) or not a regular
// file (a pipe would block the packet for ever).
func Readable(problem string) bool { return problem == "" || problem == Changed }

// Problem is one file that does not match the records.
type Problem struct {
	Path    string `json:"path"`    // relative to the data folder, slash-separated
	Exhibit string `json:"exhibit"` // e.g. 3-screenshot; "" for the manifest or an unrecorded file
	Problem string `json:"problem"`
	Want    string `json:"want,omitempty"` // recorded SHA-256
	Got     string `json:"got,omitempty"`  // SHA-256 found
}

func (p Problem) String() string {
	if p.Problem == Changed && p.Want != "" {
		return fmt.Sprintf("%s: changed (recorded SHA-256 %s, now %s)", p.Path, p.Want, p.Got)
	}
	if why, ok := problemWords[p.Problem]; ok {
		return p.Path + ": " + why
	}
	return p.Path + ": " + p.Problem
}

// problemWords say each problem to the buyer, with what to check where there is something to do.
var problemWords = map[string]string{
	Unreadable: "cannot be read as a file (check that it is a file and that you may read it)",
	Symlink:    "a symbolic link, not the file or folder ProofPack saved",
	NotRegular: "not a regular file (a folder, device, pipe or socket)",
	Hidden:     "a hidden file that ProofPack did not save",
	Stray:      "not ProofPack's (no record names it)",
	Orphan:     "a case folder whose case is not in the store (see 'proofpack repair')",
	NotFolder:  "not a folder (a file or a symbolic link)",
}

// Report is the result of verifying one case.
type Report struct {
	CaseID   string    `json:"case_id"`
	Files    int       `json:"files"` // exhibit files checked
	Problems []Problem `json:"problems"`
}

// OK reports whether every file matched.
func (r Report) OK() bool { return len(r.Problems) == 0 }

// exhibitName is the shape of an exhibit file name; other files in a case folder are not ours.
var exhibitName = regexp.MustCompile(`^[0-9]+-[a-z]+(\.[^.]+)?$`)

// Verify re-hashes every exhibit file of the case against its record and names each file that
// changed, went missing or was replaced by a link or something that is not a file; a case
// folder that is a link; any file or folder in it that no record names (exhibit-named, hidden
// or stray); and a manifest.json that no longer matches the records. It never follows a link.
func Verify(s tracker.Store, dataDir, caseID string) (Report, error) {
	r := Report{CaseID: caseID, Problems: []Problem{}}
	if !validID(caseID) {
		return r, tracker.NotFound("no case %s", tracker.Quote(caseID))
	}
	ex, err := s.Exhibits(caseID)
	if err != nil {
		return r, err
	}
	rel := CaseDir(caseID)
	dir := filepath.Join(dataDir, filepath.FromSlash(rel))
	for _, d := range []string{"cases", rel} {
		if fi, err := os.Lstat(filepath.Join(dataDir, filepath.FromSlash(d))); err == nil && !fi.IsDir() {
			r.Problems = append(r.Problems, Problem{Path: d, Problem: kindOf(fi, NotFolder)})
			r.Files = len(ex)
			return r, nil // nothing below a link or a file is ProofPack's to read
		}
	}
	recorded := map[string]bool{ManifestName: true, CaseFileName: true}
	for _, e := range ex {
		if !filepath.IsLocal(filepath.FromSlash(e.Path)) || path.Dir(e.Path) != rel {
			return r, &tracker.Error{Kind: tracker.KindCorrupt, Msg: fmt.Sprintf("exhibit %s of case %s points outside its case folder: %q", e.ID(), caseID, e.Path)}
		}
		recorded[path.Base(e.Path)] = true
		r.Files++
		p := Problem{Path: e.Path, Exhibit: e.ID(), Want: e.SHA256}
		fi, err := os.Lstat(filepath.Join(dataDir, filepath.FromSlash(e.Path)))
		switch {
		case errors.Is(err, fs.ErrNotExist):
			p.Problem = Missing
		case err != nil:
			p.Problem = Unreadable
		case !fi.Mode().IsRegular():
			p.Problem = kindOf(fi, NotRegular)
		default:
			sum, size, err := hashFile(filepath.Join(dataDir, filepath.FromSlash(e.Path)))
			switch {
			case err != nil:
				// Named like any other problem, so that verify goes on to the other files and cases.
				p.Problem = Unreadable
			case sum != e.SHA256 || size != e.Size:
				p.Problem, p.Got = Changed, sum
			default:
				continue
			}
		}
		r.Problems = append(r.Problems, p)
	}
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return r, err
	}
	others := false
	for _, d := range entries {
		name := d.Name()
		p := Problem{Path: path.Join(rel, name)}
		switch {
		case name == ManifestName:
			continue
		case name == CaseFileName:
			if !d.Type().IsRegular() {
				p.Problem = linkOr(d.Type(), NotRegular)
				r.Problems = append(r.Problems, p)
			}
			continue
		case recorded[name]:
			others = true
			continue
		case d.Type()&fs.ModeSymlink != 0:
			p.Problem = Symlink
		case strings.HasPrefix(name, "."):
			p.Problem = Hidden
		case d.Type().IsRegular() && exhibitName.MatchString(name):
			p.Problem = Unrecorded
		case d.Type().IsRegular() || d.IsDir():
			p.Problem = Stray
		default:
			p.Problem = NotRegular
		}
		others = true
		r.Problems = append(r.Problems, p)
	}
	log, err := s.ExhibitLog(caseID)
	if err != nil {
		return r, err
	}
	if len(ex) > 0 || others {
		if p, ok := checkManifest(dir, caseID, ex, log); !ok {
			r.Problems = append(r.Problems, p)
		}
	}
	return r, nil
}

// VerifyFolder names what is wrong in the data folder outside any one case: a cases folder that
// is a link, case folders whose case is not in the store, and stray or hidden entries in cases/.
func VerifyFolder(s tracker.Store, dataDir string) ([]Problem, error) {
	out := []Problem{}
	fi, err := os.Lstat(filepath.Join(dataDir, "cases"))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return out, nil
	case err != nil:
		return out, err
	case !fi.IsDir():
		return append(out, Problem{Path: "cases", Problem: kindOf(fi, NotFolder)}), nil
	}
	cases, err := s.Cases()
	if err != nil {
		return out, err
	}
	known := map[string]bool{}
	for _, c := range cases {
		known[c.ID] = true
	}
	entries, err := os.ReadDir(filepath.Join(dataDir, "cases"))
	if err != nil {
		return out, err
	}
	for _, d := range entries {
		p := Problem{Path: path.Join("cases", d.Name())}
		switch {
		case known[d.Name()]:
			continue // Verify of the case looks at it
		case strings.HasPrefix(d.Name(), "."):
			p.Problem = Hidden
		case d.IsDir():
			p.Problem = Orphan
		case d.Type()&fs.ModeSymlink != 0:
			p.Problem = Symlink
		default:
			p.Problem = Stray
		}
		out = append(out, p)
	}
	return out, nil
}

// kindOf words what fi is instead of what was expected: a link, or else other.
func kindOf(fi fs.FileInfo, other string) string { return linkOr(fi.Mode().Type(), other) }

func linkOr(t fs.FileMode, other string) string {
	if t&fs.ModeSymlink != 0 {
		return Symlink
	}
	return other
}

// checkManifest compares manifest.json byte for byte with the one the records and the exhibit
// history give (or, for a folder saved before the manifest kept the capture's marks, the one
// it gave then): any edit by hand, a removal taken out of the history too, shows as changed.
func checkManifest(dir, caseID string, ex []tracker.Exhibit, log []tracker.ExhibitChange) (Problem, bool) {
	p := Problem{Path: path.Join(CaseDir(caseID), ManifestName)}
	m := NewManifest(caseID, ex, log)
	want, err := m.encode()
	legacy, _ := m.withoutMarks().encode() // the same value, fewer fields: no new error
	if err != nil {
		p.Problem = err.Error()
		return p, false
	}
	if fi, err := os.Lstat(filepath.Join(dir, ManifestName)); err == nil && !fi.Mode().IsRegular() {
		p.Problem = kindOf(fi, NotRegular)
		return p, false
	}
	got, err := os.ReadFile(filepath.Join(dir, ManifestName))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		p.Problem = Missing
	case err != nil:
		p.Problem = err.Error()
	case !bytes.Equal(got, want) && !bytes.Equal(got, legacy):
		p.Problem = Changed
	default:
		return p, true
	}
	return p, false
}

// Summary is the report as lines for a person: every problem, or that all files matched.
func (r Report) Summary() string {
	if r.OK() {
		return fmt.Sprintf("case %s: all %d exhibit files match their SHA-256", r.CaseID, r.Files)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "case %s: %d of its files do not match the records:\n", r.CaseID, len(r.Problems))
	for _, p := range r.Problems {
		b.WriteString("  " + p.String() + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}
