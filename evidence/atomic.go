package evidence

// WriteFileAtomic writes data to path (mode 0600) through a synced temporary file in the same
// folder, so a crash never leaves half a file under the name: packets the buyer uploads use it.
func WriteFileAtomic(path string, data []byte) error {
	_, _, err := writeAtomic(path, File{Data: data})
	return err
}
