// Package projector is the teaching session's front of the room: the
// projector view (`pressend teach present`), which shows one question at a
// time and the class's answers when the facilitator reveals them, and the
// facilitator's notes window (`pressend teach notes`), which follows the
// projector through a small slide file. Neither touches the network; files
// are read and written only inside commands.
package projector

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/pressend/pressend/checklist/teach"
)

// Config is one projector session.
type Config struct {
	Deck *teach.Deck
	// Session is the session code, canonical form.
	Session string
	// Collect is a folder of answers files to watch; "" watches nothing,
	// for a room that counts hands.
	Collect string
	// Hands is where a typed show of hands is saved, and its fresh tally.
	// When Collect is set this is the same folder, so pooling it later
	// counts the hands with the files.
	HandsDir string
	Hands    teach.Hands
	// SlidePath is the slide file the notes window follows; "" writes none.
	SlidePath string
	// MinCount hides smaller counts, as pooling does.
	MinCount int
	// Poll is how often Collect is read again.
	Poll time.Duration
}

// Model is the projector.
type Model struct {
	cfg   Config
	qs    []teach.Question
	idx   int
	phase teach.Phase
	// best marks the suggested answer; the facilitator chooses when.
	best bool
	// story shows the question again over the results.
	story   bool
	help    bool
	res     *teach.Results
	hands   teach.Hands
	entry   *entry
	notice  string
	problem string
	w, h    int
}

// New opens the projector on the first question, results hidden.
func New(cfg Config) *Model {
	if cfg.Poll <= 0 {
		cfg.Poll = 2 * time.Second
	}
	if cfg.MinCount < 1 {
		cfg.MinCount = teach.DefaultMinCount
	}
	return &Model{cfg: cfg, qs: cfg.Deck.Questions(), phase: teach.PhaseAsk, hands: cfg.Hands, w: 80, h: 24}
}

type keys struct {
	advance, reveal, next, prev, best, story, hands, help, quit key.Binding
}

func newKeys() keys {
	return keys{
		advance: key.NewBinding(key.WithKeys("space", "enter"), key.WithHelp("space", "next step")),
		reveal:  key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "reveal answers")),
		next:    key.NewBinding(key.WithKeys("n", "right", "pgdown"), key.WithHelp("→", "next question")),
		prev:    key.NewBinding(key.WithKeys("p", "left", "pgup"), key.WithHelp("←", "previous")),
		best:    key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "mark suggested answer")),
		story:   key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "question")),
		hands:   key.NewBinding(key.WithKeys("h"), key.WithHelp("h", "show of hands")),
		help:    key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "keys")),
		quit:    key.NewBinding(key.WithKeys("q", "ctrl+c", "esc"), key.WithHelp("q", "quit")),
	}
}

// Init writes the first slide and starts watching the folder.
func (m *Model) Init() tea.Cmd {
	return tea.Batch(m.writeSlide(), m.collect())
}

// Update handles keys, window sizes, and the folder's and files' news.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.w, m.h = msg.Width, msg.Height
	case pollMsg:
		return m, m.collect()
	case resultsMsg:
		m.res, m.problem = msg.res, msg.problem
	case handsSavedMsg:
		if msg.err != nil {
			m.notice = "The show of hands is on screen but could not be saved: " + msg.err.Error()
		} else {
			m.notice = "Show of hands saved to " + msg.path
		}
		return m, m.pool()
	case slideSavedMsg:
		if msg.err != nil {
			m.notice = "The notes window cannot follow: " + msg.err.Error()
		}
	case tea.KeyPressMsg:
		if m.entry != nil {
			return m.updateEntry(msg)
		}
		return m.updateKey(msg)
	}
	return m, nil
}

func (m *Model) updateKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := newKeys()
	before := m.slide()
	switch {
	case key.Matches(msg, k.quit):
		if m.help {
			m.help = false
			return m, nil
		}
		return m, tea.Quit
	case key.Matches(msg, k.help):
		m.help = !m.help
	case key.Matches(msg, k.advance):
		if !m.revealNext() {
			m.move(1)
		}
	case key.Matches(msg, k.reveal):
		m.revealNext()
	case key.Matches(msg, k.next):
		m.move(1)
	case key.Matches(msg, k.prev):
		m.move(-1)
	case key.Matches(msg, k.best):
		if m.question().Best > 0 {
			m.best = !m.best
		} else {
			m.notice = "This one has no single right answer, so there is nothing to mark."
		}
	case key.Matches(msg, k.story):
		m.story = !m.story
	case key.Matches(msg, k.hands):
		m.entry = newEntry(m.question(), m.handsRound())
		m.notice = ""
	}
	if m.slide() != before {
		return m, m.writeSlide()
	}
	return m, nil
}

// revealNext shows the next round, if there is one to show.
func (m *Model) revealNext() bool {
	q := m.question()
	switch {
	case m.phase == teach.PhaseAsk:
		m.phase = teach.PhaseRound1
	case m.phase == teach.PhaseRound1 && !q.Check:
		m.phase = teach.PhaseBoth
	default:
		return false
	}
	m.story = false
	return true
}

// move goes to another question, with its results hidden again.
func (m *Model) move(by int) {
	i := m.idx + by
	if i < 0 || i >= len(m.qs) {
		return
	}
	m.idx, m.phase, m.best, m.story, m.notice = i, teach.PhaseAsk, false, false, ""
}

func (m *Model) question() teach.Question { return m.qs[m.idx] }

// handsRound is the round a show of hands counts: the one being asked.
func (m *Model) handsRound() int {
	if m.phase == teach.PhaseAsk || m.question().Check {
		return 1
	}
	return 2
}

func (m *Model) slide() teach.Slide {
	q := m.question()
	return teach.Slide{Session: m.cfg.Session, Deck: m.cfg.Deck.Hash, Question: q.ID, Index: m.idx, Phase: m.phase, ShowBest: m.best}
}

// result is the class's answers to the current question, if any.
func (m *Model) result() (teach.QuestionResult, bool) {
	if m.res == nil {
		return teach.QuestionResult{}, false
	}
	return m.res.Result(m.question().ID)
}
