package pdf

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/jung-kurt/gofpdf"

	"proofpack/evidence"
	"proofpack/tracker"
)

// doc is one layout of a packet. The same packet and pictures always give the same pages, so a
// plan without picture bytes (enc nil) tells the page count and the bands to encode, and the
// final pass draws the same pages with the pictures in.
type doc struct {
	typesetter
	p       evidence.Packet
	r       *renderer
	enc     map[string][][]byte
	total   int // pages, from the plan; 0 while planning
	y       float64
	layout  []string
	bands   map[string][]band
	order   []string    // the pictures with bands, in the order they are drawn
	exPages map[int]int // pages each exhibit takes
	curEx   int
	fills   []float64 // how full each finished page is, 0 to 1
	// undrawable: some text has characters no font can draw, which the cover says once
	undrawable bool
}

// fill is how much of the current page's content height is used.
func (d *doc) fill() float64 { return (d.y - marginT) / (bottom - marginT) }

// fullEnough is how full a page must be before a new part (an exhibit, the index) starts on a
// page of its own: below it the part goes on under a rule, so no page is left nearly empty.
const fullEnough = 0.5

// section starts a part on a new page, or under a rule on this one when it is less than half full.
func (d *doc) section(label string) {
	if d.fill() >= fullEnough {
		d.newPage(label)
		return
	}
	d.y += 6
	d.pdf.SetDrawColor(ruleGrey[0], ruleGrey[1], ruleGrey[2])
	d.pdf.SetLineWidth(0.6)
	d.pdf.Line(marginL, d.y, pageW-marginL, d.y)
	d.y += 4
	d.layout[len(d.layout)-1] += ", " + label
	if d.curEx != 0 {
		d.exPages[d.curEx]++
	}
}

func (r *renderer) build(p evidence.Packet, enc map[string][][]byte, total int) *doc {
	pdf := gofpdf.New("P", "mm", "A4", "")
	pdf.SetCatalogSort(true)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(marginL, marginT, marginL)
	d := &doc{p: p, r: r, enc: enc, total: total, bands: map[string][]band{}, exPages: map[int]int{}}
	d.pdf = pdf
	d.cov = newCoverage()
	pdf.SetTitle(d.cov.plain(p.Title), true)
	pdf.SetAuthor("The buyer, with ProofPack", true)
	pdf.SetSubject(d.cov.plain(p.Cover.Claim), true)
	pdf.SetCreator("ProofPack", true)
	pdf.SetKeywords(d.cov.plain(strings.Join(append([]string{p.Cover.OrderNumber}, trackingNumbers(p)...), " ")), true)
	d.undrawable = d.cov.cannotDraw(packetText(p, r.texts)...)
	addFont(pdf, famLatin, "")
	addFont(pdf, famLatin, "B")
	if d.cov.needsHan(packetText(p, r.texts)...) {
		addFont(pdf, famHan, "")
		d.han = true
	}
	pdf.SetFooterFunc(d.footer)
	d.cover()
	d.statement()
	d.findings()
	d.refund()
	if r.opt.Profile.Name == "bank" {
		d.checklist()
	}
	d.timeline()
	for _, e := range p.Exhibits {
		if e.Omitted == "" {
			d.exhibit(e)
		}
	}
	d.curEx = 0
	d.section("evidence index")
	d.index()
	d.appendix()
	return d
}

func (d *doc) newPage(label string) {
	if d.pdf.PageNo() > 0 {
		d.fills = append(d.fills, d.fill())
	}
	d.pdf.AddPage()
	d.y = marginT
	d.layout = append(d.layout, fmt.Sprintf("%d: %s", d.pdf.PageNo(), label))
	if d.curEx != 0 {
		d.exPages[d.curEx]++
	}
}

func (d *doc) footer() {
	d.set(style{size: 7.5, color: grey})
	y := pageH - 11
	left := "ProofPack dispute packet · " + d.p.Cover.Marketplace + " order " + d.p.Cover.OrderNumber
	d.draw(marginL, y, left)
	right := fmt.Sprintf("Page %d", d.pdf.PageNo())
	if d.total > 0 {
		right += fmt.Sprintf(" of %d", d.total)
	}
	d.draw(pageW-marginL-d.width(right), y, right)
	d.pdf.SetDrawColor(ruleGrey[0], ruleGrey[1], ruleGrey[2])
	d.pdf.SetLineWidth(0.2)
	d.pdf.Line(marginL, y-4, pageW-marginL, y-4)
}

