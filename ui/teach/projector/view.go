package projector

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

// The projector is read from the back of a room: few words, large
// figures, and nothing that depends on colour (every bar has its round and
// count in words beside it), so its only styles are reverse, bold and faint.
func headerStyle() lipgloss.Style { return lipgloss.NewStyle().Reverse(true).Bold(true) }
func titleStyle() lipgloss.Style  { return lipgloss.NewStyle().Bold(true) }
func faintStyle() lipgloss.Style  { return lipgloss.NewStyle().Faint(true) }

// View draws the slide for the window's size.
func (m *Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.WindowTitle = "pressend teaching · session " + teach.FormatSessionCode(m.cfg.Session)
	return v
}

// render is the slide as text, for View and for tests.
func (m *Model) render() string {
	if m.w < minWidth || m.h < minHeight {
		// Too small for bars that can be read; still show how to join.
		msg := fmt.Sprintf("Session %s\n\nThe projector view needs a window of at least %d by %d: make it bigger, or zoom out.",
			teach.FormatSessionCode(m.cfg.Session), minWidth, minHeight)
		return strings.Join(wrap(msg, max(m.w-1, 10)), "\n")
	}
	w, h := m.w, m.h
	inner := max(w-4, 16)
	top := []string{m.header(w), titleStyle().Render(ansi.Truncate(m.title(), w-2, "…")), ""}
	bottom := m.footer(w)
	room := h - len(top) - len(bottom)
	var body []string
	switch {
	case m.help:
		body = helpLines()
	case m.phase == teach.PhaseAsk || m.story:
		body = m.askLines(inner, room)
	default:
		body = m.resultLines(inner, room)
	}
	body = fit(body, room)
	for i, l := range body {
		if l != "" {
			body[i] = "  " + l
		}
	}
	return strings.Join(append(append(top, body...), bottom...), "\n")
}

// header keeps the session code in view on every slide, so a latecomer
// can always join.
func (m *Model) header(w int) string {
	left := " Session " + teach.FormatSessionCode(m.cfg.Session)
	right := m.place() + " "
	gap := w - ansi.StringWidth(left) - ansi.StringWidth(right)
	if gap < 1 {
		return headerStyle().Render(ansi.Truncate(left+" ·"+right, w, ""))
	}
	return headerStyle().Render(left + strings.Repeat(" ", gap) + right)
}

func (m *Model) place() string {
	q := m.question()
	if q.Check {
		return fmt.Sprintf("Knowledge check %d of %d", q.Index+1, len(m.cfg.Deck.Checks))
	}
	return fmt.Sprintf("Scenario %d of %d", q.Index+1, len(m.cfg.Deck.Scenarios))
}

func (m *Model) title() string {
	q := m.question()
	if q.Check {
		ck, _ := m.cfg.Deck.CheckItem(q)
		return checklist.SanitizeLine(ck.Question)
	}
	sc, _ := m.cfg.Deck.Scenario(q)
	return checklist.SanitizeLine(sc.Title)
}

// askLines is the question with its options. The story is shortened when
// the window is small: every student has it in full on their own screen.
func (m *Model) askLines(width, room int) []string {
	q := m.question()
	var story, prompt string
	var opts []string
	if q.Check {
		ck, _ := m.cfg.Deck.CheckItem(q)
		opts = optionTexts(ck.Options)
	} else {
		sc, _ := m.cfg.Deck.Scenario(q)
		story, prompt, opts = text(sc.Story), text(sc.Question), optionTexts(sc.Options)
		if q.Scale {
			opts = nil
			prompt += fmt.Sprintf("\n1 = %s … 5 = %s", checklist.SanitizeLine(sc.Scale.Low), checklist.SanitizeLine(sc.Scale.High))
		}
	}
	var head []string
	if prompt != "" {
		head = append(wrap(prompt, width), "")
	}
	full, short := m.optionLines(opts, width, false), m.optionLines(opts, width, true)
	tail := append(append([]string(nil), head...), full...)
	if len(tail) > room {
		tail = append(head, short...)
	}
	if story == "" {
		return tail
	}
	lines := wrap(story, width)
	spare := room - len(tail) - 1
	switch {
	case spare < 2:
		// No room for even a line of the story: the options matter more.
		return tail
	case len(lines) > spare:
		lines = append(lines[:spare-1], faintStyle().Render("… the full story is on your own screen"))
	}
	return append(append(lines, ""), tail...)
}

// optionLines lays out the options, each wrapped or, when short is set,
// cut to one line: students read them in full on their own screens.
func (m *Model) optionLines(opts []string, width int, short bool) []string {
	q := m.question()
	var out []string
	for i, o := range opts {
		label := teach.OptionLabel(q, i+1) + ". "
		if short {
			out = append(out, titleStyle().Render(label)+ansi.Truncate(o, width-len(label), "…"))
			continue
		}
		for j, l := range wrap(o, width-len(label)) {
			if j == 0 {
				out = append(out, titleStyle().Render(label)+l)
			} else {
				out = append(out, strings.Repeat(" ", len(label))+l)
			}
		}
	}
	return out
}

// resultLines is the big figure and the bars, as far as they fit: first
// the bars are kept and the figure dropped, then the bars become one line
// per option.
func (m *Model) resultLines(width, room int) []string {
	q := m.question()
	r, ok := m.result()
	if !ok || len(r.Rounds) == 0 || r.Rounds[0].Total == 0 {
		return []string{"No answers yet.", "", m.howToCount()}
	}
	o := uiteach.ChartOptions{Width: min(width, maxChartWidth), Reveal: m.phase == teach.PhaseBoth, ShowBest: m.best, Names: m.optionNames()}
	chart := lines(uiteach.Chart(r, o))
	if len(chart) > room {
		o.Compact = true
		chart = lines(uiteach.Chart(r, o))
	}
	for _, scale := range []int{2, 1} {
		big := m.bigFigure(r, q, scale)
		if len(big) > 0 && len(big)+1+len(chart) <= room && ansi.StringWidth(big[len(big)-1]) <= width {
			return append(append(big, ""), chart...)
		}
	}
	return chart
}

