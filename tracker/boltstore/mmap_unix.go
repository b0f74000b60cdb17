//go:build !windows

package boltstore

// initialMmap maps the file this large from the start, so that a big transaction (an import
// of 100 000 orders) does not remap it as it grows: each remap copies every page in memory,
// which made the import's cost grow faster than its size. On Unix it is address space only.
const initialMmap = 256 << 20