// need starts a new page when h millimetres do not fit on this one.
func (d *doc) need(h float64, label string) {
	if d.y+h > bottom {
		d.newPage(label)
	}
}

// text sets a paragraph from x (indent from the left margin) across the rest of the width,
// breaking pages as it goes.
func (d *doc) text(s string, st style, indent float64, label string) {
	d.set(st)
	lh := st.lineH()
	for _, line := range d.wrap(s, contentW-indent) {
		d.need(lh, label)
		d.set(st)
		d.draw(marginL+indent, d.y+lh*0.78, line)
		d.y += lh
	}
}

func (d *doc) heading(s, label string) {
	d.need(22, label) // a heading never sits alone at the foot of a page
	d.y += 4
	d.text(s, style{size: 13, bold: true, color: black}, 0, label)
	d.pdf.SetDrawColor(ruleGrey[0], ruleGrey[1], ruleGrey[2])
	d.pdf.SetLineWidth(0.3)
	d.pdf.Line(marginL, d.y+0.8, pageW-marginL, d.y+0.8)
	d.y += 3
}

// row draws cells side by side, each wrapped in its column, and returns nothing until the
// whole row fits on the page.
func (d *doc) row(widths []float64, cells []string, st []style, fill bool, label string, header func()) {
	lines := make([][]string, len(cells))
	h := 0.0
	for i, c := range cells {
		d.set(st[i])
		lines[i] = d.wrap(c, widths[i]-2)
		h = math.Max(h, float64(len(lines[i]))*st[i].lineH())
	}
	h += 1.6
	if d.y+h > bottom {
		d.newPage(label)
		if header != nil {
			header()
		}
	}
	if fill {
		d.pdf.SetFillColor(shade[0], shade[1], shade[2])
		d.pdf.Rect(marginL, d.y, sum(widths), h, "F")
	}
	x := marginL
	for i := range cells {
		d.set(st[i])
		lh := st[i].lineH()
		for j, line := range lines[i] {
			d.draw(x+1, d.y+0.8+float64(j)*lh+lh*0.78, line)
		}
		x += widths[i]
	}
	d.y += h
	d.pdf.SetDrawColor(ruleGrey[0], ruleGrey[1], ruleGrey[2])
	d.pdf.SetLineWidth(0.1)
	d.pdf.Line(marginL, d.y, marginL+sum(widths), d.y)
}

var (
	body    = style{size: 10, color: black}
	small   = style{size: 8.5, color: black}
	keySty  = style{size: 8.5, bold: true, color: grey}
	hashSty = style{size: 8, color: black}
)

func (d *doc) cover() {
	d.newPage("cover")
	c := d.p.Cover
	d.text("Dispute packet: "+strings.ToLower(c.Problem), style{size: 20, bold: true, color: black}, 0, "cover")
	d.text(c.Marketplace+" order "+c.OrderNumber, style{size: 13, color: black}, 0, "cover")
	d.y += 3
	// The claim, shaded, so an agent reads it first.
	st := style{size: 11, bold: true, color: black}
	d.set(st)
	lines := d.wrap(c.Claim, contentW-6)
	h := float64(len(lines))*st.lineH() + 5
	d.pdf.SetFillColor(shade[0], shade[1], shade[2])
	d.pdf.Rect(marginL, d.y, contentW, h, "F")
	for i, l := range lines {
		d.draw(marginL+3, d.y+2.5+float64(i)*st.lineH()+st.lineH()*0.78, l)
	}
	d.y += h + 3
	if len(d.p.Warnings) > 0 {
		d.text("Read first", style{size: 10, bold: true, color: red}, 0, "cover")
		for _, w := range d.p.Warnings {
			d.text("• "+w, style{size: 9.5, color: red}, 0, "cover")
		}
		d.y += 2
	}
	kv := [][2]string{
		{"Marketplace", c.Marketplace},
		{"Order number", c.OrderNumber},
		{"Seller", c.Seller},
		{"Item", c.Item},
		{"Amount paid", strings.TrimSpace(c.Amount + paidBy(c.Payment))},
		{"Ordered", c.Ordered},
		{"Shipped", c.Shipped},
		{"Delivery promised by", c.Promised},
	}
	for _, t := range c.Tracking {
		kv = append(kv, [2]string{"Tracking number", t.Number + " (" + t.Carrier + ")"})
	}
	buyer := c.City
	if c.Postcode != "" {
		buyer += " " + c.Postcode
	}
	kv = append(kv, [2]string{"Deliver to", buyer + ", " + c.Country})
	if c.Address != "" {
		kv = append(kv, [2]string{"Full address", c.Address})
	}
	for _, s := range c.Dispute {
		k, v, _ := strings.Cut(s, ": ")
		kv = append(kv, [2]string{k, v})
	}
	if b := d.p.Buyer; b.Name != "" {
		kv = append(kv, [2]string{"Claimant", b.Name}, [2]string{"Contact", b.Contact()})
	}
	kv = append(kv, [2]string{"Packet made", d.p.GeneratedAt.Format("2 Jan 2006 15:04 MST") + ", with ProofPack"})
	for _, x := range kv {
		if x[1] != "" {
			d.row([]float64{42, contentW - 42}, []string{x[0], x[1]}, []style{keySty, body}, false, "cover", nil)
		}
	}
	if d.undrawable {
		d.y += 2
		d.text(undrawable+"; "+keptOriginal+".", style{size: 8.5, color: grey}, 0, "cover")
	}
}

