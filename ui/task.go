package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// task runs long work (capture, packet) off the UI goroutine with a progress bar and a Cancel
// button. Widgets change only inside fyne.Do.
type task struct {
	bar     *widget.ProgressBar
	cancel  *widget.Button
	box     *fyne.Container
	stop    context.CancelFunc
	running bool
}

func newTask() *task {
	t := &task{bar: widget.NewProgressBar()}
	t.cancel = widget.NewButton(lang.L("Cancel"), func() {
		if t.stop != nil {
			t.stop()
		}
	})
	t.box = container.NewBorder(nil, nil, nil, t.cancel, t.bar)
	t.box.Hide()
	return t
}

// start runs work in a goroutine; work reports progress through the func it is given, and done
// runs on the UI goroutine with work's error. The returned channel closes after done has run,
// for callers (and tests) that must wait. A second start while one runs returns nil.
func (t *task) start(work func(ctx context.Context, progress func(done, total int)) error, done func(error)) <-chan struct{} {
	if t.running {
		return nil
	}
	t.running = true
	ctx, stop := context.WithCancel(context.Background())
	t.stop = stop
	t.bar.SetValue(0)
	t.box.Show()
	progress := func(d, total int) {
		if total > 0 {
			fyne.Do(func() { t.bar.SetValue(float64(d) / float64(total)) })
		}
	}
	finished := make(chan struct{})
	go func() {
		err := work(ctx, progress)
		fyne.Do(func() {
			stop()
			t.running = false
			t.box.Hide()
			done(err)
			close(finished)
		})
	}()
	return finished
}
