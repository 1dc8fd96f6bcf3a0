package ui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/pressend/pressend/checklist/display"
)

// details is everything behind "m": the full why, every citation in its
// tier with its address (a terminal hyperlink where the terminal supports
// them), uncertain facts, and the steps for every row.
type details struct {
	c    *common
	v    display.Question
	qi   int
	vp   viewport.Model
	keys keyList
}

// newDetails shows question qi in full. It keeps the index, not just the
// display model, so that turning screen-share safety on or off rebuilds
// the notes from the audit.
func newDetails(c *common, qi int, v display.Question) *details {
	s := newScrollKeys()
	return &details{c: c, qi: qi, v: v, vp: newViewport(), keys: keyList{s.Up, backKey()}}
}

func (d *details) Init() tea.Cmd     { return nil }
func (d *details) Keys() help.KeyMap { return d.keys }
func (d *details) Place() string     { return "More about this question" }
func (d *details) Typing() bool      { return false }
func (d *details) View() string      { return scrollView(d.c, d.vp) }

func (d *details) SetSize(width, height int) {
	d.vp.SetWidth(width)
	d.vp.SetHeight(max(1, height-1))
	d.vp.SetContent(d.body(width))
}

func (d *details) Update(msg tea.Msg) (screen, tea.Cmd) {
	if _, ok := msg.(shareSafeMsg); ok {
		d.v = display.QuestionAt(d.c.pack, d.c.audit(), d.c.walk.Eval(), d.qi, d.c.view())
		d.vp.SetContent(d.body(d.vp.Width()))
		return d, nil
	}
	if k, ok := msg.(tea.KeyPressMsg); ok && k.String() == "esc" {
		return d, pop
	}
	var cmd tea.Cmd
	d.vp, cmd = d.vp.Update(msg)
	return d, cmd
}

func (d *details) body(w int) string {
	v, st := d.v, d.c.st
	var b strings.Builder
	para := func(title, text string) {
		if text == "" {
			return
		}
		if title != "" {
			b.WriteString(st.title.Render(title) + "\n")
		}
		b.WriteString(wrap(text, w, 0) + "\n\n")
	}
	b.WriteString(st.heading.Render(wrap(v.Text, w, 0)) + "\n\n")
	para("Why it matters", strings.TrimSpace(v.Why+"\n\n"+v.More))
	para("How to check", v.Check)
	for _, r := range v.Rows {
		if len(r.Steps) == 0 {
			continue
		}
		b.WriteString(st.title.Render("On "+r.Label) + "\n")
		b.WriteString(wrap(r.Path(), w, 2) + "\n")
		b.WriteString(st.faint.Render(wrap(r.Researched+" "+display.FallbackText(r.Fallback), w, 2)) + "\n")
		if r.StepNote != "" {
			b.WriteString(wrap(r.StepNote, w, 2) + "\n")
		}
		for _, c := range r.StepSources {
			b.WriteString(st.faint.Render(hang("  · ", d.cite(c), w)) + "\n")
		}
		b.WriteString("\n")
	}
	var notes []string
	for _, r := range v.Rows {
		switch {
		case r.HiddenNotes > 0:
			notes = append(notes, r.Label+": "+display.Plural(r.HiddenNotes, "note", "notes")+" hidden while screen-share safety is on (! shows them)")
		default:
			if r.Note != "" {
				notes = append(notes, r.Label+": "+r.Note)
			}
			if r.AdviserNote != "" {
				notes = append(notes, r.Label+", adviser only: "+r.AdviserNote)
			}
		}
	}
	if len(notes) > 0 {
		b.WriteString(st.title.Render("Notes") + "\n")
		for _, n := range notes {
			b.WriteString(hang("✎ ", n, w) + "\n")
		}
		b.WriteString("\n")
	}
	if len(v.Uncertain) > 0 {
		b.WriteString(st.warn.Render("Uncertain") + "\n")
		for _, u := range v.Uncertain {
			b.WriteString(st.warn.Render(hang("? ", u, w)) + "\n")
		}
		b.WriteString("\n")
	}
	reg := display.RegulatorName(d.c.pack, d.c.audit().Profile)
	for _, tier := range display.Tiers(v.Cites) {
		b.WriteString(st.title.Render(display.TierHeading(tier[0].Tier, reg)) + "\n")
		for _, c := range tier {
			b.WriteString(hang("• ", d.cite(c), w) + "\n")
		}
		b.WriteString("\n")
	}
	for _, g := range display.Gaps(d.c.pack, d.c.audit().Profile) {
		b.WriteString(st.italic.Render(wrap("Not covered for you: "+g, w, 0)) + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

// cite is a citation with its address, linked for terminals that follow
// OSC 8 hyperlinks; others show the address as text.
func (d *details) cite(c display.Cite) string {
	if c.URL == "" {
		return c.Text
	}
	return c.Text + " " + d.c.st.link.Hyperlink(c.URL).Render(c.URL)
}
