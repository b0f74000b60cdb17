package main

import (
	"fmt"

	"github.com/spf13/cobra"
)

// newVerifyCmd re-hashes the exhibit files of one case or all, naming every changed, missing,
// linked, stray or hidden file (and, for all cases, orphan case folders); any problem makes the
// exit status non-zero.
func newVerifyCmd(e *env) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "verify [ID] [--json]",
		Short: "Check every exhibit file against its recorded SHA-256",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			svc, err := e.service()
			if err != nil {
				return err
			}
			v, err := svc.Verify(args...)
			if err != nil {
				return err
			}
			reports, folder := v.Cases, v.Folder
			bad := v.Bad()
			if asJSON {
				if err := e.printJSON(map[string]any{"ok": bad == 0, "cases": reports, "folder": folder}); err != nil {
					return err
				}
			} else {
				for _, r := range reports {
					fmt.Fprintln(e.stdout, r.Summary())
				}
				if len(folder) > 0 {
					fmt.Fprintf(e.stdout, "the cases folder holds %d things that are not a case's:\n", len(folder))
					for _, p := range folder {
						fmt.Fprintln(e.stdout, "  "+p.String())
					}
				}
			}
			if bad > 0 {
				return &exitErr{code: exitError, msg: fmt.Sprintf("%d files do not match their records", bad)}
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the reports as JSON")
	return cmd
}
