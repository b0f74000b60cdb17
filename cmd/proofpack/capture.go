package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"proofpack/evidence"
	"proofpack/tracker"
)

// exhibitJSON is one exhibit in the capture --json contract (DESIGN.md); evidence add shares it.
type exhibitJSON struct {
	ID         string    `json:"id"`
	Kind       string    `json:"kind"`
	Path       string    `json:"path"`
	SHA256     string    `json:"sha256"`
	Size       int64     `json:"size"`
	URL        string    `json:"url,omitempty"`
	FinalURL   string    `json:"final_url,omitempty"`
	HTTPStatus int       `json:"http_status,omitempty"`
	CapturedAt time.Time `json:"captured_at"`
	Note       string    `json:"note,omitempty"`
	// Description and Removed are what evidence describe and evidence remove changed.
	Description string `json:"description,omitempty"`
	Removed     bool   `json:"removed,omitempty"`
}

func exhibitsJSON(ex []tracker.Exhibit) []exhibitJSON {
	out := make([]exhibitJSON, 0, len(ex))
	for _, x := range ex {
		out = append(out, exhibitJSON{ID: x.ID(), Kind: x.Kind, Path: x.Path, SHA256: x.SHA256, Size: x.Size,
			URL: x.URL, FinalURL: x.FinalURL, HTTPStatus: x.HTTPStatus, CapturedAt: x.CapturedAt, Note: x.Note,
			Description: x.Description, Removed: x.Removed})
	}
	return out
}

func printExhibits(w io.Writer, ex []tracker.Exhibit) {
	for _, x := range ex {
		fmt.Fprintf(w, "%-14s %s  sha256 %s\n", x.ID(), x.Path, x.SHA256)
	}
}

// newCaptureCmd captures the case's tracking pages as dated, hashed exhibits and reads their
// tracking events.
func newCaptureCmd(e *env) *cobra.Command {
	var urls []string
	var assisted, asJSON, pdf bool
	var timeout time.Duration
	cmd := &cobra.Command{
		Use:   "capture ID [--url LINK]... [--assisted] [--json]",
		Short: "Capture the case's tracking pages: screenshot with a dated banner, archived page, text, hashes",
		Long: "capture opens each tracking page of the case (the seller's link and the carriers' links, or\n" +
			"the --url links) in Chromium and keeps a full-page screenshot with a banner (URL, UTC and local\n" +
			"time, case and exhibit number), the page as MHTML and its text, with the SHA-256 of each file.\n" +
			"The tracking events on the pages are added to the case.\n" +
			"--assisted shows the browser window: get the page right (captcha, cookie wall), then press Enter.",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			id := args[0]
			svc, err := e.service()
			if err != nil {
				return err
			}
			opt := evidence.CaptureOptions{PageTimeout: timeout, PDF: pdf}
			if assisted {
				opt.Confirm = confirmOnStdin(e.stdin, e.stderr)
			}
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt)
			defer stop()
			started := map[string]bool{}
			progress := func(p evidence.Progress) {
				if !started[p.URL] {
					started[p.URL] = true
					fmt.Fprintf(e.stderr, "capturing %s (%d of %d pages done)\n", p.URL, p.Done, p.Total)
				}
			}
			got, fresh, err := svc.Capture(ctx, id, urls, opt, progress)
			if err != nil && len(got.Exhibits) == 0 {
				return err
			}
			if err != nil {
				fmt.Fprintln(e.stderr, "proofpack:", err)
			}
			if asJSON {
				err = e.printJSON(map[string]any{"exhibits": exhibitsJSON(got.Exhibits), "events_added": fresh})
			} else {
				printExhibits(e.stdout, got.Exhibits)
				fmt.Fprintf(e.stdout, "%d new tracking events read from the pages.\n", fresh)
			}
			if err != nil {
				return err
			}
			if failed := got.Failed(); len(failed) > 0 {
				var b strings.Builder
				fmt.Fprintf(&b, "%d of %d pages could not be captured:", len(failed), len(got.Pages))
				for _, r := range failed {
					fmt.Fprintf(&b, "\n  %s: %v", r.Page.URL, r.Err)
				}
				return &exitErr{code: exitError, msg: b.String()}
			}
			return nil
		},
	}
	cmd.Flags().StringArrayVar(&urls, "url", nil, "a page to capture instead of the case's tracking links (repeatable)")
	cmd.Flags().BoolVar(&assisted, "assisted", false, "show the browser window and capture each page when you press Enter")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the exhibits as JSON")
	cmd.Flags().BoolVar(&pdf, "pdf", false, "also print each page to PDF")
	cmd.Flags().DurationVar(&timeout, "timeout", evidence.DefaultPageTimeout, "time limit per page")
	return cmd
}

// confirmOnStdin asks the buyer to press Enter once the page in the window is right; "s" skips it.
func confirmOnStdin(in io.Reader, out io.Writer) func(context.Context, evidence.Page) error {
	lines := bufio.NewReader(in)
	return func(ctx context.Context, p evidence.Page) error {
		fmt.Fprintf(out, "Exhibit %d: %s is open in the browser window.\nSolve any captcha or cookie wall there, then press Enter to capture it (s and Enter skips it): ", p.No, p.URL)
		answer := make(chan string, 1)
		go func() {
			l, err := lines.ReadString('\n')
			if err != nil && l == "" {
				l = "s" // standard input closed: nobody is there to confirm
			}
			answer <- strings.TrimSpace(l)
		}()
		select {
		case <-ctx.Done():
			return ctx.Err()
		case a := <-answer:
			if strings.EqualFold(a, "s") {
				return fmt.Errorf("skipped")
			}
			return nil
		}
	}
}
