package store

import (
	"github.com/pressend/pressend/checklist"

	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/gofrs/flock"
)

// Session is one window's hold on one audit. While it is open, no other
// pressend window can write the audit: they get a read-only Session.
// Its methods are safe to call from several goroutines.
type Session struct {
	// Name is the audit's name.
	Name string
	// Path is the audit file.
	Path string
	// ReadOnly is true when another window held the lock at Open; Save
	// then returns ErrReadOnly.
	ReadOnly bool

	mu     sync.Mutex
	lock   *flock.Flock // nil when read-only or closed
	closed bool
	// known is set once Load or Save has seen what is at Path, so Save
	// knows it is replacing this session's own audit and not one it never
	// looked at.
	known bool
	// damaged is set when Load found the file damaged. Save then refuses
	// for as long as any file is at Path, even one that has since become
	// readable (say, repaired by hand): what Save holds is a fresh audit,
	// and writing it there would lose that file.
	damaged bool
	hook    func(path string, data []byte) error
}

// OpenSession takes the lock on an audit and returns a Session for it. It does not
// read the file; call Load.
//
// The lock is an exclusive, non-blocking flock(2) on audits/<name>.lock
// (created 0600 and never deleted, except by Forget). If another window
// holds it, Open returns a read-only Session together with an error that
// matches ErrLocked and names the file in use, so the caller can say so and
// carry on read-only. flock locks die with the process that held them, so a
// crashed pressend never leaves an audit locked. The lock belongs to the
// open file, not the process: a second Open of the same name in the same
// process is refused too.
//
// Other failures, such as an unwritable directory, return a nil Session;
// Store.Read still works then.
func (s *Store) OpenSession(name string) (*Session, error) {
	if err := ValidateName(name); err != nil {
		return nil, err
	}
	ses := &Session{Name: name, Path: s.Path(name)}
	lk, err := s.lock(name)
	if errors.Is(err, ErrLocked) {
		ses.ReadOnly = true
		return ses, err
	}
	if err != nil {
		return nil, err
	}
	ses.lock = lk
	// Only the lock holder writes, so any temp file for this audit is left
	// from a crash. Removing it keeps stray copies of the answers from
	// piling up.
	s.removeTemps(name)
	return ses, nil
}

// lock takes the audit's lock without waiting.
func (s *Store) lock(name string) (*flock.Flock, error) {
	path := s.lockPath(name)
	lk := flock.New(path, flock.SetPermissions(0o600))
	ok, err := lk.TryLock()
	if err != nil {
		return nil, fmt.Errorf("could not lock %s: %w", path, err)
	}
	if !ok {
		return nil, &lockedError{path: s.Path(name)}
	}
	// The umask may have stripped bits at creation; an unreadable lock file
	// would stop the next Open. Lstat, so a link is never chmodded through.
	if fi, err := os.Lstat(path); err == nil && fi.Mode().IsRegular() && fi.Mode().Perm() != 0o600 {
		os.Chmod(path, 0o600)
	}
	return lk, nil
}

// removeTemps deletes temp files Save left for name when a crash stopped
// it between creating and renaming one. Best effort: a leftover temp file
// is only clutter, skipped by List.
func (s *Store) removeTemps(name string) {
	entries, err := os.ReadDir(s.auditsDir())
	if err != nil {
		return
	}
	for _, e := range entries {
		if isTempFile(name, e.Name()) {
			os.Remove(filepath.Join(s.auditsDir(), e.Name()))
		}
	}
}

var errClosed = errors.New("the audit has been closed")

// Load reads the audit. It returns an error matching ErrNotFound when there
// is no file yet, and a *DamagedError when the file cannot be used: empty,
// cut short, not JSON, values of the wrong type, no schema version, a newer
// schema, or a folder or other non-file in its place. It never changes the
// file. Files of an older schema are upgraded in memory; the next Save
// writes the current schema. Name is set to the session's name, which is
// what the file is called.
func (s *Session) Load() (*checklist.Audit, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil, errClosed
	}
	a, err := readAudit(s.Path)
	var damaged *DamagedError
	switch {
	case errors.As(err, &damaged):
		s.damaged = true
	case err == nil, errors.Is(err, ErrNotFound):
		s.known, s.damaged = true, false
	}
	if a != nil {
		a.Name = s.Name
	}
	return a, err
}

