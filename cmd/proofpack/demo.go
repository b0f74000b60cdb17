package main

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"proofpack/assets"
	"proofpack/casework"
	"proofpack/tracker"
)

// demoMarker starts the notes of every sample case, so a second `demo` can see they are there.
const demoMarker = "Sample case"

func newDemoCmd(e *env) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Fill the data folder with sample cases to explore",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			s, err := e.open()
			if err != nil {
				return err
			}
			added, err := addDemo(s)
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

// addDemo adds the sample cases of assets/demo.json unless they are there already.
func addDemo(s tracker.Store) ([]tracker.Case, error) {
	existing, err := s.Cases()
	if err != nil {
		return nil, err
	}
	for _, c := range existing {
		if strings.HasPrefix(c.Notes, demoMarker) {
			return nil, nil
		}
	}
	var samples []tracker.Case
	if err := json.Unmarshal(assets.Demo, &samples); err != nil {
		return nil, fmt.Errorf("assets/demo.json: %w", err)
	}
	var added []tracker.Case
	for _, c := range samples {
		for i, sh := range c.Shipments {
			ns := casework.NewShipment(sh.Input)
			ns.Link, ns.Events = sh.Link, sh.Events
			c.Shipments[i] = ns
		}
		c, err := s.AddCase(c)
		if err != nil {
			return added, fmt.Errorf("assets/demo.json, order %s: %w", c.OrderNumber, err)
		}
		added = append(added, c)
	}
	return added, nil
}
