package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/pressend/pressend/checklist"
)

// itemTop is the fixed block above the scrolling item text: section line,
// platform line and progress bar. itemBottom is the answer line.
const (
	itemTop    = 3
	itemBottom = 2
)

// current is the question on screen.
func (m model) current() (checklist.Question, bool) {
	if m.pos < 0 || m.pos >= len(m.qs) {
		return checklist.Question{}, false
	}
	return m.qs[m.pos], true
}

// position says where the user is: section n of N, the platform and the
// question's place within its section.
func (m model) position() (section, platform string) {
	q, ok := m.current()
	if !ok {
		return "", ""
	}
	spans := checklist.Spans(m.qs)
	for i, sp := range spans {
		if m.pos >= sp.Start && m.pos < sp.Start+sp.Count {
			title := checklist.SanitizeLine(m.pack.Sections[sp.Section].Title)
			section = fmt.Sprintf("Section %d of %d · %s", i+1, len(spans), title)
			where := "All accounts"
			if q.Platform != "" {
				where = checklist.SanitizeLine(m.pack.PlatformName(q.Platform))
			}
			platform = fmt.Sprintf("%s · question %d of %d", where, m.pos-sp.Start+1, sp.Count)
		}
	}
	return section, platform
}

// progressBar draws answered/total as a bar of filled and empty cells, so
// it reads without colour too.
func (m model) progressBar() string {
	a, t := m.audit.Progress(m.qs)
	label := fmt.Sprintf(" %d of %d answered", a, t)
	w := max(10, min(40, m.bodyWidth()-lipgloss.Width(label)))
	filled := 0
	if t > 0 {
		filled = a * w / t
	}
	return m.st.accent.Render(strings.Repeat("█", filled)) + m.st.faint.Render(strings.Repeat("░", w-filled)) + m.st.faint.Render(label)
}