func paidBy(payment string) string {
	if payment == "" {
		return ""
	}
	return " by " + payment
}

func (d *doc) statement() {
	d.heading("Statement", "statement")
	b := d.p.Buyer
	who := "Drafted with ProofPack from the order record and the carrier's tracking, for the buyer to read and sign."
	switch {
	case d.p.StatementByBuyer && b.Name != "":
		who = "Written by " + b.Name + "."
	case d.p.StatementByBuyer:
		who = "Written by the buyer."
	case b.Name != "":
		who = "Drafted with ProofPack from the order record and the carrier's tracking; read and signed by " + b.Name + "."
	}
	d.text(who, style{size: 8.5, color: grey}, 0, "statement")
	d.y += 1
	d.text(d.p.Statement, style{size: 10.5, color: black}, 0, "statement")
	d.signature()
}

// signature is the line a clerk expects under a claim: the buyer's name and contact, a place
// to sign and the date.
func (d *doc) signature() {
	d.need(26, "statement")
	d.y += 10
	name := d.p.Buyer.Name
	if name == "" {
		name = "Name: ______________________________"
	}
	d.pdf.SetDrawColor(black[0], black[1], black[2])
	d.pdf.SetLineWidth(0.3)
	d.pdf.Line(marginL, d.y, marginL+80, d.y)
	d.pdf.Line(marginL+100, d.y, marginL+150, d.y)
	d.y += 1
	d.text("Signature", style{size: 8, color: grey}, 0, "statement")
	d.y -= style{size: 8}.lineH()
	d.text("Date", style{size: 8, color: grey}, 100, "statement")
	d.text(name, body, 0, "statement")
	if c := d.p.Buyer.Contact(); c != "" {
		d.text(c, small, 0, "statement")
	}
}

func (d *doc) findings() {
	d.heading("Findings", "findings")
	if len(d.p.Findings) == 0 {
		d.text("ProofPack found nothing to flag automatically; the statement and the timeline give the facts.", body, 0, "findings")
		return
	}
	for _, f := range d.p.Findings {
		col := grey
		switch f.Severity {
		case "critical":
			col = red
		case "warning":
			col = amber
		}
		d.need(12, "findings")
		d.text(strings.ToUpper(f.Severity)+" · "+evidence.FindingTitle(f.Code), style{size: 8.5, bold: true, color: col}, 0, "findings")
		msg := f.Message
		if len(f.Exhibits) > 0 {
			msg += " Proof: " + tracker.ExhibitsText(f.Exhibits) + "."
		}
		d.text(msg, body, 0, "findings")
		d.y += 1.5
	}
}

