package pdf

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"proofpack/evidence"
	"proofpack/tracker"
	"proofpack/tracker/carrier"
	"proofpack/tracker/rules"
)

// Make checks every exhibit file against its hash, diagnoses the case, renders the packet
// for the job's profile and writes it and the profile's loose files, each atomically. The
// command line and the window both make packets through it.
func Make(ctx context.Context, st tracker.Store, dir string, job evidence.PacketJob) (evidence.PacketMade, error) {
	prof, err := ProfileNamed(job.Profile)
	if err != nil {
		return evidence.PacketMade{}, tracker.Invalid("--profile", "%v", err)
	}
	if strings.TrimSpace(job.Out) == "" {
		return evidence.PacketMade{}, tracker.Invalid("--out", "give the PDF file to write")
	}
	if err := checkOutputs(dir, job.Out, prof); err != nil {
		return evidence.PacketMade{}, err
	}
	c, err := st.Case(job.CaseID)
	if err != nil {
		return evidence.PacketMade{}, err
	}
	ex, err := st.Exhibits(c.ID)
	if err != nil {
		return evidence.PacketMade{}, err
	}
	problems, err := exhibitProblems(st, dir, c.ID)
	if err != nil {
		return evidence.PacketMade{}, err
	}
	if len(problems) > 0 && !job.Force {
		return evidence.PacketMade{}, &tracker.Error{Kind: tracker.KindCorrupt, Msg: "the case folder does not match the records saved with its exhibits:\n" +
			ProblemLines(problems) + "\nrestore the files (or move the others out), or pass --force to make the packet anyway (its cover will name them)"}
	}
	settings, err := rules.LoadSettings(st)
	if err != nil {
		return evidence.PacketMade{}, err
	}
	report, err := rules.Analyze(st, c.ID, job.Now, settings)
	if err != nil {
		return evidence.PacketMade{}, err
	}
	var buyer tracker.Buyer
	if _, err := st.Setting(tracker.BuyerKey, &buyer); err != nil {
		return evidence.PacketMade{}, err
	}
	p := evidence.NewPacket(c, ex, report.Flags, job.Now, evidence.PacketOptions{
		Statement: job.Statement, Address: job.Address, Problems: problems, CarrierName: carrier.Name, Buyer: buyer,
	})
	res, err := Render(ctx, p, Options{Profile: prof, Root: dir, Progress: job.Progress})
	if err != nil {
		return evidence.PacketMade{}, err
	}
	written, err := writePacket(job.Out, prof, res, dir)
	if err != nil {
		return evidence.PacketMade{}, err
	}
	if msg := prof.NameProblem(job.Out); msg != "" {
		res.Notes = append(res.Notes, fmt.Sprintf("Banks may refuse the file name: %s (e.g. %s).", msg, ShortName(c.OrderNumber)))
	}
	made := evidence.PacketMade{Profile: prof.Name, Files: written, Pages: res.Pages, Bytes: len(res.PDF),
		LeftOut: []int{}, Notes: nonNilStrings(res.Notes), Problems: problems}
	for _, e := range res.Packet.Exhibits {
		if e.Omitted != "" {
			made.LeftOut = append(made.LeftOut, e.No)
		}
	}
	return made, nil
}

// exhibitProblems is everything verify finds in the case's folder: files missing, changed,
// replaced by links or by what is not a file, files no record names, a stale manifest. Any of
// them stops a packet unless forced, and the cover then names them.
func exhibitProblems(st tracker.Store, dir, caseID string) ([]evidence.Problem, error) {
	rep, err := evidence.Verify(st, dir, caseID)
	if err != nil {
		return nil, err
	}
	return rep.Problems, nil
}

// ProblemLines lists files that failed their hash check, one indented line each, for messages.
func ProblemLines(ps []evidence.Problem) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString("  " + p.String() + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

// outputs are the paths a packet for out writes with the profile: the PDF, and the pictures
// folder or the zip.
func outputs(out string, prof Profile) (pdf, pictures, zip string) {
	base := strings.TrimSuffix(out, filepath.Ext(out))
	if prof.Images {
		pictures = base + "-pictures"
	}
	if prof.Archive {
		zip = base + ".zip"
	}
	return out, pictures, zip
}

// checkOutputs refuses, before any work, outputs in the data folder or over what is not a
// regular file (see evidence.CheckOutput).
func checkOutputs(dir, out string, prof Profile) error {
	pdfPath, pictures, zip := outputs(out, prof)
	for _, p := range []string{pdfPath, zip} {
		if p != "" {
			if err := evidence.CheckOutput(dir, p); err != nil {
				return err
			}
		}
	}
	if pictures != "" {
		if err := evidence.CheckOutput(dir, pictures+"/x"); err != nil {
			return err
		}
		if fi, err := os.Lstat(pictures); err == nil && !fi.IsDir() {
			return tracker.Invalid("--out", "%s is in the way of the pictures folder: it is not a folder", pictures)
		}
	}
	return nil
}

// writePacket writes the PDF and the profile's loose files, each atomically, and returns
// their paths, the PDF first.
func writePacket(out string, prof Profile, res *Output, dir string) ([]string, error) {
	pdfPath, pictures, zip := outputs(out, prof)
	if err := evidence.WriteOutput(dir, pdfPath, res.PDF); err != nil {
		return nil, err
	}
	written := []string{out}
	if pictures != "" {
		files, notes, err := Pictures(res.Packet, dir, prof)
		if err != nil {
			return written, err
		}
		res.Notes = append(res.Notes, notes...)
		if err := evidence.MkdirOutput(dir, pictures); err != nil {
			return written, err
		}
		for _, f := range files {
			p := filepath.Join(pictures, f.Name)
			if err := evidence.WriteOutput(dir, p, f.Data); err != nil {
				return written, err
			}
			written = append(written, p)
		}
	}
	if zip != "" {
		var buf bytes.Buffer
		if err := WriteArchive(&buf, res.Packet, filepath.Base(out), res.PDF, dir); err != nil {
			return written, err
		}
		if err := evidence.WriteOutput(dir, zip, buf.Bytes()); err != nil {
			return written, err
		}
		written = append(written, zip)
	}
	return written, nil
}

func nonNilStrings(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
