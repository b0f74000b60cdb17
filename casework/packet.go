package casework

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"proofpack/evidence"
	"proofpack/tracker"
	"proofpack/tracker/carrier"
)

// FieldExhibits names the exhibit files in the error MakePacket returns when some of them
// changed or went missing (kind KindCorrupt): each front end says how to go on anyway.
const FieldExhibits = "exhibits"

// FieldOtherNumber names the refusal of a packet whose evidence names another tracking number
// than the case's, until the buyer confirms it is theirs: each front end says how.
const FieldOtherNumber = "other_number"

// ExhibitsChanged is MakePacket's refusal when exhibit files no longer match their hashes.
type ExhibitsChanged struct{ Problems []evidence.Problem }

func (e *ExhibitsChanged) Error() string {
	return "the case folder does not match the records saved with its exhibits:\n" + ProblemLines(e.Problems)
}

// MakePacket checks every exhibit file against its hash, diagnoses the case, has the renderer
// draw the packet for the job's profile and writes it and the profile's loose files, each
// atomically. Changed or missing exhibit files stop it (a *tracker.Error of kind KindCorrupt and
// field FieldExhibits wrapping *ExhibitsChanged) unless job.Force, and so does evidence that
// names another tracking number the buyer has not confirmed (field FieldOtherNumber).
func (s *Service) MakePacket(ctx context.Context, job evidence.PacketJob) (evidence.PacketMade, error) {
	if s.Packets == nil {
		return evidence.PacketMade{}, &tracker.Error{Kind: tracker.KindInternal, Msg: "no packet renderer is set up"}
	}
	if names := s.Packets.Profiles(); !slices.Contains(names, job.Profile) {
		return evidence.PacketMade{}, tracker.Invalid("profile", "no profile %.40q: use one of %s", job.Profile, strings.Join(names, ", "))
	}
	if strings.TrimSpace(job.Out) == "" {
		return evidence.PacketMade{}, tracker.Invalid("out", "give the PDF file to write")
	}
	if err := s.checkOutputs(job.Out, s.Packets.Loose(job.Profile)); err != nil {
		return evidence.PacketMade{}, err
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
	// A page about another parcel must not put that parcel's story into the buyer's claim.
	for _, f := range report.Flags {
		if f.Code == tracker.FlagExhibitOtherNumber && !job.Force {
			return evidence.PacketMade{}, &tracker.Error{Kind: tracker.KindInvalid, Field: FieldOtherNumber, Msg: f.Message}
		}
	}
	var buyer tracker.Buyer
	if _, err := s.Store.Setting(tracker.BuyerKey, &buyer); err != nil {
		return evidence.PacketMade{}, err
	}
	log, err := s.Store.ExhibitLog(c.ID)
	if err != nil {
		return evidence.PacketMade{}, err
	}
	p := evidence.NewPacket(c, ex, report.Flags, job.Now, evidence.PacketOptions{
		Statement: job.Statement, Address: job.Address, Problems: problems, CarrierName: carrier.Name, Buyer: buyer, History: log,
	})
	r, err := s.Packets.Render(ctx, p, job.Profile, s.Dir, job.Out, job.Progress)
	if err != nil {
		return evidence.PacketMade{}, err
	}
	written, err := s.writePacket(job.Out, r)
	if err != nil {
		return evidence.PacketMade{}, err
	}
	made := evidence.PacketMade{Profile: r.Profile, Files: written, Pages: r.Pages, Bytes: len(r.PDF),
		LeftOut: nonNil(r.LeftOut), Notes: nonNil(r.Notes), Problems: problems}
	if err := s.RecordPacket(c.ID, written[0]); err != nil {
		return made, fmt.Errorf("the packet is written, but not noted for export: %w", err)
	}
	return made, nil
}

// exhibitProblems is everything verify finds in the case's folder: files missing, changed,
// replaced by links or by what is not a file, files no record names, a stale manifest. Any of
// them stops a packet unless forced, and the cover then names them.
func (s *Service) exhibitProblems(caseID string) ([]evidence.Problem, error) {
	rep, err := evidence.Verify(s.Store, s.Dir, caseID)
	if err != nil {
		return nil, err
	}
	return rep.Problems, nil
}

// checkOutputs refuses, before any work, outputs in the data folder or over what is not a
// regular file (see evidence.CheckOutput).
func (s *Service) checkOutputs(out string, loose []string) error {
	if err := evidence.CheckOutput(s.Dir, out); err != nil {
		return err
	}
	base := strings.TrimSuffix(out, filepath.Ext(out))
	for _, suffix := range loose {
		folder, isFolder := strings.CutSuffix(base+suffix, "/")
		if !isFolder {
			if err := evidence.CheckOutput(s.Dir, base+suffix); err != nil {
				return err
			}
			continue
		}
		if err := evidence.CheckOutput(s.Dir, folder+"/x"); err != nil {
			return err
		}
		if fi, err := os.Lstat(folder); err == nil && !fi.IsDir() {
			return tracker.Invalid("out", "%s is in the way of the pictures folder: it is not a folder", folder)
		}
	}
	return nil
}

// ProblemLines lists files that failed their hash check, one indented line each, for messages.
func ProblemLines(ps []evidence.Problem) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString("  " + p.String() + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

// writePacket writes the PDF and the loose files, each atomically and never into the data
// folder's evidence, and returns their paths, the PDF first.
func (s *Service) writePacket(out string, r evidence.Rendered) ([]string, error) {
	if err := evidence.WriteOutput(s.Dir, out, r.PDF); err != nil {
		return nil, err
	}
	written := []string{out}
	base := strings.TrimSuffix(out, filepath.Ext(out))
	for _, f := range r.Loose {
		p := base + f.Suffix
		if dir := filepath.Dir(p); dir != filepath.Dir(out) {
			if err := evidence.MkdirOutput(s.Dir, dir); err != nil {
				return written, err
			}
		}
		if err := evidence.WriteOutput(s.Dir, p, f.Data); err != nil {
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
