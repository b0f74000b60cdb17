package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"proofpack/casework"
	"proofpack/tracker"
)

// newEvidenceCmd groups the commands on the buyer's own evidence.
func newEvidenceCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "evidence",
		Short: "The buyer's own evidence: screenshots of seller chats, photos, receipts",
	}
	cmd.AddCommand(newEvidenceAddCmd(e), newEvidenceListCmd(e), newEvidenceDescribeCmd(e), newEvidenceRemoveCmd(e))
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

// newEvidenceListCmd shows a case's exhibits, removed ones marked, and their history: where a
// buyer finds the number to describe or remove.
func newEvidenceListCmd(e *env) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list ID [--json]",
		Short: "List a case's exhibits (removed ones marked) and the history of their changes",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			svc, err := e.service()
			if err != nil {
				return err
			}
			ex, err := svc.Exhibits(args[0])
			if err != nil {
				return err
			}
			log, err := svc.ExhibitHistory(args[0])
			if err != nil {
				return err
			}
			if asJSON {
				return e.printJSON(map[string]any{"case_id": args[0], "exhibits": exhibitsJSON(ex), "history": nonNilLog(log)})
			}
			for i, x := range ex {
				if i > 0 && ex[i-1].No == x.No {
					fmt.Fprintf(e.stdout, "           %s\n", x.Path)
					continue
				}
				mark := ""
				if x.Removed {
					mark = "  (removed)"
				}
				fmt.Fprintf(e.stdout, "exhibit %-2d %s  %s%s\n", x.No, x.Path, x.Described(), mark)
			}
			if len(ex) == 0 {
				fmt.Fprintf(e.stdout, "case %s has no exhibits\n", args[0])
			}
			for _, c := range log {
				fmt.Fprintln(e.stdout, changeLine(c))
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the exhibits and their history as JSON")
	return cmd
}

// newEvidenceDescribeCmd gives an exhibit the words the packet titles it with.
func newEvidenceDescribeCmd(e *env) *cobra.Command {
	var note string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "describe ID EXHIBIT --note TEXT [--json]",
		Short: "Say what an exhibit shows: the packet titles it so (the old words stay in its history)",
		Args:  cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			if !cmd.Flags().Changed("note") {
				return tracker.Invalid("--note", "give the description: --note \"Chat where the seller promises a refund\"")
			}
			return changeExhibit(e, args, asJSON, func(svc *casework.Service, id string, no int) (tracker.ExhibitChange, error) {
				return svc.DescribeExhibit(id, no, note, casework.ByCommandLine)
			})
		},
	}
	cmd.Flags().StringVar(&note, "note", "", "what the exhibit shows (one line)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the exhibit and the history entry as JSON")
	return cmd
}

// newEvidenceRemoveCmd withdraws an exhibit from the case without deleting its files.
func newEvidenceRemoveCmd(e *env) *cobra.Command {
	var reason string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "remove ID EXHIBIT [--reason TEXT] [--json]",
		Short: "Withdraw an exhibit: the packet leaves it out; its files stay, hashed, and the removal is kept in its history",
		Args:  cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return changeExhibit(e, args, asJSON, func(svc *casework.Service, id string, no int) (tracker.ExhibitChange, error) {
				return svc.RemoveExhibit(id, no, reason, casework.ByCommandLine)
			})
		},
	}
	cmd.Flags().StringVar(&reason, "reason", "", "why it is withdrawn (printed in the packet's evidence index)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the exhibit and the history entry as JSON")
	return cmd
}

// changeExhibit runs one change of evidence describe or remove and prints what it did.
func changeExhibit(e *env, args []string, asJSON bool, do func(*casework.Service, string, int) (tracker.ExhibitChange, error)) error {
	no, err := exhibitArg(args[1])
	if err != nil {
		return err
	}
	svc, err := e.service()
	if err != nil {
		return err
	}
	c, err := do(svc, args[0], no)
	if err != nil {
		return exhibitErr(err)
	}
	ex, err := svc.Exhibits(args[0])
	if err != nil {
		return err
	}
	var files []tracker.Exhibit
	for _, x := range ex {
		if x.No == no {
			files = append(files, x)
		}
	}
	if asJSON {
		return e.printJSON(map[string]any{"case_id": args[0], "change": c, "exhibits": exhibitsJSON(files)})
	}
	fmt.Fprintln(e.stdout, changeLine(c))
	if c.Action == tracker.ExhibitRemoved {
		fmt.Fprintf(e.stdout, "Its files stay in the case folder, hashed and checked by verify; the packet leaves exhibit %d out.\n", no)
		if n := svc.EventsReadFrom(args[0], no); n > 0 {
			fmt.Fprintf(e.stdout, "%d tracking events were read from it: they stay in the case's history, citing no exhibit.\n", n)
		}
	}
	return nil
}

// changeLine is one history entry for a person.
func changeLine(c tracker.ExhibitChange) string {
	when := c.At.UTC().Format("2006-01-02 15:04 UTC")
	switch c.Action {
	case tracker.ExhibitDescribed:
		if c.Old == "" {
			return fmt.Sprintf("%s  exhibit %d described %q (%s)", when, c.Exhibit, c.New, c.By)
		}
		return fmt.Sprintf("%s  exhibit %d described %q, was %q (%s)", when, c.Exhibit, c.New, c.Old, c.By)
	case tracker.ExhibitRemoved:
		if c.Reason == "" {
			return fmt.Sprintf("%s  exhibit %d removed (%s)", when, c.Exhibit, c.By)
		}
		return fmt.Sprintf("%s  exhibit %d removed: %s (%s)", when, c.Exhibit, c.Reason, c.By)
	}
	return fmt.Sprintf("%s  exhibit %d: %s (%s)", when, c.Exhibit, c.Action, c.By)
}

// exhibitArg reads an exhibit as the buyer gives it: 3, 03 or its ID as listed, 3-screenshot.
func exhibitArg(s string) (int, error) {
	num, _, _ := strings.Cut(strings.TrimSpace(s), "-")
	n, err := strconv.Atoi(num)
	if err != nil || n < 1 {
		return 0, tracker.Invalid("EXHIBIT", "%s is not an exhibit number: give the number 'proofpack evidence list ID' shows, such as 3", tracker.Quote(s))
	}
	return n, nil
}

// exhibitErr words the change's fields as this command's arguments and flags.
func exhibitErr(err error) error {
	var te *tracker.Error
	if !errors.As(err, &te) {
		return err
	}
	flag := map[string]string{"exhibit": "EXHIBIT", "description": "--note", "reason": "--reason"}[te.Field]
	if flag == "" {
		return err
	}
	cp := *te
	cp.Field = flag
	if te.Kind == tracker.KindNotFound {
		cp.Kind = tracker.KindInvalid // a number to fix, not work that failed
	}
	return &cp
}

func nonNilLog(l []tracker.ExhibitChange) []tracker.ExhibitChange {
	if l == nil {
		return []tracker.ExhibitChange{}
	}
	return l
}
