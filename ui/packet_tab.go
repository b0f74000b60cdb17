package ui

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"proofpack/casework"
	"proofpack/evidence"
	"proofpack/tracker"
	"proofpack/tracker/carrier"
)

// profileHelp says in a line where each profile goes.
var profileHelp = map[string]string{
	"bank":        "One PDF of at most 2 MB and 20 pages, for a card chargeback.",
	"paypal":      "One PDF under 10 MB for PayPal's Resolution Center.",
	"marketplace": "A PDF under 5 MB plus each picture as its own file, for marketplaces that take only pictures.",
	"archive":     "Everything at full quality, with a zip of every original file and its hash.",
}

// forceLabel is the box that makes a packet even from changed files; errors quote it. Short, as
// a check box's words do not wrap: forceHint under it says the rest.
const (
	forceLabel = "Make it even if exhibit files changed"
	forceHint  = "Files that changed or went missing are named on the packet's cover."
)

// packetView is the Packet tab: the statement the buyer may edit, where the packet goes, and
// the button that makes it with a progress bar, then Open and Show in folder.
type packetView struct {
	v         *caseView
	statement *widget.Entry
	profile   *widget.Select
	help      *widget.Label
	out       *widget.Entry
	force     *widget.Check
	make      *widget.Button
	task      *task
	result    *widget.Label
	open      *widget.Button
	folder    *widget.Button
	made      evidence.PacketMade
	done      <-chan struct{} // closes when the packet under way is made, failed or cancelled
	lastMade  *widget.Label   // when the last packet was made, and where
	drafted   string          // the statement built from the findings, as last computed
	saver     *debouncer      // saves the statement a moment after the last key
}

// statementDelay is how long after the last key the statement is saved.
const statementDelay = 600 * time.Millisecond

func packetTab(v *caseView) fyne.CanvasObject {
	p := &packetView{v: v, task: newTask(), result: widget.NewLabel("")}
	v.packet = p
	p.result.Wrapping = fyne.TextWrapWord
	p.statement = widget.NewMultiLineEntry()
	p.statement.Wrapping = fyne.TextWrapWord
	p.statement.SetMinRowsVisible(7)
	p.help = widget.NewLabel("")
	p.help.Wrapping = fyne.TextWrapWord
	p.out = widget.NewEntry()
	var profiles []string
	if v.app.svc.Packets != nil {
		profiles = v.app.svc.Packets.Profiles()
	}
	p.profile = widget.NewSelect(profiles, func(name string) {
		p.help.SetText(sayKnown(profileHelp[name]))
		p.out.SetText(p.defaultOut(name))
	})
	p.profile.PlaceHolder = lang.L("(Select one)") // Fyne's own is never translated
	p.force = widget.NewCheck(lang.L(forceLabel), nil)
	hint := widget.NewLabel(lang.L(forceHint))
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	p.make = widget.NewButtonWithIcon(lang.L("Make packet"), theme.DocumentSaveIcon(), p.makePacket)
	p.make.Importance = widget.HighImportance
	p.open = widget.NewButtonWithIcon(lang.L("Open"), theme.FileIcon(), func() { p.openURL(p.made.Files[0]) })
	p.folder = widget.NewButtonWithIcon(lang.L("Show in folder"), theme.FolderOpenIcon(), func() { p.openURL(filepath.Dir(p.made.Files[0])) })
	p.open.Hide()
	p.folder.Hide()
	rebuild := widget.NewButtonWithIcon(lang.L("Rebuild from findings"), theme.ViewRefreshIcon(), func() { p.statement.SetText(p.draft()) })
	p.lastMade = widget.NewLabel("")
	p.lastMade.Wrapping = fyne.TextWrapWord
	p.lastMade.Importance = widget.LowImportance

	if len(profiles) > 0 {
		p.profile.SetSelectedIndex(0)
	}
	p.saver = newDebouncer(statementDelay, p.save)
	p.showCase(v.c)
	p.statement.OnChanged = func(string) { p.saver.poke() }
	v.onUpdate(p.showCase)
	v.onLeave(p.saver.flush)

	form := widget.NewForm(
		widget.NewFormItem(lang.L("Statement"), p.statement),
		widget.NewFormItem("", container.NewHBox(rebuild)),
		widget.NewFormItem(lang.L("Where it goes"), p.profile),
		widget.NewFormItem("", p.help),
		widget.NewFormItem(lang.L("Save as"), p.out),
		widget.NewFormItem("", p.force),
		widget.NewFormItem("", hint),
	)
	body := container.NewVBox(form, container.NewHBox(p.make), p.task.box, p.result, container.NewHBox(p.open, p.folder), p.lastMade)
	return container.NewVScroll(container.NewPadded(body))
}

// showCase shows the case's saved statement, or the draft from its findings; a statement being
// typed is never replaced.
func (p *packetView) showCase(c tracker.Case) {
	if !p.saver.pending() && !p.task.running {
		old := p.drafted
		p.drafted = p.draft()
		if c.Statement != "" {
			p.setStatement(c.Statement)
		} else if strings.TrimSpace(p.statement.Text) == "" || p.statement.Text == old {
			p.setStatement(p.drafted)
		}
	}
	p.lastMade.SetText(lang.L("No packet made yet for this case."))
	if lp, found, err := p.v.app.svc.LastPacketOf(c.ID); err == nil && found {
		p.lastMade.SetText(lang.L("Last packet made {{.Time}}: {{.File}}", map[string]any{"Time": lp.Made.Local().Format("2006-01-02 15:04"), "File": lp.Path}))
	}
}

