package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"proofpack/casework"
	"proofpack/evidence"
	"proofpack/tracker"
	"proofpack/tracker/carrier"
	"proofpack/tracker/deadlines"
)

func newCaseCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "case",
		Short: "Add, list, show, edit and delete cases (one order each)",
		Args:  cobra.NoArgs,
	}
	cmd.AddCommand(newCaseAddCmd(e), newCaseListCmd(e), newCaseShowCmd(e), newCaseEditCmd(e), newCaseDeleteCmd(e))
	return cmd
}

// caseFlags are the fields of a case as command-line flags, shared by add and edit.
type caseFlags struct {
	marketplace, order, seller, item, amount, currency string
	ordered, shipped, promised                         string
	tracking, trackingURL                              []string
	city, postcode, country, payment, notes            string
	// edit only
	opened, escalated, won, refundPromised, refundReceived string
	sellerContacted, sellerPromised                        string
	notReceived                                            bool
	followUps                                              map[string]*string // by deadlines.FollowUps field
}

// followUpFlags are the flags of the steps of a parcel delivered but not received, by field.
var followUpFlags = []struct{ field, flag, ref, usage string }{
	{"pod_requested", "pod-requested", "REF", "date you asked the carrier for its proof of delivery"},
	{"carrier_answered", "carrier-answered", "NOTE", "date the carrier answered (what its proof shows)"},
	{"carrier_claim", "carrier-claim", "CLAIM-NO", "date you filed a claim with the carrier"},
	{"police_report", "police-report", "REPORT-NO", "date you reported the theft to the police"},
	{"neighbour_statement", "neighbour-statement", "WHO", "date a neighbour gave you a signed statement"},
}

func (f *caseFlags) register(fs *pflag.FlagSet, edit bool) {
	fs.StringVar(&f.marketplace, "marketplace", "", "where you bought: "+strings.Join(tracker.Marketplaces, ", "))
	fs.StringVar(&f.order, "order", "", "the order number")
	fs.StringVar(&f.seller, "seller", "", "the seller or shop name")
	fs.StringVar(&f.item, "item", "", "what you bought")
	fs.StringVar(&f.amount, "amount", "", "what you paid, e.g. 12.50")
	fs.StringVar(&f.currency, "currency", "", "currency code, e.g. USD")
	fs.StringVar(&f.ordered, "ordered", "", "order date, YYYY-MM-DD")
	fs.StringVar(&f.shipped, "shipped", "", "date the seller says it shipped")
	fs.StringVar(&f.promised, "promised", "", "latest delivery date the seller promised")
	fs.StringArrayVar(&f.tracking, "tracking", nil, "tracking number (repeat for several parcels)")
	fs.StringArrayVar(&f.trackingURL, "tracking-url", nil, "tracking link the seller gave (in the order of --tracking)")
	fs.StringVar(&f.city, "city", "", "your city")
	fs.StringVar(&f.postcode, "postcode", "", "your postcode")
	fs.StringVar(&f.country, "country", "", "your country, ISO code such as US, BR, PL")
	fs.StringVar(&f.payment, "payment", "", "how you paid: "+strings.Join(tracker.Payments, ", "))
	fs.StringVar(&f.notes, "notes", "", "notes for yourself")
	if edit {
		fs.StringVar(&f.opened, "dispute-opened", "", "date you opened a dispute")
		fs.StringVar(&f.escalated, "dispute-escalated", "", "date you escalated it")
		fs.StringVar(&f.won, "dispute-won", "", "date the dispute was decided for you")
		fs.StringVar(&f.refundPromised, "refund-promised", "", "date the refund was promised")
		fs.StringVar(&f.refundReceived, "refund-received", "", "date the money came back")
		fs.StringVar(&f.sellerContacted, "seller-contacted", "", "date you first asked the seller")
		fs.StringVar(&f.sellerPromised, "seller-promised", "", "date the seller promised to ship or refund by (becomes a reminder)")
		fs.BoolVar(&f.notReceived, "not-received", false, "the tracking says delivered but the parcel never came (--not-received=false to undo)")
		f.followUps = map[string]*string{}
		for _, u := range followUpFlags {
			v := new(string)
			f.followUps[u.field] = v
			fs.StringVar(v, u.flag, "", fmt.Sprintf("%s, after --not-received: `DATE[,%s]` (\"\" clears it)", u.usage, u.ref))
		}
	}
}

