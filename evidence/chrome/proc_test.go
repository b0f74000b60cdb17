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

// memory sums the processes' resident memory (RSS, which counts shared pages once per process)
// and their proportional share of it (PSS, which splits shared pages: the honest total).
func memory(pids []int) (rss, pss int64) {
	for _, pid := range pids {
		b, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "smaps_rollup"))
		if err != nil {
			continue
		}
		for _, l := range strings.Split(string(b), "\n") {
			f := strings.Fields(l)
			if len(f) < 2 {
				continue
			}
			kb, _ := strconv.ParseInt(f[1], 10, 64)
			switch f[0] {
			case "Rss:":
				rss += kb << 10
			case "Pss:":
				pss += kb << 10
			}
		}
	}
	return rss, pss
}
