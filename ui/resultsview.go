package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/pressend/pressend/checklist"
	"github.com/pressend/pressend/checklist/display"
)

// lines builds the whole results page and notes where each action's block
// starts and ends, so the selection can be kept in view.
func (r *results) lines() (out []string, spans [][2]int) {
	d, st, w := r.r, r.c.st, r.size.width
	add := func(s string) { out = append(out, strings.Split(s, "\n")...) }
	o := d.Score.Overall
	if d.Unanswered > 0 {
		add(st.title.Render(fmt.Sprintf("Not finished: %d of %d answered", d.Progress.Answered, d.Progress.Total)))
		add(wrap("Score so far: "+o.Label+". Unanswered questions count as needing action until you answer them.", w, 0))
	} else {
		add(st.title.Render("Overall: "+strings.ToUpper(o.Label)) + st.faint.Render(fmt.Sprintf("  ·  %d of %d answered", d.Progress.Answered, d.Progress.Total)))
	}
	if d.Sentences.Carried != "" {
		add(st.warn.Render(wrap(d.Sentences.Carried, w, 0)))
	}
	add(st.italic.Render(wrap(display.ScoreCaveat+" Press h for how this is calculated and why the plan is in this order.", w, 0)))
	if r.showHow {
		add("")
		add(st.heading.Render("How this is calculated"))
		for _, l := range d.Score.Explanation {
			add(hang("• ", l, w))
		}
		add(st.heading.Render("The harms, most serious first"))
		for _, h := range d.Score.Harms {
			add(hang(fmt.Sprintf("%d. ", h.Rank), h.Title+": "+h.Reason, w))
		}
	}
	add("")
	if f := d.First; f != nil {
		add(st.title.Render(display.FirstHeading))
		add(hang("  ", severityTag(st, severityOf(f.Severity))+" "+f.Text, w))
		add(st.faint.Render(hang("  ", "About: "+f.Subject+" · "+f.Where()+fmt.Sprintf(" · about %d min", f.Minutes), w)))
		add("")
	} else if d.Sentences.Finish != "" {
		add(st.title.Render(display.FirstHeading))
		add(wrap(d.Sentences.Finish, w, 2))
		add("")
	}
	add(st.title.Render("Sections"))
	for _, s := range d.Score.Sections {
		line := fmt.Sprintf("%s: %s, %d to act on", s.Title, s.Label, s.Action)
		if s.Unanswered > 0 {
			line += fmt.Sprintf(", %d unanswered", s.Unanswered)
		}
		add(hang("• ", line, w))
	}
	add("")
	for _, l := range r.sinceLines() {
		add(l)
	}
	switch {
	case len(r.order) > 0:
		add(st.title.Render(fmt.Sprintf("Your action plan: %d open, about %d minutes", d.OpenActions, d.OpenMinutes)))
		add(st.faint.Render(wrap("Most important first. The first open action is what to do first. d marks the selected action done.", w, 0)))
		i := 0
		for _, g := range d.Groups {
			add("")
			add(st.heading.Render(g.Name))
			for _, a := range g.Actions {
				start := len(out)
				add(r.actionBlock(a, i == r.cursor))
				spans = append(spans, [2]int{start, len(out)})
				i++
			}
		}
	case d.AllClear:
		add(wrap(st.good.Render("✓ Nothing needs action right now.")+" Check again at your next review: platforms change their settings often.", w, 0))
	}
	add("")
	if len(d.Accepted) > 0 {
		add(st.title.Render(display.AcceptedHeading))
		for _, a := range d.Accepted {
			where := ""
			if a.PlatformName != "" {
				where = " (" + a.PlatformName + ")"
			}
			add(hang("! ", a.Question+where+" Your reason: "+a.Reason, w))
		}
		add("")
	}
	for _, s := range []string{d.Sentences.Unanswered, d.Sentences.Review, d.Sentences.Since} {
		if s != "" {
			add(wrap(s, w, 0))
		}
	}
	for _, g := range displayGaps(r) {
		add(st.italic.Render(wrap("Not covered for you: "+g, w, 0)))
	}
	for _, warn := range contentWarnings(r.c) {
		add(st.warn.Render(wrap("! "+warn, w, 0)))
	}
	add(st.faint.Render(wrap("Content: "+d.Pack.Label, w, 0)))
	add(st.italic.Render(wrap(display.NotLegalAdvice, w, 0)))
	return out, spans
}

