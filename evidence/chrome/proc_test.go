package chrome

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// procs maps every live process to its parent, read from /proc.
func procs() map[int]int {
	parent := map[int]int{}
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		stat, err := os.ReadFile(filepath.Join("/proc", e.Name(), "stat"))
		if err != nil {
			continue
		}
		// pid (comm) state ppid ...; comm may hold spaces, so split after its last ')'.
		fields := strings.Fields(string(stat[strings.LastIndexByte(string(stat), ')')+1:]))
		if len(fields) > 1 && fields[0] != "Z" {
			parent[pid], _ = strconv.Atoi(fields[1])
		}
	}
	return parent
}

// descendants returns the live processes below root, excluding those below any of skip.
func descendants(root int, skip ...int) []int {
	parent := procs()
	var out []int
	for pid := range parent {
		for p := parent[pid]; p > 1; p = parent[p] {
			if pid == root || containsInt(skip, p) || containsInt(skip, pid) {
				break
			}
			if p == root {
				out = append(out, pid)
				break
			}
		}
	}
	return out
}

func containsInt(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

func alive(pid int) bool {
	_, ok := procs()[pid]
	return ok
}

// rssBytes is the resident memory of the processes.
func rssBytes(pids []int) int64 {
	var sum int64
	for _, pid := range pids {
		b, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "statm"))
		if err != nil {
			continue
		}
		f := strings.Fields(string(b))
		if len(f) > 1 {
			pages, _ := strconv.ParseInt(f[1], 10, 64)
			sum += pages * int64(os.Getpagesize())
		}
	}
	return sum
}
