package projector

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/pressend/pressend/checklist/teach"
)

// pollMsg asks for the folder to be read again.
type pollMsg struct{}

// resultsMsg carries the class's answers, pooled in a command.
type resultsMsg struct {
	res *teach.Results
	// problem says, in a few words, why some files were not counted.
	problem string
}

type handsSavedMsg struct {
	path string
	err  error
}

type slideSavedMsg struct{ err error }

// collect pools now and, when a folder is watched, again after Poll.
func (m *Model) collect() tea.Cmd {
	if m.cfg.Collect == "" {
		return m.pool()
	}
	return tea.Batch(m.pool(), tea.Tick(m.cfg.Poll, func(time.Time) tea.Msg { return pollMsg{} }))
}

// pool adds up the watched folder, or, with no folder, the hands typed in
// this session. A watched folder already holds the saved hands file, so
// the tally is not added twice.
func (m *Model) pool() tea.Cmd {
	d, session, dir, minCount := m.cfg.Deck, m.cfg.Session, m.cfg.Collect, m.cfg.MinCount
	hands := cloneHands(m.hands)
	return func() tea.Msg {
		p, err := teach.NewPool(d, session)
		if err != nil {
			return resultsMsg{problem: err.Error()}
		}
		if dir != "" {
			p.AddPath(dir)
		} else if len(hands.Counts) > 0 {
			p.AddHands("show of hands", hands)
		}
		res := p.Results(minCount)
		msg := resultsMsg{res: res}
		if n := len(res.Rejected); n > 0 {
			msg.problem = fmt.Sprintf("%d %s not counted (run pressend teach pool to see why)", n, plural(n, "file", "files"))
		}
		return msg
	}
}

// saveHands writes the show-of-hands tally beside the students' files.
func (m *Model) saveHands() tea.Cmd {
	if m.cfg.HandsDir == "" {
		return func() tea.Msg { return handsSavedMsg{err: errors.New("no folder was given for it")} }
	}
	h := cloneHands(m.hands)
	path := filepath.Join(m.cfg.HandsDir, "pressend-hands-"+h.ID[:8]+".json")
	return func() tea.Msg {
		data, err := h.Encode()
		if err == nil {
			err = teach.WriteFile(path, data, true)
		}
		return handsSavedMsg{path: path, err: err}
	}
}

// writeSlide tells the notes window where the projector is.
func (m *Model) writeSlide() tea.Cmd {
	if m.cfg.SlidePath == "" {
		return nil
	}
	path, s := m.cfg.SlidePath, m.slide()
	return func() tea.Msg { return slideSavedMsg{err: teach.WriteSlide(path, s)} }
}

// cloneHands copies a tally so a command never shares the model's maps.
func cloneHands(h teach.Hands) teach.Hands {
	c := h
	c.Counts = make(map[string]teach.HandCount, len(h.Counts))
	for k, v := range h.Counts {
		c.Counts[k] = teach.HandCount{Round1: append([]int(nil), v.Round1...), Round2: append([]int(nil), v.Round2...)}
	}
	return c
}

// readSlide reads the slide file for the notes window.
func readSlide(path string) tea.Cmd {
	return func() tea.Msg {
		s, err := teach.ReadSlide(path)
		if errors.Is(err, fs.ErrNotExist) {
			return slideMsg{missing: true}
		}
		return slideMsg{slide: s, err: err}
	}
}

type slideMsg struct {
	slide   teach.Slide
	missing bool
	err     error
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Flush writes the show-of-hands file once more after the program ends,
// in case quitting overtook the save command of the last count typed. It
// writes nothing when no hands were counted.
func (m *Model) Flush() error {
	if len(m.hands.Counts) == 0 {
		return nil
	}
	if msg, ok := m.saveHands()().(handsSavedMsg); ok {
		return msg.err
	}
	return nil
}
