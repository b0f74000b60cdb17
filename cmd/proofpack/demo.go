package main

import (
	"fmt"

	"github.com/spf13/cobra"
)

func newDemoCmd(e *env) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Fill the data folder with sample cases to explore",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			svc, err := e.service()
			if err != nil {
				return err
			}
			added, err := svc.LoadSamples()
			if err != nil {
				return err
			}
			if asJSON {
				return e.printJSON(added)
			}
			if len(added) == 0 {
				fmt.Fprintln(e.stdout, "The sample cases are already there: see 'proofpack case list'.")
				return nil
			}
			fmt.Fprintf(e.stdout, "Added %d sample cases: see 'proofpack case list', or open the window with 'proofpack'.\n", len(added))
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the added cases as JSON")
	return cmd
}
