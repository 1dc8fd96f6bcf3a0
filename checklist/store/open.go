package store

import (
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/pressend/pressend/checklist"
)

// Opened is one audit opened for editing: the audit itself (loaded, or a
// new one when there is no file yet or the file is damaged), and what may
// be done with it. The UI sees it through a small interface (Save, Where,
// MoveAside), so it never touches files itself.
type Opened struct {
	// Audit is the loaded audit, or a fresh one.
	Audit *checklist.Audit
	// New is true when no saved audit existed.
	New bool
	// ReadOnly, when set, says why nothing may be changed or saved: another
	// window has the audit open.
	ReadOnly string
	// Damaged, when set, is why the saved file cannot be read. Audit is then
	// a fresh one, and Save refuses until MoveAside has set the file aside.
	Damaged *DamagedError

	name    string
	store   *Store
	session *Session
	// mu guards New and Damaged: Save and MoveAside run in commands, which
	// may run at once.
	mu sync.Mutex
}

// Open opens the audit called name for editing, creating nothing on disk:
// a new audit is first written by its first Save. Errors other than a
// damaged file or another window's lock (which are reported in Opened) are
// returned, and nothing is held open.
func (s *Store) Open(name string, pack *checklist.Pack, now time.Time) (*Opened, error) {
	ses, err := s.OpenSession(name)
	o := &Opened{name: name, store: s, session: ses}
	switch {
	case errors.Is(err, ErrLocked):
		o.ReadOnly = fmt.Sprintf("this audit is open in another pressend window (%s). You can look, but you cannot change anything here", s.Path(name))
		a, rerr := s.Read(name)
		if rerr != nil {
			ses.Close()
			return nil, rerr
		}
		o.Audit = a
		return o, nil
	case err != nil:
		return nil, err
	}
	a, err := ses.Load()
	var damaged *DamagedError
	switch {
	case errors.Is(err, ErrNotFound):
		o.Audit, o.New = checklist.NewAudit(name, pack, now), true
	case errors.As(err, &damaged):
		o.Audit, o.Damaged = checklist.NewAudit(name, pack, now), damaged
	case err != nil:
		ses.Close()
		return nil, err
	default:
		o.Audit = a
	}
	return o, nil
}

// Where is the audit's file.
func (o *Opened) Where() string { return o.store.Path(o.name) }

// Save writes the audit. An audit with no complete profile is not written:
// quitting during the first questions leaves nothing behind for `audits`
// to list. A read-only audit is never written.
func (o *Opened) Save(a *checklist.Audit) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	switch {
	case o.ReadOnly != "":
		return ErrReadOnly
	case !a.Profile.Complete() && o.New:
		return nil
	}
	if err := o.session.Save(a); err != nil {
		return err
	}
	o.New = false
	return nil
}

// MoveAside sets a damaged file aside so the fresh audit can be saved, and
// returns where the file went.
func (o *Opened) MoveAside(now time.Time) (string, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.Damaged == nil {
		return "", errors.New("the saved audit is not damaged")
	}
	to, err := o.store.MoveAside(o.name, now)
	if err == nil {
		o.Damaged = nil
		o.New = true
	}
	return to, err
}

// Close releases the audit's lock.
func (o *Opened) Close() error {
	if o.session == nil {
		return nil
	}
	return o.session.Close()
}
