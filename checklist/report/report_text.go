package report

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/pressend/pressend/checklist"
	"github.com/pressend/pressend/checklist/display"
)

// textWidth is the widest line the text report writes. The report is also
// printed when the TUI exits, so it has to fit an 80-column terminal with a
// little room to spare.
const textWidth = 78

// textDoc writes the plain-text report: no colour and nothing fancier than
// a rule, so it reads the same in a terminal, a pager or an email.
type textDoc struct{ b *bytes.Buffer }

// writeText lays out the report as plain text wrapped at textWidth.
func writeText(b *bytes.Buffer, d *display.Report) error {
	t := textDoc{b}
	t.heading(Title, "=")
	t.header(d)
	if d.AllClear {
		t.wrap("", "", display.AllClear)
		t.blank()
	}
	if d.First != nil || d.Sentences.Finish != "" {
		t.heading(display.FirstHeading, "-")
		if f := d.First; f != nil {
			t.wrap("", "", "["+f.Severity+"] "+f.Text)
			t.wrap("", "", firstWhere(f))
			t.wrap("", "", "About: "+f.Subject)
		} else {
			t.wrap("", "", d.Sentences.Finish)
		}
		t.blank()
	}
	t.score(d)
	if len(d.Groups) > 0 {
		t.heading("Actions by platform", "-")
		t.wrap("", "", d.Sentences.Open)
		t.wrap("", "", d.Sentences.Carried)
		for _, g := range d.Groups {
			t.blank()
			t.wrap("", "", g.Name)
			for i, a := range g.Actions {
				if i > 0 && (!a.Done || !g.Actions[i-1].Done) {
					t.blank()
				}
				t.action(a, regName(d))
			}
		}
		t.blank()
	}
	if len(d.Accepted) > 0 {
		t.heading(display.AcceptedHeading, "-")
		for _, a := range d.Accepted {
			t.wrap("  ! ", "    ", a.Question+withPlatform(a.PlatformName))
			t.text("    Your reason: ", "      ", a.Reason)
			t.text("    Your note: ", "      ", a.Note)
		}
		t.blank()
	}
	if len(d.Notes) > 0 {
		t.heading(display.OtherNotesHeading, "-")
		for _, n := range d.Notes {
			t.wrap("  ", "    ", n.Question+withPlatform(n.PlatformName)+" · "+n.StateLabel)
			t.text("    ", "    ", n.Note)
		}
		t.blank()
	}
	if d.Sentences.Unanswered != "" {
		t.heading("Not answered yet", "-")
		t.wrap("", "", d.Sentences.Unanswered)
		t.blank()
	}
	if d.Sentences.Review != "" || d.Sentences.Since != "" {
		t.heading("Checking again", "-")
		t.wrap("", "", d.Sentences.Review)
		t.wrap("", "", d.Sentences.Since)
		t.blank()
	}
	t.b.WriteString(strings.Repeat("-", textWidth) + "\n")
	t.wrap("", "", display.NotLegalAdvice)
	if d.Audit.File != "" {
		t.wrap("", "", "Your audit is saved on this computer at "+d.Audit.File)
	}
	t.wrap("", "", display.GeneratedHere)
	return nil
}

// header writes who and what the report is about.
func (t textDoc) header(d *display.Report) {
	t.blank()
	t.field("Audit", d.Audit.Name)
	t.field("Date", d.Date)
	pack := d.Pack.Label
	if d.Pack.Reviewed != "" {
		pack += ", reviewed " + display.DateText(checklist.Date(d.Pack.Reviewed), display.LongDate)
	}
	t.field("Pack", pack)
	if p := d.Profile; p != nil {
		t.field("Role", roleLine(p))
		t.field("Nation", p.Nation.Name)
		t.field("Accounts", accountsLine(p))
		for _, g := range p.Gaps {
			t.field("Not covered", g)
		}
	}
	t.field("Progress", d.Sentences.Progress)
	for _, s := range d.Sentences.Stale {
		t.blank()
		t.wrap("Note: ", "      ", s)
	}
	t.blank()
}

// score writes the bands, the caveat and how the score is worked out.
func (t textDoc) score(d *display.Report) {
	t.heading("Your score", "-")
	o := d.Score.Overall
	t.wrap("", "  ", "Overall: "+o.Label+" · "+o.Counts)
	for _, s := range d.Score.Sections {
		t.wrap("  ", "    ", s.Title+": "+s.Label+" · "+s.Counts)
	}
	t.wrap("", "", d.Score.Caveat)
	t.blank()
	t.wrap("", "", "How this is calculated:")
	for _, l := range d.Score.Explanation {
		t.wrap("- ", "  ", l)
	}
	if len(d.Score.Harms) > 0 {
		t.wrap("", "", "The harms, most serious first:")
	}
	for _, h := range d.Score.Harms {
		t.wrap(fmt.Sprintf("%d. ", h.Rank), "   ", h.Title+": "+h.Reason)
	}
	t.blank()
}