// minWidth and minHeight are the smallest window the slide is drawn in:
// the bars need MinWidth columns and a margin, and four options with two
// rounds need the rows.
const (
	minWidth  = uiteach.MinWidth + 4
	minHeight = 16
)

// maxChartWidth keeps each count near its bar on a wide screen.
const maxChartWidth = 110

// bigFigure draws one option's percentages in block numerals: the
// suggested answer once the facilitator has marked it, otherwise the most
// chosen in the latest round shown. A hidden count is never drawn.
func (m *Model) bigFigure(r teach.QuestionResult, q teach.Question, scale int) []string {
	rounds := r.Rounds[:1]
	if m.phase == teach.PhaseBoth && len(r.Rounds) > 1 {
		rounds = r.Rounds[:2]
	}
	last := rounds[len(rounds)-1]
	pick, caption := -1, ""
	if m.best && q.Best > 0 {
		pick = q.Best - 1
		caption = "Suggested answer, " + teach.OptionLabel(q, q.Best)
		if q.Check {
			caption = "Correct answer, " + teach.OptionLabel(q, q.Best)
		}
	} else {
		for i, c := range last.Counts {
			if c.Count != nil && (pick < 0 || *c.Count > *last.Counts[pick].Count) {
				pick = i
			}
		}
		if pick < 0 {
			return nil
		}
		caption = "Most chosen, " + teach.OptionLabel(q, pick+1)
	}
	var figures []string
	for _, rd := range rounds {
		if c := rd.Counts[pick]; c.Percent != nil {
			figures = append(figures, fmt.Sprintf("%d%%", *c.Percent))
		}
	}
	switch {
	case len(figures) == 0 || last.Counts[pick].Percent == nil:
		return nil
	case len(figures) > 1:
		caption += ": alone → after discussion"
	case len(rounds) > 1:
		caption += ", after discussion"
	}
	out := []string{caption}
	return append(out, lines(uiteach.Scale(uiteach.Big(strings.Join(figures, "→")), scale))...)
}

func (m *Model) howToCount() string {
	if m.cfg.Collect != "" {
		return "Answers appear as students' files arrive in " + m.cfg.Collect + ". Press h to type a show of hands instead."
	}
	return "Press h to type a show of hands, or start the projector with --collect FOLDER to count students' files."
}

func (m *Model) optionNames() []string {
	q := m.question()
	if q.Check {
		ck, _ := m.cfg.Deck.CheckItem(q)
		return optionTexts(ck.Options)
	}
	sc, _ := m.cfg.Deck.Scenario(q)
	if q.Scale {
		names := make([]string, teach.ScalePoints)
		names[0], names[teach.ScalePoints-1] = sc.Scale.Low, sc.Scale.High
		return names
	}
	return optionTexts(sc.Options)
}

// footer is the answer count, any notice, and the keys.
func (m *Model) footer(w int) []string {
	if m.entry != nil {
		return append([]string{""}, lines(m.entry.view(w-2))...)
	}
	status := m.answered()
	if m.best && m.phase != teach.PhaseAsk {
		// The mark is an interpretation for discussion, not guidance.
		status += " · the suggested answer is one reading of the guidance, for discussion"
	}
	for _, s := range []string{m.problem, m.notice} {
		if s != "" {
			status += " · " + s
		}
	}
	keys := " space next · ←→ question · b answer · h hands · ? keys · q quit"
	if ansi.StringWidth(keys) > w {
		keys = " space next · ←→ · b answer · h hands · ? · q quit"
	}
	return []string{ansi.Truncate(" "+status, w, "…"), faintStyle().Render(ansi.Truncate(keys, w, "…"))}
}

// answered says how many have answered the round being asked.
func (m *Model) answered() string {
	r, ok := m.result()
	round := m.handsRound()
	if !ok || len(r.Rounds) < round {
		return fmt.Sprintf("Round %d: no answers yet", round)
	}
	n := r.Rounds[round-1].Total
	if m.question().Check {
		return fmt.Sprintf("%d answered", n)
	}
	return fmt.Sprintf("Round %d: %d answered", round, n)
}

func helpLines() []string {
	return []string{
		"space, enter   reveal the next round, then go on",
		"r              reveal the next round",
		"→ n   ← p      next or previous question",
		"b              mark or unmark the suggested answer",
		"s              show the question over the results",
		"h              type a show of hands for this round",
		"q              quit (answers files are not touched)",
		"",
		"The facilitator's notes: pressend teach notes, in another window.",
	}
}

func optionTexts(opts []checklist.Option) []string {
	out := make([]string, len(opts))
	for i, o := range opts {
		out[i] = text(o.Text)
	}
	return out
}

func text(s string) string { return strings.TrimSpace(checklist.Sanitize(s)) }

func wrap(s string, width int) []string {
	return lines(ansi.Wordwrap(s, max(width, 10), ""))
}

func lines(s string) []string { return strings.Split(strings.TrimRight(s, "\n"), "\n") }

// fit cuts or pads lines to exactly n.
func fit(ls []string, n int) []string {
	if n <= 0 {
		return nil
	}
	if len(ls) > n {
		return ls[:n]
	}
	return append(ls, make([]string, n-len(ls))...)
}
