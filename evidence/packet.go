package evidence

import (
	"cmp"
	"fmt"
	"path"
	"slices"
	"strings"
	"time"

	"proofpack/tracker"
	"proofpack/tracker/deadlines"
	town "proofpack/tracker/place" // evidence has its own place()
)

// Packet is what a dispute packet says, as data: the renderer in evidence/pdf only lays it out,
// so every sentence and every number in the PDF is tested here without a PDF.
type Packet struct {
	Title       string    `json:"title"`
	GeneratedAt time.Time `json:"generated_at"`
	Cover       Cover     `json:"cover"`
	// Statement is the buyer's account in a few sentences; StatementByBuyer says whether the
	// buyer wrote or edited it, or ProofPack built it from the flags.
	Statement        string    `json:"statement"`
	StatementByBuyer bool      `json:"statement_by_buyer"`
	Findings         []Finding `json:"findings"`
	// Refund is the refund timeline: the steps that show the buyer acted in time, and the
	// deadlines still ahead with the rule and source behind each.
	Refund   []RefundRow   `json:"refund_timeline"`
	Timeline []TimelineRow `json:"timeline"`
	// Checklist answers the card networks' "merchandise not received" questions (Visa 13.1,
	// Mastercard 4853) from the case, for the bank profile.
	Checklist []CheckItem `json:"checklist"`
	// Buyer signs the packet; empty until the buyer gives a name in the settings.
	Buyer    tracker.Buyer   `json:"buyer,omitzero"`
	Exhibits []PacketExhibit `json:"exhibits"`
	// Withdrawn are the exhibits the buyer removed: not part of the claim, listed at the end of
	// the evidence index with their hashes so that the gap in the numbering is explained.
	Withdrawn []Withdrawn `json:"withdrawn"`
	// Warnings go on the cover, where an agent cannot miss them: files that no longer match
	// their hashes, exhibits left out to meet an upload limit, a case without exhibits.
	Warnings []string `json:"warnings"`
	Verify   []string `json:"verify"` // how a reader checks the hashes
}

// Cover is the first thing a dispute agent reads: who, what, how much, when, and the claim.
type Cover struct {
	Marketplace string         `json:"marketplace"`
	OrderNumber string         `json:"order_number"`
	Seller      string         `json:"seller"`
	Item        string         `json:"item"`
	Amount      string         `json:"amount"` // "12.50 USD"
	Payment     string         `json:"payment,omitempty"`
	Ordered     string         `json:"ordered"`
	Shipped     string         `json:"shipped,omitempty"`
	Promised    string         `json:"promised,omitempty"`
	Tracking    []TrackingLine `json:"tracking"`
	City        string         `json:"city"`
	Postcode    string         `json:"postcode,omitempty"`
	Country     string         `json:"country"`           // English name
	Address     string         `json:"address,omitempty"` // only when the buyer chose to show it
	Dispute     []string       `json:"dispute,omitempty"` // "Dispute opened: 20 Sep 2026"
	Claim       string         `json:"claim"`
	Problem     string         `json:"problem"` // the claim's lead, "Item not received": the cover's headline
}

// TrackingLine is one tracking number with its carrier.
type TrackingLine struct {
	Number  string `json:"number"`
	Carrier string `json:"carrier"` // the carrier's name, or its id when no name is known
	Link    string `json:"link,omitempty"`
}