// refund is the refund timeline: the steps taken, then the deadlines ahead with their rule and
// source, so a clerk reads that the buyer acted in time.
func (d *doc) refund() {
	if len(d.p.Refund) == 0 {
		return
	}
	d.heading("Refund timeline", "refund timeline")
	widths := []float64{26, contentW - 26}
	for _, r := range d.p.Refund {
		what := r.What
		st := []style{small, small}
		if r.Ahead {
			what = "Ahead: " + what
			if r.Rule != "" {
				what += "\nRule: " + r.Rule + "\nSource: " + r.Source
			}
			st = []style{{size: 8.5, bold: true, color: black}, small}
		} else if r.Rule != "" {
			what += "\nRule: " + r.Rule
		}
		d.row(widths, []string{r.When, what}, st, false, "refund timeline (continued)", nil)
	}
}

// checklist answers the card networks' "merchandise not received" questions, for a bank.
func (d *doc) checklist() {
	if len(d.p.Checklist) == 0 {
		return
	}
	d.heading("Merchandise not received (Visa 13.1, Mastercard 4853)", "checklist")
	for _, it := range d.p.Checklist {
		d.row([]float64{52, contentW - 52}, []string{it.Question, it.Answer}, []style{keySty, small}, false, "checklist", nil)
	}
}

func (d *doc) timeline() {
	d.heading("Timeline", "timeline")
	widths := []float64{35, 93, 32, 14}
	head := func() {
		d.row(widths, []string{"When", "What", "Where", "Exhibit"}, []style{keySty, keySty, keySty, keySty}, true, "timeline", nil)
	}
	head()
	for _, r := range d.p.Timeline {
		ex := ""
		if len(r.Exhibits) > 0 {
			ex = joinNos(r.Exhibits)
		}
		what := r.What
		if r.Status != "" {
			what = r.Status + " · " + what
		}
		d.row(widths, []string{r.When, what, r.Place, ex}, []style{small, small, small, small}, false, "timeline (continued)", head)
	}
	d.text("Carrier times are as the carrier's page printed them, its status in English before its own words; capture times are the buyer's local time.", style{size: 7.5, color: grey}, 0, "timeline")
}

func (d *doc) exhibit(e evidence.PacketExhibit) {
	d.curEx = e.No
	lbl := fmt.Sprintf("exhibit %d", e.No)
	d.section(lbl)
	d.text(fmt.Sprintf("Exhibit %d", e.No), style{size: 15, bold: true, color: black}, 0, lbl)
	d.text(e.Title, style{size: 10.5, color: black}, 0, lbl)
	d.y += 1.5
	w := []float64{26, contentW - 26}
	kv := func(k, v string) {
		if v != "" {
			d.row(w, []string{k, v}, []style{keySty, small}, false, lbl, nil)
		}
	}
	kv("Page address", e.URL)
	kv("Requested", e.RequestedURL)
	kv(timeWord(e), e.CapturedUTC+"  ·  local "+e.CapturedLocal)
	if e.Note != e.Title {
		kv("Note", e.Note)
	}
	for _, f := range e.Files {
		v := f.Name + " (" + f.Kind + ", " + humanBytes(f.Size) + ")\nSHA-256 " + shortHash(f.SHA256) + " (in full in the evidence index)"
		d.row(w, []string{"File", v}, []style{keySty, small}, false, lbl, nil)
	}
	if len(e.CitedBy) > 0 {
		words := make([]string, len(e.CitedBy))
		for i, c := range e.CitedBy {
			words[i] = evidence.FindingTitle(c)
		}
		kv("Supports", strings.Join(words, "; "))
	}
	d.y += 2
	for _, f := range e.Files {
		switch f.Problem {
		case evidence.Missing:
			d.text(f.Name+" is missing from the case folder: it cannot be shown. Its recorded SHA-256 is above.", style{size: 9.5, bold: true, color: red}, 0, lbl)
			continue
		case evidence.Changed:
			d.text(f.Name+" changed after it was saved: its SHA-256 no longer matches the one above. It is shown as it is now.", style{size: 9.5, bold: true, color: red}, 0, lbl)
		}
		switch f.Show {
		case evidence.ShowImage:
			d.picture(e, f)
		case evidence.ShowText:
			d.need(15, lbl)
			d.text(d.r.texts[f.Path], style{size: 9, color: black}, 2, lbl)
		}
	}
}