// flagOfField names the flag for a domain field, so messages speak the user's vocabulary.
var flagOfField = map[string]string{
	"order_number": "--order", "tracking_url": "--tracking-url", "ordered": "--ordered",
	"dispute_opened": "--dispute-opened", "dispute_escalated": "--dispute-escalated", "dispute_won": "--dispute-won",
	"refund_promised": "--refund-promised", "refund_received": "--refund-received", "not_received_on": "--not-received",
}

// apply copies the flags the user set onto c; untouched flags leave c as it was (edit). Every
// text field is tidied (controls, escapes and bidi overrides removed), values stored before too.
func (f *caseFlags) apply(fs *pflag.FlagSet, c *tracker.Case) error {
	defer c.Tidy()
	set := func(name string, dst *string, v string) {
		if fs.Changed(name) {
			*dst = tracker.CleanLine(v)
		}
	}
	set("marketplace", &c.Marketplace, strings.ToLower(f.marketplace))
	set("order", &c.OrderNumber, f.order)
	set("seller", &c.Seller, f.seller)
	set("item", &c.Item, f.item)
	set("currency", &c.Currency, strings.ToUpper(f.currency))
	set("city", &c.Buyer.City, f.city)
	set("postcode", &c.Buyer.Postcode, f.postcode)
	set("country", &c.Buyer.Country, strings.ToUpper(f.country))
	set("payment", &c.Payment, strings.ToLower(f.payment))
	if fs.Changed("notes") {
		c.Notes = tracker.CleanText(f.notes)
	}
	if fs.Changed("amount") {
		a, err := tracker.ParseAmount(f.amount)
		if err != nil {
			return tracker.Invalid("--amount", "%v", err)
		}
		c.Amount = a
	}
	dates := []struct {
		flag string
		dst  *tracker.Date
		v    string
	}{
		{"ordered", &c.Ordered, f.ordered}, {"shipped", &c.Shipped, f.shipped}, {"promised", &c.Promised, f.promised},
		{"dispute-opened", &c.Dispute.Opened, f.opened}, {"dispute-escalated", &c.Dispute.Escalated, f.escalated},
		{"dispute-won", &c.Dispute.Won, f.won}, {"refund-promised", &c.Dispute.RefundPromised, f.refundPromised},
		{"refund-received", &c.Dispute.RefundReceived, f.refundReceived},
		{"seller-contacted", &c.Dispute.SellerContacted, f.sellerContacted},
		{"seller-promised", &c.Dispute.SellerPromised, f.sellerPromised},
	}
	for _, d := range dates {
		if !fs.Changed(d.flag) {
			continue
		}
		if strings.TrimSpace(d.v) == "" { // an empty value clears an optional date
			*d.dst = tracker.Date{}
			continue
		}
		v, err := tracker.ParseDate(d.v)
		if err != nil {
			return tracker.Invalid("--"+d.flag, "%v", err)
		}
		*d.dst = v
	}
	if fs.Changed("not-received") {
		deadlines.MarkNotReceived(c, f.notReceived, tracker.DateOf(time.Now()))
	}
	for _, u := range followUpFlags {
		if !fs.Changed(u.flag) {
			continue
		}
		p, err := parseProof(*f.followUps[u.field])
		if err != nil {
			return tracker.Invalid("--"+u.flag, "%v", err)
		}
		if err := deadlines.RecordFollowUp(c, u.field, p); err != nil {
			return err
		}
	}
	if fs.Changed("tracking") {
		if len(f.trackingURL) > len(f.tracking) {
			return tracker.Invalid("--tracking-url", "%d links for %d tracking numbers", len(f.trackingURL), len(f.tracking))
		}
		if err := c.SetShipments(shipments(f.tracking, f.trackingURL)); err != nil {
			return err
		}
	} else if fs.Changed("tracking-url") {
		if len(f.trackingURL) > len(c.Shipments) {
			return tracker.Invalid("--tracking-url", "%d links for %d tracking numbers", len(f.trackingURL), len(c.Shipments))
		}
		for i, u := range f.trackingURL {
			c.Shipments[i].Link = tracker.CleanLine(u)
		}
	}
	return nil
}

