// Package student is the full-screen view a student answers a teaching
// session in (`pressend teach answer CODE`): the whole story and every
// option on their own screen, round 1 alone, round 2 after discussion, how
// sure they are, then feedback with the sources for their own profession.
// The rules are checklist/teach's Walk; answers are saved in commands, one
// at a time, so the screen never waits on the disk.
package student

import (
	"errors"

	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/pressend/pressend/checklist/teach"
)

// Config is one student's session.
type Config struct {
	Deck *teach.Deck
	// Walk must be built without a save function: this view saves.
	Walk *teach.Walk
	// Session is the session code, canonical form.
	Session string
	// Save writes the answers file; Path is where it is, shown to the
	// student and read back for "what the file holds".
	Save func(teach.Submission) error
	Path string
}

// Result is how the session ended.
type Result struct {
	// Saved is set once the file has been written at least once.
	Saved bool
	// SaveErr is the latest save failure, if the file is behind.
	SaveErr error
}

type stage int

const (
	stageRole stage = iota
	stageAsk
	stageFeedback
	stageEnd
)

// Model is the student's screen.
type Model struct {
	cfg    Config
	stage  stage
	role   string
	cursor int
	// code is the answer code after the latest round, to paste in a chat.
	code string
	// said is a line about the last answer or save.
	said     string
	feedback string
	told     bool
	// story shows the story again in round 2, on r.
	story bool
	// last is the question the feedback is about.
	last     teach.Question
	file     string // the answers file as read back, while shown
	showFile bool
	vp       viewport.Model
	w, h     int
	saver    *serialSaver
	seq      int
	res      Result
}

// New starts at the profession question.
func New(cfg Config) *Model {
	return &Model{cfg: cfg, vp: viewport.New(), w: 80, h: 24, saver: &serialSaver{save: cfg.Save}}
}

// Result says whether the answers reached the disk.
func (m *Model) Result() Result { return m.res }

// Flush writes the latest answers if a save command had not finished when
// the program ended (a q pressed straight after an answer quits before the
// command runs). The caller runs it after the program, so nothing given is
// lost; an answer already on disk is not written again.
func (m *Model) Flush() Result {
	if m.cfg.Save == nil || m.seq == 0 {
		return m.res
	}
	if msg, ok := m.saver.run(m.seq, m.cfg.Walk.Submission()).(savedMsg); ok && !msg.stale {
		m.res.SaveErr = msg.err
		if msg.err == nil {
			m.res.Saved = true
		}
	}
	return m.res
}

// Init does nothing until the student answers.
func (m *Model) Init() tea.Cmd { return nil }

// Update handles keys, sizes and saves.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.w, m.h = msg.Width, msg.Height
	case savedMsg:
		if msg.stale {
			return m, nil
		}
		m.res.SaveErr = msg.err
		if msg.err == nil {
			m.res.Saved = true
		} else {
			m.said = "Not saved: " + msg.err.Error() + ". Your answers are kept until you quit; copy your answer code."
		}
	case fileMsg:
		m.file, m.showFile = msg.text, true
		m.vp.GotoTop()
	case tea.KeyPressMsg:
		return m.key(msg)
	}
	return m, nil
}

func (m *Model) key(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := msg.String()
	if m.showFile {
		if k == "f" || k == "esc" || k == "q" || k == "enter" {
			m.showFile = false
			return m, nil
		}
		return m, m.scroll(msg)
	}
	switch k {
	case "ctrl+c", "q":
		return m, tea.Quit
	case "f":
		return m, readFile(m.cfg.Path)
	case "r":
		m.story = !m.story
		return m, nil
	}
	switch m.stage {
	case stageRole:
		return m, m.pickRole(msg)
	case stageAsk:
		return m, m.answer(msg)
	case stageFeedback:
		if k == "enter" || k == "space" || k == "n" {
			m.next()
			return m, nil
		}
		return m, m.scroll(msg)
	case stageEnd:
		return m, m.scroll(msg)
	}
	return m, nil
}

