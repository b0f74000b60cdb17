package evidence

import (
	"path/filepath"

	"proofpack/internal/osfile"
)

// WriteFileAtomic writes data to path (mode 0600) through a synced temporary file in the same
// folder, then makes the rename durable (osfile), so a crash never leaves half a file under the name, nor loses
// the rename: packets the buyer uploads use it.
func WriteFileAtomic(path string, data []byte) error {
	if _, _, err := writeAtomic(path, File{Data: data}); err != nil {
		return err
	}
	return osfile.SyncDir(filepath.Dir(path))
}
