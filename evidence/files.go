package evidence

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"proofpack/tracker"
)

// MaxFileSize is the largest file the buyer can add as evidence: a phone's screenshots, photos,
// a PDF receipt and a short unboxing video fit; a disk image or a whole backup does not.
const MaxFileSize = 50 << 20

// AddFiles records the buyer's own files (screenshots of seller chats, photos, receipts) as
// exhibits of kind "file", one number each, keeping each file's extension and name. Only the
// buyer's regular files become evidence: every path is checked first (no symbolic link, no
// device, FIFO or socket, no empty file, nothing over MaxFileSize, nothing inside the data
// folder), so one bad path adds nothing. Each file is read through the descriptor that was
// checked, so a file swapped after the check is caught, not copied.
func AddFiles(s tracker.Store, dataDir, caseID string, paths []string, note string) ([]tracker.Exhibit, error) {
	if len(paths) == 0 {
		return nil, tracker.Invalid("FILE", "give at least one file to add")
	}
	groups := make([]Group, 0, len(paths))
	now := time.Now().UTC()
	note = tracker.CleanText(note)
	for _, p := range paths {
		g, err := buyerFile(dataDir, p, note, now)
		if err != nil {
			return nil, tracker.Invalid("FILE", "%v (nothing was added)", err)
		}
		groups = append(groups, g)
	}
	return Add(s, dataDir, caseID, groups...)
}

