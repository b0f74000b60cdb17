package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"proofpack/casework"
	"proofpack/tracker"
)

// newImportCmd adds the orders of a CSV file as cases, or updates the cases it already has.
func newImportCmd(e *env) *cobra.Command {
	var opt casework.ImportOptions
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "import FILE.csv [--dry-run] [--strict] [--json]",
		Short: "Add the orders of a CSV file (ours, AfterShip's or an AliExpress order list) as cases",
		Long: "import reads an order list: ProofPack's columns (order_number, order_date, seller, item, amount,\n" +
			"currency, tracking_number, courier, destination_country, destination_city, destination_postcode,\n" +
			"marketplace), AfterShip's CSV import columns, or an AliExpress order list copied into a\n" +
			"spreadsheet; any delimiter; UTF-8, UTF-16 or Windows-1252. An order already in ProofPack (same\n" +
			"marketplace and order number) is updated, never added twice. Each bad row is named by line and\n" +
			"column; the good rows are imported unless --strict. --city, --country and the other defaults\n" +
			"fill what the file leaves out.",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := os.Open(args[0])
			if err != nil {
				return tracker.Invalid("FILE", "cannot read %s: %v", args[0], err)
			}
			defer f.Close()
			if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
				return tracker.Invalid("FILE", "%s is not a regular file", args[0])
			}
			svc, err := e.service()
			if err != nil {
				return err
			}
			rep, err := svc.ImportOrders(cmd.Context(), f, opt)
			if err != nil {
				return fileErr(args[0], err)
			}
			if asJSON {
				if err := e.printJSON(rep); err != nil {
					return err
				}
			} else {
				printImport(e, args[0], rep, opt)
			}
			for _, p := range rep.Problems {
				fmt.Fprintf(e.stderr, "proofpack: %s: %s\n", args[0], p)
			}
			if n := len(rep.Problems); n > 0 {
				msg := fmt.Sprintf("%d problems in %s", n, args[0])
				if !rep.Saved && opt.Strict && !opt.DryRun {
					msg += ": nothing was imported (--strict)"
				}
				return &exitErr{code: exitUsage, msg: msg}
			}
			return nil
		},
	}
	fs := cmd.Flags()
	fs.BoolVar(&opt.DryRun, "dry-run", false, "check the file and show what would change; save nothing")
	fs.BoolVar(&opt.Strict, "strict", false, "import nothing when any row has a problem")
	fs.BoolVar(&asJSON, "json", false, "print the report as JSON")
	fs.StringVar(&opt.Defaults.Marketplace, "marketplace", "", "marketplace of rows without one")
	fs.StringVar(&opt.Defaults.Currency, "currency", "", "currency of rows without one")
	fs.StringVar(&opt.Defaults.City, "city", "", "your city, for rows without a destination city")
	fs.StringVar(&opt.Defaults.Postcode, "postcode", "", "your postcode, for rows without one")
	fs.StringVar(&opt.Defaults.Country, "country", "", "your country, for rows without a destination country")
	return cmd
}

func printImport(e *env, file string, rep casework.ImportReport, opt casework.ImportOptions) {
	var used []string
	for _, c := range rep.Columns {
		if c.Field != "" {
			used = append(used, c.Header)
		}
	}
	fmt.Fprintf(e.stdout, "Read %s as %s columns (delimiter %s, %s): %s.\n", file, presetName[rep.Preset], rep.Delimiter, rep.Encoding, strings.Join(used, ", "))
	verb := map[bool]string{true: "Would add", false: "Added"}[!rep.Saved]
	fmt.Fprintf(e.stdout, "%s %d, updated %d, unchanged %d.\n", verb, rep.Added, rep.Updated, rep.Unchanged)
	if opt.DryRun {
		for _, c := range rep.Cases {
			fmt.Fprintf(e.stdout, "  line %d: %s order %s: %s\n", c.Line, c.Marketplace, c.OrderNumber, c.Action)
		}
	}
}

var presetName = map[string]string{"proofpack": "ProofPack's", "aftership": "AfterShip's", "aliexpress": "an AliExpress order list's"}

// fileErr names the file in an error about its content.
func fileErr(file string, err error) error {
	if te, ok := err.(*tracker.Error); ok {
		cp := *te
		cp.Field = file + ", " + te.Field
		return &cp
	}
	return err
}
