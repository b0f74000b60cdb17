package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"proofpack/tracker"
	"proofpack/tracker/carrier"
)

// newCheckCmd checks tracking numbers offline. It never opens the data folder: a buyer (or a
// script) can check a number before any case exists.
func newCheckCmd(e *env) *cobra.Command {
	var asJSON bool
	var country, link string
	cmd := &cobra.Command{
		Use:   "check [--json] [--country CC] [--url LINK] NUMBER...",
		Short: "Recognise tracking numbers: carrier, check digit, tracking links and warnings",
		Long: "check cleans each number (spaces, dashes, invisible and full-width characters), lists every\n" +
			"carrier format it fits with its check digit, and builds the tracking links: for an\n" +
			"international postal number both the origin and the destination post (--country).\n" +
			"--url names the carrier of the link the seller gave and warns when it cannot track the number.",
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			country = strings.ToUpper(strings.TrimSpace(country))
			if country != "" && tracker.CountryName(country) == "" {
				return tracker.Invalid("--country", "%s is not an ISO 3166 country code such as US, DE or BR", tracker.Quote(country))
			}
			opt := carrier.Options{Country: country, SellerLink: link}
			results := make([]carrier.Result, 0, len(args))
			for _, a := range args {
				results = append(results, carrier.Check(a, opt))
			}
			if asJSON {
				return e.printJSON(results)
			}
			return printChecks(e.stdout, results)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON list, one result per number")
	cmd.Flags().StringVar(&country, "country", "", "destination (your) country, ISO code such as US, DE, BR")
	cmd.Flags().StringVar(&link, "url", "", "the tracking link the seller gave")
	return cmd
}

// printChecks writes a short table per number (carrier, format, check digit, first link), then
// its warnings and the other links.
func printChecks(w io.Writer, results []carrier.Result) error {
	for i, r := range results {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "%s\n", r.Normalized)
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		if len(r.Candidates) > 0 {
			fmt.Fprintln(tw, "  CARRIER\tFORMAT\tCHECK DIGIT\tLINK")
		}
		for _, c := range r.Candidates {
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", carrier.Name(c.Carrier), c.Format, c.CheckDigit, c.Links[0].URL)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		if len(r.Candidates) > 0 {
			for _, l := range r.Candidates[0].Links[1:] {
				fmt.Fprintf(w, "  %s link (%s): %s\n", l.Role, carrier.Name(l.Carrier), l.URL)
			}
		}
		for _, f := range r.Flags {
			fmt.Fprintf(w, "  %s: %s\n    %s\n", strings.ToUpper(string(f.Severity)), f.Message, f.Action)
		}
	}
	return nil
}
