package ui

import (
	"time"

	"fyne.io/fyne/v2"
)

// debouncer runs fn on the UI goroutine once the pokes stop for delay: a statement is saved
// after the buyer stops typing, not on every key. flush runs a pending fn at once (leaving the
// case, making the packet). All its methods run on the UI goroutine.
type debouncer struct {
	delay   time.Duration
	fn      func()
	timer   *time.Timer
	gen     int
	waiting bool
}

func newDebouncer(delay time.Duration, fn func()) *debouncer {
	return &debouncer{delay: delay, fn: fn}
}

// poke starts the wait again.
func (d *debouncer) poke() {
	d.waiting = true
	d.gen++
	gen := d.gen
	if d.timer != nil {
		d.timer.Stop()
	}
	d.timer = time.AfterFunc(d.delay, func() {
		fyne.Do(func() {
			if gen == d.gen {
				d.flush()
			}
		})
	})
}

// flush runs fn now if a poke is waiting.
func (d *debouncer) flush() {
	if !d.waiting {
		return
	}
	d.waiting = false
	d.gen++
	if d.timer != nil {
		d.timer.Stop()
	}
	d.fn()
}

// pending says whether a poke waits to run fn.
func (d *debouncer) pending() bool { return d.waiting }
