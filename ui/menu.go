package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/pressend/pressend/checklist"
)

// menuChoices are offered when the user returns to a finished audit. A
// function rather than a package variable, so nothing can change them.
func menuChoices() []string {
	return []string{
		"Review your answers",
		"See your action plan",
		"Start a re-audit (your last answers are kept for comparison)",
		"Change your profile",
	}
}

// menuView summarises the finished audit and offers what to do next.
func (m model) menuView() string {
	var b strings.Builder
	b.WriteString(m.st.title.Render("Welcome back") + "\n\n")
	if c := m.audit.Completed; c != nil {
		b.WriteString(m.wrap("You finished this audit on "+c.Format("2 January 2006")+".", 0) + "\n")
	}
	if n := len(m.audit.History); n > 0 {
		last := m.audit.History[n-1]
		line := fmt.Sprintf("Result then: %s (%d%%), %d actions.", last.Band, last.Percent, last.Actions)
		if n > 1 {
			prev := m.audit.History[n-2]
			line += fmt.Sprintf(" The time before: %s (%d%%).", prev.Band, prev.Percent)
		}
		b.WriteString(m.wrap(line, 0) + "\n")
	}
	if m.audit.NextReview != "" {
		b.WriteString(m.wrap("Next review due: "+humanDate(checklist.Date(m.audit.NextReview))+".", 0) + "\n")
	}
	for _, w := range m.contentWarnings() {
		b.WriteString(m.st.warn.Render(m.wrap("! "+w, 0)) + "\n")
	}
	b.WriteString(m.st.faint.Render(m.wrap("Content: "+strings.Join(m.pack.Layers, " + "), 0)) + "\n\n")
	for i, c := range menuChoices() {
		if i == m.cursor {
			b.WriteString(m.st.selected.Render("› "+c) + "\n")
		} else {
			b.WriteString("  " + c + "\n")
		}
	}
	return b.String()
}

// updateMenu moves the selection and acts on enter.
func (m model) updateMenu(msg tea.Msg) (tea.Model, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil
	}
	ks := m.listKeys
	switch {
	case key.Matches(k, ks.Quit):
		return m.quit()
	case key.Matches(k, ks.Up):
		m.cursor = max(0, m.cursor-1)
	case key.Matches(k, ks.Down):
		m.cursor = min(len(menuChoices())-1, m.cursor+1)
	case key.Matches(k, ks.Open):
		switch m.cursor {
		case 0:
			m.pos = 0
			return m.openOverview()
		case 1:
			return m.openResults()
		case 2:
			m.audit.Restart(m.now())
			m.pos = 0
			m.screen = scrItem
			m.layout()
			return m, m.save()
		case 3:
			return m.openProfile()
		}
	}
	return m, nil
}
