package main

import (
	"unsafe"

	"golang.org/x/sys/windows"
)

var (
	kernel32              = windows.NewLazySystemDLL("kernel32.dll")
	getConsoleProcessList = kernel32.NewProc("GetConsoleProcessList")
	freeConsole           = kernel32.NewProc("FreeConsole")
)

// hideOwnConsole closes the console window that Windows opens for proofpack.exe when the
// shopper starts it from Explorer or the Start menu, so only ProofPack's window shows. It is a
// console program so that its subcommands print in a terminal; started from one, the console is
// shared with the shell (more than one process on it) and is left alone.
func hideOwnConsole() {
	if getConsoleProcessList.Find() != nil || freeConsole.Find() != nil {
		return
	}
	var pids [2]uint32
	if n, _, _ := getConsoleProcessList.Call(uintptr(unsafe.Pointer(&pids[0])), 2); n == 1 {
		freeConsole.Call()
	}
}
