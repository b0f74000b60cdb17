package casework

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"proofpack/evidence"
	"proofpack/tracker"
	"proofpack/tracker/carrier"
)

// FieldExhibits names the exhibit files in the error MakePacket returns when some of them
// changed or went missing (kind KindCorrupt): each front end says how to go on anyway.
const FieldExhibits = "exhibits"

// ExhibitsChanged is MakePacket's refusal when exhibit files no longer match their hashes.
type ExhibitsChanged struct{ Problems []evidence.Problem }

func (e *ExhibitsChanged) Error() string {
	return "these exhibit files do not match the SHA-256 recorded when they were saved:\n" + ProblemLines(e.Problems)
}

// MakePacket checks every exhibit file against its hash, diagnoses the case, has the renderer
// draw the packet for the job's profile and writes it and the profile's loose files, each
// atomically. Changed or missing exhibit files stop it (a *tracker.Error of kind KindCorrupt and
// field FieldExhibits wrapping *ExhibitsChanged) unless job.Force.
func (s *Service) MakePacket(ctx context.Context, job evidence.PacketJob) (evidence.PacketMade, error) {
	if s.Packets == nil {
		return evidence.PacketMade{}, &tracker.Error{Kind: tracker.KindInternal, Msg: "no packet renderer is set up"}
	}
	if names := s.Packets.Profiles(); !slices.Contains(names, job.Profile) {
		return evidence.PacketMade{}, tracker.Invalid("profile", "no profile %q: use one of %s", job.Profile, strings.Join(names, ", "))
	}
	if strings.TrimSpace(job.Out) == "" {
		return evidence.PacketMade{}, tracker.Invalid("out", "give the PDF file to write")
	}
	c, err := s.Store.Case(job.CaseID)
	if err != nil {
		return evidence.PacketMade{}, err
	}
	ex, err := s.Store.Exhibits(c.ID)
	if err != nil {
		return evidence.PacketMade{}, err
	}
	problems, err := s.exhibitProblems(c.ID)
	if err != nil {
		return evidence.PacketMade{}, err
	}
	if len(problems) > 0 && !job.Force {
		changed := &ExhibitsChanged{Problems: problems}
		return evidence.PacketMade{}, &tracker.Error{Kind: tracker.KindCorrupt, Field: FieldExhibits, Msg: changed.Error(), Err: changed}
	}
	report, err := s.AnalyzeAt(c.ID, job.Now)
	if err != nil {
		return evidence.PacketMade{}, err
	}
	p := evidence.NewPacket(c, ex, report.Flags, job.Now, evidence.PacketOptions{
		Statement: job.Statement, Address: job.Address, Problems: problems, CarrierName: carrier.Name,
	})
	r, err := s.Packets.Render(ctx, p, job.Profile, s.Dir, job.Out, job.Progress)
	if err != nil {
		return evidence.PacketMade{}, err
	}
	written, err := writePacket(job.Out, r)
	if err != nil {
		return evidence.PacketMade{}, err
	}
	made := evidence.PacketMade{Profile: r.Profile, Files: written, Pages: r.Pages, Bytes: len(r.PDF),
		LeftOut: nonNil(r.LeftOut), Notes: nonNil(r.Notes), Problems: problems}
	rec := tracker.PacketRecord{Made: s.Now().UTC().Truncate(time.Second), File: job.Out, Profile: r.Profile}
	if _, err := s.Store.UpdateCase(c.ID, func(c *tracker.Case) error { c.LastPacket = rec; return nil }); err != nil {
		return made, fmt.Errorf("the packet is written, but the case could not note it: %w", err)
	}
	return made, nil
}

// exhibitProblems are the exhibit files that are missing or changed; a stale manifest or a
// stray file does not stop a packet, whose index lists the records' own hashes.
func (s *Service) exhibitProblems(caseID string) ([]evidence.Problem, error) {
	rep, err := evidence.Verify(s.Store, s.Dir, caseID)
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

// writePacket writes the PDF and the loose files, each atomically, and returns their paths,
// the PDF first.
func writePacket(out string, r evidence.Rendered) ([]string, error) {
	if err := os.MkdirAll(filepath.Dir(out), 0o700); err != nil {
		return nil, fmt.Errorf("cannot make the folder for %s: %w", out, err)
	}
	if err := evidence.WriteFileAtomic(out, r.PDF); err != nil {
		return nil, err
	}
	written := []string{out}
	base := strings.TrimSuffix(out, filepath.Ext(out))
	for _, f := range r.Loose {
		p := base + f.Suffix
		if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
			return written, err
		}
		if err := evidence.WriteFileAtomic(p, f.Data); err != nil {
			return written, err
		}
		written = append(written, p)
	}
	return written, nil
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
