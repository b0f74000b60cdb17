//go:build !windows

package bundle

import "syscall"

// noFollow makes opening a path that is a symlink fail, so an archive never reads or writes
// through one.
const noFollow = syscall.O_NOFOLLOW
