package osfile

import (
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/sys/windows"
)

// Rename moves oldpath to newpath, replacing a file there, with write-through: MoveFileEx
// returns only once the rename is on disk. os.Rename uses MoveFileEx without it.
func Rename(oldpath, newpath string) error {
	from, err := windows.UTF16PtrFromString(longPath(oldpath))
	if err != nil {
		return &os.LinkError{Op: "rename", Old: oldpath, New: newpath, Err: err}
	}
	to, err := windows.UTF16PtrFromString(longPath(newpath))
	if err != nil {
		return &os.LinkError{Op: "rename", Old: oldpath, New: newpath, Err: err}
	}
	if err := windows.MoveFileEx(from, to, windows.MOVEFILE_REPLACE_EXISTING|windows.MOVEFILE_WRITE_THROUGH); err != nil {
		return &os.LinkError{Op: "rename", Old: oldpath, New: newpath, Err: err}
	}
	return nil
}

// SyncDir does nothing on Windows: a folder cannot be opened for FlushFileBuffers ("Access
// denied"), and Rename's write-through already put each rename on disk. Files are flushed
// with (*os.File).Sync before they are renamed.
func SyncDir(string) error { return nil }

// OutputNameProblem says why Windows would refuse or misread an output file's name, or "".
func OutputNameProblem(path string) string { return NameProblem(filepath.Base(path)) }

// longPath gives a path of MAX_PATH or more the \\?\ form that lifts the limit, as the os
// package does for its own calls; such a path must be absolute and use backslashes.
func longPath(p string) string {
	if len(p) < 248 || strings.HasPrefix(p, `\\?\`) {
		return p
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	if strings.HasPrefix(abs, `\\`) {
		return `\\?\UNC\` + abs[2:]
	}
	return `\\?\` + abs
}

// FileMode and DirMode are the permissions os.Stat reports for the private files and folders
// ProofPack makes. Windows has no owner-only bits: Go reports 0666 for a writable file and 0777
// for a folder whatever the ACL says. What keeps the data folder private there is the ACL it
// inherits from the user's profile (%AppData%), which grants access to that user, SYSTEM and
// administrators only.
const FileMode, DirMode os.FileMode = 0o666, 0o777
