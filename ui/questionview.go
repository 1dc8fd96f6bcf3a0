package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/pressend/pressend/checklist"
	"github.com/pressend/pressend/checklist/display"
)

// The question screen is laid out to fit 80x24 without scrolling: where
// it is, the question, a short why, the user's own regulator's citation,
// the rows, and the steps for the current row. The rest is one key away
// ("m"). If a custom pack's text is longer than the room, blocks are
// shortened with a visible "…" and a pointer to "m"; the embedded pack
// never needs that (TestQuestionScreensFit).

// lipglossStyle is anything that renders text in a style.
type lipglossStyle interface{ Render(...string) string }

// block is a run of lines with a limit it can be cut to when room is short.
type block struct {
	lines []string
	min   int // lines it keeps when the screen is short
}

func (q *question) View() string {
	_, row := q.c.walk.Position()
	done, total := q.progress()
	k := questionViewKey{gen: q.gen, row: row, done: done, total: total, width: q.size.width, height: q.size.height,
		dark: q.c.st.isDark, shareSafe: q.c.shareSafe, mode: q.mode}
	if q.mode != inputNone {
		k.input = q.input.View()
	}
	if q.view == "" || k != q.viewKey {
		q.view, q.viewKey = q.draw(), k
	}
	return q.view
}

// draw lays the screen out: View keeps its result.
func (q *question) draw() string {
	if q.v.Total == 0 {
		return wrap("No questions apply to this profile. Press o for the overview or r for results.", q.size.width, 0)
	}
	blocks := q.blocks()
	used := 0
	for _, b := range blocks {
		used += len(b.lines)
	}
	// Shorten the longest cuttable blocks first until everything fits.
	for used > q.size.height {
		i, spare := -1, 0
		for j, b := range blocks {
			if s := len(b.lines) - b.min; s > spare {
				i, spare = j, s
			}
		}
		if i < 0 {
			break
		}
		b := &blocks[i]
		b.lines = b.lines[:len(b.lines)-1]
		if last := len(b.lines) - 1; last >= 0 {
			b.lines[last] = ansi.Truncate(b.lines[last], q.size.width-12, "") + q.c.st.faint.Render(" … m for more")
		}
		used--
	}
	var out []string
	for _, b := range blocks {
		out = append(out, b.lines...)
	}
	return strings.Join(out, "\n")
}

// blocks builds the screen's parts in order.
func (q *question) blocks() []block {
	v, st, w := q.v, q.c.st, q.size.width
	lines := func(s string, style func(string) string) []string {
		if s == "" {
			return nil
		}
		out := strings.Split(wrap(s, w, 0), "\n")
		for i := range out {
			out[i] = style(out[i])
		}
		return out
	}
	plain := func(s string) string { return s }
	style := func(ls lipglossStyle) func(string) string { return func(s string) string { return ls.Render(s) } }
	_, rowIdx := q.c.walk.Position()
	row := v.Rows[min(rowIdx, len(v.Rows)-1)]

	top := []string{
		st.heading.Render(ansi.Truncate(fmt.Sprintf("Section %d of %d · %s · %d of %d", v.SectionNumber, v.SectionCount, v.SectionTitle, v.InSection, v.SectionSize), w, "…")),
		q.progressBar(),
		"",
	}
	tag := severityTag(st, row.Severity)
	if v.Harm != "" {
		tag += st.faint.Render(" · " + v.Harm)
	}
	if row.Raised {
		tag += st.faint.Render(" · raised: you are identifiable here")
	}
	head := append([]string{ansi.Truncate(tag, w, "…")}, lines(v.Text, style(st.heading))...)
	why := lines(v.Why, plain)
	var cite []string
	if c, ok := display.Primary(v.Cites); ok {
		cite = lines(display.PrimaryLine(c), style(st.faint))
	}
	rows := []string{""}
	for i, r := range v.Rows {
		rows = append(rows, q.rowLine(r, i == rowIdx))
	}
	rows = append(rows, "")
	detail := q.detail(row, lines)
	blocks := []block{{top, 3}, {head, 2}, {why, 1}, {cite, min(1, len(cite))}, {rows, len(rows)}}
	blocks = append(blocks, detail...)
	if q.mode != inputNone {
		label := map[inputMode]string{
			inputNote:        "Note (shared: it goes in your report). Enter to save, empty to remove:",
			inputAdviserNote: "Adviser-only note (never shown in reports). Enter to save, empty to remove:",
			inputReason:      "Why do you accept this risk? (required)",
		}[q.mode]
		if q.c.shareSafe && q.mode != inputReason {
			label = "Note (hidden while screen-share safety is on). Enter to save:"
		}
		blocks = append(blocks, block{[]string{st.heading.Render(ansi.Truncate(label, w, "…")), q.input.View()}, 2})
	}
	return blocks
}

