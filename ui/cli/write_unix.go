//go:build !windows

package cli

import "github.com/google/renameio/v2"

// writePrivate replaces path with data atomically (temp file, fsync,
// rename) as a 0600 file. It does not keep the permissions of a file it
// replaces, as renameio.WriteFile would: a report describes the user's own
// accounts, so it is private whatever was there before.
func writePrivate(path string, data []byte) error {
	f, err := renameio.NewPendingFile(path, renameio.WithStaticPermissions(0o600))
	if err != nil {
		return err
	}
	defer f.Cleanup()
	if _, err := f.Write(data); err != nil {
		return err
	}
	return f.CloseAtomicallyReplace()
}
