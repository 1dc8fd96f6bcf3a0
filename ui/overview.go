package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/pressend/pressend/checklist"
)

// overviewRow is one line of the overview: a section heading or a question.
type overviewRow struct {
	text     string
	question int // index into m.qs, or -1 for a section heading
}

// overviewRows lists every section with its answered count and band, and
// every question under it with its answer symbol.
func (m model) overviewRows() []overviewRow {
	score := checklist.ComputeScore(m.qs, m.audit.Answers)
	bands := map[int]checklist.Tally{}
	for _, s := range score.Sections {
		bands[s.Section] = s.Tally
	}
	var rows []overviewRow
	w := m.bodyWidth()
	for _, sp := range checklist.Spans(m.qs) {
		t := bands[sp.Section]
		answered := sp.Count - t.Unanswered
		right := fmt.Sprintf("%d/%d answered", answered, sp.Count)
		if t.Unanswered == 0 {
			right += " · " + bandWord(t)
		}
		title := checklist.SanitizeLine(m.pack.Sections[sp.Section].Title)
		title = ansi.Truncate(title, max(5, w-len(right)-2), "…")
		gap := max(1, w-ansi.StringWidth(title)-ansi.StringWidth(right))
		rows = append(rows, overviewRow{text: m.st.heading.Render(title) + strings.Repeat(" ", gap) + m.st.faint.Render(right), question: -1})
		for i := sp.Start; i < sp.Start+sp.Count; i++ {
			q := m.qs[i]
			sym := checklist.State("").Symbol()
			if a, ok := m.audit.Answers[q.Key]; ok {
				sym = a.State.Symbol()
			}
			label := checklist.SanitizeLine(q.Item.Question)
			if q.Platform != "" {
				label = checklist.SanitizeLine(m.pack.PlatformName(q.Platform)) + " · " + label
			}
			rows = append(rows, overviewRow{text: ansi.Truncate("  "+sym+" "+label, w-2, "…"), question: i})
		}
	}
	return rows
}

// bandWord names a section's band, or says it has nothing scored yet.
func bandWord(t checklist.Tally) string {
	if t.Band == checklist.BandNone {
		return "not scored"
	}
	return fmt.Sprintf("%s (%d%%)", t.Band, t.Percent)
}

// overviewView draws the rows that fit, keeping the selected one visible.
func (m model) overviewView() string {
	rows := m.overviewRows()
	h := m.bodyHeight()
	sel := 0
	for i, r := range rows {
		if r.question == m.cursor {
			sel = i
		}
	}
	start := 0
	if sel >= h-1 {
		start = sel - h + 2
	}
	var out []string
	for i := start; i < len(rows) && len(out) < h; i++ {
		r := rows[i]
		if r.question == m.cursor && r.question >= 0 {
			out = append(out, m.st.selected.Render("›")+r.text[1:])
			continue
		}
		out = append(out, r.text)
	}
	return strings.Join(out, "\n")
}

// openOverview shows the overview with the current question selected.
func (m model) openOverview() (tea.Model, tea.Cmd) {
	if m.screen != scrOverview {
		m.back = m.screen
	}
	m.screen = scrOverview
	m.cursor = m.pos
	m.layout()
	return m, nil
}

// updateOverview moves the selection and jumps to a question.
func (m model) updateOverview(msg tea.Msg) (tea.Model, tea.Cmd) {
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
		m.cursor = min(len(m.qs)-1, m.cursor+1)
	case key.Matches(k, ks.Open):
		if m.cursor >= 0 && m.cursor < len(m.qs) {
			m.pos = m.cursor
			m.screen = scrItem
			m.vp.GotoTop()
			m.layout()
		}
	case key.Matches(k, ks.Results):
		return m.openResults()
	case key.Matches(k, ks.Profile):
		return m.openProfile()
	case key.Matches(k, ks.Back):
		m.screen = scrItem
		if m.back == scrMenu {
			m.screen = scrMenu
		}
		m.layout()
	}
	return m, nil
}