// action writes one action with everything needed to do it. Done actions
// get a single line: they stay visible as progress, without the detail.
func (t textDoc) action(a display.Action, regulator string) {
	const in = "    "
	if a.Done {
		t.wrap("  ✓ ", in, doneLine(a))
		return
	}
	t.wrap("  ", in, "["+a.Severity+"] "+a.Text)
	t.wrap(in, in, actionMeta(a))
	t.wrap(in, in, a.RaisedText)
	t.wrap(in, in, "About: "+a.Subject)
	if len(a.Steps) > 0 {
		t.wrap(in+"Steps: ", in+"  ", a.Path())
		t.wrap(in, in, a.Researched)
	} else if a.Check != "" {
		t.wrap(in+"How to check: ", in+"  ", a.Check)
	}
	t.wrap(in, in, a.StepNote)
	if a.Fallback != "" {
		t.wrap(in, in, display.FallbackText(a.Fallback))
	}
	for _, u := range a.Uncertain {
		t.wrap(in+"Uncertain: ", in+"  ", u)
	}
	t.text(in+"Your note: ", in+"  ", a.Note)
	for _, tier := range display.Tiers(a.Cites) {
		t.wrap(in, in, display.TierHeading(tier[0].Tier, regulator)+":")
		for _, c := range tier {
			t.wrap(in+"- ", in+"  ", citeLine(c))
		}
	}
	if len(a.StepCites) > 0 {
		t.wrap(in, in, display.TierHeading(checklist.TierSteps, "")+":")
		for _, c := range a.StepCites {
			t.wrap(in+"- ", in+"  ", citeLine(c))
		}
	}
}

// citeLine is a citation with its address, for plain text.
func citeLine(c display.Cite) string {
	if c.URL == "" {
		return c.Text
	}
	return c.Text + " <" + c.URL + ">"
}

// heading writes a title with a rule under it as wide as the title.
func (t textDoc) heading(s, rule string) {
	t.wrap("", "", s)
	t.b.WriteString(strings.Repeat(rule, max(1, min(ansi.StringWidth(s), textWidth))) + "\n")
}

// field writes "Label:    value" with the values lined up.
func (t textDoc) field(label, value string) {
	const w = 10
	t.wrap(fmt.Sprintf("%-*s", w, label+":"), strings.Repeat(" ", w), value)
}

func (t textDoc) blank() { t.b.WriteByte('\n') }

// wrap writes s wrapped to textWidth; first prefixes the first line and
// rest every later one. An empty s writes nothing, so optional fields need
// no checks at the call site.
func (t textDoc) wrap(first, rest, s string) {
	if s == "" {
		return
	}
	for i, l := range hangWrap(s, ansi.StringWidth(first), ansi.StringWidth(rest)) {
		p := rest
		if i == 0 {
			p = first
		}
		t.b.WriteString(strings.TrimRight(p+l, " ") + "\n")
	}
}

// hangWrap wraps s so the first line fits after a prefix of firstW cells and
// later lines after one of restW. ansi.Wrap has a single width, so the
// difference is filled with no-break spaces that glue to the first word and
// are cut off afterwards. Cleaned text never contains U+00A0 (SanitizeLine
// turns it into a plain space), so nothing of the user's is cut.
func hangWrap(s string, firstW, restW int) []string {
	const nbsp = "\u00a0"
	pad := max(0, firstW-restW) // a narrower first prefix just leaves slack
	lines := wrapLines(strings.Repeat(nbsp, pad)+s, textWidth-restW)
	lines[0] = strings.TrimLeft(lines[0], nbsp)
	if lines[0] == "" && len(lines) > 1 {
		lines = lines[1:]
	}
	return lines
}

// text writes multi-line user text (notes, reasons), keeping the user's
// line breaks.
func (t textDoc) text(first, rest, s string) {
	for i, l := range strings.Split(s, "\n") {
		if i > 0 {
			first = rest
		}
		t.wrap(first, rest, l)
	}
}

// wrapLines wraps at spaces and hyphens, hard-breaking words longer than a
// line (a pasted URL, a 5,000-character note). Widths are measured in
// terminal cells, so CJK and emoji count double.
func wrapLines(s string, width int) []string {
	width = max(width, 20)
	var out []string
	for _, l := range strings.Split(ansi.Wrap(s, width, ""), "\n") {
		l = strings.TrimRight(l, " ")
		// A backstop: the promise is a line never wider than the
		// terminal, so anything ansi.Wrap leaves too wide is cut again.
		if ansi.StringWidth(l) > width {
			out = append(out, strings.Split(ansi.Hardwrap(l, width, false), "\n")...)
			continue
		}
		out = append(out, l)
	}
	return out
}

// The small phrases below are shared by the text, Markdown and HTML writers.

// regName is the user's regulator's short name, for tier headings.
func regName(d *display.Report) string {
	if d.Profile == nil {
		return ""
	}
	return d.Profile.Regulator.Name
}

func roleLine(p *display.ProfileInfo) string {
	if p.Regulator.Name == "" {
		return p.Role.Name
	}
	return p.Role.Name + " (regulator: " + p.Regulator.Name + ")"
}

func accountsLine(p *display.ProfileInfo) string {
	if len(p.Platforms) == 0 {
		return "none chosen"
	}
	var parts []string
	for _, pl := range p.Platforms {
		parts = append(parts, pl.Name+" ("+pl.Account+")")
	}
	return strings.Join(parts, ", ")
}

func firstWhere(a *display.Action) string {
	where := a.Where()
	if a.Minutes > 0 {
		where += fmt.Sprintf(" · about %d min", a.Minutes)
	}
	return where
}

func actionMeta(a display.Action) string {
	s := fmt.Sprintf("about %d min · %s", a.Minutes, a.Group)
	if a.Harm != "" {
		s += " · " + a.Harm
	}
	if a.LastRound {
		s += " · from your last audit"
	}
	return s
}

func doneLine(a display.Action) string {
	s := "Done: " + a.Text
	if a.DoneText != "" {
		s += " (" + a.DoneText + ")"
	}
	return s
}

func withPlatform(name string) string {
	if name == "" {
		return ""
	}
	return " (" + name + ")"
}
