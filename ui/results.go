package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/pressend/pressend/checklist"
)

// resultsBody is the score summary followed by the action plan: most
// severe first, "do this first" at the top, grouped by platform.
func (m model) resultsBody() string {
	score := checklist.ComputeScore(m.qs, m.audit.Answers)
	plan := checklist.BuildPlan(m.pack, m.qs, m.audit)
	a, t := m.audit.Progress(m.qs)
	var b strings.Builder
	o := score.Overall
	if o.Unanswered > 0 {
		b.WriteString(m.st.title.Render(fmt.Sprintf("Not finished: %d of %d answered", a, t)) + "\n")
		b.WriteString(m.wrap(fmt.Sprintf("Score so far: %s. Unanswered questions count as needing action until you answer them.", bandWord(o)), 0) + "\n")
	} else {
		b.WriteString(m.st.title.Render("Overall: "+strings.ToUpper(bandWord(o))) + m.st.faint.Render(fmt.Sprintf("  ·  %d of %d answered", a, t)) + "\n")
	}
	b.WriteString(m.st.italic.Render(m.wrap("A guide to where to start, not a guarantee. Press h for how this is calculated.", 0)) + "\n")
	if m.showHow {
		b.WriteString("\n" + m.st.heading.Render("How this is calculated") + "\n")
		for _, l := range checklist.ScoreExplanation() {
			b.WriteString(m.hang("• ", l) + "\n")
		}
	}
	b.WriteString("\n")
	if first, ok := plan.First(); ok {
		b.WriteString(m.st.title.Render("Do this first") + "\n")
		b.WriteString(m.actionBlock(first, false))
		b.WriteString("\n")
	} else if plan.Unanswered == 0 {
		b.WriteString(m.wrap(m.st.good.Render("✓ Nothing needs action right now.")+" Check again at your next review: platforms change their settings often.", 0) + "\n\n")
	}
	b.WriteString(m.st.title.Render("Sections") + "\n")
	for _, s := range score.Sections {
		title := checklist.SanitizeLine(m.pack.Sections[s.Section].Title)
		line := fmt.Sprintf("%s: %s, %d to act on", title, bandWord(s.Tally), s.Action)
		if s.Unanswered > 0 {
			line += fmt.Sprintf(", %d unanswered", s.Unanswered)
		}
		b.WriteString(m.hang("• ", line) + "\n")
	}
	b.WriteString("\n")
	if len(plan.Actions) > 0 {
		b.WriteString(m.st.title.Render(fmt.Sprintf("Your action plan: %d open, about %d minutes", plan.Open(), plan.Minutes())) + "\n")
		for _, g := range plan.ByPlatform() {
			name := "All accounts and habits"
			if g.Platform != "" {
				name = checklist.SanitizeLine(m.pack.PlatformName(g.Platform))
			}
			b.WriteString("\n" + m.st.heading.Render(name) + "\n")
			for _, act := range g.Actions {
				b.WriteString(m.actionBlock(act, true))
			}
		}
		b.WriteString("\n")
	}
	if len(plan.Accepted) > 0 {
		b.WriteString(m.st.title.Render("Risks you chose to accept") + "\n")
		for _, q := range plan.Accepted {
			b.WriteString(m.hang("! ", checklist.SanitizeLine(q.Item.Question)+" Reason: "+checklist.SanitizeLine(m.audit.Answers[q.Key].Reason)) + "\n")
		}
		b.WriteString("\n")
	}
	if plan.Unanswered > 0 {
		b.WriteString(m.wrap(fmt.Sprintf("%d questions are unanswered. They count as needing action in the score until you answer them (press o for the overview).", plan.Unanswered), 0) + "\n\n")
	}
	if m.audit.NextReview != "" {
		b.WriteString(m.wrap("Next review: "+humanDate(checklist.Date(m.audit.NextReview))+". Platforms change their settings several times a year.", 0) + "\n")
	}
	for _, w := range m.contentWarnings() {
		b.WriteString(m.st.warn.Render(m.wrap("! "+w, 0)) + "\n")
	}
	b.WriteString(m.st.faint.Render(m.wrap("Content: "+strings.Join(m.pack.Layers, " + "), 0)) + "\n")
	b.WriteString(m.st.italic.Render(m.wrap(notLegalAdvice, 0)))
	return b.String()
}

// actionBlock renders one action: severity, what to do, time, and, in the
// full plan, the steps and the guidance.
func (m model) actionBlock(a checklist.Action, full bool) string {
	q := a.Question
	var b strings.Builder
	mark := m.st.bad.Render("✗")
	if a.State == checklist.Unsure {
		mark = m.st.warn.Render("?")
	}
	if a.Done {
		mark = m.st.good.Render("✓ done")
	}
	where := "All accounts"
	if q.Platform != "" {
		where = checklist.SanitizeLine(m.pack.PlatformName(q.Platform))
	}
	head := fmt.Sprintf("%s %s · about %d min · %s", mark, m.severityTag(q.Severity), a.Minutes, a.Group)
	if !full {
		head += m.st.faint.Render(" · " + where)
	}
	b.WriteString(m.wrap(head, 2) + "\n")
	b.WriteString(m.wrap(checklist.Sanitize(a.Text), 4) + "\n")
	if !full {
		return b.String()
	}
	if h, ok := q.Item.HowTo[q.Platform]; ok && q.Platform != "" {
		b.WriteString(m.st.faint.Render(m.wrap("Where: "+checklist.SanitizeLine(strings.Join(h.Steps, " → "))+" (checked "+humanDate(h.Researched)+")", 4)) + "\n")
	}
	reg := m.audit.Profile.RegulatorID(m.pack)
	if cites := checklist.CitationsFor(m.pack, q, reg, m.audit.Profile.Role); len(cites) > 0 {
		b.WriteString(m.st.faint.Render(m.wrap("Guidance: "+checklist.SanitizeLine(checklist.FormatCitation(m.pack, cites[0])), 4)) + "\n")
	}
	if a.Note != "" {
		b.WriteString(m.wrap("Your note: "+checklist.SanitizeLine(a.Note), 4) + "\n")
	}
	return b.String()
}

// openResults shows the score and plan.
func (m model) openResults() (tea.Model, tea.Cmd) {
	if m.screen != scrResults {
		m.back = m.screen
	}
	m.screen = scrResults
	m.layout()
	m.vp.GotoTop()
	return m, nil
}

// updateResults scrolls the plan and toggles the explanation.
func (m model) updateResults(msg tea.Msg) (tea.Model, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		var cmd tea.Cmd
		m.vp, cmd = m.vp.Update(msg)
		return m, cmd
	}
	ks := m.resultsKeys
	switch {
	case key.Matches(k, ks.Quit):
		return m.quit()
	case key.Matches(k, ks.How):
		m.showHow = !m.showHow
		m.refreshBody()
		return m, nil
	case key.Matches(k, ks.Overview):
		return m.openOverview()
	case key.Matches(k, ks.Back):
		m.screen = m.back
		if m.screen == scrResults || m.screen == scrOverview {
			m.screen = scrItem
		}
		m.layout()
		return m, nil
	}
	var cmd tea.Cmd
	m.vp, cmd = m.vp.Update(msg)
	return m, cmd
}
