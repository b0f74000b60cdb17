package bundle

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/crc32"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"proofpack/tracker"
)

var lim = Limits{Files: 100, FileBytes: 1 << 20, TotalBytes: 4 << 20}

func write(t *testing.T, files map[string]string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "a.zip")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	w := NewWriter(f, time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC))
	for _, name := range []string{"exhibits/01-screenshot.png", "manifest.json", "case.json"} {
		if body, ok := files[name]; ok {
			if err := w.Add(name, strings.NewReader(body)); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := w.Close(Index{Format: "proofpack-case", Version: 1}, map[string]string{"note": "São Paulo"}); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return p
}

func TestRoundTrip(t *testing.T) {
	p := write(t, map[string]string{"exhibits/01-screenshot.png": "png bytes", "manifest.json": "{}"})
	a, err := Open(p, lim)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	var idx struct {
		Index
		Note string `json:"note"`
	}
	if err := a.Index(&idx); err != nil || idx.Format != "proofpack-case" || idx.Note != "São Paulo" || len(idx.Files) != 2 {
		t.Fatalf("index %+v %v", idx, err)
	}
	if fs, err := a.Check(); err != nil || len(fs) != 0 {
		t.Fatalf("check of a fresh archive: %v %v", fs, err)
	}
	dir := t.TempDir()
	if err := a.Extract(dir); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "exhibits", "01-screenshot.png"))
	fi, _ := os.Stat(filepath.Join(dir, "exhibits", "01-screenshot.png"))
	if string(b) != "png bytes" || fi.Mode().Perm() != 0o600 {
		t.Errorf("extracted %q mode %v", b, fi.Mode())
	}
	if err := a.Extract(dir); err == nil {
		t.Error("a second extract wrote over the files of the first")
	}
}

// rewrite copies an archive entry by entry, letting edit change names, bodies or headers.
func rewrite(t *testing.T, src string, edit func(zw *zip.Writer, f *zip.File, body []byte) bool) string {
	t.Helper()
	zr, err := zip.OpenReader(src)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, _ := f.Open()
		var body bytes.Buffer
		body.ReadFrom(rc)
		rc.Close()
		if edit(zw, f, body.Bytes()) {
			continue
		}
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate})
		w.Write(body.Bytes())
	}
	zw.Close()
	p := filepath.Join(t.TempDir(), "edited.zip")
	os.WriteFile(p, buf.Bytes(), 0o600)
	return p
}

func add(zw *zip.Writer, name, body string) {
	w, _ := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
	w.Write([]byte(body))
}

func TestCheckNamesEveryChange(t *testing.T) {
	p := write(t, map[string]string{"exhibits/01-screenshot.png": "png bytes", "manifest.json": "{}", "case.json": "{}"})
	edited := rewrite(t, p, func(zw *zip.Writer, f *zip.File, body []byte) bool {
		switch f.Name {
		case "exhibits/01-screenshot.png":
			add(zw, f.Name, "png bytez") // one byte flipped
			return true
		case "case.json":
			return true // deleted
		case IndexName:
			add(zw, "extra.txt", "hello")
		}
		return false
	})
	a, err := Open(edited, lim)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	got, err := a.Check()
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, f := range got {
		lines = append(lines, f.What+" "+f.Path)
	}
	want := "changed exhibits/01-screenshot.png|missing case.json|unexpected extra.txt"
	if strings.Join(lines, "|") != want {
		t.Errorf("findings %v, want %s", got, want)
	}
	if err := a.Extract(t.TempDir()); err == nil || !strings.Contains(err.Error(), "changed") {
		t.Errorf("extract of a changed archive: %v", err)
	}
}

// An index that lies about a size is caught by reading, not believed.
func TestIndexThatLiesAboutSizes(t *testing.T) {
	p := write(t, map[string]string{"manifest.json": "{}"})
	edited := rewrite(t, p, func(zw *zip.Writer, f *zip.File, body []byte) bool {
		if f.Name == IndexName {
			add(zw, f.Name, strings.Replace(string(body), `"size": 2`, `"size": 1`, 1))
			return true
		}
		return false
	})
	a, err := Open(edited, lim)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	got, _ := a.Check()
	if len(got) != 1 || got[0].What != "changed" || !strings.Contains(got[0].Why, "recorded 1") {
		t.Errorf("findings %v", got)
	}
}

