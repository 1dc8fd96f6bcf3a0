package report

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/pressend/pressend/checklist"
	"github.com/pressend/pressend/checklist/display"
)

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

// writeMarkdown lays out the report in CommonMark with GitHub-style tables:
// the user's action plan, or with d.Member the report for the member's
// file. Pack and user text goes through mdEscape; only our own fixed
// wording is left as it is.
func writeMarkdown(b *bytes.Buffer, d *display.Report) error {
	m := mdDoc{b}
	v := voiceOf(d)
	m.line("# %s\n", v.Title)
	if md := d.Member; md != nil {
		// One list with the audit's own fields below: a blank line here
		// would only make CommonMark render the list loose.
		for _, f := range memberFields(md) {
			m.item(0, "**"+f.Label+":** "+mdEscape(f.Value))
		}
	} else {
		m.item(0, "**Audit:** "+mdEscape(d.Audit.Name))
		m.item(0, "**Date:** "+d.Date)
	}
	pack := mdEscape(d.Pack.Label)
	if d.Pack.Reviewed != "" {
		pack += ", reviewed " + mdEscape(display.DateText(checklist.Date(d.Pack.Reviewed), display.LongDate))
	}
	m.item(0, "**Pack:** "+pack)
	if p := d.Profile; p != nil {
		m.item(0, "**Role:** "+mdEscape(roleLine(p)))
		m.item(0, "**Nation:** "+mdEscape(p.Nation.Name))
		m.item(0, "**Accounts:** "+mdEscape(accountsLine(p)))
		if d.Member == nil {
			for _, g := range p.Gaps {
				m.item(0, "**Not covered:** "+mdEscape(g))
			}
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
	if d.Member == nil && (d.First != nil || d.Sentences.Finish != "") {
		m.line("## %s\n", display.FirstHeading)
		if f := d.First; f != nil {
			m.para("**\\[" + f.Severity + "\\]** " + mdEscape(f.Text))
			m.para(mdEscape(firstWhere(f)))
			m.para("About: " + mdEscape(f.Subject))
		} else {
			m.para(d.Sentences.Finish)
		}
	}
	m.score(d, v)
	m.actions(d, v)
	m.notes(d, v)
	if d.Sentences.Unanswered != "" {
		m.line("## Not answered yet\n")
		m.para(d.Sentences.Unanswered)
	}
	m.since(d)
	m.line("---\n")
	m.para(display.NotLegalAdvice)
	if o := d.Org; o != nil {
		m.para(mdLines(orgContact(o), ""))
		m.para(mdLines(o.Footer, ""))
	}
	if d.Audit.File != "" {
		m.para("Your audit is saved on this computer at " + mdEscape(d.Audit.File))
	}
	m.line("%s", display.GeneratedHere)
	return nil
}

// score writes the bands as a table, then the caveat and the explanation.
func (m mdDoc) score(d *display.Report, v voice) {
	o := d.Score.Overall
	m.line("## %s\n", v.Score)
	m.para("**Overall: " + o.Label + "** · " + o.Counts)
	if len(d.Score.Sections) > 0 {
		m.line("| Section | Band | Safe | To act on | Unanswered |")
		m.line("| --- | --- | ---: | ---: | ---: |")
		for _, s := range d.Score.Sections {
			m.line("| %s | %s | %d | %d | %d |", mdCell(s.Title), s.Label, s.Safe, s.Action, s.Unanswered)
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

// actions writes the plan: grouped by platform in the user's report, one
// numbered list in the member's file so both sides can refer to an action
// by number.
func (m mdDoc) actions(d *display.Report, v voice) {
	if d.Member != nil {
		if len(d.Actions) == 0 {
			return
		}
		m.line("## %s\n", v.Actions)
		m.para(d.Sentences.Open)
		m.para(d.Sentences.Carried)
		for i, a := range d.Actions {
			m.action(fmt.Sprintf("%d. ", i+1), a, regName(d), v, true)
		}
		m.line("")
		return
	}
	if len(d.Groups) == 0 {
		return
	}
	m.line("## %s\n", v.Actions)
	m.para(d.Sentences.Open)
	m.para(d.Sentences.Carried)
	for _, g := range d.Groups {
		m.line("### %s\n", mdEscape(g.Name))
		for _, a := range g.Actions {
			m.action("- ", a, regName(d), v, false)
		}
		m.line("")
	}
}

// action writes one action as a list item after lead ("- " or "3. ") with
// its details nested below.
func (m mdDoc) action(lead string, a display.Action, regulator string, v voice, listed bool) {
	in := strings.Repeat(" ", len(lead))
	sub := func(depth int, s string) {
		if s != "" {
			m.line("%s%s- %s", in, strings.Repeat("  ", depth), s)
		}
	}
	if a.Done {
		done := doneLine(a)
		if listed {
			done = listedDone(a)
		}
		m.line("%s✓ %s", lead, mdEscape(done))
		return
	}
	m.line("%s**\\[%s\\]** %s", lead, a.Severity, mdEscape(a.Text))
	if listed {
		sub(0, mdEscape(listedMeta(a)))
	} else {
		sub(0, mdEscape(actionMeta(a)))
	}
	sub(0, a.RaisedText)
	sub(0, "About: "+mdEscape(a.Subject))
	if len(a.Steps) > 0 {
		sub(0, "Steps: "+mdEscape(a.Path()))
		sub(0, mdEscape(a.Researched))
	} else if a.Check != "" {
		sub(0, "How to check: "+mdEscape(a.Check))
	}
	sub(0, labelled("", a.StepNote, in+"  "))
	if a.Fallback != "" {
		sub(0, mdEscape(display.FallbackText(a.Fallback)))
	}
	for _, u := range a.Uncertain {
		sub(0, "Uncertain: "+mdEscape(u))
	}
	sub(0, labelled(v.Note, a.Note, in+"  "))
	for _, tier := range display.Tiers(a.Cites) {
		sub(0, mdEscape(display.TierHeading(tier[0].Tier, regulator))+":")
		for _, c := range tier {
			sub(1, mdCite(c))
		}
	}
	if len(a.StepCites) > 0 {
		sub(0, mdEscape(display.TierHeading(checklist.TierSteps, ""))+":")
		for _, c := range a.StepCites {
			sub(1, mdCite(c))
		}
	}
}

// notes writes the accepted risks, the other notes and the general notes.
func (m mdDoc) notes(d *display.Report, v voice) {
	if len(d.Accepted) > 0 {
		m.line("## %s\n", v.Accepted)
		for _, a := range d.Accepted {
			m.item(0, mdEscape(a.Question+withPlatform(a.PlatformName)))
			m.item(1, labelled(v.Reason, a.Reason, "    "))
			m.item(1, labelled(v.Note, a.Note, "    "))
		}
		m.line("")
	}
	if len(d.Notes) > 0 {
		m.line("## %s\n", v.OtherNotes)
		for _, n := range d.Notes {
			m.item(0, mdEscape(n.Question+withPlatform(n.PlatformName)+" · "+n.StateLabel))
			m.item(1, labelled("", n.Note, "    "))
		}
		m.line("")
	}
	if d.GeneralNote != "" || d.AdviserGeneralNote != "" {
		m.line("## %s\n", v.GeneralNote)
		m.para(labelled("", d.GeneralNote, ""))
		m.para(labelled(adviserOnly, d.AdviserGeneralNote, ""))
	}
}

// since writes "Checking again": the review date and what changed since
// the last completed audit, worst first.
func (m mdDoc) since(d *display.Report) {
	if d.Sentences.Review == "" && d.SinceLast == nil {
		return
	}
	m.line("## Checking again\n")
	m.para(d.Sentences.Review)
	if s := d.SinceLast; s != nil {
		m.para(d.Sentences.Since)
		m.para(sinceIntro(s))
		for _, g := range changeGroups(s) {
			m.line("### %s\n", g.Heading)
			m.para(g.Summary)
			for _, c := range g.Rows {
				m.item(0, mdEscape(changeLine(c)))
			}
			if len(g.Rows) > 0 {
				m.line("")
			}
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
