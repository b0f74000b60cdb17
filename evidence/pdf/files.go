package pdf

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"image/jpeg"
	"io"
	"os"
	"path/filepath"
	"strings"

	"proofpack/evidence"
)

// File is a loose file that goes with the PDF.
type File struct {
	Name string
	Data []byte
}

// Pictures are the exhibit pictures as files of their own, for marketplaces that take only
// images: each original unchanged when it is a PNG or JPEG under the profile's size limit (so
// its SHA-256 still matches the index), else re-encoded as a JPEG that fits.
func Pictures(p evidence.Packet, root string, prof Profile) ([]File, []string, error) {
	var out []File
	var notes []string
	for _, e := range p.Exhibits {
		n := 0
		for _, f := range e.Files {
			if f.Show != evidence.ShowImage || !evidence.Readable(f.Problem) {
				continue
			}
			n++
			name := fmt.Sprintf("exhibit-%02d", e.No)
			if n > 1 {
				name += fmt.Sprintf("-%d", n)
			}
			data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(f.Path)))
			if err != nil {
				return nil, nil, err
			}
			if _, _, err := image.DecodeConfig(bytes.NewReader(data)); err != nil {
				notes = append(notes, fmt.Sprintf("Exhibit %d: %s is not written as a picture: it is not a readable image (%v).", e.No, f.Name, err))
				continue
			}
			mt, _, _ := strings.Cut(f.MediaType, ";")
			if (mt == "image/png" || mt == "image/jpeg") && (prof.MaxBytes == 0 || int64(len(data)) <= prof.MaxBytes) {
				out = append(out, File{name + map[string]string{"image/png": ".png", "image/jpeg": ".jpg"}[mt], data})
				continue
			}
			jpg, err := shrink(data, prof.MaxBytes)
			if err != nil {
				notes = append(notes, fmt.Sprintf("Exhibit %d: %s is not written as a picture: %v.", e.No, f.Name, err))
				continue
			}
			out = append(out, File{name + "-reduced.jpg", jpg})
			notes = append(notes, fmt.Sprintf("Exhibit %d: %s was re-encoded to fit %s; its hash differs from the index, the original is in the case folder.", e.No, f.Name, humanBytes(prof.MaxBytes)))
		}
	}
	return out, notes, nil
}

// shrink re-encodes an image as a JPEG under limit bytes, lowering quality, then halving size.
func shrink(data []byte, limit int64) ([]byte, error) {
	src, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("not a readable image (%v)", err)
	}
	b := src.Bounds()
	for width := b.Dx(); width >= 200; width /= 2 {
		img, err := loadImage(src, width)
		if err != nil {
			return nil, err
		}
		for _, q := range []int{85, 70, 55} {
			var buf bytes.Buffer
			if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: q}); err != nil {
				return nil, err
			}
			if limit == 0 || int64(buf.Len()) <= limit {
				return buf.Bytes(), nil
			}
		}
	}
	return nil, fmt.Errorf("it does not fit %s even at low quality", humanBytes(limit))
}

// WriteArchive writes the archive zip: the packet PDF, every exhibit file as it is in the case
// folder, the packet as JSON, and SHA256SUMS, so `sha256sum -c SHA256SUMS` run inside the
// unpacked exhibits folder checks them all.
func WriteArchive(w io.Writer, p evidence.Packet, pdfName string, pdf []byte, root string) error {
	z := zip.NewWriter(w)
	put := func(name string, data []byte) error {
		fw, err := z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: p.GeneratedAt.UTC()})
		if err != nil {
			return err
		}
		_, err = fw.Write(data)
		return err
	}
	if err := put(pdfName, pdf); err != nil {
		return err
	}
	js, err := json.MarshalIndent(p, "", "  ")
	if err != nil {
		return err
	}
	if err := put("packet.json", js); err != nil {
		return err
	}
	for _, e := range p.Exhibits {
		for _, f := range e.Files {
			if !evidence.Readable(f.Problem) {
				continue // named in packet.json and on the cover
			}
			data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(f.Path)))
			if err != nil {
				return fmt.Errorf("archiving %s: %w", f.Path, err)
			}
			if err := put("exhibits/"+f.Name, data); err != nil {
				return err
			}
		}
	}
	if err := put("exhibits/SHA256SUMS", []byte(strings.Join(p.Sums(), "\n")+"\n")); err != nil {
		return err
	}
	return z.Close()
}
