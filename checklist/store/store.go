package store

import (
	"github.com/pressend/pressend/checklist"

	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// The store keeps each audit in its own file, audits/<name>.json under the
// data directory, next to a lock file audits/<name>.lock. What is in those
// files is a person's account of their own conduct, so the rules are:
// written whole or not at all (temp file, fsync, rename), private (0600
// files, 0700 directories), never written over when damaged or made by a
// newer pressend, and removed completely by Forget.

// Errors callers tell apart with errors.Is.
var (
	// ErrNotFound means there is no saved audit with that name.
	ErrNotFound = errors.New("no saved audit")
	// ErrLocked means another pressend window has the audit open.
	ErrLocked = errors.New("the audit is open in another pressend window")
	// ErrReadOnly means the session was opened read-only, because another
	// window holds the lock, so Save does nothing.
	ErrReadOnly = errors.New("this audit is open read-only, so changes are not saved")
)

// DamagedError says a saved audit cannot be used: not valid JSON, values of
// the wrong type, no schema version, a newer schema, or something other than
// a file where the file should be. The file is left exactly as it is.
type DamagedError struct {
	// Path is the damaged file.
	Path string
	// Reason says, for the user, what is wrong.
	Reason string
	// Err is the underlying error, if any.
	Err error
}

// Error reads "<path> is damaged: <reason>".
func (e *DamagedError) Error() string { return e.Path + " is damaged: " + e.Reason }

// Unwrap returns the underlying error.
func (e *DamagedError) Unwrap() error { return e.Err }

// lockedError names the file another window is using; it matches ErrLocked.
type lockedError struct{ path string }

func (e *lockedError) Error() string { return e.path + " is in use by another pressend window" }
func (e *lockedError) Unwrap() error { return ErrLocked }

const (
	// maxAuditSize bounds what Load reads. A real audit is a few kilobytes;
	// anything near this is not one, and reading it whole could exhaust
	// memory.
	maxAuditSize = 16 << 20
	// damagedLayout stamps moved-aside copies. UTC, so names sort in time
	// order and mean the same thing in every time zone.
	damagedLayout = "20060102T150405"
	// tempInfix sits between ".<name>.json" and the random digits of a
	// file Save is still writing.
	tempInfix  = ".tmp-"
	maxNameLen = 64
)

// Store is a directory of saved audits.
type Store struct{ dir string }

// OpenStore opens the data directory dir, creating dir/audits if needed.
// Directories it creates are made 0700 whatever the umask, since they hold
// private answers. Existing directories are left as they are: the user may
// have chosen them (an encrypted volume, a shared drive's private folder).
//
// Symbolic links in dir, or dir itself being one, are followed on purpose:
// pointing the data directory at an encrypted volume through a link is a
// normal thing to do. Links are never followed for the audit files inside
// audits/: Save replaces a link there with a regular file.
func OpenStore(dir string) (*Store, error) {
	if dir == "" {
		return nil, errors.New("no data directory given: set PRESSEND_DATA_DIR or use --data-dir")
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("could not use data directory %s: %w", dir, err)
	}
	audits := filepath.Join(abs, "audits")
	created := missingDirs(audits)
	if err := os.MkdirAll(audits, 0o700); err != nil {
		return nil, fmt.Errorf("could not create the audits folder %s: %w", audits, err)
	}
	// MkdirAll's mode is filtered by the umask; Chmod is not, so this gives
	// exactly 0700 even under umask 000.
	for _, d := range created {
		if err := os.Chmod(d, 0o700); err != nil {
			return nil, fmt.Errorf("could not make %s private: %w", d, err)
		}
	}
	return &Store{dir: abs}, nil
}

// missingDirs lists p and those of its parents that do not exist yet, so
// OpenStore tightens only directories it made itself.
func missingDirs(p string) []string {
	var out []string
	for {
		if _, err := os.Lstat(p); !errors.Is(err, fs.ErrNotExist) {
			return out
		}
		out = append(out, p)
		parent := filepath.Dir(p)
		if parent == p {
			return out
		}
		p = parent
	}
}

// Dir is the data directory, as an absolute path.
func (s *Store) Dir() string { return s.dir }

// Path is where the audit called name is saved. It does not check the name;
// use ValidateName first for names that come from the user.
func (s *Store) Path(name string) string { return filepath.Join(s.auditsDir(), name+".json") }

func (s *Store) auditsDir() string           { return filepath.Join(s.dir, "audits") }
func (s *Store) lockPath(name string) string { return filepath.Join(s.auditsDir(), name+".lock") }

// ValidateName checks an audit name: 1 to 64 lower-case letters, digits,
// '-', '_' or '.', starting with a letter or digit. Lower case only, because
// on macOS and Windows "Me" and "me" would be the same file. Names Windows
// reserves for devices (con, nul, com1…) are refused too, so a data
// directory can be copied between systems.
func ValidateName(name string) error {
	ok := len(name) >= 1 && len(name) <= maxNameLen && isLowerAlnum(name[0])
	for i := 0; ok && i < len(name); i++ {
		c := name[i]
		ok = isLowerAlnum(c) || c == '-' || c == '_' || c == '.'
	}
	if !ok {
		return fmt.Errorf("audit name %q is not allowed: use 1 to %d lower-case letters, digits, '-', '_' or '.', starting with a letter or digit, for example \"work-2026\"", name, maxNameLen)
	}
	base, _, _ := strings.Cut(name, ".")
	if slices.Contains(windowsDevices, base) {
		return fmt.Errorf("audit name %q is not allowed: %q is a reserved device name on Windows; choose another name", name, base)
	}
	return nil
}

var windowsDevices = []string{
	"con", "prn", "aux", "nul",
	"com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
	"lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
}

func isLowerAlnum(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' }

// Read loads an audit without taking its lock, for read-only uses such as
// printing a report while another window has it open. Errors are those of
// Session.Load.
func (s *Store) Read(name string) (*checklist.Audit, error) {
	if err := ValidateName(name); err != nil {
		return nil, err
	}
	a, err := readAudit(s.Path(name))
	if a != nil {
		a.Name = name
	}
	return a, err
}

// AuditInfo describes one saved audit for a list.
type AuditInfo struct {
	Name string
	Path string
	// Updated, Answers and Completed are zero when the file is damaged.
	Updated   time.Time
	Answers   int
	Completed bool
	// Damaged, when not empty, says why the file cannot be used.
	Damaged string
}

// List describes every saved audit, sorted by name. Damaged files are
// listed with the reason, so the user can see and deal with them. Skipped:
// dotfiles (Save's temp files), other extensions, and files whose names
// ValidateName rejects, so every Name listed can be passed to Open, Read and
// Forget. That includes copies set aside by MoveAside: the upper-case T in
// their time stamp is never in an audit name, so they are not audits, and
// Forget of the audit removes them.
func (s *Store) List() ([]AuditInfo, error) {
	entries, err := os.ReadDir(s.auditsDir())
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("could not list saved audits in %s: %w", s.auditsDir(), err)
	}
	var out []AuditInfo
	for _, e := range entries {
		file := e.Name()
		name, ok := strings.CutSuffix(file, ".json")
		if !ok || strings.HasPrefix(file, ".") || ValidateName(name) != nil {
			continue
		}
		info := AuditInfo{Name: name, Path: s.Path(name)}
		a, err := readAudit(info.Path)
		var damaged *DamagedError
		switch {
		case errors.Is(err, ErrNotFound):
			continue // removed since ReadDir, or a dangling link
		case errors.As(err, &damaged):
			info.Damaged = damaged.Reason
		case err != nil:
			info.Damaged = err.Error()
		default:
			info.Updated, info.Answers, info.Completed = a.Updated, len(a.Answers), a.Completed != nil
		}
		out = append(out, info)
	}
	slices.SortFunc(out, func(a, b AuditInfo) int { return strings.Compare(a.Name, b.Name) })
	return out, nil
}

// AddReport records, in the saved audit, that a report was written to a
// file, so forget can list it later. It opens the audit for the moment it
// takes; a window that has it open makes it fail with ErrLocked.
func (s *Store) AddReport(name string, rep checklist.Report) error {
	return s.update(name, func(a *checklist.Audit) { a.Reports = append(a.Reports, rep) })
}

// NextCalendarSequence increases the audit's calendar export counter and
// returns the new value, for the .ics SEQUENCE.
func (s *Store) NextCalendarSequence(name string) (int, error) {
	var n int
	err := s.update(name, func(a *checklist.Audit) { a.CalendarSequence++; n = a.CalendarSequence })
	return n, err
}

// update loads an audit under its lock, changes it and saves it.
func (s *Store) update(name string, change func(*checklist.Audit)) error {
	ses, err := s.OpenSession(name)
	if err != nil {
		return err
	}
	defer ses.Close()
	a, err := ses.Load()
	if err != nil {
		return err
	}
	change(a)
	return ses.Save(a)
}

// MoveAside renames a damaged audit file to audits/<name>.damaged-<UTC
// time>.json, so a fresh audit can start without losing the old file, and
// returns the new path. It never replaces an existing file: if that name is
// taken, "-2", "-3"… is added. It does not take the lock, so the window
// that found the damage can call it while its Session is open.
func (s *Store) MoveAside(name string, now time.Time) (string, error) {
	if err := ValidateName(name); err != nil {
		return "", err
	}
	from := s.Path(name)
	if _, err := os.Lstat(from); errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("%w at %s", ErrNotFound, from)
	} else if err != nil {
		return "", fmt.Errorf("could not move %s aside: %w", from, err)
	}
	stamp := name + ".damaged-" + now.UTC().Format(damagedLayout)
	for i := 1; i <= 100; i++ {
		to := filepath.Join(s.auditsDir(), stamp+".json")
		if i > 1 {
			to = filepath.Join(s.auditsDir(), fmt.Sprintf("%s-%d.json", stamp, i))
		}
		// A hard link fails rather than replace an existing file, so two
		// windows moving files aside in the same second cannot clobber
		// each other's copy.
		err := os.Link(from, to)
		if err == nil {
			if err := os.Remove(from); err != nil {
				return "", fmt.Errorf("copied %s to %s but could not remove the original: %w", from, to, err)
			}
			syncDir(s.auditsDir())
			return to, nil
		}
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		// No hard links here (a folder in the way, FAT, some network
		// drives): check the name is free, then rename.
		if _, err := os.Lstat(to); err == nil {
			continue
		} else if !errors.Is(err, fs.ErrNotExist) {
			return "", fmt.Errorf("could not move %s aside: %w", from, err)
		}
		if err := os.Rename(from, to); err != nil {
			return "", fmt.Errorf("could not move %s aside: %w", from, err)
		}
		syncDir(s.auditsDir())
		return to, nil
	}
	return "", fmt.Errorf("could not move %s aside: too many damaged copies already; delete some", from)
}

// isDamagedCopy reports whether file is a copy of name's audit set aside
// by MoveAside. The time stamp is checked exactly so that another audit
// whose name merely starts with "<name>.damaged-" is never matched.
func isDamagedCopy(name, file string) bool {
	rest, ok := strings.CutPrefix(file, name+".damaged-")
	if !ok {
		return false
	}
	rest, ok = strings.CutSuffix(rest, ".json")
	if !ok || len(rest) < len(damagedLayout) {
		return false
	}
	if _, err := time.Parse(damagedLayout, rest[:len(damagedLayout)]); err != nil {
		return false
	}
	n := rest[len(damagedLayout):]
	return n == "" || len(n) > 1 && n[0] == '-' && allDigits(n[1:])
}

// isTempFile reports whether file is a temp file Save made for name's
// audit (".<name>.json.tmp-<digits>").
func isTempFile(name, file string) bool {
	rest, ok := strings.CutPrefix(file, "."+name+".json"+tempInfix)
	return ok && allDigits(rest)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
