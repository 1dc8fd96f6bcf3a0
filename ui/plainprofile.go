package ui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/pressend/pressend/checklist"
	"github.com/pressend/pressend/checklist/display"
)

// profile asks the profile questions of profilespec.go, with the same
// explanations as the full-screen form, one line per answer.
func (p *plain) profile() error {
	c := p.c
	d := newDraft(c.pack, c.audit().Profile)
	for stage := 0; stage < 4; stage++ {
		for _, f := range profileStages(c.pack, d)[stage] {
			if err := p.field(d, f); err != nil {
				return err
			}
		}
	}
	if _, err := c.walk.SetProfile(d.profile(c.pack), c.now()); err != nil {
		p.say("%s", err)
		return nil
	}
	p.save()
	est := display.EstimateAudit(c.pack, c.audit(), c.walk.Eval())
	p.say("\nYour audit: %s.", est.Text())
	return nil
}

// field asks one profile question: numbered options, a platform's note
// beside it, Enter keeps the current answer.
func (p *plain) field(d *profileDraft, f profileField) error {
	p.say("\n%s", f.title)
	if f.desc != "" {
		p.say("%s", f.desc)
	}
	cur := f.get(d)
	for i, o := range f.options {
		mark := ""
		if slices.Contains(cur, o.value) && f.kind != yesNo {
			mark = " (current)"
		}
		line := fmt.Sprintf("%d. %s%s", i+1, o.label, mark)
		if o.note != "" {
			line += ": " + o.note
		}
		p.say("%s", line)
	}
	for {
		prompt := fmt.Sprintf("Enter a number from 1 to %d", len(f.options))
		switch {
		case f.kind == pickMany:
			prompt = "Enter the numbers of all that apply, separated by spaces (for example 1 4 7), or 0 for none"
		case f.kind == yesNo:
			prompt = "Enter 1 for yes or 2 for no"
		}
		if len(cur) > 0 && cur[0] != "" {
			prompt += ", or press Enter to keep the current answer"
		}
		reply, err := p.ask(prompt + ":")
		if err != nil {
			return err
		}
		if reply == "" && len(cur) > 0 && cur[0] != "" {
			p.understood()
			return nil
		}
		vals, ok := pickNumbers(reply, f)
		if ok {
			p.understood()
			f.set(d, vals)
			return nil
		}
		if err := p.misunderstood("That is not one of the numbers listed."); err != nil {
			return err
		}
	}
}

// pickNumbers reads "3" or "1 4 7" (commas allowed) into option values.
func pickNumbers(reply string, f profileField) ([]string, bool) {
	fields := strings.FieldsFunc(reply, func(r rune) bool { return r == ' ' || r == ',' })
	if len(fields) == 0 {
		return nil, false
	}
	var out []string
	for _, s := range fields {
		n, err := strconv.Atoi(s)
		switch {
		case err != nil:
			return nil, false
		case n == 0 && f.kind == pickMany && len(fields) == 1:
			return []string{}, true
		case n < 1 || n > len(f.options):
			return nil, false
		}
		if v := f.options[n-1].value; !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	if f.kind != pickMany && len(out) != 1 {
		return nil, false
	}
	return out, true
}

// menu offers what the full-screen menu offers on a finished audit.
func (p *plain) menu() error {
	c := p.c
	for {
		a := c.audit()
		p.say("You finished this audit on %s.", a.Completed.Format(display.LongDate))
		if a.NextReview != "" {
			p.say("%s", display.ReviewText(a.NextReview, c.now()))
		}
		type choice struct {
			label string
			do    func() (done bool, err error)
		}
		choices := []choice{
			{"Print my action plan and finish", func() (bool, error) { return true, errStop }},
			{"Review or change my answers, question by question", func() (bool, error) { return true, p.review() }},
			{"Start a re-audit (your answers start again; accepted risks and your last plan are kept)", func() (bool, error) {
				ok, err := p.yesNo("Start a re-audit?")
				if err != nil || !ok {
					return false, err
				}
				if err := c.walk.Restart(c.now()); err != nil {
					p.say("%s", err)
					return false, nil
				}
				p.save()
				p.say("Re-audit started: your last answer is given with each question.")
				return true, nil
			}},
			{"Change my profile", func() (bool, error) { return true, p.profile() }},
			{"Write a general note for this audit", func() (bool, error) { return false, p.generalNote(false) }},
		}
		if a.Mode == checklist.Quick {
			choices = append(choices, choice{"Extend to the full audit (your answers are kept)", func() (bool, error) {
				if err := c.walk.Extend(c.now()); err != nil {
					p.say("%s", err)
					return false, nil
				}
				p.save()
				return true, nil
			}})
		}
		if c.opts.Adviser {
			choices = append(choices, choice{"Write an adviser-only general note", func() (bool, error) { return false, p.generalNote(true) }})
		}
		p.say("What next?")
		for i, ch := range choices {
			p.say("%d. %s", i+1, ch.label)
		}
		reply, err := p.ask(fmt.Sprintf("Enter a number from 1 to %d:", len(choices)))
		if err != nil {
			return err
		}
		n, err := strconv.Atoi(reply)
		if err != nil || n < 1 || n > len(choices) {
			if err := p.misunderstood("That is not one of the numbers listed."); err != nil {
				return err
			}
			continue
		}
		p.understood()
		done, err := choices[n-1].do()
		if err != nil || done {
			return err
		}
	}
}

// generalNote writes the audit's general note.
func (p *plain) generalNote(adviser bool) error {
	c := p.c
	if c.walk.ReadOnly {
		p.say("Read-only: the note can't be changed here.")
		return nil
	}
	text, err := p.ask("Type the note on one line (Enter on an empty line leaves it as it is):")
	if err != nil || text == "" {
		return err
	}
	a := c.audit()
	if adviser {
		a.AdviserSessionNote = display.Text(text)
	} else {
		a.SessionNote = display.Text(text)
	}
	a.Updated = c.now()
	p.save()
	p.say("General note saved.")
	return nil
}
