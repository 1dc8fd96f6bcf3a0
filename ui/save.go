package ui

import (
	"sync"
	"time"

	"github.com/pressend/pressend/checklist"
)

// savedMsg reports the outcome of a background save.
type savedMsg struct{ err error }

// movedMsg reports the outcome of moving a damaged file aside.
type movedMsg struct {
	path string
	err  error
}

// serialSaver runs saves one at a time and drops snapshots older than the
// one already written. Saves run in commands, which Bubble Tea may run
// concurrently; without this an older snapshot could land after a newer
// one and lose the latest answer.
type serialSaver struct {
	mu    sync.Mutex
	store Storage
	last  time.Time
}

func (s *serialSaver) save(a *checklist.Audit) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.last.IsZero() && a.Updated.Before(s.last) {
		return nil
	}
	if err := s.store.Save(a); err != nil {
		return err
	}
	s.last = a.Updated
	return nil
}
