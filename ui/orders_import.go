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
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"proofpack/casework"
	"proofpack/tracker"
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
		dialog.ShowError(err, u.win)
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
		{"Your city", def.City}, {"Postcode", def.Postcode}, {"Country", def.Country}} {
		p.defaults[i] = widget.NewEntry()
		p.defaults[i].SetText(f.value)
		form.Append(f.label, p.defaults[i])
	}
	check := widget.NewButton("Check again", p.check)
	p.importB = widget.NewButton("Import", func() { p.run() })
	p.importB.Importance = widget.HighImportance
	body := container.NewBorder(
		container.NewVBox(p.summary, widget.NewLabel("For rows that leave these out:"), form, check),
		container.NewVBox(p.task.box, p.importB), nil, nil,
		container.NewVScroll(container.NewVBox(p.problems, p.rows)))
	p.dlg = dialog.NewCustom("Import orders from "+baseName(path), "Close", body, u.win)
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
		return nil, fmt.Errorf("%s is not a regular file", path)
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
			field = "not used"
		}
		cols = append(cols, fmt.Sprintf("%s → %s", c.Header, field))
	}
	p.summary.SetText(fmt.Sprintf("Read as %s columns (delimiter %s, %s): %s.\nWould add %d orders, update %d, leave %d unchanged; %d rows have problems and will be left out.",
		presetNames[rep.Preset], rep.Delimiter, rep.Encoding, strings.Join(cols, ", "), rep.Added, rep.Updated, rep.Unchanged, len(rep.Problems)))
	var lines []string
	for _, pr := range rep.Problems {
		lines = append(lines, pr.Error())
	}
	p.problems.SetText(strings.Join(lines, "\n"))
	lines = lines[:0]
	for _, c := range rep.Cases {
		lines = append(lines, fmt.Sprintf("line %d: %s order %s, %d tracking numbers: %s", c.Line, tracker.MarketplaceName(c.Marketplace), c.OrderNumber, c.Numbers, c.Action))
	}
	p.rows.SetText(strings.Join(lines, "\n"))
	if rep.Added+rep.Updated == 0 {
		p.importB.Disable()
	} else {
		p.importB.SetText(fmt.Sprintf("Import %d orders", rep.Added+rep.Updated))
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
			p.summary.SetText("Cancelled: nothing was imported.")
			p.importB.Enable()
		case err != nil:
			p.summary.SetText(errorText(err))
		default:
			p.summary.SetText(fmt.Sprintf("Imported: %d orders added, %d updated, %d unchanged.", p.report.Added, p.report.Updated, p.report.Unchanged))
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

// errorText is an error as the window says it: the field first when there is one.
func errorText(err error) string {
	var te *tracker.Error
	if errors.As(err, &te) && te.Field != "" {
		return te.Field + ": " + te.Msg
	}
	return err.Error()
}

func baseName(p string) string { return p[strings.LastIndexAny(p, `/\`)+1:] }
