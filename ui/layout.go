package ui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/pressend/pressend/checklist"
)

// The frame is: a header line, a rule, the body, an optional status
// line, and the key help. Only the body changes size.

func (m model) tooSmall() bool { return m.width < minWidth || m.height < minHeight }

// bodyWidth is the usable width inside the one-cell side margins.
func (m model) bodyWidth() int { return max(10, m.width-2) }

// statusLines are the banners that must stay visible: read-only, save
// failures and one-off notices.
func (m model) statusLines() []string {
	var out []string
	w := m.bodyWidth()
	if m.readOnly != "" {
		out = append(out, m.st.banner.Render(ansi.Truncate("Read-only: "+m.readOnly, w, "…")))
	}
	if m.saveErr != "" {
		out = append(out,
			m.st.errBanner.Render(ansi.Truncate("✗ Progress is NOT being saved. Answers are kept only until you quit.", w, "…")),
			m.st.errBanner.Render(ansi.Truncate("  Reason: "+checklist.SanitizeLine(m.saveErr), w, "…")))
	}
	if m.notice != "" {
		out = append(out, m.st.banner.Render(ansi.Truncate(m.notice, w, "…")))
	}
	return out
}

// helpView renders the current screen's key help, wrapped to the width.
func (m model) helpView() string {
	m.help.SetWidth(m.bodyWidth())
	var h string
	switch {
	case m.mode != inputNone:
		h = m.help.View(m.inputKeys)
	case m.screen == scrItem:
		if m.showHelp {
			h = m.help.FullHelpView(m.itemKeys.FullHelp())
		} else {
			h = m.help.View(m.itemKeys)
		}
	case m.screen == scrOverview || m.screen == scrMenu:
		h = m.help.View(m.listKeys)
	case m.screen == scrResults:
		h = m.help.View(m.resultsKeys)
	case m.screen == scrProfile && m.profile != nil:
		// In a form q is typed text, so only ctrl+c quits here.
		h = m.help.ShortHelpView(append(m.profile.form.KeyBinds(), bind([]string{"ctrl+c"}, "ctrl+c", "quit")))
	case m.screen == scrWelcome || m.screen == scrDamaged:
		k := m.welcomeKeys
		k.fresh = m.screen == scrDamaged
		h = m.help.View(k)
	default:
		return ""
	}
	// help can overrun its width when even the ellipsis does not fit, so
	// cut every line to the body width.
	lines := strings.Split(h, "\n")
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, m.bodyWidth(), "…")
	}
	return strings.Join(lines, "\n")
}

// chromeHeight is how many lines the header and footer take.
func (m model) chromeHeight() int {
	n := 2 // header + rule
	n += len(m.statusLines())
	if h := m.helpView(); h != "" {
		n += 1 + lipgloss.Height(h) // rule + help
	}
	return n
}

// bodyHeight is what is left for the screen's own content.
func (m model) bodyHeight() int { return max(1, m.height-m.chromeHeight()) }

// layout resizes the scrolling body after a size or content change.
func (m *model) layout() {
	m.vp.SetWidth(m.bodyWidth())
	h := m.bodyHeight()
	if m.screen == scrItem {
		h -= itemTop + itemBottom
		if m.mode != inputNone {
			h--
		}
	}
	m.vp.SetHeight(max(1, h))
	m.input.SetWidth(max(10, m.bodyWidth()-4))
	m.refreshBody()
}

// refreshBody puts the current screen's content into the viewport. It is
// called from Update, so View only ever reads.
func (m *model) refreshBody() {
	switch m.screen {
	case scrItem:
		m.vp.SetContent(m.itemBody())
	case scrResults:
		m.vp.SetContent(m.resultsBody())
	case scrWelcome:
		m.vp.SetContent(m.welcomeBody())
	case scrDamaged:
		m.vp.SetContent(m.damagedBody())
	}
}

// header is the one-line title with the current place on the right.
func (m model) header() string {
	left := m.st.title.Render("pressend") + m.st.faint.Render(" · "+m.audit.Name)
	if m.quick {
		left += m.st.faint.Render(" · quick")
	}
	right := m.st.faint.Render(m.place())
	gap := m.bodyWidth() - lipgloss.Width(left) - lipgloss.Width(right)
	if gap < 1 {
		return ansi.Truncate(left+" "+right, m.bodyWidth(), "…")
	}
	return left + strings.Repeat(" ", gap) + right
}

// place describes where the user is, for the header.
func (m model) place() string {
	switch m.screen {
	case scrItem:
		if len(m.qs) == 0 {
			return ""
		}
		return fmt.Sprintf("Question %d of %d", m.pos+1, len(m.qs))
	case scrOverview:
		return "Overview"
	case scrResults:
		return "Results and action plan"
	case scrProfile:
		return "About you"
	case scrMenu:
		return "Finished audit"
	}
	return ""
}

func (m model) rule() string { return m.st.rule.Render(strings.Repeat("─", m.bodyWidth())) }

// View draws the frame around the active screen. It does no IO and keeps
// within the window, so an idle screen never needs redrawing.
func (m model) View() tea.View {
	var content string
	if m.tooSmall() {
		content = m.tooSmallView()
	} else {
		content = m.frame(m.body())
	}
	v := tea.NewView(content)
	v.AltScreen = true
	v.WindowTitle = "pressend"
	return v
}

// frame assembles header, body, banners and help with a one-cell left
// margin. Lines are joined by hand: lipgloss's JoinVertical and margins pad
// and measure every line again, which was most of the cost of a keystroke.
func (m model) frame(body string) string {
	parts := []string{m.header(), m.rule(), fitHeight(body, m.bodyHeight())}
	parts = append(parts, m.statusLines()...)
	if h := m.helpView(); h != "" {
		parts = append(parts, m.rule(), h)
	}
	return " " + strings.ReplaceAll(strings.Join(parts, "\n"), "\n", "\n ")
}

// fitHeight pads or cuts a block to exactly h lines.
func fitHeight(s string, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// tooSmallView asks for a larger window, wrapped to whatever room there is.
func (m model) tooSmallView() string {
	msg := fmt.Sprintf("pressend needs a window of at least %d×%d. This one is %d×%d: please make it larger. Your progress is saved. Press q to quit.",
		minWidth, minHeight, m.width, m.height)
	w := max(1, m.width)
	wrapped := ansi.Wrap(msg, w, " ")
	return fitHeight(wrapped, max(1, m.height))
}

// body renders the active screen's content.
func (m model) body() string {
	switch m.screen {
	case scrProfile:
		if m.profile != nil {
			return m.profile.view()
		}
	case scrOverview:
		return m.overviewView()
	case scrMenu:
		return m.menuView()
	case scrItem:
		return m.itemView()
	}
	return m.vp.View()
}

// severityTag renders a severity with a word, never colour alone.
func (m model) severityTag(s checklist.Severity) string {
	switch s {
	case checklist.High:
		return m.st.high.Render("▲ High")
	case checklist.Medium:
		return m.st.medium.Render("■ Medium")
	}
	return m.st.low.Render("▽ Low")
}

// wrap wraps text to the body width.
func (m model) wrap(s string, indent int) string {
	w := max(10, m.bodyWidth()-indent)
	out := ansi.Wrap(s, w, " ")
	if indent == 0 {
		return out
	}
	pad := strings.Repeat(" ", indent)
	return pad + strings.ReplaceAll(out, "\n", "\n"+pad)
}
