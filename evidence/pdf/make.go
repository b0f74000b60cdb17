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
		return evidence.PacketMade{}, &tracker.Error{Kind: tracker.KindCorrupt, Msg: "these exhibit files do not match the SHA-256 recorded when they were saved:\n" +
			ProblemLines(problems) + "\nrestore them, or pass --force to make the packet anyway (its cover will name them)"}
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

// exhibitProblems are the exhibit files that are missing or changed; a stale manifest or a
// stray file does not stop a packet, whose index lists the records' own hashes.
func exhibitProblems(st tracker.Store, dir, caseID string) ([]evidence.Problem, error) {
	rep, err := evidence.Verify(st, dir, caseID)
	if err != nil {
		return nil, err
	}
	var out []evidence.Problem
	for _, p := range rep.Problems {
		if p.Exhibit != "" && (p.Problem == evidence.Missing || p.Problem == evidence.Changed) {
			out = append(out, p)
		}
	}
	return out, nil
}

// ProblemLines lists files that failed their hash check, one indented line each, for messages.
func ProblemLines(ps []evidence.Problem) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString("  " + p.String() + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

// writePacket writes the PDF and the profile's loose files, each atomically, and returns
// their paths, the PDF first.
func writePacket(out string, prof Profile, res *Output, dir string) ([]string, error) {
	if err := os.MkdirAll(filepath.Dir(out), 0o700); err != nil {
		return nil, fmt.Errorf("cannot make the folder for %s: %w", out, err)
	}
	if err := evidence.WriteFileAtomic(out, res.PDF); err != nil {
		return nil, err
	}
	written := []string{out}
	base := strings.TrimSuffix(out, filepath.Ext(out))
	if prof.Images {
		files, notes, err := Pictures(res.Packet, dir, prof)
		if err != nil {
			return written, err
		}
		res.Notes = append(res.Notes, notes...)
		folder := base + "-pictures"
		if err := os.MkdirAll(folder, 0o700); err != nil {
			return written, err
		}
		for _, f := range files {
			p := filepath.Join(folder, f.Name)
			if err := evidence.WriteFileAtomic(p, f.Data); err != nil {
				return written, err
			}
			written = append(written, p)
		}
	}
	if prof.Archive {
		var buf bytes.Buffer
		if err := WriteArchive(&buf, res.Packet, filepath.Base(out), res.PDF, dir); err != nil {
			return written, err
		}
		if err := evidence.WriteFileAtomic(base+".zip", buf.Bytes()); err != nil {
			return written, err
		}
		written = append(written, base+".zip")
	}
	return written, nil
}

func nonNilStrings(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
