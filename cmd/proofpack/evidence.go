package main

import (
	"github.com/spf13/cobra"
)

// newEvidenceCmd groups the commands on the buyer's own evidence.
func newEvidenceCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "evidence",
		Short: "The buyer's own evidence: screenshots of seller chats, photos, receipts",
	}
	cmd.AddCommand(newEvidenceAddCmd(e))
	return cmd
}

// newEvidenceAddCmd records the buyer's files as hashed exhibits of a case.
func newEvidenceAddCmd(e *env) *cobra.Command {
	var note string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "add ID FILE... [--note TEXT]",
		Short: "Add your own files to a case as exhibits, each with its SHA-256",
		Args:  cobra.MinimumNArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			svc, err := e.service()
			if err != nil {
				return err
			}
			added, err := svc.AddFiles(args[0], args[1:], note)
			if err != nil {
				return err
			}
			if asJSON {
				return e.printJSON(map[string]any{"exhibits": exhibitsJSON(added)})
			}
			printExhibits(e.stdout, added)
			return nil
		},
	}
	cmd.Flags().StringVar(&note, "note", "", "what the files show, kept with each exhibit")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the exhibits as JSON")
	return cmd
}
