package ui

import "fyne.io/fyne/v2"

// boundedLayout gives its objects the whole space but asks for no more than min, so a long line
// in a case (a link, a message) never makes the window widen itself: what does not fit wraps,
// truncates or scrolls inside.
type boundedLayout struct{ min fyne.Size }

func (l boundedLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (l boundedLayout) MinSize([]fyne.CanvasObject) fyne.Size { return l.min }