func TestHostileArchivesAreRefused(t *testing.T) {
	base := write(t, map[string]string{"manifest.json": "{}"})
	symlink := func(zw *zip.Writer) {
		h := &zip.FileHeader{Name: "exhibits/link", Method: zip.Store}
		h.SetMode(fs.ModeSymlink | 0o777)
		w, _ := zw.CreateHeader(h)
		w.Write([]byte("/etc/shadow"))
	}
	// A header that says 10 bytes over a deflated megabyte of zeros.
	liar := func(zw *zip.Writer) {
		var raw bytes.Buffer
		fw, _ := flate.NewWriter(&raw, flate.BestCompression)
		fw.Write(make([]byte, 8<<20))
		fw.Close()
		w, _ := zw.CreateRaw(&zip.FileHeader{Name: "bomb.bin", Method: zip.Deflate, UncompressedSize64: 10,
			CompressedSize64: uint64(raw.Len()), CRC32: crc32.ChecksumIEEE(make([]byte, 10))})
		w.Write(raw.Bytes())
	}
	big := func(zw *zip.Writer) { add(zw, "big.bin", strings.Repeat("0", 2<<20)) }
	for name, extra := range map[string]func(*zip.Writer){
		"zip slip":       func(zw *zip.Writer) { add(zw, "../../etc/cron.d/x", "boom") },
		"absolute":       func(zw *zip.Writer) { add(zw, "/etc/x", "boom") },
		"backslash":      func(zw *zip.Writer) { add(zw, `..\..\x`, "boom") },
		"drive":          func(zw *zip.Writer) { add(zw, "C:/x", "boom") },
		"dot segment":    func(zw *zip.Writer) { add(zw, "a/./b", "boom") },
		"duplicate":      func(zw *zip.Writer) { add(zw, "manifest.json", "{}") },
		"case duplicate": func(zw *zip.Writer) { add(zw, "MANIFEST.json", "{}") },
		"symlink":        symlink,
		"too big":        big,
	} {
		p := rewrite(t, base, func(zw *zip.Writer, f *zip.File, body []byte) bool {
			if f.Name == IndexName {
				extra(zw)
			}
			return false
		})
		a, err := Open(p, lim)
		if err == nil {
			a.Close()
			t.Errorf("%s: opened", name)
			continue
		}
		if tracker.KindOf(err) != tracker.KindInvalid || !strings.Contains(err.Error(), "refused") {
			t.Errorf("%s: %v", name, err)
		}
	}
	p := rewrite(t, base, func(zw *zip.Writer, f *zip.File, body []byte) bool {
		if f.Name == IndexName {
			liar(zw)
		}
		return false
	})
	a, err := Open(p, lim)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	got, _ := a.Check()
	if len(got) != 1 || got[0].Path != "bomb.bin" || got[0].What != "unexpected" {
		t.Errorf("findings %v", got)
	}
	if _, _, err := a.hash(a.entries["bomb.bin"]); err == nil {
		t.Error("a bomb behind a lying header was read to the end")
	}
}

func FuzzOpen(f *testing.F) {
	var buf bytes.Buffer
	w := NewWriter(&buf, time.Time{})
	w.Add("manifest.json", strings.NewReader("{}"))
	w.Close(Index{Format: "proofpack-case", Version: 1}, nil)
	f.Add(buf.Bytes())
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		p := filepath.Join(t.TempDir(), "f.zip")
		os.WriteFile(p, raw, 0o600)
		a, err := Open(p, lim)
		if err != nil {
			return
		}
		defer a.Close()
		if _, err := a.Check(); err != nil {
			return
		}
		dir := t.TempDir()
		_ = a.Extract(dir)
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && d.Type()&fs.ModeSymlink != 0 {
				t.Fatalf("extract made a symlink %s", p)
			}
			return nil
		})
	})
}
