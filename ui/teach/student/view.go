package student

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/pressend/pressend/checklist"
	"github.com/pressend/pressend/checklist/teach"
	uiteach "github.com/pressend/pressend/ui/teach"
)

func bold() lipgloss.Style    { return lipgloss.NewStyle().Bold(true) }
func reverse() lipgloss.Style { return lipgloss.NewStyle().Reverse(true).Bold(true) }
func faint() lipgloss.Style   { return lipgloss.NewStyle().Faint(true) }

// View draws the student's screen.
func (m *Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.WindowTitle = "pressend teaching session"
	return v
}

func (m *Model) render() string {
	if m.w < 40 || m.h < 10 {
		// Too small to read a scenario; answers so far are saved.
		return strings.Join(wrap("This window is too small to show the scenario: make it at least 40 by 10. Your answers so far are saved.", max(m.w-1, 10)), "\n")
	}
	w, h := m.w, m.h
	width := w - 2
	body, focus := m.body(width)
	foot := m.footer(w)
	room := max(h-1-len(foot), 1)
	m.vp.SetWidth(w)
	m.vp.SetHeight(room)
	m.vp.SetContent(strings.Join(indent(body), "\n"))
	if focus[1] > 0 && (focus[0] < m.vp.YOffset() || focus[1] > m.vp.YOffset()+room) {
		m.vp.SetYOffset(max(focus[1]-room, 0))
	}
	return strings.Join(append([]string{m.header(w), m.vp.View()}, foot...), "\n")
}

func (m *Model) header(w int) string {
	left := " Session " + teach.FormatSessionCode(m.cfg.Session)
	right := ""
	switch step, ok := m.cfg.Walk.Step(); {
	case m.stage == stageFeedback:
		right = place(m.cfg.Deck, m.last) + " · Feedback "
	case ok && m.stage == stageAsk:
		right = place(m.cfg.Deck, step.Question) + " · " + roundWords(step) + " "
	}
	gap := w - ansi.StringWidth(left) - ansi.StringWidth(right)
	if gap < 1 {
		return reverse().Render(ansi.Truncate(left+" · "+right, w, ""))
	}
	return reverse().Render(left + strings.Repeat(" ", gap) + right)
}

// body is the stage's text, and the lines the cursor is on, which must
// stay in view.
func (m *Model) body(width int) ([]string, [2]int) {
	if m.showFile {
		return wrap(m.file, width), [2]int{}
	}
	switch m.stage {
	case stageRole:
		return m.roleBody(width)
	case stageFeedback:
		return append(wrap(m.feedback, width), "", bold().Render("Press Enter to go on.")), [2]int{}
	case stageEnd:
		out := wrap("That is everything. Thank you. Your answers are saved as you go; nothing about you is in the file.", width)
		out = append(out, "", "Your final answer code (paste it in the chat if your facilitator asks):", "  "+m.code, "")
		out = append(out, wrap("Press f to see exactly what your answers file holds, then hand it in as your facilitator asks. Press q to finish.", width)...)
		return out, [2]int{}
	}
	return m.askBody(width)
}

func (m *Model) roleBody(width int) ([]string, [2]int) {
	out := wrap("Your profession. It is used only to show you the guidance written for you, and it is not saved.", width)
	out = append(out, "")
	roles := m.cfg.Deck.Pack.Roles
	names := make([]string, 0, len(roles)+1)
	for _, r := range roles {
		names = append(names, checklist.SanitizeLine(r.Name))
	}
	names = append(names, "Prefer not to say (you will see only sources for everyone)")
	var focus [2]int
	for i, n := range names {
		mark := "  "
		if i == m.cursor {
			mark = "▸ "
			focus = [2]int{len(out), len(out) + 1}
			n = bold().Render(n)
		}
		out = append(out, mark+n)
	}
	return out, focus
}

