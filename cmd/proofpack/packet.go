package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"proofpack/evidence"
	"proofpack/evidence/pdf"
	"proofpack/tracker"
	"proofpack/tracker/carrier"
	"proofpack/tracker/rules"
)

// newPacketCmd builds the dispute packet of a case: it checks every exhibit file against its
// hash first, diagnoses the case, renders the PDF for the chosen profile and writes it (and the
// profile's loose files) atomically.
func newPacketCmd(e *env) *cobra.Command {
	var out, profile, now, statementFile, address string
	var force, asJSON bool
	cmd := &cobra.Command{
		Use:   "packet ID --out FILE.pdf [--profile bank|paypal|marketplace|archive] [--now DATE] [--statement FILE] [--force]",
		Short: "Make the PDF for your dispute",
		Long: "packet makes one PDF with the cover, your statement, the findings, the timeline, every exhibit\n" +
			"with its hash, and an evidence index, sized for where it goes:\n" +
			"  bank         one PDF, at most 2 MB and 20 pages (card chargebacks)\n" +
			"  paypal       one PDF under 10 MB\n" +
			"  marketplace  one PDF under 5 MB, plus each picture as its own file (FILE-pictures/)\n" +
			"  archive      the PDF at full quality, plus FILE.zip with every original file and SHA256SUMS\n" +
			"When a profile cannot hold every exhibit, the least important are left out and the cover\n" +
			"says which. Exhibit files that changed or went missing stop the packet unless --force.",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			clock, err := parseNow(now)
			if err != nil {
				return err
			}
			job := evidence.PacketJob{CaseID: args[0], Out: out, Profile: profile, Address: address, Force: force, Now: clock()}
			if statementFile != "" {
				b, err := os.ReadFile(statementFile)
				if err != nil {
					return tracker.Invalid("--statement", "cannot read %s: %v", statementFile, err)
				}
				job.Statement = string(b)
			}
			st, err := e.open()
			if err != nil {
				return err
			}
			dir, err := e.dataDir()
			if err != nil {
				return err
			}
			made, err := makePacket(cmd.Context(), st, dir, job)
			if err != nil {
				return err
			}
			if len(made.Problems) > 0 {
				fmt.Fprintf(e.stderr, "proofpack: made the packet anyway (--force); the cover names these files:\n%s\n", problemLines(made.Problems))
			}
			if asJSON {
				return e.printJSON(packetJSON(out, made))
			}
			fmt.Fprintf(e.stdout, "Wrote %s: %d pages, %s, %s profile.\n", out, made.Pages, sizeText(made.Bytes), made.Profile)
			for _, w := range made.Files[1:] {
				fmt.Fprintf(e.stdout, "Wrote %s.\n", w)
			}
			for _, n := range made.Notes {
				fmt.Fprintln(e.stdout, n)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&out, "out", "", "the PDF file to write")
	cmd.Flags().StringVar(&profile, "profile", "paypal", "where the packet goes: "+strings.Join(pdf.ProfileNames, ", "))
	cmd.Flags().StringVar(&now, "now", "", "the packet's date, RFC 3339 or YYYY-MM-DD (default: now)")
	cmd.Flags().StringVar(&statementFile, "statement", "", "a text file with your own statement, instead of the one built from the findings")
	cmd.Flags().StringVar(&address, "address", "", "your full postal address, shown on the cover (by default only city and country)")
	cmd.Flags().BoolVar(&force, "force", false, "make the packet even when exhibit files changed or are missing")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print what was written as JSON")
	cmd.MarkFlagRequired("out")
	return cmd
}

// makePacket checks every exhibit file against its hash, diagnoses the case, renders the packet
// for the job's profile and writes it and the profile's loose files, each atomically. The
// command line and the window both make packets through it.
func makePacket(ctx context.Context, st tracker.Store, dir string, job evidence.PacketJob) (evidence.PacketMade, error) {
	prof, err := pdf.ProfileNamed(job.Profile)
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
		return evidence.PacketMade{}, &exitErr{code: exitError, msg: "these exhibit files do not match the SHA-256 recorded when they were saved:\n" +
			problemLines(problems) + "\nrestore them, or pass --force to make the packet anyway (its cover will name them)"}
	}
	settings, err := rules.LoadSettings(st)
	if err != nil {
		return evidence.PacketMade{}, err
	}
	report, err := rules.Analyze(st, c.ID, job.Now, settings)
	if err != nil {
		return evidence.PacketMade{}, err
	}
	p := evidence.NewPacket(c, ex, report.Flags, job.Now, evidence.PacketOptions{
		Statement: job.Statement, Address: job.Address, Problems: problems, CarrierName: carrier.Name,
	})
	res, err := pdf.Render(ctx, p, pdf.Options{Profile: prof, Root: dir, Progress: job.Progress})
	if err != nil {
		return evidence.PacketMade{}, err
	}
	written, err := writePacket(job.Out, prof, res, dir)
	if err != nil {
		return evidence.PacketMade{}, err
	}
	if msg := prof.NameProblem(job.Out); msg != "" {
		res.Notes = append(res.Notes, fmt.Sprintf("Banks may refuse the file name: %s (e.g. %s).", msg, pdf.ShortName(c.OrderNumber)))
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

func problemLines(ps []evidence.Problem) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString("  " + p.String() + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

// writePacket writes the PDF and the profile's loose files, each atomically, and returns
// their paths, the PDF first.
func writePacket(out string, prof pdf.Profile, res *pdf.Output, dir string) ([]string, error) {
	if err := writeAtomic(out, res.PDF); err != nil {
		return nil, err
	}
	written := []string{out}
	base := strings.TrimSuffix(out, filepath.Ext(out))
	if prof.Images {
		files, notes, err := pdf.Pictures(res.Packet, dir, prof)
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
			if err := writeAtomic(p, f.Data); err != nil {
				return written, err
			}
			written = append(written, p)
		}
	}
	if prof.Archive {
		var buf bytes.Buffer
		if err := pdf.WriteArchive(&buf, res.Packet, filepath.Base(out), res.PDF, dir); err != nil {
			return written, err
		}
		if err := writeAtomic(base+".zip", buf.Bytes()); err != nil {
			return written, err
		}
		written = append(written, base+".zip")
	}
	return written, nil
}

// writeAtomic writes data beside path and renames it into place, so a crash never leaves half
// a packet under the name the buyer will upload.
func writeAtomic(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(data); err != nil {
		f.Close()
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	return os.Rename(f.Name(), path)
}

func packetJSON(out string, made evidence.PacketMade) any {
	return map[string]any{
		"path": out, "profile": made.Profile, "pages": made.Pages, "bytes": made.Bytes,
		"files": made.Files, "left_out": made.LeftOut, "notes": made.Notes,
	}
}

func nonNilStrings(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func sizeText(n int) string {
	if n >= 1_000_000 {
		return fmt.Sprintf("%.1f MB", float64(n)/1_000_000)
	}
	return fmt.Sprintf("%d KB", (n+999)/1000)
}
