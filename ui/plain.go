package ui

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/pressend/pressend/checklist"
	"github.com/pressend/pressend/checklist/display"
)

// Accessible mode: the same walk and the same display model as the
// full-screen app, as plain numbered prompts for screen readers and pipes.
// It reads one line per answer, so it works from a pipe, and never redraws.

// errStop ends a plain run early: the user asked to stop, the input ran
// out, or too many replies were not understood. What was answered is kept.
var errStop = errors.New("stopped")

// maxMisunderstood bounds how often a prompt is repeated for replies it
// cannot use, so endless input (`yes 1 |`) cannot loop for ever.
const maxMisunderstood = 10

// plain is one accessible session.
type plain struct {
	c      *common
	in     *bufio.Reader
	out    io.Writer
	saved  bool
	ended  string // why the run ended early, said once at the end
	misses int
}

// RunAccessible runs the audit as plain prompts. At end of input it
// returns with what was answered so far.
func RunAccessible(opts Options) (Result, error) {
	r := newRoot(opts) // the same session set-up as the full screen, never run
	p := &plain{c: r.c, in: bufio.NewReader(opts.Input), out: opts.Output, saved: true}
	if p.out == nil {
		p.out = io.Discard
	}
	if opts.Input == nil {
		p.in = bufio.NewReader(strings.NewReader(""))
	}
	err := p.run()
	a := p.c.audit()
	res := Result{Audit: a, Saved: p.c.saves() && p.saved, ShowPlan: a.Profile.Complete() && len(a.Answers) > 0}
	if p.ended != "" {
		p.say("\n" + p.ended)
	}
	if errors.Is(err, errStop) {
		return res, nil
	}
	return res, err
}

func (p *plain) say(format string, a ...any) { fmt.Fprintf(p.out, format+"\n", a...) }

// ask prints a prompt and reads one line. End of input stops the run.
func (p *plain) ask(prompt string) (string, error) {
	fmt.Fprint(p.out, prompt+" ")
	line, err := p.in.ReadString('\n')
	if err != nil && line == "" {
		fmt.Fprintln(p.out)
		p.ended = p.stopWords("End of input.")
		return "", errStop
	}
	return strings.TrimSpace(line), nil
}

// misunderstood counts a reply that could not be used.
func (p *plain) misunderstood(help string) error {
	p.misses++
	if p.misses >= maxMisunderstood {
		p.ended = p.stopWords(fmt.Sprintf("Stopping: %d replies in a row were not understood.", p.misses))
		return errStop
	}
	p.say("%s", help)
	return nil
}

// understood resets the count of unusable replies.
func (p *plain) understood() { p.misses = 0 }

// stopWords says why the run ended and, truthfully, what was kept.
func (p *plain) stopWords(why string) string {
	switch {
	case p.c.opts.ReadOnly != "":
		return why + " Nothing was changed here (read-only)."
	case !p.c.saves():
		return why + " Nothing was saved: your answers were kept only for this session."
	case !p.saved:
		return why + " Your last answers could not be saved: see the message above."
	}
	return why + " Your answers so far are saved."
}

// save writes the audit at once and says so if it could not.
func (p *plain) save() {
	if !p.c.saves() {
		return
	}
	if err := p.c.saver.save(p.c.audit().Clone()); err != nil {
		p.saved = false
		p.say("Not saved: %s. Your answers are kept until the end of this session.", maskPaths(err.Error(), p.c))
		return
	}
	p.saved = true
}

func (p *plain) run() error {
	c := p.c
	if c.opts.Damaged != nil {
		if err := p.damaged(); err != nil {
			return err
		}
	}
	p.intro()
	if needsInitials(c) {
		if err := p.initials(); err != nil {
			return err
		}
	}
	a := c.audit()
	switch {
	case !a.Profile.Complete():
		if err := p.profile(); err != nil {
			return err
		}
	case a.Completed != nil:
		if err := p.menu(); err != nil {
			return err
		}
	}
	return p.questions()
}

// intro says what pressend does, where answers go and how long it takes.
func (p *plain) intro() {
	c := p.c
	p.say("pressend: check your own social media accounts, the way your regulator would.")
	if path := c.path(); path != "" {
		p.say("Your answers stay on this computer, saved as you go to: %s", path)
	}
	p.say("%s", display.NotLegalAdvice)
	if c.opts.ReadOnly != "" {
		p.say("Read-only: %s. You can read the questions but not answer them here.", c.opts.ReadOnly)
	}
	if c.opts.Unsaved != "" {
		p.say("Nothing is being saved: %s. Answers are kept only until the end of this session.", c.opts.Unsaved)
	}
	if c.opts.QuickRefused {
		p.say("This is already the full audit: quick mode would hide answers, so it opens in full.")
	}
	for _, w := range contentWarnings(c) {
		p.say("Warning: %s", w)
	}
	if !c.audit().Profile.Complete() {
		lo, hi := c.typicalMinutes(c.audit().Mode)
		p.say("For most people this takes about %s. %s", minutesRange(lo, hi), display.ReadingNote())
	}
	p.say("")
}

// damaged explains a damaged file and offers to move it aside.
func (p *plain) damaged() error {
	c := p.c
	d := c.opts.Damaged
	p.say("Your saved audit could not be read.\nFile: %s\nProblem: %s\npressend has not changed this file.", maskPaths(d.Path, c), checklist.SanitizeLine(d.Reason))
	ok, err := p.yesNo("Move it aside (renamed, not deleted) and start a fresh audit?")
	if err != nil {
		return err
	}
	if !ok || c.opts.Store == nil {
		return errors.New("the damaged audit was left as it is")
	}
	to, err := c.opts.Store.MoveAside(c.now())
	if err != nil {
		return fmt.Errorf("could not move the damaged file: %w", err)
	}
	p.say("Moved to %s", maskPaths(to, c))
	c.walk = checklist.NewWalk(c.pack, c.audit())
	return nil
}

// initials asks the adviser for their initials once per member audit, as
// the full-screen initials screen does.
func (p *plain) initials() error {
	for {
		reply, err := p.ask("Your initials, for the member's report (letters only, or press Enter to skip):")
		if err != nil {
			return err
		}
		v := strings.ToUpper(strings.TrimSpace(reply))
		if v == "" {
			p.understood()
			p.say("No initials: the member's report will say none were given.")
			return nil
		}
		if !strings.ContainsFunc(v, func(r rune) bool { return !unicode.IsLetter(r) }) {
			p.understood()
			a := p.c.audit()
			if a.Adviser == nil {
				a.Adviser = &checklist.AdviserInfo{}
			}
			a.Adviser.Initials, a.Updated = v, p.c.now()
			p.save()
			return nil
		}
		if err := p.misunderstood("Initials are letters only, such as JS."); err != nil {
			return err
		}
	}
}

// yesNo asks a yes or no question.
func (p *plain) yesNo(q string) (bool, error) {
	for {
		reply, err := p.ask(q + " Answer y or n:")
		if err != nil {
			return false, err
		}
		switch strings.ToLower(reply) {
		case "y", "yes":
			p.understood()
			return true, nil
		case "n", "no":
			p.understood()
			return false, nil
		}
		if err := p.misunderstood("Please answer y or n."); err != nil {
			return false, err
		}
	}
}
