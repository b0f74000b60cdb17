package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"proofpack/casework"
	"proofpack/tracker"
)

// newExportCmd writes one case, with everything that proves it, into a zip for another computer.
func newExportCmd(e *env) *cobra.Command {
	var out string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "export ID --out FILE.zip",
		Short: "Write a case, its events, exhibits, manifest and last packet into one zip",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if out == "" {
				return tracker.Invalid("--out", "give the zip to write, e.g. --out case.zip")
			}
			svc, err := e.service()
			if err != nil {
				return err
			}
			res, err := svc.ExportCase(args[0], out)
			if err != nil {
				return err
			}
			for _, w := range res.Warnings {
				fmt.Fprintln(e.stderr, "proofpack:", w)
			}
			if asJSON {
				return e.printJSON(res)
			}
			parts := []string{fmt.Sprintf("%d exhibit files", res.Files)}
			if res.Manifest {
				parts = append(parts, "the manifest")
			}
			parts = append(parts, map[bool]string{true: "the last packet", false: "no packet yet"}[res.Packet])
			fmt.Fprintf(e.stdout, "Exported case %s to %s: %s.\nOn another computer: proofpack open %s\n", args[0], out, strings.Join(parts, ", "), out)
			return nil
		},
	}
	cmd.Flags().StringVar(&out, "out", "", "the zip file to write")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print what was written as JSON")
	return cmd
}

// newOpenCmd reviews an exported case: in the window, read-only, or with --check on the terminal.
func newOpenCmd(e *env) *cobra.Command {
	var check, asJSON bool
	var screenshot string
	cmd := &cobra.Command{
		Use:   "open FILE.zip | open --check FILE.zip",
		Short: "Review an exported case read-only in the window, or --check its every file and exit",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if !check {
				return e.openReview(args[0], screenshot)
			}
			res, err := casework.CheckArchive(args[0])
			if err != nil {
				return err
			}
			if asJSON {
				if err := e.printJSON(res); err != nil {
					return err
				}
			} else {
				c := res.Case
				fmt.Fprintf(e.stdout, "%s: case of %s order %s (%s), %d files.\n", args[0], c.Marketplace, c.OrderNumber, c.Item, res.Files)
				for _, f := range res.Findings {
					fmt.Fprintln(e.stdout, " ", f)
				}
				if res.OK() {
					fmt.Fprintln(e.stdout, "Every file matches the SHA-256 recorded when the case was exported.")
				}
			}
			if !res.OK() {
				return &exitErr{code: exitError, msg: fmt.Sprintf("%d of the files of %s do not match their records", len(res.Findings), args[0])}
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&check, "check", false, "verify every file and exit: non-zero when anything changed or is missing")
	cmd.Flags().BoolVar(&asJSON, "json", false, "with --check: print the result as JSON")
	cmd.Flags().StringVar(&screenshot, "screenshot", "", "render the review window to this PNG file and exit")
	return cmd
}