// parseProof reads "DATE[,REF]": the step's date and, after the first comma, its reference
// (which may hold commas itself); "" clears the step.
func parseProof(v string) (tracker.Proof, error) {
	date, ref, _ := strings.Cut(v, ",")
	if strings.TrimSpace(date) == "" {
		if strings.TrimSpace(ref) != "" {
			return tracker.Proof{}, fmt.Errorf("give the date first, then the reference: DATE,%s", strings.TrimSpace(ref))
		}
		return tracker.Proof{}, nil
	}
	d, err := tracker.ParseDate(strings.TrimSpace(date))
	if err != nil {
		return tracker.Proof{}, err
	}
	return tracker.Proof{On: d, Ref: strings.TrimSpace(ref)}, nil
}

// shipments builds the shipments for the given numbers and links (casework.NewShipment, as the
// window does); Case.SetShipments joins them to the history the case already has.
func shipments(inputs, links []string) []tracker.Shipment {
	out := make([]tracker.Shipment, 0, len(inputs))
	for i, in := range inputs {
		link := ""
		if i < len(links) {
			link = tracker.CleanLine(links[i])
		}
		out = append(out, casework.NewShipment(tracker.CleanLine(in), link, ""))
	}
	return out
}

// userErr rewrites a domain field name into the flag a command-line user typed.
func userErr(err error) error {
	var te *tracker.Error
	if errors.As(err, &te) && te.Field != "" && !strings.HasPrefix(te.Field, "-") {
		f := flagOfField[te.Field]
		if f == "" {
			f = "--" + strings.ReplaceAll(te.Field, "_", "-")
		}
		cp := *te
		cp.Field = f
		return &cp
	}
	return err
}

func newCaseAddCmd(e *env) *cobra.Command {
	var f caseFlags
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "add",
		Short: "Add an order as a new case",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			c := tracker.Case{Payment: "card"}
			if err := f.apply(cmd.Flags(), &c); err != nil {
				return err
			}
			if err := c.Validate(); err != nil { // before opening: bad input creates no data folder
				return userErr(err)
			}
			s, err := e.open()
			if err != nil {
				return err
			}
			c, err = s.AddCase(c)
			if err != nil {
				return userErr(err)
			}
			if asJSON {
				return e.printJSON(c)
			}
			fmt.Fprintf(e.stdout, "Added case %s: %s order %s (%s)\n", c.ID, c.Marketplace, c.OrderNumber, c.Item)
			return nil
		},
	}
	f.register(cmd.Flags(), false)
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the case as JSON")
	return cmd
}

func newCaseEditCmd(e *env) *cobra.Command {
	var f caseFlags
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "edit ID",
		Short: "Change fields of a case, or record dispute steps",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := e.open()
			if err != nil {
				return err
			}
			c, err := s.UpdateCase(args[0], func(c *tracker.Case) error {
				if err := f.apply(cmd.Flags(), c); err != nil {
					return err
				}
				return deadlines.CheckSteps(*c, tracker.DateOf(time.Now()))
			})
			if err != nil {
				return userErr(err)
			}
			if asJSON {
				return e.printJSON(c)
			}
			fmt.Fprintf(e.stdout, "Updated case %s\n", c.ID)
			return nil
		},
	}
	f.register(cmd.Flags(), true)
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the case as JSON")
	return cmd
}