// setStatement shows text without counting it as the buyer's typing.
func (p *packetView) setStatement(text string) {
	on := p.statement.OnChanged
	p.statement.OnChanged = nil
	p.statement.SetText(text)
	p.statement.OnChanged = on
}

// save keeps the statement with the case; the draft unchanged is saved as "" so the packet
// keeps following the findings. It runs on the UI goroutine.
func (p *packetView) save() {
	text := p.statement.Text
	if strings.TrimSpace(text) == strings.TrimSpace(p.drafted) {
		text = ""
	}
	c, err := p.v.app.svc.SaveStatement(p.v.c.ID, text)
	if err != nil {
		dialog.ShowError(errors.New(lang.L("The statement was not saved: {{.Error}}", map[string]any{"Error": errorText(err)})), p.v.app.win)
		return
	}
	p.v.c = c
}

// draft is the statement ProofPack would write from the case's findings.
func (p *packetView) draft() string {
	svc, c := p.v.app.svc, p.v.c
	var flags []tracker.Flag
	if r, err := svc.Analyze(c.ID); err == nil {
		flags = r.Flags
	}
	ex, _ := svc.Exhibits(c.ID)
	return evidence.NewPacket(c, ex, flags, svc.Now(), evidence.PacketOptions{CarrierName: carrier.Name}).Statement
}

// defaultOut names the packet by case and profile in the data folder's packets folder; short
// enough for the bank profile's 16-character limit for cases up to 99999.
func (p *packetView) defaultOut(profile string) string {
	name := fmt.Sprintf("case%s-%s.pdf", p.v.c.ID, profile)
	if profile == "bank" {
		name = fmt.Sprintf("pp%s-bank.pdf", p.v.c.ID)
	}
	return filepath.Join(p.v.app.svc.Dir, "packets", name)
}

func (p *packetView) makePacket() {
	svc := p.v.app.svc
	if svc.Packets == nil {
		dialog.ShowError(errors.New(lang.L("Making packets is not available in this window.")), p.v.app.win)
		return
	}
	p.saver.flush()
	statement := strings.TrimSpace(p.statement.Text)
	if statement == strings.TrimSpace(p.drafted) {
		statement = "" // unchanged: let the packet say it was built from the findings
	}
	job := evidence.PacketJob{
		CaseID: p.v.c.ID, Out: strings.TrimSpace(p.out.Text), Profile: p.profile.Selected,
		Statement: statement, Force: p.force.Checked, Now: svc.Now(),
	}
	if fi, err := os.Lstat(job.Out); err == nil && fi.Mode().IsRegular() {
		dialog.ShowConfirm(lang.L("Replace the file?"), lang.L("{{.File}} already exists. Replace it with the new packet?", map[string]any{"File": job.Out}), func(yes bool) {
			if yes {
				p.v.app.askBuyerOnce(func() { p.startPacket(job) })
			}
		}, p.v.app.win)
		return
	}
	p.v.app.askBuyerOnce(func() { p.startPacket(job) })
}

// startPacket makes the packet off the UI goroutine.
func (p *packetView) startPacket(job evidence.PacketJob) {
	svc := p.v.app.svc
	p.make.Disable()
	p.open.Hide()
	p.folder.Hide()
	p.result.SetText(lang.L("Making the packet…"))
	p.done = p.task.start(func(ctx context.Context, progress func(done, total int)) error {
		job.Progress = progress
		var err error
		p.made, err = svc.MakePacket(ctx, job)
		return err
	}, p.finished)
}

// finished runs on the UI goroutine when the packet is made, failed or was cancelled.
func (p *packetView) finished(err error) {
	p.make.Enable()
	switch {
	case errors.Is(err, context.Canceled):
		p.result.SetText(lang.L("Cancelled: no packet was written."))
	case tracker.FieldOf(err) == casework.FieldExhibits:
		p.result.SetText("")
		dialog.ShowError(errors.New(errorText(err)+"\n\n"+lang.L("Put the original files back, or tick \"{{.Force}}\" to make the packet anyway: its cover will name them.", map[string]any{"Force": lang.L(forceLabel)})), p.v.app.win)
	case tracker.FieldOf(err) == casework.FieldOtherNumber:
		p.result.SetText("")
		dialog.ShowError(errors.New(errorText(err)+"\n\n"+lang.L("If the text is about your parcel, paste it again on the Diagnosis tab and tick \"{{.Confirm}}\"; or tick \"{{.Force}}\" to make the packet anyway.",
			map[string]any{"Confirm": lang.L(confirmOtherNumber), "Force": lang.L(forceLabel)})), p.v.app.win)
	case err != nil:
		p.result.SetText("")
		showError(err, p.v.app.win)
	default:
		msg := lang.L("Wrote {{.File}}: {{.Pages}} pages, {{.Size}} MB.", map[string]any{"File": p.made.Files[0], "Pages": p.made.Pages, "Size": fmt.Sprintf("%.1f", float64(p.made.Bytes)/1e6)})
		for _, f := range p.made.Files[1:] {
			msg += "\n" + lang.L("Also wrote {{.File}}", map[string]any{"File": f})
		}
		for _, n := range p.made.Notes {
			msg += "\n" + n
		}
		p.result.SetText(msg)
		p.open.Show()
		p.folder.Show()
		p.v.changed() // the case notes the packet: the tab says when it was made
	}
}

func (p *packetView) openURL(path string) {
	u := &url.URL{Scheme: "file", Path: path}
	if err := p.v.app.app.OpenURL(u); err != nil {
		dialog.ShowError(errors.New(lang.L("Cannot open {{.File}}: {{.Error}}", map[string]any{"File": path, "Error": err})), p.v.app.win)
	}
}