// detail is what belongs to the current row: its steps and where they come
// from, or how to check; the guided exercise; uncertain facts.
func (q *question) detail(row display.Row, lines func(string, func(string) string) []string) []block {
	v, st := q.v, q.c.st
	plain := func(s string) string { return s }
	faint := func(s string) string { return st.faint.Render(s) }
	warn := func(s string) string { return st.warn.Render(s) }
	var out []block
	if len(row.Steps) > 0 {
		name, _, _ := strings.Cut(row.Label, " (")
		out = append(out, block{lines("On "+name+": "+row.Path(), plain), 1})
		out = append(out, block{lines(row.ResearchedShort, faint), 0})
	} else if v.CheckShort != "" {
		check := "How to check: " + v.CheckShort
		if v.CheckShort != v.Check {
			check += " (m for more)"
		}
		out = append(out, block{lines(check, plain), 1})
	}
	var extra []string
	if v.Record != "" {
		extra = append(extra, "✎ "+v.Record+" Press e to write a note.")
	}
	if n := len(v.Uncertain); n > 0 {
		extra = append(extra, "? "+display.Plural(n, "fact here is", "facts here are")+" uncertain: press m to read "+map[bool]string{true: "it", false: "them"}[n == 1]+".")
	}
	for _, e := range extra {
		out = append(out, block{lines(e, warn), 1})
	}
	return out
}

// rowLine is one row: cursor, account, answer with symbol and word, and
// marks for a note and the previous answer.
func (q *question) rowLine(r display.Row, current bool) string {
	st, w := q.c.st, q.size.width
	lw := max(20, min(40, w/2-4))
	label := ansi.Truncate(r.Label, lw, "…")
	label += strings.Repeat(" ", max(1, lw+2-ansi.StringWidth(label)))
	ans := st.faint.Render("· not answered")
	if r.Answered {
		style := st.text
		switch {
		case r.State == checklist.Yes:
			style = st.good
		case r.State.NeedsAction():
			style = st.bad
		}
		ans = style.Render(r.Symbol + " " + r.StateLabel)
		if r.State == checklist.Accepted {
			ans += st.faint.Render(" (" + r.Reason + ")")
		}
	}
	var marks []string
	if r.HasNote() {
		marks = append(marks, "✎ note")
	}
	if r.Previous != "" {
		marks = append(marks, "last time: "+r.Previous)
	}
	if len(marks) > 0 {
		ans += st.faint.Render("  " + strings.Join(marks, " · "))
	}
	line := "  " + label + ans
	if current {
		line = st.selected.Render("› "+label) + ans
	}
	return ansi.Truncate(line, w, "…")
}

// progressBar draws questions fully answered as filled and empty cells, so
// it reads without colour too.
func (q *question) progressBar() string {
	st := q.c.st
	done, total := q.progress()
	label := fmt.Sprintf(" %d of %d questions answered", done, total)
	barW := max(10, min(40, q.size.width-ansi.StringWidth(label)))
	filled := 0
	if total > 0 {
		filled = done * barW / total
	}
	return st.accent.Render(strings.Repeat("█", filled)) + st.faint.Render(strings.Repeat("░", barW-filled)+label)
}

// progress counts the questions whose rows are all answered, of all.
func (q *question) progress() (done, total int) {
	ev := q.c.walk.Eval()
	for _, qq := range ev.Questions {
		all := true
		for _, r := range qq.Rows {
			if _, ok := q.c.audit().Answers[r.Key]; !ok {
				all = false
			}
		}
		if all {
			done++
		}
	}
	return done, len(ev.Questions)
}

// severityTag renders a severity with a symbol and a word, never colour
// alone.
func severityTag(st styles, s checklist.Severity) string {
	switch s {
	case checklist.High:
		return st.high.Render("▲ High")
	case checklist.Medium:
		return st.medium.Render("■ Medium")
	}
	return st.low.Render("▽ Low")
}