// Finding is one flag as the packet states it.
type Finding struct {
	Code     string `json:"code"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
	Action   string `json:"action,omitempty"`
	Exhibits []int  `json:"exhibits"`
}

// RefundRow is one line of the refund timeline: a step taken (Ahead false) or a deadline still
// to come, with the rule and its source.
type RefundRow struct {
	When   string `json:"when"`
	What   string `json:"what"`
	Ahead  bool   `json:"ahead,omitempty"`
	Rule   string `json:"rule,omitempty"`
	Source string `json:"source,omitempty"`
}

// CheckItem is one question of a card network's checklist and the case's answer.
type CheckItem struct {
	Question string `json:"question"`
	Answer   string `json:"answer"`
}

// TimelineRow is one dated line of the timeline: order, shipment, promise, tracking event,
// capture or dispute step.
type TimelineRow struct {
	When     string `json:"when"`
	What     string `json:"what"`
	Status   string `json:"status,omitempty"` // a carrier event's status in the packet's words
	Place    string `json:"place,omitempty"`
	Source   string `json:"source"` // order record, seller, carrier, buyer
	Exhibits []int  `json:"exhibits,omitempty"`
	at       time.Time
	undated  bool
}

// PacketExhibit is one exhibit number with all of its files.
type PacketExhibit struct {
	No            int          `json:"no"`
	Title         string       `json:"title"`
	URL           string       `json:"url,omitempty"`
	RequestedURL  string       `json:"requested_url,omitempty"` // when redirects changed it
	CapturedUTC   string       `json:"captured_utc"`
	CapturedLocal string       `json:"captured_local"`
	Note          string       `json:"note,omitempty"`
	Files         []PacketFile `json:"files"`
	CitedBy       []string     `json:"cited_by,omitempty"` // flag codes that rely on it
	Omitted       string       `json:"omitted,omitempty"`  // why it is left out of this packet
	// ByBuyer marks the buyer's own files and pasted histories: their time is when they were
	// added to the case, not when a page was captured.
	ByBuyer bool `json:"by_buyer,omitempty"`
}

// Withdrawn is an exhibit the buyer removed, as the evidence index accounts for it.
//
// Exhibits keep their numbers in the packet, with a gap where one was removed, rather than
// being renumbered: a capture's number is drawn into its screenshot's banner, and the manifest,
// the case's events and any message already sent cite exhibits by number, so a renumbered
// "Exhibit 3" would contradict the picture under it. The body never cites a removed number
// (findings and the timeline drop it); the index names it only as withdrawn, with its reason.
type Withdrawn struct {
	No     int          `json:"no"`
	Title  string       `json:"title"`            // its last description, or what it was
	When   string       `json:"when"`             // the day it was removed
	Reason string       `json:"reason,omitempty"` // the buyer's words, when given
	Files  []PacketFile `json:"files"`
}

// How a file appears in the packet beyond its line in the index.
const (
	ShowImage = "image" // its picture, scaled to the page and split across pages
	ShowText  = "text"  // its text, for the buyer's own notes and pasted histories
	ShowList  = "list"  // only its line in the index (archived pages, PDFs, videos)
)

// PacketFile is one file of an exhibit.
type PacketFile struct {
	Name      string `json:"name"`
	Path      string `json:"path"` // relative to the data folder
	Kind      string `json:"kind"`
	MediaType string `json:"media_type,omitempty"`
	SHA256    string `json:"sha256"`
	Size      int64  `json:"size"`
	Show      string `json:"show"`
	Problem   string `json:"problem,omitempty"` // missing or changed, when the packet was forced
}

// PacketOptions are the buyer's choices for one packet.
type PacketOptions struct {
	// Statement replaces the generated statement when it is not blank.
	Statement string
	// Address is the buyer's full postal address; the cover shows it only when it is given.
	Address string
	// CarrierName turns a carrier id into a name; nil or "" keeps the id.
	CarrierName func(id string) string
	// Problems are exhibit files that are missing or changed, for a packet made anyway: each
	// is named on the cover and next to its file.
	Problems []Problem
	// Buyer is who signs the packet.
	Buyer tracker.Buyer
	// History is the case's exhibit history: when and why each removed exhibit was removed.
	History []tracker.ExhibitChange
}

// NewPacket builds the packet of a case from its exhibit records and flags. now is when the
// packet is made; its location is the buyer's zone, used when a capture did not record one.
func NewPacket(c tracker.Case, exhibits []tracker.Exhibit, flags []tracker.Flag, now time.Time, opt PacketOptions) Packet {
	removed := map[int]bool{}
	for _, e := range exhibits {
		removed[e.No] = removed[e.No] || e.Removed
	}
	withdrawn := newWithdrawn(exhibits, opt.History, now.Location())
	exhibits = slices.DeleteFunc(slices.Clone(exhibits), func(e tracker.Exhibit) bool { return removed[e.No] })
	flags = slices.DeleteFunc(slices.Clone(flags), func(f tracker.Flag) bool { return !supportsClaim(f) })
	slices.SortStableFunc(flags, func(a, b tracker.Flag) int { return cmp.Compare(b.Severity.Rank(), a.Severity.Rank()) })
	p := Packet{
		Title:       fmt.Sprintf("Dispute packet: %s order %s", tracker.MarketplaceName(c.Marketplace), c.OrderNumber),
		GeneratedAt: now,
		Cover:       newCover(c, flags, opt),
		Findings:    []Finding{},
		Exhibits:    newExhibits(exhibits, flags, now.Location(), opt.Problems),
		Withdrawn:   withdrawn,
		Warnings:    []string{},
		Buyer:       opt.Buyer,
	}
	// A finding says what the record shows in the buyer's voice, as the statement does: the
	// engine's messages speak to the buyer ("you live in ...") and its actions are advice for
	// the buyer, not for the agent reading the packet.
	for _, f := range flags {
		cited := slices.DeleteFunc(slices.Clone(f.Exhibits), func(n int) bool { return removed[n] }) // the rules cite none; a stale report might
		p.Findings = append(p.Findings, Finding{Code: f.Code, Severity: string(f.Severity), Message: flagSentence(c, f, home(c)) + ".", Action: f.Action, Exhibits: nonNil(cited)})
	}
	p.Statement = statement(c, flags)
	if s := strings.TrimSpace(opt.Statement); s != "" {
		p.Statement, p.StatementByBuyer = s, true
	}
	p.Timeline = timeline(c, p.Exhibits, exhibits, removed, now.Location())
	p.Refund = refundTimeline(c, tracker.DateOf(now))
	p.Checklist = []CheckItem{}
	if p.Cover.Problem == problemNotReceived {
		p.Checklist = checklist(c, p.Exhibits, opt.Address)
	}
	if len(exhibits) == 0 {
		p.Warnings = append(p.Warnings, "This case has no exhibits yet: no tracking page was captured and no file was added, so the packet rests on the order record and the statement alone.")
		if len(withdrawn) > 0 {
			p.Warnings[len(p.Warnings)-1] = "This case has no exhibits left: the buyer withdrew every one (see the evidence index), so the packet rests on the order record and the statement alone."
		}
	}
	if len(opt.Problems) > 0 {
		var names []string
		for _, pr := range opt.Problems {
			names = append(names, fmt.Sprintf("%s (%s)", path.Base(pr.Path), pr.Problem))
		}
		p.Warnings = append(p.Warnings, "Made although the case folder does not match the records saved with its exhibits: "+strings.Join(names, ", ")+". Changed exhibits are shown as they are now.")
	}
	if len(exhibits) == 0 {
		p.Verify = []string{"This packet has no files to check: the case had no exhibits when it was made."}
		return p
	}
	p.Verify = []string{
		"Every file of every exhibit is listed in the evidence index with its SHA-256 hash, recorded when the file was saved.",
		"To check a file, compute its SHA-256 and compare it with the index: on Linux `sha256sum FILE`, on macOS `shasum -a 256 FILE`, on Windows `certutil -hashfile FILE SHA256`.",
		"To check them all at once, save the lines below as SHA256SUMS in the case folder and run `sha256sum -c SHA256SUMS`: each file must say OK.",
	}
	return p
}

// Priority lists the exhibit numbers most important first: those cited by the most severe
// flags, then those the tracking events were read from, then the rest by number. A packet that
// must shrink leaves out exhibits from the end of this list.
func (p Packet) Priority() []int {
	type scored struct{ no, sev, events int }
	events := map[int]int{}
	for _, r := range p.Timeline {
		if r.Source == sourceCarrier {
			for _, n := range r.Exhibits {
				events[n]++
			}
		}
	}
	sev := map[int]int{}
	for _, f := range p.Findings {
		for _, n := range f.Exhibits {
			sev[n] = max(sev[n], tracker.Severity(f.Severity).Rank())
		}
	}
	var s []scored
	for _, e := range p.Exhibits {
		s = append(s, scored{e.No, sev[e.No], min(events[e.No], 1)})
	}
	slices.SortStableFunc(s, func(a, b scored) int {
		return cmp.Or(cmp.Compare(b.sev, a.sev), cmp.Compare(b.events, a.events), cmp.Compare(a.no, b.no))
	})
	out := make([]int, len(s))
	for i, x := range s {
		out[i] = x.no
	}
	return out
}

// Leave returns a copy of the packet with the exhibits numbered in nos left out for reason
// (still listed, with their hashes, in the index) and the cover saying which and why.
func (p Packet) Leave(nos []int, reason string) Packet {
	if len(nos) == 0 {
		return p
	}
	nos = slices.Sorted(slices.Values(nos))
	p.Exhibits = slices.Clone(p.Exhibits)
	for i := range p.Exhibits {
		if slices.Contains(nos, p.Exhibits[i].No) {
			p.Exhibits[i].Omitted = reason
		}
	}
	msg := "%s was left out of this packet: %s. Its files and hashes are still listed in the evidence index."
	if len(nos) > 1 {
		msg = "%s were left out of this packet: %s. Their files and hashes are still listed in the evidence index."
	}
	what := tracker.ExhibitsText(nos)
	p.Warnings = append(slices.Clone(p.Warnings), fmt.Sprintf(msg, strings.ToUpper(what[:1])+what[1:], reason))
	return p
}

// Sums are the packet's files as sha256sum check lines, paths relative to the case folder.
func (p Packet) Sums() []string {
	var out []string
	for _, e := range p.Exhibits {
		for _, f := range e.Files {
			out = append(out, f.SHA256+"  "+f.Name)
		}
	}
	return out
}

const (
	sourceOrder   = "order record"
	sourceSeller  = "seller"
	sourceCarrier = "carrier"
	sourceBuyer   = "buyer"
)

func newCover(c tracker.Case, flags []tracker.Flag, opt PacketOptions) Cover {
	cv := Cover{
		Marketplace: tracker.MarketplaceName(c.Marketplace),
		OrderNumber: c.OrderNumber,
		Seller:      c.Seller,
		Item:        c.Item,
		Amount:      c.Amount.String() + " " + c.Currency,
		Payment:     tracker.PaymentName(c.Payment),
		Ordered:     day(c.Ordered),
		Shipped:     day(c.Shipped),
		Promised:    day(c.Promised),
		Tracking:    []TrackingLine{},
		City:        c.Buyer.City,
		Postcode:    c.Buyer.Postcode,
		Country:     cmp.Or(tracker.CountryName(c.Buyer.Country), c.Buyer.Country),
		Address:     strings.TrimSpace(opt.Address),
		Claim:       claim(c, flags),
	}
	cv.Problem, _, _ = strings.Cut(cv.Claim, ":")
	for _, s := range c.Shipments {
		name := s.Carrier
		if opt.CarrierName != nil {
			name = cmp.Or(opt.CarrierName(s.Carrier), s.Carrier)
		}
		cv.Tracking = append(cv.Tracking, TrackingLine{Number: s.Number, Carrier: cmp.Or(name, "carrier not recognised"), Link: s.Link})
		for _, f := range s.Former { // the numbers the parcel had before: their events are in the timeline
			cv.Tracking = append(cv.Tracking, TrackingLine{Number: f.Number, Carrier: "earlier number of " + s.Number, Link: f.Link})
		}
	}
	d := c.Dispute
	for _, x := range []struct {
		what string
		when tracker.Date
	}{{"Asked the seller", d.SellerContacted}, {"Seller promised by", d.SellerPromised}, {"Dispute opened", d.Opened}, {"Dispute escalated", d.Escalated}, {"Dispute decided for the buyer", d.Won}, {"Refund promised", d.RefundPromised}, {"Refund received", d.RefundReceived}} {
		if !x.when.IsZero() {
			cv.Dispute = append(cv.Dispute, x.what+": "+day(x.when))
		}
	}
	return cv
}

// problemNotReceived leads every claim for a parcel that never came.
const problemNotReceived = "Item not received"

// claim is the case in one sentence, led by the most severe finding.
func claim(c tracker.Case, flags []tracker.Flag) string {
	amount := c.Amount.String() + " " + c.Currency
	for _, f := range flags {
		switch f.Code {
		case tracker.FlagDeliveredElsewhere:
			if ev, _, ok := delivery(c); ok && ev.Place != "" {
				return fmt.Sprintf("Item not received: the tracking shows delivery in %s, not in %s where I live; I ask for a full refund of %s.", ev.Place, c.Buyer.City, amount)
			}
			return fmt.Sprintf("Item not received: the tracking shows delivery somewhere other than %s where I live; I ask for a full refund of %s.", c.Buyer.City, amount)
		case tracker.FlagDeliveredBeforeOrder, tracker.FlagReusedNumber:
			return fmt.Sprintf("Item not received: the tracking number belongs to another parcel, so it does not prove this order was sent; I ask for a full refund of %s.", amount)
		}
	}
	if !c.Dispute.RefundPromised.IsZero() && c.Dispute.RefundReceived.IsZero() {
		return fmt.Sprintf("Refund not received: a refund of %s was promised on %s and has not arrived.", amount, day(c.Dispute.RefundPromised))
	}
	if !c.Promised.IsZero() {
		return fmt.Sprintf("Item not received: order %s was due by %s and has not arrived; I ask for a full refund of %s.", c.OrderNumber, day(c.Promised), amount)
	}
	return fmt.Sprintf("Item not received: order %s has not arrived; I ask for a full refund of %s.", c.OrderNumber, amount)
}

// statement is the buyer's account built from the case and its flags: facts with their
// exhibits, nothing the record cannot show.
func statement(c tracker.Case, flags []tracker.Flag) string {
	var s []string
	paid := ""
	if c.Payment != "" {
		paid = " by " + tracker.PaymentName(c.Payment)
	}
	s = append(s, fmt.Sprintf("On %s I ordered %q from %s on %s (order %s) and paid %s %s%s.",
		day(c.Ordered), c.Item, c.Seller, tracker.MarketplaceName(c.Marketplace), c.OrderNumber, c.Amount, c.Currency, paid))
	nums := strings.Join(c.Numbers(), " and ")
	switch {
	case !c.Shipped.IsZero():
		s = append(s, fmt.Sprintf("The seller marked it shipped on %s with tracking number %s.", day(c.Shipped), nums))
	case nums != "":
		s = append(s, fmt.Sprintf("The seller gave tracking number %s.", nums))
	}
	if !c.Promised.IsZero() {
		s = append(s, fmt.Sprintf("Delivery was promised by %s.", day(c.Promised)))
	}
	seen := map[string]bool{}
	for _, f := range flags {
		if f.Severity == tracker.Info || seen[f.Code] {
			continue
		}
		seen[f.Code] = true
		if line := flagSentence(c, f, home(c)); line != "" {
			s = append(s, line+cite(f.Exhibits)+".")
		}
	}
	if ev, num, ok := delivery(c); ok && c.Dispute.NotReceived && !seen[tracker.FlagDeliveredElsewhere] {
		s = append(s, fmt.Sprintf("The tracking number %s shows a delivery on %s%s, but nothing was delivered to me and I have not received the parcel.",
			num, day(tracker.DateOf(ev.Time)), prefixed(" in ", ev.Place)))
	}
	d := c.Dispute
	for _, f := range deadlines.FollowUps(&d) {
		if !f.Proof.IsZero() {
			s = append(s, fmt.Sprintf(followUpSentences[f.Field], day(f.Proof.On), f.RefWords()))
		}
	}
	if !c.Dispute.SellerContacted.IsZero() {
		s = append(s, fmt.Sprintf("I asked the seller about it on %s.", day(c.Dispute.SellerContacted)))
	}
	if !c.Dispute.Opened.IsZero() {
		s = append(s, fmt.Sprintf("I opened a dispute on %s.", day(c.Dispute.Opened)))
	}
	if !c.Dispute.RefundPromised.IsZero() && c.Dispute.RefundReceived.IsZero() {
		s = append(s, fmt.Sprintf("A refund was promised on %s and has not arrived.", day(c.Dispute.RefundPromised)))
	}
	s = append(s, fmt.Sprintf("I have not received the item and ask for a full refund of %s %s.", c.Amount, c.Currency))
	return strings.Join(s, " ")
}

// followUpSentences say each follow-up of a parcel not received in the buyer's statement; the
// reference follows the date.
var followUpSentences = map[string]string{
	"pod_requested":       "I asked the carrier for its proof of delivery on %s%s.",
	"carrier_answered":    "The carrier answered on %s%s.",
	"carrier_claim":       "I filed a claim with the carrier on %s%s.",
	"police_report":       "I reported the theft to the police on %s%s.",
	"neighbour_statement": "A neighbour gave me a signed statement on %s%s.",
}

// home is where the buyer lives as the packet says it: São Paulo (01310-100), Brazil.
func home(c tracker.Case) string {
	h := c.Buyer.City
	if c.Buyer.Postcode != "" {
		h += " (" + c.Buyer.Postcode + ")"
	}
	return h + ", " + cmp.Or(tracker.CountryName(c.Buyer.Country), c.Buyer.Country)
}

// flagSentence states one flag in the buyer's voice, without the final full stop; flags with
// no sentence of their own use the engine's message.
func flagSentence(c tracker.Case, f tracker.Flag, home string) string {
	switch f.Code {
	case tracker.FlagDeliveredElsewhere:
		if ev, num, ok := delivery(c); ok {
			far := ""
			if f.DistanceKM > 0 {
				far = ", about " + town.KMText(f.DistanceKM) + " from my address"
			}
			return fmt.Sprintf("The tracking number %s shows delivery in %s on %s%s; I live in %s, and nothing was delivered to me", num, cmp.Or(ev.Place, "another place"), day(tracker.DateOf(ev.Time)), far, home)
		}
	case tracker.FlagDeliveryPlaceUnclear: // the engine's message is a question to the buyer: state the fact only
		if ev, num, ok := delivery(c); ok {
			return fmt.Sprintf("The tracking number %s shows delivery at '%s' on %s", num, ev.Place, day(tracker.DateOf(ev.Time)))
		}
	case tracker.FlagDeliveredBeforeOrder:
		if ev, num, ok := delivery(c); ok {
			return fmt.Sprintf("The tracking number %s shows a delivery on %s, before I placed the order on %s, so it belongs to another parcel", num, day(tracker.DateOf(ev.Time)), day(c.Ordered))
		}
	case tracker.FlagStalled:
		if ev, num, ok := latest(c); ok {
			return fmt.Sprintf("The last tracking event for %s is from %s (%s); nothing has moved since", num, day(tracker.DateOf(ev.Time)), joinNonEmpty(", ", ev.Description, ev.Place))
		}
	case tracker.FlagNotShipped:
		if ev, num, ok := latest(c); ok {
			return fmt.Sprintf("The tracking for %s shows only that a label was created (last event %s); the parcel was never handed to the carrier", num, day(tracker.DateOf(ev.Time)))
		}
	}
	return strings.TrimRight(strings.TrimSpace(f.Message), ".")
}

// delivery finds the latest delivered event and its tracking number.
func delivery(c tracker.Case) (tracker.Event, string, bool) {
	return findEvent(c, func(e tracker.Event) bool { return e.Status == tracker.StatusDelivered })
}

// latest finds the latest dated event and its tracking number.
func latest(c tracker.Case) (tracker.Event, string, bool) {
	return findEvent(c, func(tracker.Event) bool { return true })
}

func findEvent(c tracker.Case, match func(tracker.Event) bool) (tracker.Event, string, bool) {
	var best tracker.Event
	num, ok := "", false
	for _, s := range c.Shipments {
		for _, e := range s.Events {
			if !e.Unparsed && match(e) && (!ok || e.Time.After(best.Time)) {
				best, num, ok = e, s.NumberOf(e), true
			}
		}
	}
	return best, num, ok
}

func newExhibits(records []tracker.Exhibit, flags []tracker.Flag, loc *time.Location, problems []Problem) []PacketExhibit {
	problem := map[string]string{}
	for _, p := range problems {
		problem[p.Path] = p.Problem
	}
	var out []PacketExhibit
	for _, r := range records {
		if len(out) == 0 || out[len(out)-1].No != r.No {
			out = append(out, newExhibit(r, flags, loc))
		}
		e := &out[len(out)-1]
		e.Files = append(e.Files, PacketFile{
			Name: path.Base(r.Path), Path: r.Path, Kind: r.Kind, MediaType: r.MediaType,
			SHA256: r.SHA256, Size: r.Size, Show: show(r), Problem: problem[r.Path],
		})
	}
	return nonNil(out)
}

// newWithdrawn lists the removed exhibits with their files, last description and removal.
func newWithdrawn(records []tracker.Exhibit, log []tracker.ExhibitChange, loc *time.Location) []Withdrawn {
	out := []Withdrawn{}
	for _, r := range records {
		if !r.Removed {
			continue
		}
		if len(out) == 0 || out[len(out)-1].No != r.No {
			w := Withdrawn{No: r.No, Title: exhibitTitle(r), Files: []PacketFile{}}
			for _, c := range log {
				if c.Exhibit == r.No && c.Action == tracker.ExhibitRemoved {
					w.When, w.Reason = c.At.In(loc).Format("2 Jan 2006"), c.Reason
				}
			}
			out = append(out, w)
		}
		w := &out[len(out)-1]
		w.Files = append(w.Files, PacketFile{Name: path.Base(r.Path), Path: r.Path, Kind: r.Kind, MediaType: r.MediaType, SHA256: r.SHA256, Size: r.Size, Show: ShowList})
	}
	return out
}

func newExhibit(r tracker.Exhibit, flags []tracker.Flag, loc *time.Location) PacketExhibit {
	e := PacketExhibit{No: r.No, URL: cmp.Or(r.FinalURL, r.URL), Note: r.Note, Title: exhibitTitle(r), Files: []PacketFile{}, ByBuyer: r.Kind == "file" || r.Kind == "history"}
	if r.FinalURL != "" && r.URL != "" && r.FinalURL != r.URL {
		e.RequestedURL = r.URL
	}
	if r.Description != "" && e.ByBuyer {
		e.Note = "" // the words the file was added with, which the description replaced
	}
	if l, err := time.LoadLocation(r.Zone); r.Zone != "" && err == nil {
		loc = l
	}
	e.CapturedUTC = r.CapturedAt.UTC().Format(stampLayout) + " UTC"
	local := r.CapturedAt.In(loc)
	e.CapturedLocal = local.Format(stampLayout) + " " + local.Format("MST")
	if name := loc.String(); name != "Local" && name != "UTC" && name != local.Format("MST") {
		e.CapturedLocal += " (" + name + ")"
	}
	for _, f := range flags {
		if slices.Contains(f.Exhibits, r.No) && !slices.Contains(e.CitedBy, f.Code) {
			e.CitedBy = append(e.CitedBy, f.Code)
		}
	}
	return e
}

// exhibitTitle is what an exhibit is called in the packet: the buyer's latest description, else
// the page's title, else what kind of exhibit it is.
func exhibitTitle(r tracker.Exhibit) string {
	switch {
	case r.Description != "":
		return r.Description
	case r.Title != "":
		return r.Title
	case r.Kind == "file" && r.Note != "":
		return r.Note
	case r.Kind == "file":
		return "File added by the buyer"
	case r.Kind == "history":
		return "Tracking history pasted by the buyer"
	case r.URL != "":
		return "Tracking page"
	}
	return "Exhibit"
}

func show(r tracker.Exhibit) string {
	mt, _, _ := strings.Cut(r.MediaType, ";")
	switch {
	case mt == "image/png" || mt == "image/jpeg" || mt == "image/gif":
		return ShowImage
	case mt == "text/plain" && r.Kind != "text":
		// A captured page's text repeats its screenshot; the buyer's notes and pasted
		// histories exist nowhere else in the packet.
		return ShowText
	}
	return ShowList
}

// timeline dates every step; events read from a removed exhibit stay, citing none.
func timeline(c tracker.Case, ex []PacketExhibit, records []tracker.Exhibit, removed map[int]bool, loc *time.Location) []TimelineRow {
	var rows []TimelineRow
	add := func(d tracker.Date, what, source string) {
		if !d.IsZero() {
			rows = append(rows, TimelineRow{When: day(d), What: what, Source: source, at: d.In(time.UTC)})
		}
	}
	add(c.Ordered, fmt.Sprintf("Ordered and paid %s %s (order %s)", c.Amount, c.Currency, c.OrderNumber), sourceOrder)
	add(c.Shipped, "Seller marked the order shipped", sourceSeller)
	add(c.Promised, "Latest delivery date the seller promised", sourceSeller)
	for _, s := range c.Shipments {
		for _, e := range s.Events {
			r := TimelineRow{What: s.NumberOf(e) + ": " + e.Description, Status: StatusWords(e.Status), Place: e.Place, Source: sourceCarrier, at: e.Time}
			if e.Exhibit != 0 && !removed[e.Exhibit] {
				r.Exhibits = []int{e.Exhibit}
			}
			if e.Unparsed {
				r.When, r.undated = "date not readable", true
			} else {
				r.When = stamp(e.Time)
			}
			rows = append(rows, r)
		}
	}
	for _, e := range ex {
		rec := records[slices.IndexFunc(records, func(r tracker.Exhibit) bool { return r.No == e.No })]
		what := "Tracking page captured"
		switch {
		case rec.Kind == "history":
			what = e.Title
		case rec.Kind == "file":
			what = "File added by the buyer"
			if d := rec.Described(); d != "" {
				what += ": " + d
			}
		case e.URL != "":
			what += ": " + e.URL
		}
		// Local wall-clock time, like the carriers' event times it sits between.
		at := rec.CapturedAt.In(loc)
		if l, err := time.LoadLocation(rec.Zone); rec.Zone != "" && err == nil {
			at = rec.CapturedAt.In(l)
		}
		wall := time.Date(at.Year(), at.Month(), at.Day(), at.Hour(), at.Minute(), at.Second(), 0, time.UTC)
		rows = append(rows, TimelineRow{When: stamp(wall), What: what, Source: sourceBuyer, Exhibits: []int{e.No}, at: wall})
	}
	d := c.Dispute
	add(d.SellerContacted, "Buyer asked the seller", sourceBuyer)
	add(d.SellerPromised, "Date the seller promised to ship or refund by", sourceSeller)
	add(d.Opened, "Dispute opened", sourceBuyer)
	add(d.Escalated, "Dispute escalated", sourceBuyer)
	add(d.Won, "Dispute decided for the buyer", sourceBuyer)
	add(d.RefundPromised, "Refund promised", sourceSeller)
	add(d.RefundReceived, "Refund received", sourceBuyer)
	slices.SortStableFunc(rows, func(a, b TimelineRow) int {
		if a.undated != b.undated {
			if a.undated {
				return 1
			}
			return -1
		}
		return a.at.Compare(b.at)
	})
	return nonNil(rows)
}

const stampLayout = "2 Jan 2006 15:04:05"

// stamp formats a wall-clock time, leaving out a midnight that only means "no time given".
func stamp(t time.Time) string {
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
		return t.Format("2 Jan 2006")
	}
	return t.Format("2 Jan 2006 15:04")
}

// day formats a date the way a reader anywhere reads it without guessing the order: 14 Oct 2026.
func day(d tracker.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.In(time.UTC).Format("2 Jan 2006")
}

// cite is " (exhibit 3)" or " (exhibits 2 and 3)", or "" when nothing is cited.
func cite(nos []int) string {
	if len(nos) == 0 {
		return ""
	}
	return " (" + tracker.ExhibitsText(nos) + ")"
}

func prefixed(prefix, s string) string {
	if s == "" {
		return ""
	}
	return prefix + s
}

func joinNonEmpty(sep string, parts ...string) string {
	return strings.Join(slices.DeleteFunc(parts, func(s string) bool { return strings.TrimSpace(s) == "" }), sep)
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
