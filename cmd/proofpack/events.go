package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"proofpack/evidence"
	"proofpack/tracker"
	"proofpack/tracker/history"
)

// maxPaste is how much of a paste is read before history.Parse refuses it by size: enough to
// tell the buyer how big the wrong file was.
const maxPaste = 64 << 20

// newEventsCmd groups the commands on a case's tracking events.
func newEventsCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "events",
		Short: "Tracking events of a case",
	}
	cmd.AddCommand(newEventsAddCmd(e))
	return cmd
}

// newEventsAddCmd reads tracking history the buyer copied from a carrier page, keeps the text as
// an exhibit and adds the events to the shipment. Nothing is stored when the text holds no
// events and no "not found" notice.
func newEventsAddCmd(e *env) *cobra.Command {
	var file, number string
	var confirmNumber bool
	cmd := &cobra.Command{
		Use:   "add ID (--file FILE | -)",
		Short: "Add the tracking history copied from a carrier page (a file, or - for standard input)",
		Long: "events add reads the tracking history text copied from a carrier's page, finds each event's\n" +
			"date, place and status (in English, Portuguese, Spanish, French, German, Italian, Polish,\n" +
			"Russian, Ukrainian, Dutch, Turkish, Hebrew, Arabic, Chinese, Japanese or Korean), keeps the text\n" +
			"as an exhibit and adds the events to the case. A case with several tracking numbers takes\n" +
			"--tracking to say which one; the first by default. A text that names another tracking number\n" +
			"is flagged (exhibit_other_number) until you add it with --confirm-number.",
		Args: cobra.RangeArgs(1, 2),
		RunE: func(cmd *cobra.Command, args []string) error {
			id := args[0]
			fromStdin := len(args) == 2 && args[1] == "-"
			switch {
			case len(args) == 2 && !fromStdin:
				return tracker.Invalid("FILE", "give the history with --file FILE, or - to read standard input")
			case fromStdin == (file != ""):
				return tracker.Invalid("--file", "give exactly one of --file FILE and -")
			}
			text, err := readPaste(e.stdin, file)
			if err != nil {
				return err
			}
			svc, err := e.service()
			if err != nil {
				return err
			}
			r, err := svc.AddHistory(id, number, text, confirmNumber)
			if err != nil {
				return userErr(err)
			}
			return printEventsAdded(e.stdout, r)
		},
	}
	cmd.Flags().StringVar(&file, "file", "", "a text file with the tracking history")
	cmd.Flags().StringVar(&number, "tracking", "", "the tracking number the history belongs to (default: the case's first)")
	cmd.Flags().BoolVar(&confirmNumber, "confirm-number", false, "the text names another tracking number, but it is about this parcel all the same: use its events")
	return cmd
}

// readPaste reads the history from the file, or standard input when file is "". A file must be
// a regular one of at most history.MaxText (a FIFO or a device is refused at once); standard
// input is read up to maxPaste and left to history.Parse to refuse by size.
func readPaste(stdin io.Reader, file string) (string, error) {
	if file != "" {
		b, err := evidence.ReadRegular(file, history.MaxText)
		if err != nil {
			return "", tracker.Invalid("--file", "%v", err)
		}
		return string(b), nil
	}
	b, err := io.ReadAll(io.LimitReader(stdin, maxPaste))
	if err != nil {
		return "", fmt.Errorf("reading the tracking history: %w", err)
	}
	return string(b), nil
}

func printEventsAdded(w io.Writer, r evidence.HistoryAdded) error {
	page, number, no := r.Page, r.Number, r.Exhibit
	if page.NotFound {
		_, err := fmt.Fprintf(w, "The page says the carrier has no information on %s yet. Kept as exhibit %d; run analyze to see what it means.\n", number, no)
		return err
	}
	if r.OtherNumber != "" {
		fmt.Fprintf(w, "Warning: the text names tracking number %s, not %s. If it is another parcel's history, leave exhibit %d out of your dispute; if it is yours, add it again with --confirm-number.\n",
			r.OtherNumber, number, no)
	}
	fmt.Fprintf(w, "Read %d events for %s (%d new), kept the text as exhibit %d.\n", len(page.Events), number, r.Fresh, no)
	if len(page.Events) > 0 && !page.Events[0].Unparsed {
		fmt.Fprintf(w, "Latest: %s  %s  %s\n", page.Events[0].Time.Format("2006-01-02 15:04"), page.Events[0].Status, tracker.CleanLine(page.Events[0].Description))
	}
	unparsed := 0
	for _, ev := range page.Events {
		if ev.Unparsed {
			unparsed++
		}
	}
	if unparsed > 0 {
		fmt.Fprintf(w, "Warning: %d lines look like dates that do not exist (like 31/02); they are kept without a date.\n", unparsed)
	}
	if page.Future > 0 {
		fmt.Fprintf(w, "Warning: %d events are dated after today: check the year; a real carrier page does not show the future.\n", page.Future)
	}
	return nil
}
