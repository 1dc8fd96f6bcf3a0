package report

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/pressend/pressend/checklist"
	"github.com/pressend/pressend/checklist/display"
)

// mdSpecial lists the ASCII punctuation that can start or close Markdown
// syntax (emphasis, links, code, headings, lists, tables, strikethrough,
// setext underlines, maths on some renderers, entities). Escaping every one
// in pack and user text is cruder than escaping by context, but it cannot
// be fooled by a construct we did not think of.
const mdSpecial = "\\`*_{}[]()#+-.!|~=$&"

// mdEscape makes pack or user text inert in Markdown. Angle brackets become
// entities rather than backslash escapes so raw HTML can never form, even in
// renderers that ignore backslashes before '<'.
func mdEscape(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/4)
	for _, r := range s {
		switch {
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r < 0x80 && strings.ContainsRune(mdSpecial, r):
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// mdLines escapes multi-line user text for a list item whose content starts
// at indent, joining lines with hard breaks so the user's line breaks
// survive without starting a new block.
func mdLines(s, indent string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = mdEscape(l)
	}
	return strings.Join(lines, "\\\n"+indent)
}

// mdDoc writes the Markdown report.
type mdDoc struct{ b *bytes.Buffer }

func (m mdDoc) line(format string, args ...any) {
	fmt.Fprintf(m.b, format, args...)
	m.b.WriteByte('\n')
}

// item writes a list item at the given depth, skipping empty content so
// optional fields need no checks at the call site.
func (m mdDoc) item(depth int, s string) {
	if s != "" {
		m.line("%s- %s", strings.Repeat("  ", depth), s)
	}
}

// para writes a paragraph and the blank line that ends it.
func (m mdDoc) para(s string) {
	if s != "" {
		m.line("%s\n", s)
	}
}

// writeMarkdown lays out the report in CommonMark with GitHub-style tables.
// Only our own fixed wording is left unescaped.
func writeMarkdown(b *bytes.Buffer, d *display.Report) error {
	m := mdDoc{b}
	m.line("# %s\n", Title)
	m.item(0, "**Audit:** "+mdEscape(d.Audit.Name))
	m.item(0, "**Date:** "+d.Date)
	pack := mdEscape(d.Pack.Label)
	if d.Pack.Reviewed != "" {
		pack += ", reviewed " + mdEscape(display.DateText(checklist.Date(d.Pack.Reviewed), display.LongDate))
	}
	m.item(0, "**Pack:** "+pack)
	if p := d.Profile; p != nil {
		m.item(0, "**Role:** "+mdEscape(roleLine(p)))
		m.item(0, "**Nation:** "+mdEscape(p.Nation.Name))
		m.item(0, "**Accounts:** "+mdEscape(accountsLine(p)))
		for _, g := range p.Gaps {
			m.item(0, "**Not covered:** "+mdEscape(g))
		}
	}
	m.item(0, "**Progress:** "+d.Sentences.Progress)
	m.line("")
	for _, s := range d.Sentences.Stale {
		m.para("> **Note:** " + mdEscape(s))
	}
	if d.AllClear {
		m.para(display.AllClear)
	}
	if d.First != nil || d.Sentences.Finish != "" {
		m.line("## %s\n", display.FirstHeading)
		if f := d.First; f != nil {
			m.para("**\\[" + f.Severity + "\\]** " + mdEscape(f.Text))
			m.para(mdEscape(firstWhere(f)))
			m.para("About: " + mdEscape(f.Subject))
		} else {
			m.para(d.Sentences.Finish)
		}
	}
	m.score(d)
	if len(d.Groups) > 0 {
		m.line("## Actions by platform\n")
		m.para(d.Sentences.Open)
		m.para(d.Sentences.Carried)
		for _, g := range d.Groups {
			m.line("### %s\n", mdEscape(g.Name))
			for _, a := range g.Actions {
				m.action(a, regName(d))
			}
			m.line("")
		}
	}
	if len(d.Accepted) > 0 {
		m.line("## %s\n", display.AcceptedHeading)
		for _, a := range d.Accepted {
			m.item(0, mdEscape(a.Question+withPlatform(a.PlatformName)))
			m.item(1, labelled("Your reason: ", a.Reason, "    "))
			m.item(1, labelled("Your note: ", a.Note, "    "))
		}
		m.line("")
	}
	if len(d.Notes) > 0 {
		m.line("## %s\n", display.OtherNotesHeading)
		for _, n := range d.Notes {
			m.item(0, mdEscape(n.Question+withPlatform(n.PlatformName)+" · "+n.StateLabel))
			m.item(1, labelled("", n.Note, "    "))
		}
		m.line("")
	}
	if d.Sentences.Unanswered != "" {
		m.line("## Not answered yet\n")
		m.para(d.Sentences.Unanswered)
	}
	if d.Sentences.Review != "" || d.Sentences.Since != "" {
		m.line("## Checking again\n")
		m.para(d.Sentences.Review)
		m.para(d.Sentences.Since)
	}
	m.line("---\n")
	m.para(display.NotLegalAdvice)
	if d.Audit.File != "" {
		m.para("Your audit is saved on this computer at " + mdEscape(d.Audit.File))
	}
	m.line("%s", display.GeneratedHere)
	return nil
}

// score writes the bands as a table, then the caveat and the explanation.
func (m mdDoc) score(d *display.Report) {
	o := d.Score.Overall
	m.line("## Your score\n")
	m.para("**Overall: " + o.Label + "** · " + o.Counts)
	if len(d.Score.Sections) > 0 {
		m.line("| Section | Band | Safe | To act on | Unanswered |")
		m.line("| --- | --- | ---: | ---: | ---: |")
		for _, s := range d.Score.Sections {
			m.line("| %s | %s | %d | %d | %d |", mdEscape(s.Title), s.Label, s.Safe, s.Action, s.Unanswered)
		}
		m.line("")
	}
	m.para("*" + d.Score.Caveat + "*")
	m.line("### How this is calculated\n")
	for _, l := range d.Score.Explanation {
		m.item(0, l)
	}
	m.line("")
	if len(d.Score.Harms) > 0 {
		m.para("The harms, most serious first:")
	}
	for _, h := range d.Score.Harms {
		m.line("%d. **%s:** %s", h.Rank, mdEscape(h.Title), mdEscape(h.Reason))
	}
	m.line("")
}

// action writes one action as a list item with its details nested below.
func (m mdDoc) action(a display.Action, regulator string) {
	if a.Done {
		m.item(0, "✓ "+mdEscape(doneLine(a)))
		return
	}
	m.item(0, "**\\["+a.Severity+"\\]** "+mdEscape(a.Text))
	m.item(1, mdEscape(actionMeta(a)))
	m.item(1, a.RaisedText)
	m.item(1, "About: "+mdEscape(a.Subject))
	if len(a.Steps) > 0 {
		m.item(1, "Steps: "+mdEscape(a.Path()))
		m.item(1, mdEscape(a.Researched))
	} else if a.Check != "" {
		m.item(1, "How to check: "+mdEscape(a.Check))
	}
	m.item(1, mdEscape(a.StepNote))
	if a.Fallback != "" {
		m.item(1, mdEscape(display.FallbackText(a.Fallback)))
	}
	for _, u := range a.Uncertain {
		m.item(1, "Uncertain: "+mdEscape(u))
	}
	m.item(1, labelled("Your note: ", a.Note, "    "))
	for _, tier := range display.Tiers(a.Cites) {
		m.item(1, mdEscape(display.TierHeading(tier[0].Tier, regulator))+":")
		for _, c := range tier {
			m.item(2, mdCite(c))
		}
	}
	if len(a.StepCites) > 0 {
		m.item(1, mdEscape(display.TierHeading(checklist.TierSteps, ""))+":")
		for _, c := range a.StepCites {
			m.item(2, mdCite(c))
		}
	}
}

// mdCite links a citation to its source where it has an address. The
// address comes from display, which keeps only http and https links;
// angle brackets keep spaces and parentheses in it from ending the link.
func mdCite(c display.Cite) string {
	if c.URL == "" {
		return mdEscape(c.Text)
	}
	return "[" + mdEscape(c.Text) + "](<" + strings.NewReplacer("<", "%3C", ">", "%3E", " ", "%20").Replace(c.URL) + ">)"
}

// labelled escapes multi-line user text behind a fixed label, or returns
// "" when there is no text.
func labelled(label, s, indent string) string {
	if s == "" {
		return ""
	}
	return label + mdLines(s, indent)
}
