package ui

import (
	"fmt"
	"strings"
	"unicode"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/pressend/pressend/checklist"
	"github.com/pressend/pressend/checklist/display"
)

// Adviser mode's own screens: the adviser's initials, asked once for the
// member's report, and the list of members, which shows only the current
// one while screen-share safety is on.

// initials asks for the adviser's initials once per member audit.
type initials struct {
	c     *common
	input textinput.Model
	keys  keyList
	size  size
}

func newInitials(c *common) *initials {
	ti := newInput()
	ti.CharLimit = 6
	ti.Placeholder = "e.g. JS"
	return &initials{c: c, input: ti, keys: keyList{bind([]string{"enter"}, "enter", "save"), bind([]string{"esc"}, "esc", "skip")}}
}

// needsInitials reports whether the adviser should be asked for initials.
func needsInitials(c *common) bool {
	a := c.audit()
	return c.opts.Adviser && !c.walk.ReadOnly && (a.Adviser == nil || a.Adviser.Initials == "")
}

func (s *initials) Init() tea.Cmd     { return s.input.Focus() }
func (s *initials) Keys() help.KeyMap { return s.keys }
func (s *initials) Place() string     { return "Adviser" }
func (s *initials) Typing() bool      { return true }
func (s *initials) SetSize(width, height int) {
	s.size.SetSize(width, height)
	s.input.SetWidth(12)
}

func (s *initials) Update(msg tea.Msg) (screen, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, s.keys[0]):
			v := strings.ToUpper(strings.TrimSpace(s.input.Value()))
			if v == "" || strings.ContainsFunc(v, func(r rune) bool { return !unicode.IsLetter(r) }) {
				return s, notice("Initials are letters only, such as JS.")
			}
			a := s.c.audit()
			if a.Adviser == nil {
				a.Adviser = &checklist.AdviserInfo{}
			}
			a.Adviser.Initials, a.Updated = v, s.c.now()
			return s, tea.Batch(pop, s.c.saveNotice("Initials saved for this member's report"))
		case key.Matches(k, s.keys[1]):
			return s, tea.Batch(pop, notice("No initials: the member's report will say none were given."))
		}
	}
	var cmd tea.Cmd
	s.input, cmd = s.input.Update(msg)
	return s, cmd
}

func (s *initials) View() string {
	st, w := s.c.st, s.size.width
	return st.title.Render("Your initials, for the member's report") + "\n\n" +
		wrap("The report for the member's file records who advised. Only your initials are kept, in this member's audit.", w, 0) +
		"\n\n" + s.input.View()
}

// Members lists the saved audits, for the adviser's member list. The CLI
// gives the store's list; the UI calls it in a command, never in a view.
type Members func() ([]string, error)

// members shows which member audits exist. While screen-share safety is
// on, only the current member is shown and the rest are counted. Opening
// another member is never done from here: the adviser names it on the
// command line, so the wrong member's audit is never opened by a slip.
type members struct {
	c      *common
	names  []string
	err    error
	loaded bool
	cursor int
	keys   listKeys
	size   size
}

type membersMsg struct {
	names []string
	err   error
}

func newMembers(c *common) *members { return &members{c: c, keys: newListKeys()} }

func (m *members) Init() tea.Cmd {
	list := m.c.opts.Members
	if list == nil {
		return nil
	}
	return func() tea.Msg {
		var names []string
		err := safely(func() (err error) { names, err = list(); return err })
		return membersMsg{names, err}
	}
}

func (m *members) Keys() help.KeyMap         { return keyList{m.keys.Up, m.keys.Open, m.keys.Back} }
func (m *members) Place() string             { return "Members" }
func (m *members) Typing() bool              { return false }
func (m *members) SetSize(width, height int) { m.size.SetSize(width, height) }

// shown is the list as it may be seen now.
func (m *members) shown() []string {
	if !m.c.shareSafe {
		return m.names
	}
	return []string{m.c.audit().Name}
}

func (m *members) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case membersMsg:
		m.names, m.err, m.loaded = msg.names, msg.err, true
	case tea.KeyPressMsg:
		names := m.shown()
		switch {
		case key.Matches(msg, m.keys.Up):
			m.cursor = max(0, m.cursor-1)
		case key.Matches(msg, m.keys.Down):
			m.cursor = min(max(0, len(names)-1), m.cursor+1)
		case key.Matches(msg, m.keys.Back):
			return m, pop
		case key.Matches(msg, m.keys.Open) && m.cursor < len(names):
			name := names[m.cursor]
			if name == m.c.audit().Name {
				return m, pop
			}
			return m, notice(fmt.Sprintf("To open %s, quit (q) and run: pressend --adviser --audit %s", name, name))
		}
	}
	return m, nil
}

func (m *members) View() string {
	st, w := m.c.st, m.size.width
	var b strings.Builder
	b.WriteString(st.title.Render("Member audits on this computer") + "\n\n")
	switch {
	case !m.loaded && m.c.opts.Members != nil:
		b.WriteString("Reading the list…")
		return b.String()
	case m.err != nil:
		b.WriteString(wrap("The list could not be read: "+maskPaths(m.err.Error(), m.c), w, 0))
		return b.String()
	}
	current := m.c.audit().Name
	for i, n := range m.shown() {
		line := "  " + n
		if n == current {
			line += "  (open now)"
		}
		if i == m.cursor {
			line = st.selected.Render("›" + line[1:])
		}
		b.WriteString(line + "\n")
	}
	if hidden := len(m.names) - len(m.shown()); m.c.shareSafe && hidden > 0 {
		b.WriteString("\n" + st.faint.Render(wrap(display.Plural(hidden, "other member audit is", "other member audits are")+" hidden while screen-share safety is on. ! shows them.", w, 0)))
	}
	return b.String()
}
