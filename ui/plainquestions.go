package ui

import (
	"errors"
	"fmt"
	"strings"

	"github.com/pressend/pressend/checklist"
	"github.com/pressend/pressend/checklist/display"
)

// questions asks each row from where the user left off, saving every
// answer, until every row is answered or the user stops.
func (p *plain) questions() error {
	c := p.c
	if len(c.walk.Eval().Questions) == 0 {
		p.say("No questions apply to this profile.")
		return nil
	}
	for {
		done, err := p.askRow()
		if err != nil || done {
			if err == nil && c.audit().Completed != nil {
				p.say("\nAudit complete. Your action plan follows.")
			}
			return err
		}
	}
}

// review walks through every question from the first, for a finished
// audit: Enter keeps an answer, any answer key changes it.
func (p *plain) review() error {
	p.c.walk.Goto(0)
	p.c.walk.GotoRow(0)
	p.say("Reviewing your answers: press Enter to keep an answer, or give a new one.")
	for {
		done, err := p.askRow()
		if err != nil || done {
			return err
		}
	}
}

// askRow describes the current row and handles one reply. done means the
// audit finished or the review reached its end.
func (p *plain) askRow() (done bool, err error) {
	c := p.c
	w := c.walk
	qi, ri := w.Position()
	v := display.QuestionAt(c.pack, c.audit(), w.Eval(), qi, c.view())
	row := v.Rows[ri]
	p.say("\n%s", describe(v, ri))
	keys := "y yes, n no, u unsure, x not applicable, a accept the risk, e note, m more, b back, s skip, q save and stop"
	prompt := "Answer for " + row.Label + ": " + keys + ":"
	if row.Answered {
		prompt = "Answer for " + row.Label + " (now " + row.StateLabel + "; Enter keeps it): " + keys + ":"
	}
	reply, err := p.ask(prompt)
	if err != nil {
		return false, err
	}
	states := map[string]checklist.State{"y": checklist.Yes, "n": checklist.No, "u": checklist.Unsure, "x": checklist.NotApplies}
	switch r := strings.ToLower(reply); {
	case states[r] != "":
		p.understood()
		return p.answer(states[r], "")
	case r == "a":
		p.understood()
		reason, err := p.ask("Why do you accept this risk? (Enter on an empty line goes back to the question):")
		if err != nil || reason == "" {
			return false, err
		}
		return p.answer(checklist.Accepted, reason)
	case r == "e":
		p.understood()
		adviser := false
		if c.opts.Adviser {
			// An adviser is asked which kind, every time: a private note
			// must never end up in the member's report by a slip.
			if adviser, err = p.yesNo("Is this note adviser-only (never in the member's report)?"); err != nil {
				return false, err
			}
		}
		return false, p.note(adviser)
	case r == "m":
		p.understood()
		p.say("%s", more(v, c))
	case r == "b":
		p.understood()
		if !w.Back() {
			p.say("This is the first question.")
		}
	case r == "s", r == "" && row.Answered:
		p.understood()
		return w.Skip(c.now()) == checklist.Finished, nil
	case r == "q":
		p.ended = p.stopWords("Stopped.")
		return false, errStop
	default:
		return false, p.misunderstood("Please answer with one of the letters listed.")
	}
	return false, nil
}

// answer records an answer and saves it at once.
func (p *plain) answer(s checklist.State, reason string) (bool, error) {
	c := p.c
	step, err := c.walk.Answer(s, reason, c.now())
	switch {
	case errors.Is(err, checklist.ErrReadOnly):
		p.say("Read-only: this audit is open in another window, so answers can't be changed here. Use s to move on or q to stop.")
		return false, nil
	case err != nil:
		p.say("%s", err)
		return false, nil
	}
	p.save()
	if step == checklist.Wrapped {
		ev := c.walk.Eval()
		p.say("You have answered %d of %d. Here is the first one still unanswered.", ev.Answered, ev.Rows)
	}
	return step == checklist.Finished, nil
}

