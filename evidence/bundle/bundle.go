// Package bundle writes and reads ProofPack's zip archives: a case exported for review on
// another computer, and a backup of the whole data folder.
//
// Every archive carries an index, proofpack.json, that lists each file with its size and
// SHA-256; Check compares the archive with it and names every file that changed, is missing or
// was added. An archive may come from anyone, so Open refuses what could write outside the
// target or exhaust the machine before a byte is extracted: names that are absolute, climb out
// with "..", use backslashes or drive letters, repeat (also in another letter case), symlinks
// and other special entries, and sizes past the limits; while reading, a file that grows past
// its declared size is cut off and refused, so a lying header cannot unpack a bomb.
//
// It imports only the standard library and proofpack/tracker.
package bundle

import (
	"archive/zip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"proofpack/tracker"
)

// IndexName is the index every archive holds.
const IndexName = "proofpack.json"

// File is one file the index lists.
type File struct {
	Path   string `json:"path"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

// Index is the head of proofpack.json; the archive's kind adds its own fields beside these.
type Index struct {
	Format  string    `json:"format"` // proofpack-case or proofpack-backup
	Version int       `json:"version"`
	Created time.Time `json:"created"`
	Files   []File    `json:"files"`
}

// Limits bound what reading an archive may cost.
type Limits struct {
	Files      int   // entries in the archive
	FileBytes  int64 // one file, unpacked
	TotalBytes int64 // all files, unpacked
}

// Writer writes an archive and its index, hashing each file as it goes.
type Writer struct {
	zw    *zip.Writer
	files []File
	names map[string]bool
	mod   time.Time
}

// NewWriter starts an archive on w; mod stamps every entry, so the same content gives the same bytes.
func NewWriter(w io.Writer, mod time.Time) *Writer {
	return &Writer{zw: zip.NewWriter(w), names: map[string]bool{}, mod: mod}
}

// Add stores r as name.
func (w *Writer) Add(name string, r io.Reader) error {
	if err := checkName(name); err != nil || name == IndexName || w.names[strings.ToLower(name)] {
		return fmt.Errorf("bundle: cannot store %q", name)
	}
	w.names[strings.ToLower(name)] = true
	zf, err := w.zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: w.mod})
	if err != nil {
		return err
	}
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(zf, h), r)
	if err != nil {
		return err
	}
	w.files = append(w.files, File{Path: name, Size: n, SHA256: hex.EncodeToString(h.Sum(nil))})
	return nil
}

// AddFile stores the regular file at src as name; a symlink or special file is refused.
func (w *Writer) AddFile(name, src string) error {
	before, err := os.Lstat(src)
	if err != nil {
		return err
	}
	f, err := os.OpenFile(src, os.O_RDONLY|noFollow, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() || !os.SameFile(before, fi) {
		return fmt.Errorf("%s is not a regular file", src)
	}
	return w.Add(name, f)
}

// Close writes the index: head's format and version, the files written, and the fields of
// extra (a struct whose JSON object is merged beside them).
func (w *Writer) Close(head Index, extra any) error {
	head.Files = w.files
	raw, err := mergeJSON(head, extra)
	if err != nil {
		return err
	}
	zf, err := w.zw.CreateHeader(&zip.FileHeader{Name: IndexName, Method: zip.Deflate, Modified: w.mod})
	if err != nil {
		return err
	}
	if _, err := zf.Write(raw); err != nil {
		return err
	}
	return w.zw.Close()
}

func mergeJSON(head Index, extra any) ([]byte, error) {
	m := map[string]any{}
	if extra != nil {
		raw, err := json.Marshal(extra)
		if err != nil {
			return nil, err
		}
		if err := json.Unmarshal(raw, &m); err != nil {
			return nil, err
		}
	}
	raw, _ := json.Marshal(head)
	var h map[string]any
	_ = json.Unmarshal(raw, &h)
	for k, v := range h {
		m[k] = v
	}
	return json.MarshalIndent(m, "", "  ")
}

// Archive is an archive opened for reading; every entry's name and size passed the checks.
type Archive struct {
	zr      *zip.ReadCloser
	entries map[string]*zip.File
	lim     Limits
	name    string
	index   []byte
}

// Open opens the archive at p and refuses it whole when any entry could write outside its
// target or break the limits. The error names the archive and the entry.
func Open(p string, lim Limits) (*Archive, error) {
	fi, err := os.Stat(p)
	if err != nil {
		return nil, tracker.Invalid("FILE", "cannot read %s: %v", p, err)
	}
	if !fi.Mode().IsRegular() {
		return nil, tracker.Invalid("FILE", "%s is not a regular file", p)
	}
	zr, err := zip.OpenReader(p)
	if err != nil {
		return nil, bad(p, "is not a ProofPack archive (%v)", err)
	}
	a := &Archive{zr: zr, entries: map[string]*zip.File{}, lim: lim, name: p}
	if err := a.screen(); err != nil {
		zr.Close()
		return nil, err
	}
	f := a.entries[IndexName]
	if f == nil {
		zr.Close()
		return nil, bad(p, "has no %s: it was not made by ProofPack", IndexName)
	}
	if a.index, err = a.read(f, 16<<20); err != nil {
		zr.Close()
		return nil, err
	}
	return a, nil
}

func (a *Archive) screen() error {
	if len(a.zr.File) > a.lim.Files {
		return bad(a.name, "holds %d files, more than the %d ProofPack accepts: refused", len(a.zr.File), a.lim.Files)
	}
	folded := map[string]string{}
	var total uint64
	for _, f := range a.zr.File {
		if strings.HasSuffix(f.Name, "/") && f.Mode().IsDir() {
			continue // folders are implied by the files' names
		}
		if err := checkName(f.Name); err != nil {
			return bad(a.name, "has an entry named %q that %v: refused", clip(f.Name), err)
		}
		if m := f.Mode(); m&fs.ModeSymlink != 0 || !m.IsRegular() {
			return bad(a.name, "has %q, which is a %s, not a file: refused", f.Name, kind(m))
		}
		low := strings.ToLower(f.Name)
		if prev, dup := folded[low]; dup {
			return bad(a.name, "has %q twice (also as %q): refused", f.Name, prev)
		}
		folded[low] = f.Name
		if f.UncompressedSize64 > uint64(a.lim.FileBytes) {
			return bad(a.name, "has %q of %d bytes, more than the %d a file may have: refused", f.Name, f.UncompressedSize64, a.lim.FileBytes)
		}
		if total += f.UncompressedSize64; total > uint64(a.lim.TotalBytes) {
			return bad(a.name, "unpacks to more than %d bytes: refused", a.lim.TotalBytes)
		}
		a.entries[f.Name] = f
	}
	return nil
}

// Index decodes proofpack.json into v (an Index, or a struct that embeds one).
func (a *Archive) Index(v any) error {
	if err := json.Unmarshal(a.index, v); err != nil {
		return bad(a.name, "has a damaged %s: %v", IndexName, err)
	}
	return nil
}

// Close releases the archive.
func (a *Archive) Close() error { return a.zr.Close() }

// Finding is a file that does not match the index.
type Finding struct {
	Path string `json:"path"`
	What string `json:"what"` // changed, missing or unexpected
	Why  string `json:"why"`
}

func (f Finding) String() string { return fmt.Sprintf("%s: %s (%s)", f.What, f.Path, f.Why) }

// Check reads every file the index lists and compares its size and SHA-256 with the index;
// files the index does not list are unexpected. It reads with the limits, never trusting the
// sizes the archive declares.
func (a *Archive) Check() ([]Finding, error) {
	var idx Index
	if err := a.Index(&idx); err != nil {
		return nil, err
	}
	listed := map[string]bool{IndexName: true}
	var out []Finding
	for _, want := range idx.Files {
		listed[want.Path] = true
		f := a.entries[want.Path]
		if f == nil {
			out = append(out, Finding{want.Path, "missing", "listed in the index, not in the archive"})
			continue
		}
		size, sum, err := a.hash(f)
		switch {
		case err != nil:
			out = append(out, Finding{want.Path, "changed", err.Error()})
		case sum != want.SHA256:
			out = append(out, Finding{want.Path, "changed", fmt.Sprintf("SHA-256 %s, recorded %s", short(sum), short(want.SHA256))})
		case size != want.Size:
			out = append(out, Finding{want.Path, "changed", fmt.Sprintf("%d bytes, recorded %d", size, want.Size)})
		}
	}
	var extra []string
	for name := range a.entries {
		if !listed[name] {
			extra = append(extra, name)
		}
	}
	sort.Strings(extra)
	for _, name := range extra {
		out = append(out, Finding{name, "unexpected", "not listed in the index"})
	}
	return out, nil
}

// Extract writes every file the index lists under dir, each created new (never over a file),
// folders 0700 and files 0600, after checking it against the index as it is written.
func (a *Archive) Extract(dir string) error {
	var idx Index
	if err := a.Index(&idx); err != nil {
		return err
	}
	for _, want := range idx.Files {
		f := a.entries[want.Path]
		if f == nil {
			return bad(a.name, "lacks %s, which its index lists", want.Path)
		}
		dst := filepath.Join(dir, filepath.FromSlash(want.Path))
		if err := os.MkdirAll(filepath.Dir(dst), 0o700); err != nil {
			return err
		}
		if err := a.extractOne(f, dst, want); err != nil {
			os.Remove(dst)
			return err
		}
	}
	return nil
}

func (a *Archive) extractOne(f *zip.File, dst string, want File) error {
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL|noFollow, 0o600)
	if err != nil {
		return err
	}
	rc, err := f.Open()
	if err != nil {
		out.Close()
		return bad(a.name, "has a damaged %s: %v", f.Name, err)
	}
	defer rc.Close()
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(out, h), io.LimitReader(rc, a.lim.FileBytes+1))
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	switch {
	case err != nil:
		return bad(a.name, "could not unpack %s: %v", f.Name, err)
	case n > a.lim.FileBytes:
		return bad(a.name, "has %s larger than %d bytes: refused", f.Name, a.lim.FileBytes)
	case hex.EncodeToString(h.Sum(nil)) != want.SHA256 || n != want.Size:
		return bad(a.name, "has %s changed since it was made: not restored", f.Name)
	}
	return nil
}

// ExtractFile writes one entry to dst (created new, 0600) as it is, even when it no longer
// matches the index: a review shows a changed file rather than hiding it. The limits still hold.
func (a *Archive) ExtractFile(name, dst string) error {
	f := a.entries[name]
	if f == nil {
		return bad(a.name, "has no %s", name)
	}
	size, sum, _ := a.hash(f)
	if err := a.extractOne(f, dst, File{Path: name, SHA256: sum, Size: size}); err != nil {
		os.Remove(dst)
		return err
	}
	return nil
}

// ReadFile returns one listed file's bytes (bounded by max), for small files such as a manifest.
func (a *Archive) ReadFile(name string, max int64) ([]byte, error) {
	f := a.entries[name]
	if f == nil {
		return nil, bad(a.name, "has no %s", name)
	}
	return a.read(f, max)
}

func (a *Archive) read(f *zip.File, max int64) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, bad(a.name, "has a damaged %s: %v", f.Name, err)
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, max+1))
	if err != nil {
		return nil, bad(a.name, "has a damaged %s: %v", f.Name, err)
	}
	if int64(len(b)) > max {
		return nil, bad(a.name, "has %s larger than %d bytes: refused", f.Name, max)
	}
	return b, nil
}

// hash reads an entry within the limits and returns its real size and SHA-256.
func (a *Archive) hash(f *zip.File) (int64, string, error) {
	rc, err := f.Open()
	if err != nil {
		return 0, "", err
	}
	defer rc.Close()
	h := sha256.New()
	n, err := io.Copy(h, io.LimitReader(rc, a.lim.FileBytes+1))
	if err != nil {
		return n, "", fmt.Errorf("unreadable: %v", err)
	}
	if n > a.lim.FileBytes {
		return n, "", fmt.Errorf("larger than %d bytes", a.lim.FileBytes)
	}
	return n, hex.EncodeToString(h.Sum(nil)), nil
}

// checkName accepts only plain relative slash paths: what can be extracted anywhere and means
// the same on every system.
func checkName(name string) error {
	switch {
	case name == "" || !utf8.ValidString(name) || strings.ContainsRune(name, 0):
		return errors.New("is empty or not text")
	case strings.HasPrefix(name, "/") || strings.Contains(name, "\\") || (len(name) > 1 && name[1] == ':'):
		return errors.New("is an absolute or Windows path")
	case path.Clean(name) != name || name == "." || strings.HasPrefix(name, "../") || name == "..":
		return errors.New("climbs out of the archive's folder")
	case len(name) > 255:
		return errors.New("is too long")
	}
	for _, part := range strings.Split(name, "/") {
		if part == ".." || part == "." || part == "" {
			return errors.New("climbs out of the archive's folder")
		}
	}
	return nil
}

func kind(m fs.FileMode) string {
	switch {
	case m&fs.ModeSymlink != 0:
		return "symbolic link"
	case m.IsDir():
		return "folder"
	}
	return "special file"
}

func bad(archive, format string, a ...any) error {
	return &tracker.Error{Kind: tracker.KindInvalid, Field: archive, Msg: fmt.Sprintf(format, a...)}
}

func short(sum string) string {
	if len(sum) > 12 {
		return sum[:12] + "…"
	}
	return sum
}

func clip(s string) string {
	if len(s) > 80 {
		return s[:80] + "…"
	}
	return s
}
