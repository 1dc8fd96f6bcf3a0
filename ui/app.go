package ui

import (
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textinput"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/pressend/pressend/checklist"
)

// screen names what the root model is showing.
type screen int

const (
	scrWelcome screen = iota
	scrDamaged
	scrProfile
	scrItem
	scrOverview
	scrResults
	scrMenu
)

// Minimum useful size; below it the app asks for a larger window rather
// than drawing a broken layout.
const (
	minWidth  = 60
	minHeight = 16
)

// inputMode says what the text prompt on the item screen is collecting.
type inputMode int

const (
	inputNone inputMode = iota
	inputNote
	inputReason
)

// model is the root Bubble Tea model. It owns the audit and routes keys to
// the active screen; the screens are methods on it, in one file each.
type model struct {
	pack     *checklist.Pack
	audit    *checklist.Audit
	path     string
	readOnly string
	quick    bool
	now      func() time.Time
	problems []string
	stale    checklist.Staleness

	saver     *serialSaver
	saveErr   string // last save failure, shown until a save succeeds
	damaged   *checklist.DamagedError
	moveAside func() (string, error)
	notice    string // one-off message, e.g. where a damaged file went

	st     styles
	themes *themeCache
	help   help.Model

	width, height int
	screen        screen
	back          screen // where esc returns to from overview and results
	showHelp      bool

	qs    []checklist.Question
	pos   int
	vp    viewport.Model
	input textinput.Model
	mode  inputMode

	profile  *profileForm
	cursor   int // overview and menu selection
	showHow  bool
	showPlan bool // print the plan after exit
	quitting bool

	itemKeys    itemKeys
	listKeys    listKeys
	resultsKeys resultsKeys
	inputKeys   inputKeys
	welcomeKeys welcomeKeys
}

// newModel builds the root model from run options.
func newModel(opts Options) model {
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	audit := opts.Audit
	if audit == nil {
		audit = checklist.NewAudit("me", opts.Pack, now())
	}
	ti := textinput.New()
	ti.CharLimit = 2000
	// A steady cursor: blinking would redraw the screen twice a second
	// while the user is thinking, for no benefit.
	tis := ti.Styles()
	tis.Cursor.Blink = false
	ti.SetStyles(tis)
	m := model{
		pack: opts.Pack, audit: audit, path: opts.Path, readOnly: opts.ReadOnly,
		quick: opts.Quick || audit.Quick, now: now, problems: opts.PackProblems,
		stale:   checklist.CheckFreshness(opts.Pack, now()),
		damaged: opts.Damaged, moveAside: opts.MoveAside,
		st: newStyles(true), themes: &themeCache{}, help: help.New(),
		vp:       viewport.New(),
		input:    ti,
		itemKeys: newItemKeys(), listKeys: newListKeys(), resultsKeys: newResultsKeys(),
		inputKeys: newInputKeys(), welcomeKeys: newWelcomeKeys(),
		width: 80, height: 24,
	}
	if opts.ReadOnly == "" && opts.Store != nil {
		m.saver = &serialSaver{store: opts.Store}
	}
	m.audit.Quick = m.quick
	m.saveErr = opts.Unsaved
	m.vp.SoftWrap = true
	m.vp.MouseWheelEnabled = true
	m.screen = m.startScreen()
	m.refreshQuestions()
	if m.screen == scrItem {
		m.pos = m.resumePos()
	}
	if m.screen == scrProfile {
		m.profile = newProfileForm(m.pack, m.audit.Profile, m.themes.theme())
	}
	m.layout()
	return m
}

// startScreen picks the first screen: a damaged file comes first, then the
// welcome for a new audit, the menu for a finished one, or straight back to
// the question the user was on.
func (m model) startScreen() screen {
	switch {
	case m.damaged != nil:
		return scrDamaged
	case !m.audit.Profile.Complete():
		return scrWelcome
	case m.audit.Completed != nil:
		return scrMenu
	}
	return scrItem
}

// refreshQuestions recomputes the applicable questions after the profile
// or mode changes, keeping the user on the same question where possible.
func (m *model) refreshQuestions() {
	var key string
	if m.pos < len(m.qs) {
		key = m.qs[m.pos].Key
	}
	m.qs = checklist.Questions(m.pack, m.audit.Profile, m.quick)
	m.pos = 0
	for i, q := range m.qs {
		if q.Key == key {
			m.pos = i
		}
	}
}

// resumePos is where a returning user continues: the saved cursor if it is
// still unanswered, otherwise the first unanswered question.
func (m model) resumePos() int {
	for i, q := range m.qs {
		if q.Key == m.audit.Cursor {
			if _, answered := m.audit.Answers[q.Key]; !answered {
				return i
			}
		}
	}
	if i := m.audit.FirstUnanswered(m.qs); i >= 0 {
		return i
	}
	return max(0, len(m.qs)-1)
}

// Init asks the terminal for its background so the theme can match it.
func (m model) Init() tea.Cmd {
	cmds := []tea.Cmd{tea.RequestBackgroundColor}
	if m.screen == scrProfile && m.profile != nil {
		cmds = append(cmds, m.profile.init())
	}
	return tea.Batch(cmds...)
}

// Update routes messages: global ones first, then the active screen's.
func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.layout()
		if m.profile != nil {
			m.profile.setSize(m.bodyWidth(), m.bodyHeight())
		}
		return m, nil
	case tea.BackgroundColorMsg:
		m.st = newStyles(msg.IsDark())
		m.help.Styles = help.DefaultStyles(msg.IsDark())
		m.layout()
		if m.profile != nil {
			return m, m.profile.update(msg)
		}
		return m, nil
	case savedMsg:
		if msg.err != nil {
			m.saveErr = msg.err.Error()
		} else {
			m.saveErr = ""
		}
		return m, nil
	case movedMsg:
		return m.afterMove(msg)
	case tea.KeyPressMsg:
		if msg.String() == "ctrl+c" {
			return m.quit()
		}
	}
	switch m.screen {
	case scrWelcome, scrDamaged:
		return m.updateWelcome(msg)
	case scrProfile:
		return m.updateProfile(msg)
	case scrItem:
		return m.updateItem(msg)
	case scrOverview:
		return m.updateOverview(msg)
	case scrResults:
		return m.updateResults(msg)
	case scrMenu:
		return m.updateMenu(msg)
	}
	return m, nil
}

// quit saves (the last save is repeated by the caller too) and exits,
// asking for the plan to be printed once there is something to print.
func (m model) quit() (tea.Model, tea.Cmd) {
	m.quitting = true
	m.showPlan = m.audit.Profile.Complete() && len(m.audit.Answers) > 0
	m.audit.Cursor = m.cursorKey()
	return m, tea.Sequence(m.save(), tea.Quit)
}

// cursorKey is the key of the current question, saved so a resume lands
// on it.
func (m model) cursorKey() string {
	if m.pos < len(m.qs) {
		return m.qs[m.pos].Key
	}
	return ""
}

// save sends a snapshot of the audit to the store in a command, so the
// event loop never waits on the disk.
func (m model) save() tea.Cmd {
	if m.saver == nil {
		return nil
	}
	snap := m.audit.Clone()
	return func() tea.Msg { return savedMsg{err: safely(func() error { return m.saver.save(snap) })} }
}

// result is what Run hands back to the caller.
func (m model) result() Result {
	saved := m.saver != nil && m.saveErr == ""
	if m.saver == nil && m.readOnly == "" {
		saved = false
	}
	return Result{Audit: m.audit, Saved: saved, ShowPlan: m.showPlan}
}
