package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"proofpack/tracker"
	"proofpack/tracker/rules"
)

// diagnosisTab says what is wrong with the parcel and what to do: the status, one card per flag
// (coloured by severity, with the next step and the exhibits that prove it), and the events.
func diagnosisTab(v *caseView) fyne.CanvasObject {
	body := container.NewVBox()
	fill := func(c tracker.Case) {
		body.Objects = diagnosisObjects(v, c)
		body.Refresh()
	}
	fill(v.c)
	v.onUpdate(fill)
	return container.NewVScroll(container.NewPadded(body))
}

func diagnosisObjects(v *caseView, c tracker.Case) []fyne.CanvasObject {
	r, err := v.app.svc.Analyze(c.ID)
	if err != nil {
		return []fyne.CanvasObject{widget.NewLabel(lang.L("Could not analyse this case: {{.Error}}", map[string]any{"Error": errorText(err)}))}
	}
	status := widget.NewLabelWithStyle(lang.L("Status: {{.Status}}", map[string]any{"Status": statusText(r.Status)}), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	status.Importance = statusImportance(r.Status)
	paste := widget.NewButtonWithIcon(lang.L("Paste tracking history"), theme.ContentPasteIcon(), v.showPasteHistory)
	out := []fyne.CanvasObject{container.NewBorder(nil, nil, nil, paste, status)}
	if len(r.Flags) == 0 {
		out = append(out, widget.NewLabel(lang.L("Nothing looks wrong with this tracking so far.")))
	}
	for _, f := range r.Flags {
		out = append(out, flagCard(f))
	}
	out = append(out, widget.NewSeparator(),
		widget.NewLabelWithStyle(lang.L("Tracking events ({{.Count}})", map[string]any{"Count": len(r.Events)}), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		eventsTable(r))
	return out
}

// flagCard is one finding: a coloured bar for its severity, the message, the next step, the proof.
func flagCard(f tracker.Flag) fyne.CanvasObject {
	msg := widget.NewLabelWithStyle(sayWords(f.Said, f.Message), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	msg.Wrapping = fyne.TextWrapWord
	msg.Importance = severityImportance(f.Severity)
	lines := []fyne.CanvasObject{msg}
	if f.Action != "" {
		next := widget.NewLabel(lang.L("Next step: {{.Step}}", map[string]any{"Step": sayWords(f.Todo, f.Action)}))
		next.Wrapping = fyne.TextWrapWord
		lines = append(lines, next)
	}
	if len(f.Exhibits) > 0 {
		lines = append(lines, widget.NewLabel(lang.L("Proof: {{.Exhibits}}", map[string]any{"Exhibits": wordsText(tracker.ExhibitsWords(f.Exhibits))})))
	}
	bar := canvas.NewRectangle(severityColour(f.Severity))
	bar.SetMinSize(fyne.NewSize(6, 0))
	return container.NewBorder(nil, nil, bar, nil, container.NewVBox(lines...))
}

func severityColour(s tracker.Severity) color.Color {
	switch s {
	case tracker.Critical:
		return theme.Color(theme.ColorNameError)
	case tracker.Warning:
		return theme.Color(theme.ColorNameWarning)
	}
	return theme.Color(theme.ColorNamePrimary)
}

// eventsTable lists the events newest first, as the rules read them.
func eventsTable(r rules.Report) fyne.CanvasObject {
	if len(r.Events) == 0 {
		return widget.NewLabel(lang.L("No events yet. Capture the carrier page, or paste its tracking history."))
	}
	rows := make([]fyne.CanvasObject, 0, 4*(len(r.Events)+1))
	for _, h := range []string{"When", "Where", "What", "Status"} {
		rows = append(rows, widget.NewLabelWithStyle(lang.L(h), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	}
	for _, e := range r.Events {
		when := e.Time.Format("2006-01-02 15:04")
		if e.Unparsed {
			when = lang.L("(no date)")
		}
		what := widget.NewLabel(e.Description)
		what.Wrapping = fyne.TextWrapWord
		place, status := widget.NewLabel(e.Place), widget.NewLabel(eventStatusText(e.Status))
		place.Wrapping, status.Truncation = fyne.TextWrapWord, fyne.TextTruncateEllipsis // long places wrap, never widen the window
		rows = append(rows, widget.NewLabel(when), place, what, status)
	}
	return container.NewGridWithColumns(4, rows...)
}
