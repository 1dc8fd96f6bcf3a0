package report

import (
	"fmt"
	"strings"
	"time"

	"github.com/pressend/pressend/checklist"
	"github.com/pressend/pressend/checklist/display"
)

// The small phrases below are shared by the text, Markdown and HTML
// writers, so the three formats word everything the same way.

// voice is the wording that differs between the user's own report and the
// report for a member's file. In the member's file "your" could be read as
// the adviser's, so that report names the member instead.
type voice struct {
	Title, Score, Accepted, Reason, Note, OtherNotes, GeneralNote, Actions string
}

func voiceOf(d *display.Report) voice {
	if d.Member != nil {
		return voice{Title: MemberTitle, Score: "Score", Accepted: "Risks the member has accepted", Reason: "Member's reason: ",
			Note: "Note: ", OtherNotes: "Other notes", GeneralNote: "General note",
			Actions: "Agreed actions, most important first"}
	}
	return voice{Title: Title, Score: "Your score", Accepted: display.AcceptedHeading, Reason: "Your reason: ", Note: "Your note: ",
		OtherNotes: display.OtherNotesHeading, GeneralNote: "Your general note", Actions: "Actions by platform"}
}

// adviserOnly labels an adviser's private general note, the same way
// display labels adviser notes on single rows.
const adviserOnly = "Adviser only: "

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

// listedMeta is actionMeta for a list not grouped by platform (the
// member's file), so each action says which account it is about.
func listedMeta(a display.Action) string { return a.Where() + " · " + actionMeta(a) }

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

// fieldLine is one "Label: value" line of a header.
type fieldLine struct{ Label, Value string }

// memberFields lists the member's-file header in order. Empty values are
// said in words, because a blank on a file note reads as an oversight.
func memberFields(m *display.Member) []fieldLine {
	or := func(s, none string) string {
		if s == "" {
			return none
		}
		return s
	}
	f := []fieldLine{
		{"Case reference", or(m.Reference, "not recorded")}, {"Date", dateWords(m.Date)},
		{"Adviser", or(m.Initials, "initials not recorded")}, {"Regulator", m.Regulator},
	}
	for _, g := range m.NotCovered {
		f = append(f, fieldLine{"Not covered", g})
	}
	return append(f, fieldLine{"Retention", deletionLine(m.DeleteAfter)})
}

// deletionLine says when the member's data is due to be deleted.
func deletionLine(date string) string {
	if date == "" {
		return "no deletion date set"
	}
	return "due to be deleted from pressend after " + dateWords(date)
}

// orgContact is the organisation's contact line, "" when there is none.
func orgContact(o *display.OrgInfo) string {
	if o == nil || o.Contact == "" {
		return ""
	}
	if o.Name == "" {
		return "Contact: " + o.Contact
	}
	return "Contact " + o.Name + ": " + o.Contact
}

// dateWords writes a date from the display model, which keeps dates as
// JSON wants them (2026-12-01, or an RFC 3339 stamp), in words for people:
// "1 December 2026". Text that is neither is shown as it is.
func dateWords(s string) string {
	if strings.Contains(s, "T") {
		return stampDate(s)
	}
	return display.DateText(checklist.Date(s), display.LongDate)
}

// stampDate turns an RFC 3339 stamp from the display model into a long
// date, keeping the stamp as it is if it does not parse.
func stampDate(s string) string {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return s
	}
	return t.Format(display.LongDate)
}

// sinceIntro dates the comparison.
func sinceIntro(s *display.Since) string {
	if s.Last == "" {
		return ""
	}
	return "Compared with the last completed audit, on " + stampDate(s.Last) + "."
}

// unchangedListMax is how many unchanged rows are listed one by one; more
// are counted in a sentence, so a long re-audit stays readable and in
// print. Rows that got worse, were fixed or changed are always listed.
const unchangedListMax = 5

// changeGroup is the rows of one kind of change, under its heading.
type changeGroup struct {
	Heading string
	Rows    []display.Change
	// Summary stands in for Rows when they are only counted.
	Summary string
}

// changeGroups splits the comparison by kind, keeping the display model's
// order: worse, fixed, changed, unchanged, new.
func changeGroups(s *display.Since) []changeGroup {
	if s == nil {
		return nil
	}
	var out []changeGroup
	for _, c := range s.Changes {
		if n := len(out); n > 0 && out[n-1].Rows[0].Kind == c.Kind {
			out[n-1].Rows = append(out[n-1].Rows, c)
			continue
		}
		out = append(out, changeGroup{Heading: display.ChangeHeading(c.Kind), Rows: []display.Change{c}})
	}
	for i, g := range out {
		if g.Rows[0].Kind == display.ChangeUnchanged && len(g.Rows) > unchangedListMax {
			out[i].Summary = display.Plural(len(g.Rows), "answer is", "answers are") + " the same as last time."
			out[i].Rows = nil
		}
	}
	return out
}

// changeLine is one row's change: "Question (Facebook): Yes → No". A row
// that is new or unchanged has only its answer now: its heading says the
// rest.
func changeLine(c display.Change) string {
	s := c.Question + withPlatform(c.PlatformName) + ": "
	if c.From == "" || c.From == c.To {
		return s + c.ToLabel
	}
	return s + c.FromLabel + " → " + c.ToLabel
}

// listedDone is doneLine for a list not grouped by platform.
func listedDone(a display.Action) string {
	s := "Done: " + a.Text + " (" + a.Where()
	if a.DoneText != "" {
		s += ", " + a.DoneText
	}
	return s + ")"
}