// Save writes the audit: whole or not at all, as a 0600 regular file (a
// link in its place is replaced, never written through). It sets a.Schema
// and a.Name first.
//
// It refuses, leaving the file as it is, when: the session is read-only
// (ErrReadOnly); the file on disk is damaged or from a newer pressend (an
// error wrapping *DamagedError); Load found it damaged and it has not been
// moved aside; or a file exists that this session never loaded, which
// would otherwise be replaced by an unrelated audit. Write failures name
// the path and the cause.
func (s *Session) Save(a *checklist.Audit) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case s.closed:
		return errClosed
	case s.ReadOnly:
		return ErrReadOnly
	case a == nil:
		return errors.New("no audit to save")
	}
	// Look again at what is there now, rather than trust what Load saw:
	// the file could have been damaged, moved aside or replaced since.
	_, err := readAudit(s.Path)
	var damaged *DamagedError
	switch {
	case errors.Is(err, ErrNotFound):
		// Nothing to lose, including after MoveAside.
	case errors.As(err, &damaged):
		return fmt.Errorf("not saved, so the damaged file is kept as it is: %w", err)
	case err != nil:
		return fmt.Errorf("not saved, because %s could not be checked first: %w", s.Path, err)
	case s.damaged:
		return fmt.Errorf("not saved: %s was damaged when it was opened and has changed since, so it is kept as it is; open the audit again", s.Path)
	case !s.known:
		return fmt.Errorf("not saved: %s already holds a saved audit that was not loaded here, so it is not replaced; open it to continue it, or forget it first", s.Path)
	}
	a.Schema, a.Name = checklist.SchemaVersion, s.Name
	data, err := json.MarshalIndent(a, "", "  ")
	if err != nil {
		return fmt.Errorf("could not save %s: %w", s.Path, err)
	}
	data = append(data, '\n')
	if s.hook != nil {
		err = s.hook(s.Path, data)
	} else {
		err = writeAtomic(s.Path, data)
	}
	if err != nil {
		return fmt.Errorf("could not save %s: %w", s.Path, err)
	}
	s.known, s.damaged = true, false
	return nil
}

// Close releases the lock. The lock file stays: deleting it would race
// with another window opening the audit. Closing twice is harmless.
func (s *Session) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	if s.lock == nil {
		return nil
	}
	lk := s.lock
	s.lock = nil
	if err := lk.Unlock(); err != nil && !errors.Is(err, fs.ErrClosed) {
		return fmt.Errorf("could not release the lock on %s: %w", s.Path, err)
	}
	return nil
}

// SetWriteHook is for tests. When fn is not nil, Save hands the encoded
// audit to fn instead of writing the file, after all its checks, and
// returns fn's error wrapped with the path. UI tests use it to simulate a
// full disk or a read-only folder. Pass nil to write files again.
func (s *Session) SetWriteHook(fn func(path string, data []byte) error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.hook = fn
}

// writeAtomic replaces path with data so that a reader, or the file after a
// crash, holds either the old contents or the new, never a mix. The temp
// file is a dotfile in the same directory (a rename cannot cross file
// systems, and List skips dotfiles). rename(2) replaces a link at path
// rather than writing through it.
//
// This is renameio's recipe written out, because renameio/v2 builds only on
// Unix and pressend ships for Windows too; os.Rename on Windows replaces the
// target in one step as well.
func writeAtomic(path string, data []byte) (err error) {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+tempInfix+"*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	closed := false
	defer func() {
		if err != nil {
			if !closed {
				f.Close()
			}
			os.Remove(tmp)
		}
	}()
	// CreateTemp asks for 0600 but the umask applies; Chmod makes it exact.
	if err = f.Chmod(0o600); err != nil {
		return err
	}
	if _, err = f.Write(data); err != nil {
		return err
	}
	// Without the fsync a crash after the rename can leave an empty file.
	if err = f.Sync(); err != nil {
		return err
	}
	closed = true
	if err = f.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp, path); err != nil {
		return err
	}
	syncDir(dir)
	return nil
}

// syncDir makes a rename or removal in dir durable. Best effort: the change
// has already happened and is atomic; some file systems refuse to fsync a
// directory, and Windows cannot.
func syncDir(dir string) {
	if runtime.GOOS == "windows" {
		return
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