// picture draws an image at the text width, cut into bands that each fill the rest of a page.
func (d *doc) picture(e evidence.PacketExhibit, f evidence.PacketFile) {
	lbl := fmt.Sprintf("exhibit %d", e.No)
	pic := d.r.pics[f.Path]
	if pic.err != "" {
		d.text(f.Name+" cannot be drawn: "+pic.err+". The file and its SHA-256 are listed in the evidence index.", style{size: 9.5, bold: true, color: red}, 0, lbl)
		return
	}
	wmm := imageWidthMM(pic)
	hmm := float64(pic.h) * wmm / float64(pic.w)
	rowsPerMM := float64(pic.h) / hmm
	const contH = 9.0 // the "continued" line on later pages
	if bottom-d.y < 30 && hmm > bottom-d.y {
		d.newPage(lbl)
		d.y += contH
	}
	// Bands first, so every page can say "part k of n".
	var bands []band
	avail := bottom - d.y
	for y0 := 0; y0 < pic.h; {
		rows := max(1, min(pic.h-y0, int(math.Floor(avail*rowsPerMM))))
		bands = append(bands, band{y0, y0 + rows})
		y0 += rows
		avail = bottom - marginT - contH
	}
	d.bands[f.Path] = bands
	d.order = append(d.order, f.Path)
	x := marginL + (contentW-wmm)/2
	for i, b := range bands {
		if i > 0 {
			d.newPage(lbl)
			d.text(fmt.Sprintf("Exhibit %d, continued: %s, part %d of %d", e.No, f.Name, i+1, len(bands)), style{size: 8.5, color: grey}, 0, lbl)
			d.y = marginT + contH
		}
		h := float64(b.y1-b.y0) / rowsPerMM
		d.layout[len(d.layout)-1] += fmt.Sprintf(", %s rows %d-%d", f.Name, b.y0, b.y1)
		if d.enc != nil {
			name := fmt.Sprintf("%s#%d", f.Path, i)
			d.pdf.RegisterImageOptionsReader(name, gofpdf.ImageOptions{ImageType: "JPG"}, bytes.NewReader(d.enc[f.Path][i]))
			drawW := wmm
			if pads := d.r.pads[f.Path]; i < len(pads) && pads[i] > 0 {
				if w := jpegWidth(d.enc[f.Path][i]) - pads[i]; w > 0 {
					drawW = wmm * float64(w+pads[i]) / float64(w)
				}
			}
			d.pdf.ImageOptions(name, x, d.y, drawW, h, false, gofpdf.ImageOptions{ImageType: "JPG"}, 0, "")
		}
		d.pdf.SetDrawColor(ruleGrey[0], ruleGrey[1], ruleGrey[2])
		d.pdf.SetLineWidth(0.2)
		d.pdf.Rect(x, d.y, wmm, h, "D")
		d.y += h
	}
}

func (d *doc) index() {
	d.heading("Evidence index", "evidence index")
	if len(d.p.Exhibits) == 0 && len(d.p.Withdrawn) == 0 {
		d.text("This case has no exhibits.", body, 0, "evidence index")
	} else if len(d.p.Exhibits) == 0 {
		d.text("No exhibit is part of this claim.", body, 0, "evidence index")
	}
	for _, e := range d.p.Exhibits {
		d.need(20, "evidence index (continued)")
		d.y += 1.5
		d.text(fmt.Sprintf("Exhibit %d · %s", e.No, e.Title), style{size: 9.5, bold: true, color: black}, 0, "evidence index (continued)")
		if e.Omitted != "" {
			d.text("Left out of this packet: "+e.Omitted+".", style{size: 8.5, color: red}, 0, "evidence index (continued)")
		}
		if e.URL != "" {
			d.text(e.URL, small, 0, "evidence index (continued)")
		}
		d.text(timeWord(e)+" "+e.CapturedUTC, small, 0, "evidence index (continued)")
		for _, f := range e.Files {
			line := fmt.Sprintf("%s · %s · %s · %s", f.Name, f.Kind, strings.TrimSpace(strings.Split(f.MediaType, ";")[0]), humanBytes(f.Size))
			if f.Problem != "" {
				line += " · " + strings.ToUpper(f.Problem)
			}
			d.text(line, small, 4, "evidence index (continued)")
			d.text("SHA-256 "+f.SHA256, hashSty, 4, "evidence index (continued)")
		}
	}
	d.withdrawn()
}

