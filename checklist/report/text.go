package report

import (
	"bytes"
	"fmt"

	"github.com/pressend/pressend/checklist"
	"github.com/pressend/pressend/checklist/display"
)

// writeText lays out the report as plain text wrapped at textWidth: the
// user's action plan, or with d.Member the report for the member's file.
func writeText(b *bytes.Buffer, d *display.Report) error {
	t := textDoc{b}
	v := voiceOf(d)
	t.heading(v.Title, "=")
	t.blank()
	if m := d.Member; m != nil {
		for _, f := range memberFields(m) {
			t.fieldW(16, f.Label, f.Value)
		}
		t.blank()
	}
	t.header(d)
	if d.AllClear {
		t.wrap("", "", display.AllClear)
		t.blank()
	}
	if d.Member == nil && (d.First != nil || d.Sentences.Finish != "") {
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
	t.score(d, v)
	if d.Member != nil {
		t.agreed(d, v)
	} else if len(d.Groups) > 0 {
		t.heading(v.Actions, "-")
		t.wrap("", "", d.Sentences.Open)
		t.wrap("", "", d.Sentences.Carried)
		for _, g := range d.Groups {
			t.blank()
			t.wrap("", "", g.Name)
			for i, a := range g.Actions {
				if i > 0 && (!a.Done || !g.Actions[i-1].Done) {
					t.blank()
				}
				t.action("  ", a, regName(d), v, false)
			}
		}
		t.blank()
	}
	t.notes(d, v)
	if d.Sentences.Unanswered != "" {
		t.heading("Not answered yet", "-")
		t.wrap("", "", d.Sentences.Unanswered)
		t.blank()
	}
	t.since(d)
	t.rule()
	t.wrap("", "", display.NotLegalAdvice)
	if o := d.Org; o != nil {
		t.text("", "  ", orgContact(o))
		t.text("", "", o.Footer)
	}
	if d.Audit.File != "" {
		t.wrap("", "", "Your audit is saved on this computer at "+d.Audit.File)
	}
	t.wrap("", "", display.GeneratedHere)
	return nil
}

// header writes who and what the report is about. The member's file has
// its own header above, which already names the case and the date.
func (t textDoc) header(d *display.Report) {
	if d.Member == nil {
		t.field("Audit", d.Audit.Name)
		t.field("Date", d.Date)
	}
	pack := d.Pack.Label
	if d.Pack.Reviewed != "" {
		pack += ", reviewed " + display.DateText(checklist.Date(d.Pack.Reviewed), display.LongDate)
	}
	t.field("Pack", pack)
	if p := d.Profile; p != nil {
		t.field("Role", roleLine(p))
		t.field("Nation", p.Nation.Name)
		t.field("Accounts", accountsLine(p))
		if d.Member == nil {
			for _, g := range p.Gaps {
				t.field("Not covered", g)
			}
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
func (t textDoc) score(d *display.Report, v voice) {
	t.heading(v.Score, "-")
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

// agreed writes the member's file's actions as one numbered list in the
// plan's order, so adviser and member can refer to them by number.
func (t textDoc) agreed(d *display.Report, v voice) {
	if len(d.Actions) == 0 {
		return
	}
	t.heading(v.Actions, "-")
	t.wrap("", "", d.Sentences.Open)
	t.wrap("", "", d.Sentences.Carried)
	for i, a := range d.Actions {
		t.blank()
		t.action(fmt.Sprintf("%-4s", fmt.Sprintf("%d.", i+1)), a, regName(d), v, true)
	}
	t.blank()
}

// action writes one action with everything needed to do it, after lead
// (an indent or a number). Done actions get a single line: they stay
// visible as progress, without the detail. listed says the action is not
// under its platform's heading, so it names its account itself.
func (t textDoc) action(lead string, a display.Action, regulator string, v voice, listed bool) {
	const in = "    "
	if a.Done {
		if listed {
			t.wrap(lead+"✓ ", in, listedDone(a))
		} else {
			t.wrap(lead+"✓ ", in, doneLine(a))
		}
		return
	}
	t.wrap(lead, in, "["+a.Severity+"] "+a.Text)
	if listed {
		t.wrap(in, in, listedMeta(a))
	} else {
		t.wrap(in, in, actionMeta(a))
	}
	t.wrap(in, in, a.RaisedText)
	t.wrap(in, in, "About: "+a.Subject)
	if len(a.Steps) > 0 {
		t.wrap(in+"Steps: ", in+"  ", a.Path())
		t.wrap(in, in, a.Researched)
	} else if a.Check != "" {
		t.wrap(in+"How to check: ", in+"  ", a.Check)
	}
	t.text(in, in, a.StepNote)
	if a.Fallback != "" {
		t.wrap(in, in, display.FallbackText(a.Fallback))
	}
	for _, u := range a.Uncertain {
		t.wrap(in+"Uncertain: ", in+"  ", u)
	}
	t.text(in+v.Note, in+"  ", a.Note)
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

// notes writes the accepted risks, the other notes and the general notes:
// everything written on the audit reaches the report.
func (t textDoc) notes(d *display.Report, v voice) {
	if len(d.Accepted) > 0 {
		t.heading(v.Accepted, "-")
		for _, a := range d.Accepted {
			t.wrap("  ! ", "    ", a.Question+withPlatform(a.PlatformName))
			t.text("    "+v.Reason, "      ", a.Reason)
			t.text("    "+v.Note, "      ", a.Note)
		}
		t.blank()
	}
	if len(d.Notes) > 0 {
		t.heading(v.OtherNotes, "-")
		for _, n := range d.Notes {
			t.wrap("  ", "    ", n.Question+withPlatform(n.PlatformName)+" · "+n.StateLabel)
			t.text("    ", "    ", n.Note)
		}
		t.blank()
	}
	if d.GeneralNote != "" || d.AdviserGeneralNote != "" {
		t.heading(v.GeneralNote, "-")
		t.text("", "", d.GeneralNote)
		t.text(adviserOnly, "  ", d.AdviserGeneralNote)
		t.blank()
	}
}

// since writes "Checking again": the review date and what changed since
// the last completed audit, worst first.
func (t textDoc) since(d *display.Report) {
	if d.Sentences.Review == "" && d.SinceLast == nil {
		return
	}
	t.heading("Checking again", "-")
	t.wrap("", "", d.Sentences.Review)
	if s := d.SinceLast; s != nil {
		t.wrap("", "", d.Sentences.Since)
		t.wrap("", "", sinceIntro(s))
		for _, g := range changeGroups(s) {
			t.blank()
			t.wrap("", "", g.Heading+":")
			t.wrap("  ", "  ", g.Summary)
			for _, c := range g.Rows {
				t.wrap("  - ", "    ", changeLine(c))
			}
		}
	}
	t.blank()
}

// citeLine is a citation with its address, for plain text.
func citeLine(c display.Cite) string {
	if c.URL == "" {
		return c.Text
	}
	return c.Text + " <" + c.URL + ">"
}
