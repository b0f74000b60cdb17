package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"proofpack/tracker"
	"proofpack/tracker/rules"
)

// newAnalyzeCmd prints a case's diagnosis: status, flags with the next step, and events.
func newAnalyzeCmd(e *env) *cobra.Command {
	var asJSON bool
	var now string
	cmd := &cobra.Command{
		Use:   "analyze ID [--json] [--now DATE]",
		Short: "What is wrong with this parcel, and what to do next",
		Long: "analyze reads a case's tracking events and tells you plainly: not online yet, a provisional\n" +
			"number, never shipped, stuck, or delivered somewhere else, with the next step and the\n" +
			"exhibits that prove it. --now fixes today's date so a report can be reproduced.",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			clock, err := parseNow(now)
			if err != nil {
				return err
			}
			svc, err := e.service()
			if err != nil {
				return err
			}
			r, err := svc.AnalyzeAt(args[0], clock())
			if err != nil {
				return err
			}
			if asJSON {
				return e.printJSON(r)
			}
			return printReport(e.stdout, r)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, `print {"case_id", "status", "flags", "events"} as JSON`)
	cmd.Flags().StringVar(&now, "now", "", "today's date, RFC 3339 or YYYY-MM-DD (default: the real date)")
	return cmd
}

func printReport(w io.Writer, r rules.Report) error {
	fmt.Fprintf(w, "Case %s: %s\n", r.CaseID, strings.ReplaceAll(string(r.Status), "_", " "))
	if len(r.Flags) == 0 {
		fmt.Fprintln(w, "\nNothing looks wrong.")
	}
	for _, f := range r.Flags {
		fmt.Fprintf(w, "\n[%s] %s\n  %s\n  Next: %s\n", strings.ToUpper(string(f.Severity)), f.Code, tracker.CleanText(f.Message), f.Action)
		if len(f.Exhibits) > 0 {
			fmt.Fprintf(w, "  Proof: %s\n", tracker.ExhibitsText(f.Exhibits))
		}
	}
	if len(r.Events) == 0 {
		_, err := fmt.Fprintln(w, "\nNo tracking events yet: add them with proofpack events add "+r.CaseID+" --file FILE.")
		return err
	}
	fmt.Fprintln(w, "\nEvents, newest first:")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, ev := range r.Events {
		when := "(no date)"
		if !ev.Unparsed {
			when = ev.Time.Format("2006-01-02 15:04")
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", when, ev.Status, tracker.CleanLine(ev.Place), tracker.CleanLine(ev.Description))
	}
	return tw.Flush()
}
