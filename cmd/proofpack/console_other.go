//go:build !windows

package main

// hideOwnConsole has nothing to do outside Windows: a program started from the desktop there
// gets no terminal window of its own.
func hideOwnConsole() {}
