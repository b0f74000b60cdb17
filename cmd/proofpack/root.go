package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"proofpack/tracker"
	"proofpack/ui"
)

// Exit codes: scripts tell "you typed it wrong" from "it went wrong".
const (
	exitOK    = 0
	exitError = 1 // the work failed, or found what it checks for (verify: a changed file)
	exitUsage = 2 // unknown command or flag, bad input
)

// run executes one command line and returns the exit code; main and the tests share it.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	defer e.close()
	root := newRoot(e)
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	var ex *exitErr
	if errors.As(err, &ex) {
		if ex.msg != "" {
			fmt.Fprintln(stderr, "proofpack:", ex.msg)
		}
		return ex.code
	}
	fmt.Fprintln(stderr, "proofpack:", err)
	if tracker.KindOf(err) == tracker.KindInvalid || isUsage(err) {
		return exitUsage
	}
	return exitError
}

// exitErr carries an exit code other than the default for its error, with an optional message.
type exitErr struct {
	code int
	msg  string
}

func (e *exitErr) Error() string { return e.msg }

// isUsage tells cobra's own complaints (unknown command, flag, argument count) from failures.
func isUsage(err error) bool {
	m := err.Error()
	for _, w := range []string{"unknown command", "unknown flag", "unknown shorthand", "flag needs an argument", "invalid argument", "accepts ", "requires at least", "required flag"} {
		if strings.Contains(m, w) {
			return true
		}
	}
	return false
}

func newRoot(e *env) *cobra.Command {
	var screenshot string
	var open windowOpen
	root := &cobra.Command{
		Use:           "proofpack",
		Short:         "Evidence and dispute packets for parcels that never came",
		Long:          "ProofPack keeps your marketplace orders, tells you what is wrong with a tracking number,\ncaptures dated, hashed screenshots of carrier pages and builds the PDF for your dispute.\nWith no command it opens the window.",
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          cobra.NoArgs,
		PersistentPreRun: func(cmd *cobra.Command, args []string) {
			e.dataSet = cmd.Flags().Changed("data")
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return e.openWindow(screenshot, open)
		},
	}
	root.PersistentFlags().StringVar(&e.dataFlag, "data", "", "data folder (default $PROOFPACK_DATA, else the user's config folder)")
	root.Flags().StringVar(&screenshot, "screenshot", "", "render the window to this PNG file and exit")
	root.Flags().StringVar(&open.caseID, "case", "", "open the window on this case")
	root.Flags().StringVar(&open.tab, "tab", "", "open the case on this tab: "+strings.Join(ui.TabNames(), ", "))
	root.AddCommand(
		newCaseCmd(e),
		newCheckCmd(e),
		newDemoCmd(e),
		newEventsCmd(e),
		newAnalyzeCmd(e),
		newPacketCmd(e),
		newCaptureCmd(e),
		newVerifyCmd(e),
		newEvidenceCmd(e),
		newRemindersCmd(e),
		newSettingsCmd(e),
		newMessagesCmd(e),
		newImportCmd(e),
		newExportCmd(e),
		newOpenCmd(e),
		newBackupCmd(e),
		newRestoreCmd(e),
		newRepairCmd(e),
	)
	return root
}
