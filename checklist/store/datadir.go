package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"

	"github.com/adrg/xdg"
)

// DataDir picks the directory audits are kept in: override (from
// --data-dir) when not empty, else $PRESSEND_DATA_DIR, else
// xdg.DataHome/pressend. Relative paths are made absolute, so the store
// does not move if the working directory changes.
//
// It reads xdg.DataHome as it is; tests that change the environment must
// call xdg.Reload themselves.
func DataDir(override string) (string, error) {
	if override == "" {
		override = os.Getenv("PRESSEND_DATA_DIR")
	}
	if override != "" {
		abs, err := filepath.Abs(override)
		if err != nil {
			return "", fmt.Errorf("could not use data directory %s: %w", override, err)
		}
		return abs, nil
	}
	// With HOME unset, xdg falls back to "/" and would put the audits in
	// /.local/share, which is at best unwritable and at worst shared. XDG
	// only honours an absolute XDG_DATA_HOME, so that is what counts here.
	// Windows has no HOME; xdg uses its known folders there.
	noHome := runtime.GOOS != "windows" && os.Getenv("HOME") == "" && !filepath.IsAbs(os.Getenv("XDG_DATA_HOME"))
	if noHome || xdg.DataHome == "" || !filepath.IsAbs(xdg.DataHome) {
		return "", errors.New("cannot work out where to keep audits (no home directory is set): set PRESSEND_DATA_DIR or use --data-dir")
	}
	return filepath.Join(xdg.DataHome, "pressend"), nil
}
