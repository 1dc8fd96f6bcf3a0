package cli

import (
	"os"
	"path/filepath"
)

// writePrivate replaces path with data through a temp file in the same
// folder and a rename, which Windows does in one step, so a failed write
// never leaves half a report. renameio builds only on Unix. Unix modes do
// not apply here; the file inherits the folder's access rules.
func writePrivate(path string, data []byte) (err error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if _, err = f.Write(data); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}
