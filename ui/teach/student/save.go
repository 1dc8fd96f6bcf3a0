package student

import (
	"fmt"
	"os"
	"sync"

	tea "charm.land/bubbletea/v2"

	"github.com/pressend/pressend/checklist/teach"
)

// savedMsg reports a save. stale marks one skipped because a newer
// snapshot had already been written.
type savedMsg struct {
	err   error
	stale bool
}

// fileMsg is the answers file as read back from disk, or why it cannot be.
type fileMsg struct{ text string }

// serialSaver runs saves one at a time and never lets an older snapshot
// replace a newer one: Bubble Tea may run two save commands at once.
type serialSaver struct {
	mu   sync.Mutex
	save func(teach.Submission) error
	last int
}

func (s *serialSaver) run(seq int, sub teach.Submission) (msg tea.Msg) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if seq <= s.last {
		return savedMsg{stale: true}
	}
	defer func() {
		if r := recover(); r != nil {
			msg = savedMsg{err: fmt.Errorf("unexpected problem: %v", r)}
		}
	}()
	if err := s.save(sub); err != nil {
		return savedMsg{err: err}
	}
	s.last = seq
	return savedMsg{}
}

// readFile reads the answers file back, so the student sees exactly what
// they would hand in, from the disk rather than from memory.
func readFile(path string) tea.Cmd {
	return func() tea.Msg {
		data, err := os.ReadFile(path)
		switch {
		case os.IsNotExist(err):
			return fileMsg{text: "Nothing is saved yet: the file is written after your first answer, to\n" + path}
		case err != nil:
			return fileMsg{text: "Your answers file cannot be read: " + err.Error()}
		}
		return fileMsg{text: "Your answers file is\n" + path + "\n\nThis is everything it holds:\n\n" + string(data)}
	}
}
