package casework

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"

	"proofpack/tracker"
	"proofpack/tracker/orders"
)

// ImportOptions say how an order list is imported.
type ImportOptions struct {
	DryRun   bool            // read and check everything, save nothing
	Strict   bool            // save nothing when any row has a problem
	Defaults orders.Defaults // what the file leaves out: the buyer's address, currency, marketplace
	// Progress, when set, hears how many orders are checked out of how many.
	Progress func(done, total int)
}

// ImportReport is what an import found and did (or, in a dry run, would do).
type ImportReport struct {
	Preset    string           `json:"preset"`
	Delimiter string           `json:"delimiter"`
	Encoding  string           `json:"encoding"`
	Columns   []orders.Column  `json:"columns"`
	Added     int              `json:"added"`
	Updated   int              `json:"updated"`
	Unchanged int              `json:"unchanged"`
	Saved     bool             `json:"saved"` // false in a dry run and when --strict refused the file
	Problems  []orders.Problem `json:"problems"`
	Cases     []ImportedCase   `json:"cases"`
}

// ImportedCase is one order of the file and what the import does with it.
type ImportedCase struct {
	Line        int    `json:"line"`
	ID          string `json:"id,omitempty"` // "" for a case a dry run would add
	Marketplace string `json:"marketplace"`
	OrderNumber string `json:"order_number"`
	Action      string `json:"action"` // add, update or unchanged
	Numbers     int    `json:"tracking_numbers"`
}

// ImportOrders reads an order list and adds its orders as cases. An order whose marketplace and
// order number are already stored updates that case (its events, exhibits and dispute stay), so
// importing the same file twice adds nothing twice. Rows with problems are reported by line and
// column; the good rows are saved in one transaction unless Strict or DryRun says otherwise.
func (s *Service) ImportOrders(ctx context.Context, r io.Reader, opt ImportOptions) (ImportReport, error) {
	sh, err := orders.Read(r)
	if err != nil {
		return ImportReport{}, err
	}
	rep := ImportReport{Preset: sh.Preset, Delimiter: sh.Delimiter, Encoding: sh.Encoding, Columns: sh.Columns,
		Problems: []orders.Problem{}, Cases: []ImportedCase{}}
	got, problems := sh.Orders(opt.Defaults)
	rep.Problems = append(rep.Problems, problems...)

	stored, err := s.Store.Cases()
	if err != nil {
		return rep, err
	}
	byOrder := make(map[string]tracker.Case, len(stored))
	for _, c := range stored {
		byOrder[orderKey(c)] = c
	}
	var save []tracker.Case
	inFile := map[string]int{} // order key -> index in save, for an order listed on several lines
	for i, o := range got {
		if i%1000 == 0 {
			if err := ctx.Err(); err != nil {
				return rep, err
			}
			if opt.Progress != nil {
				opt.Progress(i, len(got))
			}
		}
		c := o.Case
		link := ""
		if len(o.Case.Shipments) > 0 {
			link = o.Case.Shipments[0].Link
		}
		c.Shipments = nil
		for _, n := range o.Tracking {
			c.Shipments = addShipment(c.Shipments, NewShipment(n, link, o.Courier))
		}
		c.Tidy()
		if err := c.Validate(); err != nil {
			rep.Problems = append(rep.Problems, orders.Problem{Line: o.Line, Column: sh.ColumnOf("tracking_number"), Msg: messageOf(err)})
			continue
		}
		key := orderKey(c)
		if i, ok := inFile[key]; ok { // a second line of the same order: more tracking numbers
			for _, sp := range c.Shipments {
				save[i].Shipments = addShipment(save[i].Shipments, sp)
			}
			rep.Cases[i].Numbers = len(save[i].Shipments)
			continue
		}
		ic := ImportedCase{Line: o.Line, Marketplace: c.Marketplace, OrderNumber: c.OrderNumber, Action: "add"}
		if old, ok := byOrder[key]; ok {
			c.ID, ic.ID, ic.Action = old.ID, old.ID, "update"
		}
		inFile[key] = len(save)
		save = append(save, c)
		rep.Cases = append(rep.Cases, ic)
	}
	for i, c := range save {
		rep.Cases[i].Numbers = len(c.Shipments)
		if old, ok := byOrder[orderKey(c)]; ok && unchanged(old, c) {
			rep.Cases[i].Action = "unchanged"
		}
	}
	slices.SortStableFunc(rep.Problems, func(a, b orders.Problem) int { return a.Line - b.Line })
	for _, ic := range rep.Cases {
		switch ic.Action {
		case "add":
			rep.Added++
		case "update":
			rep.Updated++
		default:
			rep.Unchanged++
		}
	}
	if opt.DryRun || (opt.Strict && len(rep.Problems) > 0) {
		return rep, nil
	}
	if err := ctx.Err(); err != nil { // the last moment a cancel still saves nothing
		return rep, err
	}
	var changed []tracker.Case
	var at []int
	for i, c := range save {
		if rep.Cases[i].Action != "unchanged" {
			changed = append(changed, c)
			at = append(at, i)
		}
	}
	saved, err := s.Store.SaveCases(changed, mergeImported)
	if err != nil {
		return rep, err
	}
	for i, c := range saved {
		rep.Cases[at[i]].ID = c.ID
	}
	rep.Saved = true
	return rep, nil
}

// mergeImported lays an imported order over its stored case: the order's facts as the file
// gives them, and any tracking number the case did not have yet. Nothing the buyer gathered
// since (events, dispute steps, notes, other numbers) is dropped.
func mergeImported(stored *tracker.Case, in tracker.Case) {
	keep := *stored
	*stored = in
	stored.ID, stored.Created, stored.Updated = keep.ID, keep.Created, keep.Updated
	stored.Dispute, stored.Notes, stored.Payment = keep.Dispute, keep.Notes, keep.Payment
	if stored.Seller == placeholder(in.Seller) && keep.Seller != "" {
		stored.Seller = keep.Seller
	}
	if stored.Item == placeholder(in.Item) && keep.Item != "" {
		stored.Item = keep.Item
	}
	if stored.Shipped.IsZero() {
		stored.Shipped = keep.Shipped
	}
	stored.Promised = keep.Promised
	stored.Shipments = keep.Shipments
	for _, sp := range in.Shipments {
		stored.Shipments = addShipment(stored.Shipments, sp)
	}
}

// placeholder is s when s is the text an import writes for a column the file lacks.
func placeholder(s string) string {
	if s == orders.NotInFile {
		return s
	}
	return "\x00"
}

// unchanged reports whether importing in over old would change nothing.
func unchanged(old, in tracker.Case) bool {
	merged := old
	mergeImported(&merged, in)
	a, _ := json.Marshal(merged)
	b, _ := json.Marshal(old)
	return string(a) == string(b)
}

// addShipment adds sp unless a shipment has (or had) its number already.
func addShipment(list []tracker.Shipment, sp tracker.Shipment) []tracker.Shipment {
	for _, have := range list {
		if have.Has(sp.Number) {
			return list
		}
	}
	return append(list, sp)
}

func orderKey(c tracker.Case) string { return fmt.Sprintf("%s\x00%s", c.Marketplace, c.OrderNumber) }

// messageOf is an error's text without the field it names, for a report that names the column.
func messageOf(err error) string {
	if te, ok := err.(*tracker.Error); ok {
		return te.Msg
	}
	return err.Error()
}