// itemBody is the scrolling part of the question screen.
func (m model) itemBody() string {
	q, ok := m.current()
	if !ok {
		return m.wrap("No questions apply to this profile. Press o for the overview or r for results.", 0)
	}
	it := q.Item
	var b strings.Builder
	tag := m.severityTag(q.Severity)
	if q.Raised {
		tag += m.st.faint.Render(" (raised: you are identifiable as a professional here)")
	}
	b.WriteString(m.wrap(tag, 0) + "\n")
	b.WriteString(m.st.heading.Render(m.wrap(checklist.Sanitize(it.Question), 0)) + "\n\n")
	b.WriteString(m.st.title.Render("Why it matters") + "\n")
	b.WriteString(m.wrap(checklist.Sanitize(it.Why), 0) + "\n")
	reg := m.audit.Profile.RegulatorID(m.pack)
	if cites := checklist.CitationsFor(m.pack, q, reg, m.audit.Profile.Role); len(cites) > 0 {
		b.WriteString(m.st.faint.Render("Guidance:") + "\n")
		for _, c := range cites {
			b.WriteString(m.st.faint.Render(m.hang("• ", checklist.SanitizeLine(checklist.FormatCitation(m.pack, c)))) + "\n")
		}
	}
	if r, ok := m.pack.Regulator(reg); ok && r.Note != "" {
		b.WriteString(m.st.italic.Render(m.wrap(checklist.SanitizeLine(r.Note), 0)) + "\n")
	}
	b.WriteString("\n")
	if h, ok := it.HowTo[q.Platform]; ok && q.Platform != "" {
		b.WriteString(m.st.title.Render("How to check on "+checklist.SanitizeLine(m.pack.PlatformName(q.Platform))) + "\n")
		b.WriteString(m.wrap(checklist.SanitizeLine(strings.Join(h.Steps, " → ")), 2) + "\n")
		b.WriteString(m.st.faint.Render(m.wrap(fmt.Sprintf("Path checked %s (%s).", humanDate(h.Researched), string(h.Basis)), 2)) + "\n")
		if h.Fallback != "" {
			b.WriteString(m.st.faint.Render(m.wrap("Settings move: if you can't find it, search the app's settings for “"+checklist.SanitizeLine(h.Fallback)+"”.", 2)) + "\n")
		}
		if h.Note != "" {
			b.WriteString(m.wrap("Note: "+checklist.Sanitize(h.Note), 2) + "\n")
		}
	}
	if it.Check != "" {
		b.WriteString(m.st.title.Render("How to check") + "\n")
		b.WriteString(m.wrap(checklist.Sanitize(it.Check), 2) + "\n")
	}
	if it.Uncertain != "" {
		b.WriteString("\n" + m.st.warn.Render(m.wrap("? Uncertain: "+checklist.Sanitize(it.Uncertain), 0)) + "\n")
	}
	if it.Record != "" {
		b.WriteString("\n" + m.st.accent.Render(m.wrap("✎ "+checklist.Sanitize(it.Record)+" Press e to write a note.", 0)) + "\n")
	}
	if note := m.audit.Notes[q.Key]; note != "" {
		b.WriteString("\n" + m.st.heading.Render("Your note") + "\n" + m.wrap(checklist.Sanitize(note), 2) + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

// hang wraps text with a hanging indent after a bullet.
func (m model) hang(bullet, s string) string {
	w := max(10, m.bodyWidth()-lipgloss.Width(bullet))
	lines := strings.Split(ansi.Wrap(s, w, " "), "\n")
	pad := strings.Repeat(" ", lipgloss.Width(bullet))
	for i := range lines {
		if i == 0 {
			lines[i] = bullet + lines[i]
		} else {
			lines[i] = pad + lines[i]
		}
	}
	return strings.Join(lines, "\n")
}

// humanDate turns 2026-11-22 into "22 Nov 2026".
func humanDate(d checklist.Date) string {
	t, err := d.Time()
	if err != nil {
		return string(d)
	}
	return t.Format("2 Jan 2006")
}

// answerLine shows the saved answer with a symbol and a word.
func (m model) answerLine() string {
	q, ok := m.current()
	if !ok {
		return ""
	}
	a, answered := m.audit.Answers[q.Key]
	if !answered {
		return ansi.Truncate(m.st.faint.Render("Not answered: y yes · n no · u unsure · x not applicable · a accept the risk"), m.bodyWidth(), "…")
	}
	style := m.st.text
	switch {
	case a.State == checklist.Yes:
		style = m.st.good
	case a.State.NeedsAction():
		style = m.st.bad
	}
	line := "Your answer: " + style.Render(a.State.Symbol()+" "+a.State.Label())
	if a.State == checklist.Accepted {
		line += m.st.faint.Render(" · reason: " + checklist.SanitizeLine(a.Reason))
	}
	if a.State.NeedsAction() {
		line += m.st.faint.Render(" · added to your action plan")
	}
	return ansi.Truncate(line, m.bodyWidth(), "…")
}

// itemView composes the question screen: fixed position lines, the
// scrolling text, and the answer or text prompt at the bottom.
func (m model) itemView() string {
	section, platform := m.position()
	top := []string{
		m.st.heading.Render(ansi.Truncate(section, m.bodyWidth(), "…")),
		m.st.subtitle.Render(ansi.Truncate(platform, m.bodyWidth(), "…")),
		m.progressBar(),
	}
	bottom := m.answerLine()
	if m.mode != inputNone {
		label := "Note (enter to save, empty to remove):"
		if m.mode == inputReason {
			label = "Why do you accept this risk? (required)"
		}
		bottom = m.st.heading.Render(label) + "\n" + m.input.View()
	}
	more := ""
	if !m.vp.AtBottom() {
		more = m.st.faint.Render("↓ more below: ↓ or space to scroll")
	}
	parts := append(top, m.vp.View(), more, bottom)
	return strings.Join(parts, "\n")
}

// updateItem handles keys on the question screen.
func (m model) updateItem(msg tea.Msg) (tea.Model, tea.Cmd) {
	if m.mode != inputNone {
		return m.updateInput(msg)
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		var cmd tea.Cmd
		m.vp, cmd = m.vp.Update(msg)
		return m, cmd
	}
	m.notice = ""
	ks := m.itemKeys
	switch {
	case key.Matches(k, ks.Quit):
		return m.quit()
	case key.Matches(k, ks.Yes):
		return m.answer(checklist.Yes, "")
	case key.Matches(k, ks.No):
		return m.answer(checklist.No, "")
	case key.Matches(k, ks.Unsure):
		return m.answer(checklist.Unsure, "")
	case key.Matches(k, ks.NA):
		return m.answer(checklist.NotApplies, "")
	case key.Matches(k, ks.Accept):
		return m.openInput(inputReason, "")
	case key.Matches(k, ks.Note):
		q, _ := m.current()
		return m.openInput(inputNote, m.audit.Notes[q.Key])
	case key.Matches(k, ks.Back):
		if m.pos > 0 {
			m.pos--
			m.vp.GotoTop()
			m.refreshBody()
		}
		return m, nil
	case key.Matches(k, ks.Skip):
		return m.advance()
	case key.Matches(k, ks.Overview):
		return m.openOverview()
	case key.Matches(k, ks.Results):
		return m.openResults()
	case key.Matches(k, ks.Help):
		m.showHelp = !m.showHelp
		m.layout()
		return m, nil
	}
	var cmd tea.Cmd
	m.vp, cmd = m.vp.Update(msg)
	return m, cmd
}

// answer records an answer, saves it at once, and moves on.
func (m model) answer(s checklist.State, reason string) (tea.Model, tea.Cmd) {
	q, ok := m.current()
	if !ok {
		return m, nil
	}
	if err := m.audit.SetAnswer(q.Key, s, reason, m.now()); err != nil {
		m.notice = err.Error()
		return m, nil
	}
	next, cmd := m.advance()
	nm := next.(model)
	return nm, tea.Batch(nm.save(), cmd)
}

// advance moves to the next question. Past the last one it goes to the
// first question still unanswered, or, when every question has an answer,
// completes the audit and shows the results.
func (m model) advance() (tea.Model, tea.Cmd) {
	if m.pos+1 < len(m.qs) {
		m.pos++
		m.audit.Cursor = m.cursorKey()
		m.vp.GotoTop()
		m.refreshBody()
		return m, nil
	}
	if i := m.audit.FirstUnanswered(m.qs); i >= 0 {
		a, t := m.audit.Progress(m.qs)
		m.notice = fmt.Sprintf("You have answered %d of %d. Here is the first one you skipped.", a, t)
		m.pos = i
		m.audit.Cursor = m.cursorKey()
		m.vp.GotoTop()
		m.layout()
		return m, nil
	}
	if m.audit.Completed == nil {
		plan := checklist.BuildPlan(m.pack, m.qs, m.audit)
		m.audit.Complete(checklist.ComputeScore(m.qs, m.audit.Answers), len(plan.Actions), m.now())
	}
	next, _ := m.openResults()
	return next, m.save()
}

// openInput shows the one-line text prompt for a note or a reason.
func (m model) openInput(mode inputMode, value string) (tea.Model, tea.Cmd) {
	if _, ok := m.current(); !ok {
		return m, nil
	}
	m.mode = mode
	m.input.SetValue(value)
	m.input.CursorEnd()
	cmd := m.input.Focus()
	m.layout()
	return m, cmd
}

// updateInput handles the text prompt.
func (m model) updateInput(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, m.inputKeys.Cancel):
			m.mode = inputNone
			m.input.Blur()
			m.layout()
			return m, nil
		case key.Matches(k, m.inputKeys.Save):
			text := strings.TrimSpace(m.input.Value())
			mode := m.mode
			if mode == inputReason && text == "" {
				m.notice = "Accepting a risk needs a reason, so you can explain the choice later."
				return m, nil
			}
			m.mode = inputNone
			m.input.Blur()
			m.layout()
			q, _ := m.current()
			if mode == inputReason {
				return m.answer(checklist.Accepted, text)
			}
			m.audit.SetNote(q.Key, text, m.now())
			m.refreshBody()
			return m, m.save()
		}
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	return m, cmd
}
