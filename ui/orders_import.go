package ui

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"proofpack/casework"
	"proofpack/tracker/orders"
)

func (u *App) chooseOrderList() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		r.Close()
		u.previewImport(r.URI().Path())
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".csv", ".tsv", ".txt"}))
	d.Show()
}

// importPreview is the import dialog: how the file was read, what each row would become, the
// rows with problems, and the defaults for what the file leaves out.
type importPreview struct {
	u        *App
	file     string
	raw      []byte
	defaults [5]*widget.Entry // marketplace, currency, city, postcode, country
	summary  *widget.Label
	rows     *widget.Label
	problems *widget.Label
	task     *task
	importB  *widget.Button
	dlg      dialog.Dialog
	report   casework.ImportReport
}

// previewImport reads the order list at path and shows what importing it would do.
func (u *App) previewImport(path string) *importPreview {
	raw, err := readOrderList(path)
	if err != nil {
		showError(err, u.win)
		return nil
	}
	p := &importPreview{u: u, file: path, raw: raw, task: newTask(),
		summary: widget.NewLabel(""), rows: widget.NewLabel(""), problems: widget.NewLabel("")}
	p.summary.Wrapping = fyne.TextWrapWord
	p.problems.Importance = widget.DangerImportance
	p.problems.Wrapping = fyne.TextWrapWord
	def := u.lastAddress()
	form := widget.NewForm()
	for i, f := range []struct{ label, value string }{{"Marketplace", def.Marketplace}, {"Currency", def.Currency},
		{"City", def.City}, {"Postcode", def.Postcode}, {"Country", def.Country}} {
		p.defaults[i] = widget.NewEntry()
		p.defaults[i].SetText(f.value)
		form.Append(lang.L(f.label), p.defaults[i])
	}
	check := widget.NewButton(lang.L("Check again"), p.check)
	p.importB = widget.NewButton(lang.L("Import"), func() { p.run() })
	p.importB.Importance = widget.HighImportance
	body := container.NewBorder(
		container.NewVBox(p.summary, widget.NewLabel(lang.L("For rows that leave these out:")), form, check),
		container.NewVBox(p.task.box, p.importB), nil, nil,
		container.NewVScroll(container.NewVBox(p.problems, p.rows)))
	p.dlg = dialog.NewCustom(lang.L("Import orders from {{.File}}", map[string]any{"File": baseName(path)}), lang.L("Close"), body, u.win)
	p.dlg.Resize(fyne.NewSize(760, 620))
	p.check()
	p.dlg.Show()
	return p
}

// readOrderList reads a regular file up to the import's size limit.
func readOrderList(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
		return nil, errors.New(lang.L("{{.File}} is not a regular file", map[string]any{"File": path}))
	}
	return io.ReadAll(io.LimitReader(f, orders.MaxFileBytes+1))
}

func (p *importPreview) options(dry bool) casework.ImportOptions {
	v := func(i int) string { return strings.TrimSpace(p.defaults[i].Text) }
	return casework.ImportOptions{DryRun: dry, Defaults: orders.Defaults{
		Marketplace: strings.ToLower(v(0)), Currency: strings.ToUpper(v(1)), City: v(2), Postcode: v(3), Country: v(4)}}
}

// check runs the import as a dry run and shows what it would do.
func (p *importPreview) check() {
	rep, err := p.u.svc.ImportOrders(context.Background(), bytes.NewReader(p.raw), p.options(true))
	if err != nil {
		p.summary.SetText(errorText(err))
		p.importB.Disable()
		return
	}
	p.report = rep
	var cols []string
	for _, c := range rep.Columns {
		field := c.Field
		if field == "" {
			field = lang.L("not used")
		}
		cols = append(cols, fmt.Sprintf("%s → %s", c.Header, field))
	}
	p.summary.SetText(lang.L("Read as {{.Preset}} columns (delimiter {{.Delimiter}}, {{.Encoding}}): {{.Columns}}.", map[string]any{
		"Preset": sayKnown(presetNames[rep.Preset]), "Delimiter": rep.Delimiter, "Encoding": rep.Encoding, "Columns": strings.Join(cols, ", ")}) + "\n" +
		lang.L("Would add {{.Added}} orders, update {{.Updated}}, leave {{.Unchanged}} unchanged; {{.Problems}} rows have problems and will be left out.", map[string]any{
			"Added": rep.Added, "Updated": rep.Updated, "Unchanged": rep.Unchanged, "Problems": len(rep.Problems)}))
	var lines []string
	for _, pr := range rep.Problems {
		lines = append(lines, pr.Error())
	}
	p.problems.SetText(strings.Join(lines, "\n"))
	lines = lines[:0]
	for _, c := range rep.Cases {
		lines = append(lines, lang.L("line {{.Line}}: {{.Marketplace}} order {{.Order}}, {{.Numbers}} tracking numbers: {{.Action}}", map[string]any{
			"Line": c.Line, "Marketplace": marketplaceName(c.Marketplace), "Order": c.OrderNumber, "Numbers": c.Numbers, "Action": sayKnown(c.Action)}))
	}
	p.rows.SetText(strings.Join(lines, "\n"))
	if rep.Added+rep.Updated == 0 {
		p.importB.Disable()
	} else {
		p.importB.SetText(lang.L("Import {{.Count}} orders", map[string]any{"Count": rep.Added + rep.Updated}))
		p.importB.Enable()
	}
}

// run imports off the UI goroutine; Cancel before the save leaves the store as it was.
func (p *importPreview) run() <-chan struct{} {
	p.importB.Disable()
	opt := p.options(false)
	return p.task.start(func(ctx context.Context, progress func(done, total int)) error {
		opt.Progress = progress
		rep, err := p.u.svc.ImportOrders(ctx, bytes.NewReader(p.raw), opt)
		p.report = rep
		return err
	}, func(err error) {
		switch {
		case errors.Is(err, context.Canceled):
			p.summary.SetText(lang.L("Cancelled: nothing was imported."))
			p.importB.Enable()
		case err != nil:
			p.summary.SetText(errorText(err))
		default:
			p.summary.SetText(lang.L("Imported: {{.Added}} orders added, {{.Updated}} updated, {{.Unchanged}} unchanged.", map[string]any{
				"Added": p.report.Added, "Updated": p.report.Updated, "Unchanged": p.report.Unchanged}))
			p.u.reload("")
		}
	})
}

var presetNames = map[string]string{"proofpack": "ProofPack's", "aftership": "AfterShip's", "aliexpress": "an AliExpress order list's"}

// lastAddress offers the most recent case's marketplace, currency and address as defaults.
func (u *App) lastAddress() orders.Defaults {
	if len(u.list.cases) == 0 {
		return orders.Defaults{}
	}
	c := u.list.cases[len(u.list.cases)-1]
	return orders.Defaults{Marketplace: c.Marketplace, Currency: c.Currency, City: c.Buyer.City, Postcode: c.Buyer.Postcode, Country: c.Buyer.Country}
}

func baseName(p string) string { return p[strings.LastIndexAny(p, `/\`)+1:] }
