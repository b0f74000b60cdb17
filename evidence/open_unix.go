//go:build !windows

package evidence

import "syscall"

// openSafe makes OpenRegular fail on a symbolic link and not wait on a FIFO.
const openSafe = syscall.O_NOFOLLOW | syscall.O_NONBLOCK
