package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
)

// bindKeys gives the window its keyboard: Ctrl+N new case, Ctrl+F search, Ctrl+E edit the case,
// Ctrl+P its packet, Delete (asks first) and Escape to close a dialog. Keys typed into a text
// field stay with the field; the shortcuts wait while a dialog is open.
func (u *App) bindKeys() {
	c := u.win.Canvas()
	bind := func(key fyne.KeyName, fn func()) {
		c.AddShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) {
			if c.Overlays().Top() == nil {
				fn()
			}
		})
	}
	bind(fyne.KeyN, u.showAddOrder)
	bind(fyne.KeyF, func() { c.Focus(u.list.search) })
	bind(fyne.KeyE, u.showEditOrder)
	bind(fyne.KeyP, u.showPacket)
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		top := c.Overlays().Top()
		switch {
		case ev.Name == fyne.KeyEscape && top != nil:
			top.Hide()
		case ev.Name == fyne.KeyDelete && top == nil:
			u.confirmDelete()
		}
	})
}

// showPacket opens the Packet tab of the case on screen.
func (u *App) showPacket() {
	if u.view == nil {
		return
	}
	for _, it := range u.view.tabs.Items {
		if it.Text == lang.L("Packet") {
			u.view.tabs.Select(it)
		}
	}
}
