package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"

	"github.com/pressend/pressend/checklist"
)

// Receipt says what Forget deleted, without any of the audit's content:
// how many files of each kind, and the reports the audit recorded as
// written elsewhere, which pressend cannot delete itself.
type Receipt struct {
	Name           string
	AuditFile      bool
	Damaged, Temps int
	LockFile       bool
	Reports        []checklist.Report
	ReportsUnknown bool // the audit file could not be read for its list
}

// Forget deletes everything stored for an audit: the file, its lock file,
// copies MoveAside set aside and temp files a crash left behind (these hold
// answers too). It returns ErrNotFound when there was nothing to delete, and
// an error matching ErrLocked when any window, this process's included, has
// the audit open: close the Session first.
func (s *Store) Forget(name string) (Receipt, error) {
	r := Receipt{Name: name}
	if err := ValidateName(name); err != nil {
		return r, err
	}
	lk, err := s.lock(name)
	if err != nil {
		return r, err
	}
	defer lk.Unlock()
	var victims []string
	if _, err := os.Lstat(s.Path(name)); err == nil {
		victims = append(victims, s.Path(name))
		r.AuditFile = true
		if a, err := readAudit(s.Path(name)); err == nil {
			r.Reports = a.Reports
		} else {
			r.ReportsUnknown = true
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return r, fmt.Errorf("could not delete %s: %w", s.Path(name), err)
	}
	entries, err := os.ReadDir(s.auditsDir())
	if err != nil {
		return r, fmt.Errorf("could not delete audit %s: %w", name, err)
	}
	for _, e := range entries {
		switch {
		case isDamagedCopy(name, e.Name()):
			r.Damaged++
		case isTempFile(name, e.Name()):
			r.Temps++
		default:
			continue
		}
		victims = append(victims, filepath.Join(s.auditsDir(), e.Name()))
	}
	found := len(victims) > 0
	// The lock file goes last and, on Unix, while still locked: unlocking
	// first would let another window lock the old file just before it is
	// unlinked, while a third creates and locks a new one. Windows cannot
	// delete a file that is open, so there it is unlocked first.
	if runtime.GOOS == "windows" {
		lk.Unlock()
	}
	victims = append(victims, s.lockPath(name))
	var errs []error
	for _, v := range victims {
		if err := os.Remove(v); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, fmt.Errorf("could not delete %s: %w", v, err))
		}
	}
	r.LockFile = true
	syncDir(s.auditsDir())
	if !found {
		return r, fmt.Errorf("%w at %s", ErrNotFound, s.Path(name))
	}
	return r, errors.Join(errs...)
}
