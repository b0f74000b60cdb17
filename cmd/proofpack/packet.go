package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"proofpack/casework"
	"proofpack/evidence"
	"proofpack/evidence/pdf"
	"proofpack/tracker"
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
				b, err := evidence.ReadRegular(statementFile, maxStatement)
				if err != nil {
					return tracker.Invalid("--statement", "%v", err)
				}
				job.Statement = string(b)
			}
			svc, err := e.service()
			if err != nil {
				return err
			}
			made, err := svc.MakePacket(cmd.Context(), job)
			switch tracker.FieldOf(err) {
			case casework.FieldExhibits:
				return fmt.Errorf("%w\nrestore the files (or move the others out), or pass --force to make the packet anyway (its cover will name them)", err)
			case casework.FieldOtherNumber:
				return &exitErr{code: exitUsage, msg: err.(*tracker.Error).Msg + "\nIf the text is about your parcel, add it again with 'proofpack events add " + args[0] + " --confirm-number'; to make the packet anyway, pass --force."}
			}
			if err != nil {
				return userErr(err)
			}
			if len(made.Problems) > 0 {
				fmt.Fprintf(e.stderr, "proofpack: made the packet anyway (--force); the cover names these files:\n%s\n", casework.ProblemLines(made.Problems))
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

// maxStatement is the largest statement file read: a statement is a page or two, and the bank
// profile's 20 pages could not hold more.
const maxStatement = 256 << 10

func packetJSON(out string, made evidence.PacketMade) any {
	return map[string]any{
		"path": out, "profile": made.Profile, "pages": made.Pages, "bytes": made.Bytes,
		"files": made.Files, "left_out": made.LeftOut, "notes": made.Notes,
	}
}

func sizeText(n int) string {
	if n >= 1_000_000 {
		return fmt.Sprintf("%.1f MB", float64(n)/1_000_000)
	}
	return fmt.Sprintf("%d KB", (n+999)/1000)
}