func newCaseListCmd(e *env) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the cases",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			s, err := e.open()
			if err != nil {
				return err
			}
			cases, err := s.Cases()
			if err != nil {
				return err
			}
			if asJSON {
				if cases == nil {
					cases = []tracker.Case{}
				}
				return e.printJSON(cases)
			}
			if len(cases) == 0 {
				fmt.Fprintln(e.stdout, "No cases yet: add one with 'proofpack case add', or try 'proofpack demo'.")
				return nil
			}
			tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tMARKETPLACE\tORDER\tITEM\tSTATUS")
			for _, c := range cases {
				// Stored values are cleaned again: a case saved before fields were tidied must not
				// replay a terminal escape.
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", tracker.CleanLine(c.ID), tracker.CleanLine(c.Marketplace),
					tracker.CleanLine(c.OrderNumber), clip(tracker.CleanLine(c.Item), 40), c.Status())
			}
			return tw.Flush()
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the cases as JSON")
	return cmd
}

func newCaseShowCmd(e *env) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "show ID",
		Short: "Show one case",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := e.open()
			if err != nil {
				return err
			}
			c, err := s.Case(args[0])
			if err != nil {
				return err
			}
			if asJSON {
				return e.printJSON(c)
			}
			writeCase(e.stdout, c)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the case as JSON")
	return cmd
}

func newCaseDeleteCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "delete ID",
		Short: "Delete a case and its evidence files",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			s, dir, err := e.openWithDir()
			if err != nil {
				return err
			}
			if err := evidence.DeleteCase(s, dir, args[0]); err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "Deleted case %s\n", args[0])
			return nil
		},
	}
}

func writeCase(w io.Writer, c tracker.Case) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	row := func(k, v string) {
		if v = tracker.CleanLine(v); v != "" { // values stored before fields were tidied too
			fmt.Fprintf(tw, "%s\t%s\n", k, v)
		}
	}
	row("Case", c.ID)
	row("Marketplace", c.Marketplace)
	row("Order", c.OrderNumber)
	row("Seller", c.Seller)
	row("Item", c.Item)
	row("Amount", c.Amount.String()+" "+c.Currency)
	row("Paid by", c.Payment)
	row("Ordered", c.Ordered.String())
	row("Shipped", c.Shipped.String())
	row("Promised by", c.Promised.String())
	row("Deliver to", strings.TrimSpace(c.Buyer.City+" "+c.Buyer.Postcode+", "+tracker.CountryName(c.Buyer.Country)))
	for _, s := range c.Shipments {
		row("Tracking", strings.TrimSpace(s.Number+"  "+carrier.Name(s.Carrier)))
		row("Seller's link", s.Link)
		for _, f := range s.Former {
			row("  earlier number", strings.TrimSpace(f.Number+"  "+carrier.Name(f.Carrier)))
		}
	}
	row("Status", string(c.Status()))
	row("Dispute opened", c.Dispute.Opened.String())
	row("Escalated", c.Dispute.Escalated.String())
	row("Decided for you", c.Dispute.Won.String())
	row("Refund promised", c.Dispute.RefundPromised.String())
	row("Refund received", c.Dispute.RefundReceived.String())
	row("Asked the seller", c.Dispute.SellerContacted.String())
	row("Seller promised by", c.Dispute.SellerPromised.String())
	if c.Dispute.NotReceived {
		row("Not received", strings.TrimSpace("you say the parcel never came "+c.Dispute.NotReceivedOn.String()))
	}
	d := c.Dispute
	for _, f := range deadlines.FollowUps(&d) {
		if !f.Proof.IsZero() {
			row(f.Label, f.Proof.On.String()+prefixed(", ", strings.ToLower(f.RefLabel)+" ", f.Proof.Ref))
		}
	}
	row("Stage", deadlines.StageWords(c))
	row("Next step", deadlines.NextStep(c))
	row("Notes", c.Notes)
	tw.Flush()
}

// prefixed is sep, label and v, or "" when v is empty.
func prefixed(sep, label, v string) string {
	if v == "" {
		return ""
	}
	return sep + label + v
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
