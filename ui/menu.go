package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/pressend/pressend/checklist"
	"github.com/pressend/pressend/checklist/display"
)

// menuItem is one thing the user can do, with what doing it means: the
// menu is a list of labelled actions, not a switch on an index.
type menuItem struct {
	label string
	do    func() tea.Cmd
}

// menu greets a user returning to a finished audit and offers what to do
// next.
type menu struct {
	c      *common
	size   size
	cursor int
	keys   listKeys
}

func newMenu(c *common) *menu { return &menu{c: c, keys: newListKeys()} }

func (m *menu) Init() tea.Cmd             { return nil }
func (m *menu) Place() string             { return "Finished audit" }
func (m *menu) Typing() bool              { return false }
func (m *menu) SetSize(width, height int) { m.size.SetSize(width, height) }
func (m *menu) Keys() help.KeyMap         { return keyList{m.keys.Up, m.keys.Open} }

// items lists what can be done now; it depends on the audit's state.
func (m *menu) items() []menuItem {
	c := m.c
	items := []menuItem{
		{"Review your answers", func() tea.Cmd { return push(newOverview(c)) }},
		{"See your action plan", func() tea.Cmd { return push(newResults(c)) }},
	}
	if c.audit().Mode == checklist.Quick {
		more := display.EstimateFor(c.pack, c.audit().Profile, checklist.Full).Questions - len(c.walk.Eval().Questions)
		items = append(items, menuItem{fmt.Sprintf("Extend to the full audit (%d more questions, your answers kept)", more), func() tea.Cmd {
			if err := c.walk.Extend(c.now()); err != nil {
				return notice(err.Error())
			}
			return tea.Batch(c.save(), reset(newQuestion(c)))
		}})
	}
	items = append(items,
		menuItem{"Start a re-audit", func() tea.Cmd { return push(newConfirm(c, reauditQuestion(c), m.restart)) }},
		menuItem{"Change your profile", func() tea.Cmd { return push(newProfile(c)) }},
		menuItem{"Write a general note for this audit", func() tea.Cmd { return push(newNoteEditor(c, false)) }},
	)
	if c.opts.Adviser {
		items = append(items,
			menuItem{"Write an adviser-only general note", func() tea.Cmd { return push(newNoteEditor(c, true)) }},
			menuItem{"Member audits on this computer", func() tea.Cmd { return push(newMembers(c)) }})
	}
	return append(items, menuItem{"Quit", func() tea.Cmd { return quit }})
}

// reauditQuestion explains what a re-audit does before it starts.
func reauditQuestion(c *common) []string {
	return []string{
		"Start a re-audit?",
		"Your answers start again, so you check each account as it is today. Each question shows your last answer. Accepted risks carry over with your reasons, and your last plan stays available until you finish.",
	}
}

// restart begins the re-audit once confirmed.
func (m *menu) restart() tea.Cmd {
	c := m.c
	if err := c.walk.Restart(c.now()); err != nil {
		return notice(err.Error())
	}
	return tea.Batch(c.save(), reset(newQuestion(c)), notice("Re-audit started: your last answer is shown beside each question."))
}

func (m *menu) Update(msg tea.Msg) (screen, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil
	}
	items := m.items()
	switch {
	case key.Matches(k, m.keys.Up):
		m.cursor = max(0, m.cursor-1)
	case key.Matches(k, m.keys.Down):
		m.cursor = min(len(items)-1, m.cursor+1)
	case key.Matches(k, m.keys.Open):
		return m, items[min(m.cursor, len(items)-1)].do()
	}
	return m, nil
}

func (m *menu) View() string {
	c, st, w := m.c, m.c.st, m.size.width
	a := c.audit()
	var b strings.Builder
	b.WriteString(st.title.Render("Welcome back") + "\n\n")
	if a.Completed != nil {
		b.WriteString(wrap("You finished this audit on "+a.Completed.Format(display.LongDate)+".", w, 0) + "\n")
	}
	if n := len(a.Rounds); n > 0 {
		last := a.Rounds[n-1]
		line := fmt.Sprintf("Result then: %s (%d%%), %s open.", last.Band, last.Percent, display.Plural(last.Actions, "action", "actions"))
		if n > 1 {
			prev := a.Rounds[n-2]
			line += fmt.Sprintf(" The time before: %s (%d%%).", prev.Band, prev.Percent)
		}
		b.WriteString(wrap(line, w, 0) + "\n")
	}
	if a.NextReview != "" {
		b.WriteString(wrap(display.ReviewText(a.NextReview, c.now()), w, 0) + "\n")
	}
	for _, warn := range contentWarnings(c) {
		b.WriteString(st.warn.Render(wrap("! "+warn, w, 0)) + "\n")
	}
	b.WriteString(st.faint.Render(wrap("Content: "+display.PackLabel(c.pack), w, 0)) + "\n\n")
	for i, it := range m.items() {
		if i == m.cursor {
			b.WriteString(st.selected.Render("› "+it.label) + "\n")
		} else {
			b.WriteString("  " + it.label + "\n")
		}
	}
	return b.String()
}
