package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/pressend/pressend/checklist"
	"github.com/pressend/pressend/checklist/display"
)

// overview lists every section with its answered count and band, and
// every question under it with a symbol per row, a mark for notes and,
// during a re-audit, what changed since last time. Enter opens a question.
type overview struct {
	c      *common
	size   size
	cursor int // question index
	keys   overviewKeys
}

type overviewKeys struct {
	listKeys
	Results, Profile, Members key.Binding
	adviser                   bool
}

func (k overviewKeys) ShortHelp() []key.Binding {
	if k.adviser {
		return []key.Binding{k.Up, k.Open, k.Results, k.Profile, k.Members, k.Back}
	}
	return []key.Binding{k.Up, k.Open, k.Results, k.Profile, k.Back}
}
func (k overviewKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

func newOverview(c *common) *overview {
	qi, _ := c.walk.Position()
	return &overview{c: c, cursor: qi, keys: overviewKeys{newListKeys(),
		bind([]string{"r"}, "r", "results"), bind([]string{"c"}, "c", "change profile"),
		bind([]string{"M"}, "M", "members"), c.opts.Adviser}}
}

func (o *overview) Init() tea.Cmd             { return nil }
func (o *overview) Keys() help.KeyMap         { return o.keys }
func (o *overview) Place() string             { return "Overview" }
func (o *overview) Typing() bool              { return false }
func (o *overview) SetSize(width, height int) { o.size.SetSize(width, height) }

func (o *overview) Update(msg tea.Msg) (screen, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return o, nil
	}
	n := len(o.c.walk.Eval().Questions)
	switch {
	case key.Matches(k, o.keys.Up):
		o.cursor = max(0, o.cursor-1)
	case key.Matches(k, o.keys.Down):
		o.cursor = min(n-1, o.cursor+1)
	case key.Matches(k, o.keys.Open) && n > 0:
		o.c.walk.Goto(o.cursor)
		return o, push(newQuestion(o.c))
	case key.Matches(k, o.keys.Results):
		return o, push(newResults(o.c))
	case key.Matches(k, o.keys.Profile):
		return o, push(newProfile(o.c))
	case key.Matches(k, o.keys.Members) && o.c.opts.Adviser:
		return o, push(newMembers(o.c))
	case key.Matches(k, o.keys.Back):
		return o, pop
	}
	return o, nil
}

// row is one line of the overview: a section heading or a question.
type overviewRow struct {
	text     string
	question int // index of the question, or -1 for a heading
}

func (o *overview) rows() []overviewRow {
	c, st, w := o.c, o.c.st, o.size.width
	ev := c.walk.Eval()
	a := c.audit()
	bands := map[int]checklist.Tally{}
	for _, s := range ev.Score.Sections {
		bands[s.Section] = s.Tally
	}
	var out []overviewRow
	for _, sp := range checklist.Spans(ev.Questions) {
		t := bands[sp.Section]
		done := 0
		for i := sp.Start; i < sp.Start+sp.Count; i++ {
			if allAnswered(a, ev.Questions[i]) {
				done++
			}
		}
		right := fmt.Sprintf("%d/%d answered", done, sp.Count)
		if done == sp.Count {
			right += " · " + bandWord(t)
		}
		title := ansi.Truncate(display.Line(c.pack.Sections[sp.Section].Title), max(5, w-len(right)-2), "…")
		gap := max(1, w-ansi.StringWidth(title)-ansi.StringWidth(right))
		out = append(out, overviewRow{st.heading.Render(title) + strings.Repeat(" ", gap) + st.faint.Render(right), -1})
		for i := sp.Start; i < sp.Start+sp.Count; i++ {
			out = append(out, overviewRow{o.questionLine(ev, i), i})
		}
	}
	return out
}

// questionLine shows a question with one symbol per row (✓ ✗ ? – ! ·), a
// note mark and, in a re-audit, how many rows changed.
func (o *overview) questionLine(ev checklist.Evaluation, i int) string {
	q, a := ev.Questions[i], o.c.audit()
	var syms strings.Builder
	note, changed := false, 0
	for _, r := range q.Rows {
		ans, ok := a.Answers[r.Key]
		syms.WriteString(ans.State.Symbol())
		note = note || a.Notes[r.Key] != "" || (o.c.opts.Adviser && a.AdviserNotes[r.Key] != "")
		if ev.Last != nil && ok {
			if prev, had := ev.Last.Answers[r.Key]; had && prev.State != ans.State {
				changed++
			}
		}
	}
	line := "  " + syms.String() + " " + display.Line(q.Text.Question)
	var marks []string
	if note {
		marks = append(marks, "✎")
	}
	if changed > 0 {
		marks = append(marks, "changed since last time")
	}
	if len(marks) > 0 {
		line = "  " + syms.String() + " " + strings.Join(marks, " ") + " " + display.Line(q.Text.Question)
	}
	return ansi.Truncate(line, o.size.width-1, "…")
}

func allAnswered(a *checklist.Audit, q checklist.Question) bool {
	for _, r := range q.Rows {
		if _, ok := a.Answers[r.Key]; !ok {
			return false
		}
	}
	return true
}

// bandWord names a band, or says nothing is scored yet.
func bandWord(t checklist.Tally) string {
	if t.Band == checklist.BandNone {
		return "not scored"
	}
	return fmt.Sprintf("%s (%d%%)", t.Band, t.Percent)
}

// View draws the rows that fit, keeping the selected one visible, with
// marks when there is more above or below.
func (o *overview) View() string {
	rows := o.rows()
	h := max(1, o.size.height-1)
	sel := 0
	for i, r := range rows {
		if r.question == o.cursor {
			sel = i
		}
	}
	start := max(0, min(sel-h/2, len(rows)-h))
	var out []string
	for i := start; i < len(rows) && len(out) < h; i++ {
		r := rows[i]
		if r.question == o.cursor && r.question >= 0 {
			out = append(out, o.c.st.selected.Render("›")+r.text[1:])
			continue
		}
		out = append(out, r.text)
	}
	legend := "✓ yes  ✗ no  ? unsure  – not applicable  ! accepted  · unanswered  ✎ note"
	if start > 0 || start+h < len(rows) {
		legend = fmt.Sprintf("%d of %d lines shown · ", len(out), len(rows)) + legend
	}
	out = append(out, o.c.st.faint.Render(ansi.Truncate(legend, o.size.width, "…")))
	return strings.Join(out, "\n")
}
