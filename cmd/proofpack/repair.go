package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"proofpack/casework"
	"proofpack/tracker/boltstore"
)

// newRepairCmd rebuilds a lost, emptied or damaged store from the case folders' case.json and
// manifest.json.
func newRepairCmd(e *env) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "repair [--json]",
		Short: "Rebuild a lost store from the case folders' case.json and manifests",
		Long: "repair takes back every case folder whose case is not in the store, with its ID, its tracking\n" +
			"events (case.json) and its exhibit records (manifest.json); new cases get IDs after the highest.\n" +
			"A damaged proofpack.db is moved aside (proofpack.db.damaged-...) first. Cases already in the\n" +
			"store stay as they are. Run 'proofpack verify' afterwards.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			dir, err := e.dataDir()
			if err != nil {
				return err
			}
			b, moved, err := boltstore.OpenForRepair(dir)
			if err != nil {
				return err
			}
			id, err := b.FolderID()
			if err != nil {
				b.Close()
				return err
			}
			svc := casework.Service{Store: b, Dir: dir}
			rep, err := svc.Repair(b, id)
			if err == nil {
				err = e.adopt(b, dir)
			}
			if err != nil {
				b.Close()
				return err
			}
			if asJSON {
				return e.printJSON(map[string]any{"moved_aside": moved, "repaired": rep})
			}
			if moved != "" {
				fmt.Fprintf(e.stdout, "Moved the damaged store aside to %s.\n", moved)
			}
			fmt.Fprintf(e.stdout, "Restored %d cases (%s), %d exhibits, %d tracking events; the next new case is %s.\n",
				len(rep.Cases), strings.Join(rep.Cases, ", "), rep.Exhibits, rep.Events, rep.NextID)
			for _, s := range rep.Skipped {
				fmt.Fprintln(e.stdout, "Not restored:", s)
			}
			for _, n := range rep.Notes {
				fmt.Fprintln(e.stdout, "Note:", n)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print what was restored as JSON")
	return cmd
}
