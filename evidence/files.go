package evidence

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"proofpack/tracker"
)

// AddFiles records the buyer's own files (screenshots of seller chats, photos, receipts) as
// exhibits of kind "file", one number each, keeping each file's extension and name. Every path
// is checked first, so a missing file or a folder adds nothing.
func AddFiles(s tracker.Store, dataDir, caseID string, paths []string, note string) ([]tracker.Exhibit, error) {
	if len(paths) == 0 {
		return nil, tracker.Invalid("FILE", "give at least one file to add")
	}
	groups := make([]Group, 0, len(paths))
	now := time.Now().UTC()
	for _, p := range paths {
		fi, err := os.Stat(p)
		switch {
		case err != nil && os.IsNotExist(err):
			return nil, tracker.Invalid("FILE", "%s does not exist: nothing was added", p)
		case err != nil:
			return nil, tracker.Invalid("FILE", "cannot read %s (%v): nothing was added", p, err)
		case fi.IsDir():
			return nil, tracker.Invalid("FILE", "%s is a folder: give the files inside it; nothing was added", p)
		case !fi.Mode().IsRegular():
			return nil, tracker.Invalid("FILE", "%s is not a regular file: nothing was added", p)
		}
		ext := exhibitExt(p)
		mt, err := sniff(p, ext)
		if err != nil {
			return nil, tracker.Invalid("FILE", "cannot read %s (%v): nothing was added", p, err)
		}
		groups = append(groups, Group{Files: []File{{Src: p, Ext: ext, Exhibit: tracker.Exhibit{
			Kind: KindFile, MediaType: mt, CapturedAt: now, Zone: ZoneName(nil), Note: note,
			Source: filepath.Base(p),
		}}}})
	}
	return Add(s, dataDir, caseID, groups...)
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

// sniff names the media type of a file by its extension, else by its first bytes.
func sniff(p, ext string) (string, error) {
	if mt, ok := mediaTypes[strings.ToLower(ext)]; ok {
		return mt, nil
	}
	f, err := os.Open(p)
	if err != nil {
		return "", err
	}
	defer f.Close()
	head := make([]byte, 512)
	n, err := io.ReadFull(f, head)
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
		return "", fmt.Errorf("reading: %w", err)
	}
	return http.DetectContentType(head[:n]), nil
}

// exhibitExt is the extension a buyer's file keeps in the case folder: letters and digits only,
// so the exhibit's name is one every system accepts (a backup made on Linux restores on
// Windows, which refuses `<>:"|?*` and trailing dots); anything else is dropped, the media type
// being sniffed from the content anyway.
func exhibitExt(p string) string {
	ext := strings.TrimPrefix(filepath.Ext(p), ".")
	if len(ext) > 16 {
		return ""
	}
	for _, r := range ext {
		if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return ""
		}
	}
	return ext
}
