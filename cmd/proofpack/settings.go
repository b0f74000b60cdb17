package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"proofpack/tracker"
)

// newSettingsCmd keeps the buyer's name and contact, which the packet signs with.
func newSettingsCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "settings",
		Short: "Your name and contact for the packet's signature",
		Args:  cobra.NoArgs,
	}
	set := &cobra.Command{
		Use:   "set " + strings.Join(tracker.BuyerFields, "|") + " VALUE",
		Short: "Set your name, e-mail or phone (an empty VALUE clears it)",
		Args:  cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			svc, err := e.service()
			if err != nil {
				return err
			}
			if _, err := svc.SetBuyerField(args[0], args[1]); err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "Set %s.\n", args[0])
			return nil
		},
	}
	var asJSON bool
	show := &cobra.Command{
		Use:   "show [--json]",
		Short: "Show your name and contact",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			svc, err := e.service()
			if err != nil {
				return err
			}
			b, err := svc.Buyer()
			if err != nil {
				return err
			}
			if asJSON {
				return e.printJSON(b)
			}
			fmt.Fprintf(e.stdout, "name   %s\nemail  %s\nphone  %s\n", b.Name, b.Email, b.Phone)
			return nil
		},
	}
	show.Flags().BoolVar(&asJSON, "json", false, "print {\"name\", \"email\", \"phone\"} as JSON")
	cmd.AddCommand(set, show)
	return cmd
}

// newMessagesCmd prints the ready messages to the seller for a case.
func newMessagesCmd(e *env) *cobra.Command {
	var lang string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "messages ID [--lang LL] [--json]",
		Short: "Ready messages to the seller: the real ship date, a working number, the refund",
		Long: "messages prints texts to send the seller, filled from the case, in English and simplified\n" +
			"Chinese (and --lang es, pt or ru). Record the answer with 'case edit ID --seller-contacted DATE\n" +
			"--seller-promised DATE': the promised date becomes a reminder.",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			svc, err := e.service()
			if err != nil {
				return err
			}
			ms, err := svc.SellerMessages(args[0], lang)
			if err != nil {
				return err
			}
			if asJSON {
				return e.printJSON(ms)
			}
			for _, m := range ms {
				fmt.Fprintf(e.stdout, "--- %s, %s ---\n%s\n\n", m.Kind, m.Lang, m.Text)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&lang, "lang", "", "also in this language: es, pt or ru")
	cmd.Flags().BoolVar(&asJSON, "json", false, `print [{"kind", "lang", "text"}] as JSON`)
	return cmd
}