func (m *Model) askBody(width int) ([]string, [2]int) {
	step, _ := m.cfg.Walk.Step()
	q := step.Question
	a := m.cfg.Walk.Submission().Answers[q.ID]
	var out []string
	if m.code != "" && step.Kind != teach.StepRound1 && step.Kind != teach.StepCheck {
		out = append(out, "Your answer code so far (paste it in the chat if asked):", "  "+m.code, "")
	}
	if step.Kind == teach.StepRound2 {
		out = append(out, wrap(bold().Render("Now discuss with your neighbours, then answer again.")+" You may keep your answer or change it.", width)...)
		out = append(out, "")
	}
	var opts []string
	if q.Check {
		ck, _ := m.cfg.Deck.CheckItem(q)
		out = append(out, wrap(text(ck.Question), width)...)
		opts = optionTexts(ck.Options)
	} else {
		sc, _ := m.cfg.Deck.Scenario(q)
		out = append(out, bold().Render(checklist.SanitizeLine(sc.Title)))
		if sc.Placement {
			out = append(out, faint().Render("Written for students on placement."))
		}
		out = append(out, "")
		switch {
		case step.Kind == teach.StepRound1 || m.story:
			out = append(out, wrap(text(sc.Story), width)...)
			out = append(out, "")
		case step.Kind == teach.StepRound2:
			out = append(out, faint().Render("Press r to read the story again."), "")
		}
		out = append(out, wrap(text(sc.Question), width)...)
		opts = optionTexts(sc.Options)
		if q.Scale {
			opts = scaleTexts(sc.Scale)
		}
	}
	if step.Kind == teach.StepConfidence {
		out = append(out, "", fmt.Sprintf("You answered %s, then %s.", uiteach.Choice(q, a.Round1), uiteach.Choice(q, a.Round2)))
		out = append(out, bold().Render("How sure are you?")+" Press s to skip.")
		opts = []string{"Not at all sure", "A little sure", "Fairly sure", "Quite sure", "Very sure"}
	}
	out = append(out, "")
	var focus [2]int
	for i, o := range opts {
		label := fmt.Sprintf("%d. ", i+1)
		if !q.Scale && step.Kind != teach.StepConfidence {
			label = teach.OptionLabel(q, i+1) + ". "
		}
		if step.Kind == teach.StepRound2 && a.Round1 == i+1 {
			o += " (your first answer)"
		}
		mark := "  "
		if i == m.cursor {
			mark = "▸ "
			focus[0] = len(out)
		}
		for j, l := range wrap(o, width-len(label)-2) {
			switch {
			case j == 0 && i == m.cursor:
				out = append(out, mark+bold().Render(label+l))
			case j == 0:
				out = append(out, mark+label+l)
			default:
				out = append(out, strings.Repeat(" ", ansi.StringWidth(mark)+len(label))+l)
			}
		}
		if i == m.cursor {
			focus[1] = len(out)
		}
	}
	return out, focus
}

func (m *Model) footer(w int) []string {
	keys := " ↑/↓ choose · Enter answer · f your file · q quit"
	switch {
	case m.showFile:
		keys = " ↑/↓ scroll · f or Esc back"
	case m.stage == stageRole:
		keys = " ↑/↓ choose · Enter confirm · q quit"
	case m.stage == stageFeedback || m.stage == stageEnd:
		keys = " ↑/↓ scroll · Enter go on · f your file · q quit"
	}
	said := ""
	if m.said != "" {
		said = " " + m.said
	}
	return []string{ansi.Truncate(said, w, "…"), faint().Render(ansi.Truncate(keys, w, "…"))}
}

func place(d *teach.Deck, q teach.Question) string {
	if q.Check {
		return fmt.Sprintf("Knowledge check %d of %d", q.Index+1, len(d.Checks))
	}
	return fmt.Sprintf("Scenario %d of %d", q.Index+1, len(d.Scenarios))
}

func roundWords(s teach.Step) string {
	switch s.Kind {
	case teach.StepRound1:
		return "Round 1, on your own"
	case teach.StepRound2:
		return "Round 2, after discussion"
	case teach.StepConfidence:
		return "How sure"
	}
	return "One answer"
}

// feedbackText is the feedback for a step just finished.
func feedbackText(d *teach.Deck, s teach.Step, a teach.Answer, role string) string {
	if s.Question.Check {
		ck, _ := d.CheckItem(s.Question)
		return uiteach.CheckFeedback(d.Pack, ck, s.Question, a, role)
	}
	sc, _ := d.Scenario(s.Question)
	return uiteach.ScenarioFeedback(d.Pack, sc, s.Question, a, role)
}

func disclaimer() string { return uiteach.Disclaimer }

func scaleTexts(s checklist.Scale) []string {
	out := []string{"", "", "", "", ""}
	out[0], out[4] = checklist.SanitizeLine(s.Low), checklist.SanitizeLine(s.High)
	return out
}

func optionTexts(opts []checklist.Option) []string {
	out := make([]string, len(opts))
	for i, o := range opts {
		out[i] = text(o.Text)
	}
	return out
}

func text(s string) string { return strings.TrimSpace(checklist.Sanitize(s)) }

func wrap(s string, width int) []string { return uiteach.Wrap(s, width) }

func indent(ls []string) []string {
	for i, l := range ls {
		if l != "" {
			ls[i] = " " + l
		}
	}
	return ls
}
