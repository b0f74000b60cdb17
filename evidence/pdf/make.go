package pdf

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"

	"proofpack/evidence"
	"proofpack/tracker"
)

// Renderer draws packets for the application layer (casework.PacketRenderer), which checks the
// exhibits, diagnoses the case and writes the files.
type Renderer struct{}

// Profiles are the profile names, the default of the window first.
func (Renderer) Profiles() []string { return ProfileNames }

// Loose names the profile's extra outputs: the pictures folder, the zip of originals.
func (Renderer) Loose(profile string) []string {
	prof, err := ProfileNamed(profile)
	var out []string
	if err == nil && prof.Images {
		out = append(out, "-pictures/")
	}
	if err == nil && prof.Archive {
		out = append(out, ".zip")
	}
	return out
}

// Render draws p for the named profile: the PDF and the profile's loose files (each picture on
// its own for marketplace, the zip of originals for archive). out is the PDF's path, whose name
// a bank may refuse.
func (Renderer) Render(ctx context.Context, p evidence.Packet, profile, dataDir, out string, progress func(done, total int)) (evidence.Rendered, error) {
	prof, err := ProfileNamed(profile)
	if err != nil {
		return evidence.Rendered{}, tracker.Invalid("profile", "%v", err)
	}
	res, err := Render(ctx, p, Options{Profile: prof, Root: dataDir, Progress: progress})
	if err != nil {
		return evidence.Rendered{}, err
	}
	r := evidence.Rendered{Profile: prof.Name, PDF: res.PDF, Pages: res.Pages, LeftOut: []int{}}
	if prof.Images {
		files, notes, err := Pictures(res.Packet, dataDir, prof)
		if err != nil {
			return evidence.Rendered{}, err
		}
		res.Notes = append(res.Notes, notes...)
		for _, f := range files {
			r.Loose = append(r.Loose, evidence.LooseFile{Suffix: "-pictures/" + f.Name, Data: f.Data})
		}
	}
	if prof.Archive {
		var buf bytes.Buffer
		if err := WriteArchive(&buf, res.Packet, filepath.Base(out), res.PDF, dataDir); err != nil {
			return evidence.Rendered{}, err
		}
		r.Loose = append(r.Loose, evidence.LooseFile{Suffix: ".zip", Data: buf.Bytes()})
	}
	if msg := prof.NameProblem(out); msg != "" {
		res.Notes = append(res.Notes, fmt.Sprintf("Banks may refuse the file name: %s (e.g. %s).", msg, ShortName(p.Cover.OrderNumber)))
	}
	r.Notes = res.Notes
	for _, e := range res.Packet.Exhibits {
		if e.Omitted != "" {
			r.LeftOut = append(r.LeftOut, e.No)
		}
	}
	return r, nil
}