// note writes a note on the current row. An adviser is asked which kind.
func (p *plain) note(adviser bool) error {
	c := p.c
	if c.walk.ReadOnly {
		p.say("Read-only: notes can't be changed here.")
		return nil
	}
	kind := "Note (it goes in your report)"
	if adviser {
		kind = "Adviser-only note (never in the member's report)"
	}
	text, err := p.ask(kind + ". Type it on one line, or Enter on an empty line to leave it as it is:")
	if err != nil || text == "" {
		return err
	}
	if err := c.walk.SetNote(text, adviser, c.now()); err != nil {
		p.say("%s", err)
		return nil
	}
	p.save()
	if c.saves() && p.saved {
		p.say("Note saved.")
	} else {
		p.say("Note kept for this session only: it is not saved to disk.")
	}
	return nil
}

// describe renders a question for a screen reader, leading with where the
// user is and ending with the current row's steps.
func describe(v display.Question, ri int) string {
	row := v.Rows[ri]
	var b strings.Builder
	fmt.Fprintf(&b, "Question %d of %d. Section %d of %d, %s.\n", v.Index+1, v.Total, v.SectionNumber, v.SectionCount, v.SectionTitle)
	fmt.Fprintf(&b, "Severity: %s", strings.ToLower(row.SeverityWord))
	if v.Harm != "" {
		fmt.Fprintf(&b, ". Guards against: %s", v.Harm)
	}
	b.WriteString(".\n")
	fmt.Fprintf(&b, "Question: %s\n", v.Text)
	fmt.Fprintf(&b, "Why it matters: %s\n", v.Why)
	if c, ok := display.Primary(v.Cites); ok {
		fmt.Fprintf(&b, "Guidance: %s\n", c.Text)
	}
	if len(v.Rows) > 1 {
		var labels []string
		for i, r := range v.Rows {
			l := r.Label
			switch {
			case i == ri:
				l += " (this one)"
			case r.Answered:
				l += " (" + r.StateLabel + ")"
			}
			labels = append(labels, l)
		}
		fmt.Fprintf(&b, "Asked for each account: %s.\n", strings.Join(labels, "; "))
	}
	switch {
	case len(row.Steps) > 0:
		fmt.Fprintf(&b, "How to check on %s: %s. %s %s\n", row.Label, strings.Join(row.Steps, ", then "), row.Researched, display.FallbackText(row.Fallback))
	case v.Check != "":
		fmt.Fprintf(&b, "How to check: %s\n", v.Check)
	}
	if row.Previous != "" {
		fmt.Fprintf(&b, "Your answer last time: %s.\n", row.Previous)
	}
	if row.HasNote() {
		b.WriteString("You have a note here (m reads it).\n")
	}
	if v.Record != "" {
		fmt.Fprintf(&b, "%s Answer e to write a note.\n", v.Record)
	}
	if n := len(v.Uncertain); n > 0 {
		fmt.Fprintf(&b, "%s: m reads it.\n", display.Plural(n, "fact here is uncertain", "facts here are uncertain"))
	}
	return strings.TrimRight(b.String(), "\n")
}

// more is everything the full screen shows behind "m", as plain text.
func more(v display.Question, c *common) string {
	var b strings.Builder
	if v.More != "" {
		fmt.Fprintf(&b, "More: %s\n", v.More)
	}
	for _, u := range v.Uncertain {
		fmt.Fprintf(&b, "Uncertain: %s\n", u)
	}
	for _, r := range v.Rows {
		if r.Note != "" {
			fmt.Fprintf(&b, "Your note (%s): %s\n", r.Label, r.Note)
		}
		if r.AdviserNote != "" {
			fmt.Fprintf(&b, "Adviser-only note (%s): %s\n", r.Label, r.AdviserNote)
		}
		if r.HiddenNotes > 0 {
			fmt.Fprintf(&b, "Notes on %s are hidden while screen-share safety is on.\n", r.Label)
		}
	}
	reg := display.RegulatorName(c.pack, c.audit().Profile)
	for _, tier := range display.Tiers(v.Cites) {
		fmt.Fprintf(&b, "%s:\n", display.TierHeading(tier[0].Tier, reg))
		for _, ct := range tier {
			if ct.URL != "" {
				fmt.Fprintf(&b, "- %s, %s\n", ct.Text, ct.URL)
			} else {
				fmt.Fprintf(&b, "- %s\n", ct.Text)
			}
		}
	}
	for _, g := range display.Gaps(c.pack, c.audit().Profile) {
		fmt.Fprintf(&b, "Not covered for you: %s\n", g)
	}
	if b.Len() == 0 {
		return "Nothing more for this question."
	}
	return strings.TrimRight(b.String(), "\n")
}
