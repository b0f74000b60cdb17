package ui

import (
	"net/url"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"proofpack/tracker"
	"proofpack/tracker/carrier"
)

// numberView shows what carrier.Check found about one number: the carriers it fits with their
// check-digit verdicts, the flags, and clickable tracking links. The order form updates it as the
// buyer types; the Tracking tab shows one per shipment.
type numberView struct {
	box *fyne.Container
}

func newNumberView() *numberView { return &numberView{box: container.NewVBox()} }

func (v *numberView) show(r carrier.Result) {
	v.box.Objects = numberObjects(r)
	v.box.Refresh()
}

func (v *numberView) clear() {
	v.box.Objects = nil
	v.box.Refresh()
}

func numberObjects(r carrier.Result) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for i, c := range r.Candidates {
		l := widget.NewLabel(candidateText(c))
		l.Wrapping = fyne.TextWrapWord
		if i == 0 {
			l.TextStyle.Bold = true
		}
		l.Importance = verdictImportance(c.CheckDigit)
		out = append(out, l)
	}
	for _, f := range r.Flags {
		out = append(out, flagLine(f))
	}
	if len(r.Candidates) > 0 {
		for _, link := range r.Candidates[0].Links {
			if u, err := url.Parse(link.URL); err == nil {
				out = append(out, container.NewHBox(widget.NewLabel(roleText(link.Role)+" · "+carrier.Name(link.Carrier)), widget.NewHyperlink(lang.L("open"), u)))
			}
		}
	}
	return out
}

func candidateText(c carrier.Candidate) string {
	verdict := map[string]string{"valid": "check digit valid", "invalid": "check digit WRONG: mistyped or made up", "none": "no check digit"}[c.CheckDigit]
	return c.Name + " (" + sayKnown(verdict) + ")"
}

func verdictImportance(v string) widget.Importance {
	switch v {
	case "valid":
		return widget.SuccessImportance
	case "invalid":
		return widget.DangerImportance
	}
	return widget.MediumImportance
}

func roleText(role string) string {
	return sayKnown(map[string]string{"origin": "Origin", "destination": "Destination", "universal": "Any carrier"}[role])
}

// flagLine is a one-line flag: its message, coloured by severity, with the next step.
func flagLine(f tracker.Flag) fyne.CanvasObject {
	l := widget.NewLabel(f.Message + " " + f.Action)
	l.Wrapping = fyne.TextWrapWord
	l.Importance = severityImportance(f.Severity)
	return l
}

func severityImportance(s tracker.Severity) widget.Importance {
	switch s {
	case tracker.Critical:
		return widget.DangerImportance
	case tracker.Warning:
		return widget.WarningImportance
	}
	return widget.MediumImportance
}
