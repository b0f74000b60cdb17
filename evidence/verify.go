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
)

// Problem is one file that does not match the records.
type Problem struct {
	Path    string `json:"path"`    // relative to the data folder, slash-separated
	Exhibit string `json:"exhibit"` // e.g. 3-screenshot; "" for the manifest or an unrecorded file
	Problem string `json:"problem"`
	Want    string `json:"want,omitempty"` // recorded SHA-256
	Got     string `json:"got,omitempty"`  // SHA-256 found
}

func (p Problem) String() string {
	switch p.Problem {
	case Changed:
		if p.Want == "" {
			return p.Path + ": changed"
		}
		return fmt.Sprintf("%s: changed (recorded SHA-256 %s, now %s)", p.Path, p.Want, p.Got)
	case Missing:
		return fmt.Sprintf("%s: missing", p.Path)
	case Unreadable:
		return fmt.Sprintf("%s: cannot be read as a file (check that it is a file and that you may read it)", p.Path)
	default:
		return fmt.Sprintf("%s: %s", p.Path, p.Problem)
	}
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
// changed or went missing, any exhibit-named file without a record, and a manifest.json that
// no longer matches the records.
func Verify(s tracker.Store, dataDir, caseID string) (Report, error) {
	r := Report{CaseID: caseID, Problems: []Problem{}}
	if !validID(caseID) {
		return r, tracker.NotFound("no case %s", tracker.Quote(caseID))
	}
	ex, err := s.Exhibits(caseID)
	if err != nil {
		return r, err
	}
	recorded := map[string]bool{}
	for _, e := range ex {
		if !filepath.IsLocal(filepath.FromSlash(e.Path)) {
			return r, &tracker.Error{Kind: tracker.KindCorrupt, Msg: fmt.Sprintf("exhibit %s of case %s points outside the data folder: %q", e.ID(), caseID, e.Path)}
		}
		recorded[e.Path] = true
		r.Files++
		sum, size, err := hashFile(filepath.Join(dataDir, filepath.FromSlash(e.Path)))
		switch {
		case errors.Is(err, fs.ErrNotExist):
			r.Problems = append(r.Problems, Problem{Path: e.Path, Exhibit: e.ID(), Problem: Missing, Want: e.SHA256})
		case err != nil:
			// Named like any other problem, so that verify goes on to the other files and cases.
			r.Problems = append(r.Problems, Problem{Path: e.Path, Exhibit: e.ID(), Problem: Unreadable, Want: e.SHA256})
		case sum != e.SHA256 || size != e.Size:
			r.Problems = append(r.Problems, Problem{Path: e.Path, Exhibit: e.ID(), Problem: Changed, Want: e.SHA256, Got: sum})
		}
	}
	dir := filepath.Join(dataDir, filepath.FromSlash(CaseDir(caseID)))
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return r, err
	}
	for _, d := range entries {
		p := path.Join(CaseDir(caseID), d.Name())
		if d.Type().IsRegular() && exhibitName.MatchString(d.Name()) && !recorded[p] {
			r.Problems = append(r.Problems, Problem{Path: p, Problem: Unrecorded})
		}
	}
	if len(ex) > 0 || len(entries) > 0 {
		if p, ok := checkManifest(dir, caseID, ex); !ok {
			r.Problems = append(r.Problems, p)
		}
	}
	return r, nil
}

func checkManifest(dir, caseID string, ex []tracker.Exhibit) (Problem, bool) {
	p := Problem{Path: path.Join(CaseDir(caseID), ManifestName)}
	want, err := NewManifest(caseID, ex).encode()
	if err != nil {
		p.Problem = err.Error()
		return p, false
	}
	got, err := os.ReadFile(filepath.Join(dir, ManifestName))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		p.Problem = Missing
	case err != nil:
		p.Problem = err.Error()
	case !bytes.Equal(got, want):
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
