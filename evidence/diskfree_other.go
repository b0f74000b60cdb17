//go:build !unix

package evidence

// freeBytes is unknown here.
func freeBytes(string) (int64, bool) { return 0, false }
