package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"proofpack/casework"
	"proofpack/tracker"
	"proofpack/tracker/boltstore"
)

// newBackupCmd copies the whole data folder into one file, consistently, even mid-work.
func newBackupCmd(e *env) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "backup FILE",
		Short: "Write a consistent copy of the data folder (store and exhibit files) into FILE",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			svc, err := e.service()
			if err != nil {
				return err
			}
			res, err := svc.Backup(cmd.Context(), args[0])
			if err != nil {
				return err
			}
			if asJSON {
				return e.printJSON(res)
			}
			fmt.Fprintf(e.stdout, "Backed up %d cases and %d exhibit files to %s.\nTo restore: proofpack restore %s --data NEW-FOLDER\n", res.Cases, res.Exhibits, args[0], args[0])
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print what was written as JSON")
	return cmd
}

// newRestoreCmd unpacks a backup into an empty data folder and verifies it.
func newRestoreCmd(e *env) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "restore FILE",
		Short: "Restore a backup into an empty data folder (--data), verifying every file",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir, err := e.dataDir()
			if err != nil {
				return err
			}
			res, err := casework.Restore(args[0], dir, func(d string) (tracker.Store, error) { return boltstore.OpenDir(d) })
			if err != nil {
				return err
			}
			if asJSON {
				return e.printJSON(res)
			}
			fmt.Fprintf(e.stdout, "Restored %d cases and %d exhibit files into %s; every file matches its SHA-256.\n", res.Cases, res.Exhibits, dir)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print what was restored as JSON")
	return cmd
}