// withdrawn accounts for the numbers the buyer removed, so a gap in the numbering is never
// unexplained; it says plainly that they are no part of the claim.
func (d *doc) withdrawn() {
	if len(d.p.Withdrawn) == 0 {
		return
	}
	lbl := "evidence index (continued)"
	d.need(20, lbl)
	d.y += 3
	d.text("Withdrawn by the buyer", style{size: 10.5, bold: true, color: black}, 0, lbl)
	d.text("These numbers were removed from the case and are no part of this claim; nothing above relies on them. Their files are kept, unchanged, in the case folder, and listed here so that no number is missing without a word.", style{size: 8.5, color: grey}, 0, lbl)
	for _, w := range d.p.Withdrawn {
		d.need(14, lbl)
		d.y += 1.5
		line := fmt.Sprintf("No. %d (withdrawn) · %s", w.No, w.Title)
		d.text(line, style{size: 9.5, bold: true, color: grey}, 0, lbl)
		what := "Removed"
		if w.When != "" {
			what += " on " + w.When
		}
		if w.Reason != "" {
			what += ": " + w.Reason
		}
		d.text(what+".", small, 0, lbl)
		for _, f := range w.Files {
			d.text(fmt.Sprintf("%s · %s · SHA-256 %s", f.Name, humanBytes(f.Size), f.SHA256), hashSty, 4, lbl)
		}
	}
}

func (d *doc) appendix() {
	d.heading("Integrity appendix: how to check these files", "integrity appendix")
	for _, v := range d.p.Verify {
		d.text(strings.ReplaceAll(v, "`", ""), body, 0, "integrity appendix")
		d.y += 1
	}
	d.y += 1
	for _, s := range d.p.Sums() {
		d.text(s, style{size: 7.5, color: black}, 2, "integrity appendix")
	}
	d.y += 2
	if len(d.p.Sums()) > 0 {
		d.text("This PDF is a copy for reading: the files in the case folder are the evidence. A file whose SHA-256 matches the index is unchanged since it was saved at the time given.", style{size: 8.5, color: grey}, 0, "integrity appendix")
	}
}

// timeWord says what an exhibit's time is: when a page was captured, or when the buyer
// added a file of their own.
func timeWord(e evidence.PacketExhibit) string {
	if e.ByBuyer {
		return "Added"
	}
	return "Captured"
}

func sum(xs []float64) float64 {
	t := 0.0
	for _, x := range xs {
		t += x
	}
	return t
}

func trackingNumbers(p evidence.Packet) []string {
	var out []string
	for _, t := range p.Cover.Tracking {
		out = append(out, t.Number)
	}
	return out
}

// packetText is every string the packet may draw, to decide whether the Han font is needed.
func packetText(p evidence.Packet, texts map[string]string) []string {
	c := p.Cover
	out := []string{p.Title, p.Statement, c.Seller, c.Item, c.City, c.Address, c.OrderNumber, c.Claim, c.Country, c.Marketplace}
	out = append(out, p.Warnings...)
	out = append(out, c.Dispute...)
	for _, t := range c.Tracking {
		out = append(out, t.Number, t.Carrier)
	}
	for _, f := range p.Findings {
		out = append(out, f.Message)
	}
	for _, r := range p.Refund {
		out = append(out, r.What, r.Rule, r.Source)
	}
	for _, it := range p.Checklist {
		out = append(out, it.Answer)
	}
	out = append(out, p.Buyer.Name, p.Buyer.Contact())
	for _, r := range p.Timeline {
		out = append(out, r.What, r.Place)
	}
	for _, e := range p.Exhibits {
		out = append(out, e.Title, e.URL, e.RequestedURL, e.Note, e.CapturedLocal)
		for _, f := range e.Files {
			out = append(out, f.Name)
		}
	}
	for _, w := range p.Withdrawn {
		out = append(out, w.Title, w.Reason)
	}
	for _, t := range texts {
		out = append(out, t)
	}
	return out
}

// shortHash is the first 12 hex digits of a SHA-256, enough to tell files apart on a page; the
// index and the appendix give it in full.
func shortHash(h string) string {
	if len(h) <= 12 {
		return h
	}
	return h[:12] + "…"
}

// joinNos is the timeline's narrow Exhibit column: bare numbers, "2, 3".
func joinNos(nos []int) string {
	s := make([]string, len(nos))
	for i, n := range nos {
		s[i] = strconv.Itoa(n)
	}
	return strings.Join(s, ", ")
}
