package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"proofpack/evidence"
	"proofpack/evidence/pdf"
	"proofpack/tracker"
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
			prof, err := pdf.ProfileNamed(profile)
			if err != nil {
				return tracker.Invalid("--profile", "%v", err)
			}
			clock, err := parseNow(now)
			if err != nil {
				return err
			}
			var statement string
			if statementFile != "" {
				b, err := os.ReadFile(statementFile)
				if err != nil {
					return tracker.Invalid("--statement", "cannot read %s: %v", statementFile, err)
				}
				statement = string(b)
			}
			st, err := e.open()
			if err != nil {
				return err
			}
			dir, err := e.dataDir()
			if err != nil {
				return err
			}
			c, err := st.Case(args[0])
			if err != nil {
				return err
			}
			ex, err := st.Exhibits(c.ID)
			if err != nil {
				return err
			}
			problems, err := exhibitProblems(st, dir, c.ID)
			if err != nil {
				return err
			}
			if len(problems) > 0 && !force {
				return &exitErr{code: exitError, msg: "these exhibit files do not match the SHA-256 recorded when they were saved:\n" +
					problemLines(problems) + "\nrestore them, or pass --force to make the packet anyway (its cover will name them)"}
			}
			if len(problems) > 0 {
				fmt.Fprintf(e.stderr, "proofpack: making the packet anyway (--force); the cover names these files:\n%s\n", problemLines(problems))
			}
			settings, err := rules.LoadSettings(st)
			if err != nil {
				return err
			}
			report, err := rules.Analyze(st, c.ID, clock(), settings)
			if err != nil {
				return err
			}
			p := evidence.NewPacket(c, ex, report.Flags, clock(), evidence.PacketOptions{
				Statement: statement, Address: address, Problems: problems,
			})
			res, err := pdf.Render(cmd.Context(), p, pdf.Options{Profile: prof, Root: dir})
			if err != nil {
				return err
			}
			written, err := writePacket(out, prof, res, dir)
			if err != nil {
				return err
			}
			if msg := prof.NameProblem(out); msg != "" {
				fmt.Fprintf(e.stderr, "proofpack: written as asked, but banks may refuse the name: %s (e.g. %s)\n", msg, pdf.ShortName(c.OrderNumber))
			}
			if asJSON {
				return e.printJSON(packetJSON(out, prof, res, written))
			}
			fmt.Fprintf(e.stdout, "Wrote %s: %d pages, %s, %s profile.\n", out, res.Pages, sizeText(len(res.PDF)), prof.Name)
			for _, w := range written[1:] {
				fmt.Fprintf(e.stdout, "Wrote %s.\n", w)
			}
			for _, n := range res.Notes {
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

func packetJSON(out string, prof pdf.Profile, res *pdf.Output, written []string) any {
	var left []int
	for _, e := range res.Packet.Exhibits {
		if e.Omitted != "" {
			left = append(left, e.No)
		}
	}
	return map[string]any{
		"path": out, "profile": prof.Name, "pages": res.Pages, "bytes": len(res.PDF),
		"files": written, "left_out": nonNilInts(left), "notes": nonNilStrings(res.Notes),
	}
}

func nonNilInts(s []int) []int {
	if s == nil {
		return []int{}
	}
	return s
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