func displayGaps(r *results) []string {
	if r.r.Profile == nil {
		return nil
	}
	return r.r.Profile.Gaps
}

// actionBlock renders one action: a tick box, severity, what to do, what
// it is about, where, and how long.
func (r *results) actionBlock(a display.Action, selected bool) string {
	st, w := r.c.st, r.size.width
	box := "☐"
	if a.Done {
		box = "☑"
	}
	head := box + " " + severityTag(st, severityOf(a.Severity)) + " " + a.Text
	if a.Done {
		head = box + " Done: " + a.Text + " (" + a.DoneText + ")"
	}
	lines := []string{hang("", head, w-2)}
	if !a.Done {
		lines = append(lines, st.faint.Render(hang("  ", "About: "+a.Subject, w-2)))
		meta := fmt.Sprintf("about %d min · %s · %s", a.Minutes, a.Group, a.Harm)
		if a.LastRound {
			meta += " · from your last audit"
		}
		lines = append(lines, st.faint.Render(ansi.Truncate("  "+meta, w-2, "…")))
		if len(a.Steps) > 0 {
			lines = append(lines, hang("  ", "Where: "+a.Path(), w-2))
		}
	}
	block := strings.Join(lines, "\n")
	prefix := "  "
	if selected {
		prefix = st.selected.Render("› ")
	}
	return prefix + strings.ReplaceAll(block, "\n", "\n  ")
}

// follow scrolls so the selected action is on screen.
func (r *results) follow() {
	_, spans := r.lines()
	if len(spans) == 0 || r.cursor >= len(spans) {
		return
	}
	s := spans[r.cursor]
	h := max(1, r.size.height-1)
	switch {
	case s[0] < r.offset:
		r.offset = max(0, s[0]-1)
	case s[1] > r.offset+h:
		r.offset = s[1] - h
	}
}

func (r *results) View() string {
	lines, _ := r.lines()
	h := max(1, r.size.height-1)
	r2 := *r // View must not change the screen: clamp a copy of the offset
	r2.offset = max(0, min(r2.offset, len(lines)-h))
	end := min(len(lines), r2.offset+h)
	out := append([]string(nil), lines[r2.offset:end]...)
	more := ""
	switch {
	case end < len(lines) && r2.offset > 0:
		more = "↑↓ more above and below"
	case end < len(lines):
		more = "↓ more below: pgdn or space"
	case r2.offset > 0:
		more = "↑ more above"
	}
	out = append(out, r.c.st.faint.Render(more))
	return strings.Join(out, "\n")
}

// severityOf reads a severity's name back.
func severityOf(s string) checklist.Severity {
	var v checklist.Severity
	_ = v.UnmarshalText([]byte(s))
	return v
}

// clamp keeps the scroll offset within the page.
func (r *results) clamp() {
	lines, _ := r.lines()
	r.offset = max(0, min(r.offset, len(lines)-max(1, r.size.height-1)))
}

// sinceLines is the comparison with the last completed audit: a sentence,
// then each row that got worse, was fixed, changed or is new, under its
// kind. Unchanged rows are only counted: they are most of a re-audit.
func (r *results) sinceLines() []string {
	d, st, w := r.r, r.c.st, r.size.width
	if d.SinceLast == nil {
		return nil
	}
	out := []string{st.title.Render("Since your last audit"), wrap(display.SinceSentence(d.SinceLast), w, 0)}
	kind := ""
	for _, c := range d.SinceLast.Changes {
		if c.Kind == display.ChangeUnchanged {
			continue
		}
		if c.Kind != kind {
			kind = c.Kind
			out = append(out, st.heading.Render(display.ChangeHeading(kind)))
		}
		line := c.Question
		if c.PlatformName != "" {
			line += " (" + c.PlatformName + ")"
		}
		if c.From != "" && c.From != c.To {
			line += ": " + c.FromLabel + " → " + c.ToLabel
		} else {
			line += ": " + c.ToLabel
		}
		out = append(out, strings.Split(hang("• ", line, w), "\n")...)
	}
	return append(out, "")
}