func (m *Model) scroll(msg tea.KeyPressMsg) tea.Cmd {
	var cmd tea.Cmd
	m.vp, cmd = m.vp.Update(msg)
	return cmd
}

// pickRole chooses the profession used for citations. It is not saved.
func (m *Model) pickRole(msg tea.KeyPressMsg) tea.Cmd {
	roles := m.cfg.Deck.Pack.Roles
	n := len(roles) + 1 // the last is "prefer not to say"
	switch msg.String() {
	case "up", "k":
		m.cursor = (m.cursor + n - 1) % n
	case "down", "j", "tab":
		m.cursor = (m.cursor + 1) % n
	case "enter", "space":
		if m.cursor < len(roles) {
			m.role = roles[m.cursor].ID
		}
		m.next()
	}
	return nil
}

// answer moves the cursor, or takes a number, letter or Enter as the
// answer to the current step.
func (m *Model) answer(msg tea.KeyPressMsg) tea.Cmd {
	step, _ := m.cfg.Walk.Step()
	choices := step.Question.Choices
	if step.Kind == teach.StepConfidence {
		choices = teach.MaxConfidence
	}
	k := msg.String()
	v := -1
	switch {
	case k == "up" || k == "k":
		m.cursor = (m.cursor + choices - 1) % choices
	case k == "down" || k == "j" || k == "tab":
		m.cursor = (m.cursor + 1) % choices
	case k == "enter" || k == "space":
		v = m.cursor + 1
	case step.Kind == teach.StepConfidence && (k == "s" || k == "0"):
		v = 0
	case len(k) == 1 && k[0] >= '1' && k[0] <= '9':
		v = int(k[0] - '0')
	case len(k) == 1 && !step.Question.Scale && step.Kind != teach.StepConfidence && k[0] >= 'a' && int(k[0]-'a') < choices:
		v = int(k[0]-'a') + 1
	}
	if v < 0 {
		return m.scrollAsk(msg)
	}
	err := m.cfg.Walk.Answer(v)
	var re *teach.RangeError
	if errors.As(err, &re) {
		m.said = re.Error()
		return nil
	}
	if err != nil {
		m.said = err.Error()
		return nil
	}
	m.said = ""
	cmd := m.save()
	switch step.Kind {
	case teach.StepRound1, teach.StepRound2:
		m.code, _ = teach.EncodeAnswerCode(m.cfg.Deck, m.cfg.Walk.Submission())
	case teach.StepConfidence, teach.StepCheck:
		m.showFeedback(step)
		return cmd
	}
	m.next()
	return cmd
}

// scrollAsk scrolls a question too long for the window.
func (m *Model) scrollAsk(msg tea.KeyPressMsg) tea.Cmd {
	switch msg.String() {
	case "pgdown", "pgup", "ctrl+d", "ctrl+u":
		return m.scroll(msg)
	}
	return nil
}

// next moves to the walk's next step, or the end.
func (m *Model) next() {
	m.cursor, m.story = 0, false
	m.vp.GotoTop()
	if _, ok := m.cfg.Walk.Step(); !ok {
		m.stage = stageEnd
		m.code, _ = teach.EncodeAnswerCode(m.cfg.Deck, m.cfg.Walk.Submission())
		return
	}
	m.stage = stageAsk
}

func (m *Model) showFeedback(step teach.Step) {
	a := m.cfg.Walk.Submission().Answers[step.Question.ID]
	m.feedback = feedbackText(m.cfg.Deck, step, a, m.role)
	m.last = step.Question
	if !m.told && !step.Question.Check {
		m.feedback += "\n" + disclaimer()
		m.told = true
	}
	m.stage = stageFeedback
	m.vp.GotoTop()
}

// save writes a snapshot of the answers in a command.
func (m *Model) save() tea.Cmd {
	if m.cfg.Save == nil {
		return nil
	}
	m.seq++
	seq, sub, s := m.seq, m.cfg.Walk.Submission(), m.saver
	return func() tea.Msg { return s.run(seq, sub) }
}
