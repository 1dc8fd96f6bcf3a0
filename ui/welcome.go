package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/pressend/pressend/checklist"
)

// notLegalAdvice is said once, on the welcome screen and in every report.
const notLegalAdvice = "This is not legal advice. For advice about your own situation, contact your defence organisation or union."

// welcomeBody is the first-run introduction: what pressend does, how long
// it takes, that everything stays on this computer and where, and the
// not-legal-advice line.
func (m model) welcomeBody() string {
	var b strings.Builder
	b.WriteString(m.st.title.Render("Check your own social media, the way your regulator would"))
	b.WriteString("\n\n")
	b.WriteString(m.wrap("pressend walks you through your own accounts one question at a time, then gives you a short action plan, most important first. Each question says why it matters, cites your regulator's guidance and shows where the setting lives on each platform.", 0))
	b.WriteString("\n\n")
	mode := "The full audit takes about 15 minutes, and you can stop and come back at any time."
	if m.quick {
		mode = "The quick audit covers the things that matter most and takes about 5 minutes."
	}
	b.WriteString(m.wrap(mode+" First, a few questions about you, so you only see what applies.", 0))
	b.WriteString("\n\n")
	b.WriteString(m.st.heading.Render("Your answers stay on this computer."))
	b.WriteString("\n")
	promise := "pressend never connects to the internet, never asks for passwords and never changes a setting for you."
	if m.path != "" {
		b.WriteString(m.wrap(promise+" Each answer is saved as you give it, to:", 0) + "\n")
		b.WriteString(m.wrap(m.st.accent.Render(m.path), 2) + "\n")
		b.WriteString(m.wrap(fmt.Sprintf("Delete it at any time with: pressend forget %s", m.audit.Name), 0))
	} else {
		b.WriteString(m.wrap(promise+" Nothing is saved in this session: see the message below.", 0))
	}
	b.WriteString("\n\n")
	b.WriteString(m.wrap(m.st.italic.Render(notLegalAdvice), 0))
	b.WriteString("\n\n")
	b.WriteString(m.st.faint.Render(m.wrap("Content: "+strings.Join(m.pack.Layers, " + ")+", reviewed "+string(m.pack.Reviewed), 0)))
	for _, w := range m.contentWarnings() {
		b.WriteString("\n")
		b.WriteString(m.st.warn.Render(m.wrap("! "+w, 0)))
	}
	return b.String()
}

// contentWarnings lists stale content and organisation packs that could
// not be applied, so nothing about the content is silent.
func (m model) contentWarnings() []string {
	var out []string
	if m.stale.PackOld {
		out = append(out, "This content was last reviewed over 12 months ago. Guidance or platform settings may have changed.")
	}
	if len(m.stale.OldPaths) > 0 {
		names := make([]string, len(m.stale.OldPaths))
		for i, id := range m.stale.OldPaths {
			names[i] = m.pack.PlatformName(id)
		}
		out = append(out, "Setting paths for "+strings.Join(names, ", ")+" were checked over 9 months ago and may have moved.")
	}
	for _, p := range m.problems {
		out = append(out, "Not applied: "+checklist.SanitizeLine(p))
	}
	return out
}

func (m model) pathOrNone() string {
	if m.path == "" {
		return "(nowhere: saving is off)"
	}
	return m.path
}

// damagedBody explains a saved file that cannot be read, and what the
// user can do. The file is never overwritten.
func (m model) damagedBody() string {
	var b strings.Builder
	b.WriteString(m.st.errBanner.Render("Your saved audit could not be read"))
	b.WriteString("\n\n")
	b.WriteString(m.wrap("File: "+m.damaged.Path, 0))
	b.WriteString("\n")
	b.WriteString(m.wrap("Problem: "+m.damaged.Reason, 0))
	b.WriteString("\n\n")
	b.WriteString(m.wrap("pressend has not changed this file and will not overwrite it.", 0))
	b.WriteString("\n\n")
	b.WriteString(m.wrap("Press m to move it aside (it is renamed, not deleted, and the new name is shown) and start a fresh audit. Press q to quit and leave everything as it is.", 0))
	return b.String()
}

// updateWelcome handles the welcome and damaged-file screens.
func (m model) updateWelcome(msg tea.Msg) (tea.Model, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		var cmd tea.Cmd
		m.vp, cmd = m.vp.Update(msg)
		return m, cmd
	}
	switch {
	case key.Matches(k, m.welcomeKeys.Quit):
		return m.quit()
	case m.screen == scrDamaged && key.Matches(k, m.welcomeKeys.Fresh):
		move := m.moveAside
		if move == nil {
			m.notice = "This file can't be moved from here: quit and move it yourself."
			return m, nil
		}
		return m, func() tea.Msg {
			var p string
			err := safely(func() (err error) { p, err = move(); return err })
			return movedMsg{path: p, err: err}
		}
	case m.screen == scrWelcome && key.Matches(k, m.welcomeKeys.Start):
		return m.openProfile()
	}
	var cmd tea.Cmd
	m.vp, cmd = m.vp.Update(msg)
	return m, cmd
}

// afterMove starts afresh once the damaged file is out of the way.
func (m model) afterMove(msg movedMsg) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		m.notice = "Could not move the file: " + msg.err.Error()
		return m, nil
	}
	m.notice = "The damaged file was moved to " + msg.path
	m.damaged = nil
	m.audit = checklist.NewAudit(m.audit.Name, m.pack, m.now())
	m.audit.Quick = m.quick
	m.screen = scrWelcome
	m.layout()
	return m, nil
}