// buyerFile checks one of the buyer's files and returns its group, whose Open reads it
// through the same checks and only when it is still the file checked here.
func buyerFile(dataDir, p, note string, now time.Time) (Group, error) {
	fi, mt, err := checkEvidenceFile(dataDir, p)
	if err != nil {
		return Group{}, err
	}
	ext := strings.TrimPrefix(filepath.Ext(p), ".")
	if strings.ContainsAny(ext, `/\`) {
		ext = ""
	}
	if m, ok := mediaTypes[strings.ToLower(ext)]; ok {
		mt = m
	}
	open := func() (io.ReadCloser, error) {
		f, again, err := OpenRegular(p, MaxFileSize)
		if err != nil {
			return nil, err
		}
		if !os.SameFile(fi, again) {
			f.Close()
			return nil, fmt.Errorf("%s was replaced by another file while it was being added", p)
		}
		return limitedFile{f, MaxFileSize}, nil
	}
	return Group{Files: []File{{Open: open, Src: p, Ext: ext, Exhibit: tracker.Exhibit{
		Kind: KindFile, MediaType: mt, CapturedAt: now, Zone: ZoneName(nil), Note: note,
		Source: filepath.Base(p),
	}}}}, nil
}

// checkEvidenceFile opens p as OpenRegular does, refuses it when it lies inside the data
// folder (the store, a manifest, another exhibit: ProofPack's own files are not the buyer's
// evidence), and sniffs its media type from its first bytes.
func checkEvidenceFile(dataDir, p string) (os.FileInfo, string, error) {
	f, fi, err := OpenRegular(p, MaxFileSize)
	if err != nil {
		return nil, "", err
	}
	defer f.Close()
	absData, _ := filepath.Abs(dataDir)
	absP, _ := filepath.Abs(p)
	if inside(realPath(absData), realPath(absP)) {
		return nil, "", fmt.Errorf("%s is inside the data folder %s: ProofPack's own files cannot be added as evidence", p, dataDir)
	}
	head := make([]byte, 512)
	n, err := io.ReadFull(f, head)
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
		return nil, "", fmt.Errorf("cannot read %s: %v", p, err)
	}
	return fi, http.DetectContentType(head[:n]), nil
}

// TextGroup is a text exhibit, such as tracking history the buyer pasted (kind "history").
func TextGroup(kind, text, note string) Group {
	return Group{Files: []File{{Data: []byte(text), Ext: "txt", Exhibit: tracker.Exhibit{
		Kind: kind, MediaType: "text/plain; charset=utf-8", Zone: ZoneName(nil), Note: note,
	}}}}
}

// mediaTypes are the types of files buyers keep as evidence, fixed here so the record does not
// depend on the machine's MIME tables.
var mediaTypes = map[string]string{
	"png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
	"webp": "image/webp", "heic": "image/heic", "bmp": "image/bmp", "pdf": "application/pdf",
	"txt": "text/plain; charset=utf-8", "html": "text/html", "htm": "text/html",
	"mhtml": "multipart/related", "eml": "message/rfc822", "mp4": "video/mp4",
	"mov": "video/quicktime", "json": "application/json", "csv": "text/csv", "zip": "application/zip",
}

// OpenRegular opens a file the buyer named, for reading, only when it is a regular file of
// 1 to limit bytes: not a symbolic link (never followed), not a folder, device, FIFO or socket,
// not empty (which also refuses /proc files, whose size reads 0). It stats the path, opens it
// with O_NOFOLLOW and O_NONBLOCK (a FIFO cannot make it wait) and checks that the descriptor is
// the file it stat'ed, so a swap between the two is caught. Its errors name the file and say
// what to do; callers add the flag or field.
func OpenRegular(path string, limit int64) (*os.File, os.FileInfo, error) {
	fi, err := os.Lstat(path)
	switch {
	case err != nil && errors.Is(err, fs.ErrNotExist):
		return nil, nil, fmt.Errorf("%s does not exist", path)
	case err != nil:
		return nil, nil, fmt.Errorf("cannot read %s: %v", path, unwrapPath(err))
	}
	if err := regular(path, fi, limit); err != nil {
		return nil, nil, err
	}
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0)
	if err != nil {
		if errors.Is(err, syscall.ELOOP) {
			return nil, nil, fmt.Errorf("%s is a symbolic link: give the file it points to", path)
		}
		return nil, nil, fmt.Errorf("cannot read %s: %v", path, unwrapPath(err))
	}
	again, err := f.Stat()
	if err == nil && !os.SameFile(fi, again) {
		err = fmt.Errorf("%s was replaced by another file while it was being opened", path)
	} else if err == nil {
		err = regular(path, again, limit)
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, again, nil
}

// regular says what is wrong with fi as a file to read, or nil.
func regular(path string, fi os.FileInfo, limit int64) error {
	m := fi.Mode()
	switch {
	case m&fs.ModeSymlink != 0:
		return fmt.Errorf("%s is a symbolic link: give the file it points to", path)
	case m.IsDir():
		return fmt.Errorf("%s is a folder: give the files inside it", path)
	case !m.IsRegular():
		return fmt.Errorf("%s is not a regular file (a device, pipe or socket)", path)
	case fi.Size() == 0:
		return fmt.Errorf("%s is empty", path)
	case fi.Size() > limit:
		return fmt.Errorf("%s is %s; ProofPack takes files of at most %s", path, sizeWords(fi.Size()), sizeWords(limit))
	}
	return nil
}

// ReadRegular reads a whole file the buyer named, after OpenRegular's checks, and never more
// than limit bytes even when the file grows while it is read.
func ReadRegular(path string, limit int64) ([]byte, error) {
	f, _, err := OpenRegular(path, limit)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(limitedFile{f, limit})
	if err != nil {
		return nil, err
	}
	return b, nil
}

// limitedFile reads a file and fails, rather than cut silently, past its limit.
type limitedFile struct {
	f     *os.File
	limit int64
}

func (l limitedFile) Read(p []byte) (int, error) {
	n, err := l.f.Read(p)
	if off, _ := l.f.Seek(0, io.SeekCurrent); off > l.limit {
		return n, fmt.Errorf("%s grew past %s while it was read", l.f.Name(), sizeWords(l.limit))
	}
	return n, err
}

func (l limitedFile) Close() error { return l.f.Close() }

// unwrapPath drops the *PathError's own repetition of the path and operation.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// sizeWords is a byte count as people read it: 50 MB, 700 KB, 12 bytes.
func sizeWords(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.4g MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.4g KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
