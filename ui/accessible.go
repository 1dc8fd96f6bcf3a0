package ui

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"

	"charm.land/huh/v2"

	"github.com/pressend/pressend/checklist"
)

// errEnded says the input ran out: progress so far is kept and the run
// ends normally.
var errEnded = errors.New("end of input")

// lineReader hands out one line per Read. huh's accessible prompts each
// wrap the reader in a new bufio.Scanner; given more than a line at once,
// the first prompt would swallow the answers meant for the next ones.
type lineReader struct {
	r       *bufio.Reader
	pending []byte
	eof     bool
	served  int // lines handed out, to tell a real answer from end of input
}

func newLineReader(r io.Reader) *lineReader { return &lineReader{r: bufio.NewReader(r)} }

func (l *lineReader) Read(p []byte) (int, error) {
	if len(l.pending) == 0 {
		if l.eof {
			return 0, io.EOF
		}
		line, err := l.r.ReadBytes('\n')
		if len(line) > 0 {
			l.served++
			l.pending = line
		}
		if err != nil {
			l.eof = true
			if len(line) == 0 {
				return 0, io.EOF
			}
		}
	}
	n := copy(p, l.pending)
	l.pending = l.pending[n:]
	return n, nil
}

// accessibleRun holds the state of one plain-prompt session.
type accessibleRun struct {
	opts  Options
	in    *lineReader
	out   io.Writer
	audit *checklist.Audit
	saved bool
}

// ask runs a form in huh's accessible mode and reports errEnded when the
// input ran out before an answer arrived. huh can panic on some inputs at
// end of input (an out-of-range number with no line after it); that is
// also treated as the end, never shown as a crash.
func (r *accessibleRun) ask(groups ...*huh.Group) (err error) {
	before := r.in.served
	defer func() {
		if recover() != nil {
			err = errEnded
		}
	}()
	f := huh.NewForm(groups...).WithAccessible(true).WithInput(r.in).WithOutput(r.out)
	if err := f.Run(); err != nil {
		return err
	}
	if r.in.eof && r.in.served == before {
		return errEnded
	}
	return nil
}

func (r *accessibleRun) say(format string, a ...any) { fmt.Fprintf(r.out, format+"\n", a...) }

// save writes the audit at once and says so if it could not.
func (r *accessibleRun) save() {
	if r.opts.Store == nil || r.opts.ReadOnly != "" {
		return
	}
	if err := r.opts.Store.Save(r.audit.Clone()); err != nil {
		r.saved = false
		r.say("Not saved: %v. Your answers are kept until the end of this session.", err)
		return
	}
	r.saved = true
}

func runAccessible(opts Options) (Result, error) {
	m := newModel(opts) // reuse the defaults and question logic
	r := &accessibleRun{opts: opts, in: newLineReader(opts.Input), out: opts.Output, audit: m.audit, saved: true}
	if r.out == nil {
		r.out = io.Discard
	}
	err := r.run(m)
	res := Result{Audit: r.audit, Saved: r.saved && opts.ReadOnly == "", ShowPlan: r.audit.Profile.Complete() && len(r.audit.Answers) > 0}
	if errors.Is(err, errEnded) {
		r.say("\nEnd of input: your answers so far are saved.")
		return res, nil
	}
	return res, err
}

func (r *accessibleRun) run(m model) error {
	if m.damaged != nil {
		if err := r.handleDamaged(m); err != nil {
			return err
		}
	}
	r.say("pressend: check your own social media accounts, the way your regulator would.")
	r.say("Your answers stay on this computer, saved as you go to: %s", m.pathOrNone())
	r.say("%s", notLegalAdvice)
	if m.readOnly != "" {
		r.say("Read-only: %s", m.readOnly)
	}
	if r.opts.Unsaved != "" {
		r.saved = false
		r.say("Progress is NOT being saved: %s. Answers are kept only until the end of this session.", r.opts.Unsaved)
	}
	for _, w := range m.contentWarnings() {
		r.say("Warning: %s", w)
	}
	r.say("")
	if r.audit.Completed != nil {
		choice := "plan"
		if err := r.ask(huh.NewGroup(huh.NewSelect[string]().Title("You finished this audit. What next?").
			Options(huh.NewOption("Print my action plan and finish", "plan"),
				huh.NewOption("Start a re-audit", "again")).Value(&choice))); err != nil {
			return err
		}
		if choice == "plan" {
			return nil
		}
		r.audit.Restart(m.now())
		r.save()
	}
	if !r.audit.Profile.Complete() {
		if err := r.askProfile(m); err != nil {
			return err
		}
	}
	return r.askQuestions(m)
}

// handleDamaged explains a damaged file and offers to move it aside.
func (r *accessibleRun) handleDamaged(m model) error {
	r.say("Your saved audit could not be read.\nFile: %s\nProblem: %s\npressend has not changed this file.", m.damaged.Path, m.damaged.Reason)
	move := false
	if err := r.ask(huh.NewGroup(huh.NewConfirm().Title("Move it aside (renamed, not deleted) and start a fresh audit?").Value(&move))); err != nil {
		return err
	}
	if !move || m.moveAside == nil {
		return errors.New("the damaged audit was left as it is")
	}
	p, err := m.moveAside()
	if err != nil {
		return fmt.Errorf("could not move the damaged file: %w", err)
	}
	r.say("Moved to %s", p)
	r.audit = checklist.NewAudit(r.audit.Name, m.pack, m.now())
	r.audit.Quick = m.quick
	return nil
}

// askProfile asks the same profile questions as the full-screen form.
func (r *accessibleRun) askProfile(m model) error {
	p := newProfileForm(m.pack, r.audit.Profile, m.themes.theme())
	first := p.firstForm()
	_ = first // the groups are rebuilt below without a theme, for plain output
	roles, nations, platforms := []huh.Option[string]{}, []huh.Option[string]{}, []huh.Option[string]{}
	for _, x := range m.pack.Roles {
		roles = append(roles, huh.NewOption(x.Name, x.ID))
	}
	for _, x := range m.pack.Nations {
		nations = append(nations, huh.NewOption(x.Name, x.ID))
	}
	for _, x := range m.pack.Platforms {
		platforms = append(platforms, huh.NewOption(x.Name, x.ID))
	}
	if p.role == "" {
		p.role = m.pack.Roles[0].ID
	}
	if p.nation == "" {
		p.nation = m.pack.Nations[0].ID
	}
	if err := r.ask(huh.NewGroup(
		huh.NewSelect[string]().Title("What is your role?").Options(roles...).Value(&p.role),
		huh.NewSelect[string]().Title("Where do you practise or study?").Options(nations...).Value(&p.nation),
		huh.NewMultiSelect[string]().Title("Which platforms do you have an account on, including ones you no longer use? Enter a number to tick or untick it; enter 0 when done.").Options(platforms...).Value(&p.platforms),
		huh.NewConfirm().Title("Do you show you are a health professional on any personal account?").Value(&p.identifies),
		huh.NewConfirm().Title("Do you publish for the public, monetise, or advertise?").Value(&p.publishes),
		huh.NewConfirm().Title("Do you run an official, practice or department account?").Value(&p.practices),
	)); err != nil {
		return err
	}
	var fields []huh.Field
	for _, pl := range m.pack.Platforms {
		if !containsID(p.platforms, pl.ID) {
			continue
		}
		v := string(checklist.Personal)
		p.types[pl.ID] = &v
		fields = append(fields, huh.NewSelect[string]().Title("Your "+checklist.SanitizeLine(pl.Name)+" account is:").Options(
			huh.NewOption("Personal, under my own name", string(checklist.Personal)),
			huh.NewOption("Professional, as a health professional", string(checklist.Professional)),
			huh.NewOption("Pseudonymous or anonymous", string(checklist.Pseudonymous)),
		).Value(p.types[pl.ID]))
	}
	if len(fields) > 0 {
		if err := r.ask(huh.NewGroup(fields...)); err != nil {
			return err
		}
	}
	r.audit.SetProfile(p.profile(), m.now())
	r.save()
	return nil
}

func containsID(ids []string, id string) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// askQuestions asks each unanswered question in order, saving every answer.
func (r *accessibleRun) askQuestions(m model) error {
	m.audit = r.audit
	m.refreshQuestions()
	qs := m.qs
	start := m.resumePos()
	for i := start; i < len(qs); i++ {
		if _, done := r.audit.Answers[qs[i].Key]; done {
			continue
		}
		m.pos = i
		r.say("\n%s", r.describe(m, qs[i]))
		for {
			reply := ""
			if err := r.ask(huh.NewGroup(huh.NewInput().Title("Answer: y yes, n no, u unsure, x not applicable, a accept the risk, e add a note, s skip, q save and stop:").Value(&reply))); err != nil {
				return err
			}
			again, err := r.handleReply(m, qs[i], strings.ToLower(strings.TrimSpace(reply)))
			if err != nil {
				return err
			}
			if !again {
				break
			}
		}
	}
	if r.audit.FirstUnanswered(qs) < 0 && r.audit.Completed == nil {
		plan := checklist.BuildPlan(m.pack, qs, r.audit)
		r.audit.Complete(checklist.ComputeScore(qs, r.audit.Answers), len(plan.Actions), m.now())
		r.save()
		r.say("\nAudit complete. Your action plan follows.")
	}
	return nil
}

// handleReply applies one reply; again means ask the same question again.
func (r *accessibleRun) handleReply(m model, q checklist.Question, reply string) (again bool, err error) {
	states := map[string]checklist.State{"y": checklist.Yes, "n": checklist.No, "u": checklist.Unsure, "x": checklist.NotApplies}
	switch {
	case states[reply] != "":
		_ = r.audit.SetAnswer(q.Key, states[reply], "", m.now())
	case reply == "a":
		reason := ""
		if err := r.ask(huh.NewGroup(huh.NewInput().Title("Why do you accept this risk?").Value(&reason))); err != nil {
			return false, err
		}
		if strings.TrimSpace(reason) == "" {
			r.say("Accepting a risk needs a reason.")
			return true, nil
		}
		_ = r.audit.SetAnswer(q.Key, checklist.Accepted, strings.TrimSpace(reason), m.now())
	case reply == "e":
		note := r.audit.Notes[q.Key]
		if err := r.ask(huh.NewGroup(huh.NewInput().Title("Note (stays on this computer):").Value(&note))); err != nil {
			return false, err
		}
		r.audit.SetNote(q.Key, strings.TrimSpace(note), m.now())
		r.save()
		return true, nil
	case reply == "s":
		return false, nil
	case reply == "q":
		r.audit.Cursor = q.Key
		r.save()
		return false, errEnded // stopping on request ends the run like end of input
	default:
		r.say("Please answer y, n, u, x, a, e, s or q.")
		return true, nil
	}
	r.audit.Cursor = q.Key
	r.save()
	return false, nil
}

// describe renders a question as plain text for screen readers.
func (r *accessibleRun) describe(m model, q checklist.Question) string {
	section, platform := m.position()
	var b strings.Builder
	a, t := r.audit.Progress(m.qs)
	fmt.Fprintf(&b, "%s. %s. %d of %d answered.\n", section, platform, a, t)
	fmt.Fprintf(&b, "Severity: %s.\n", q.Severity)
	fmt.Fprintf(&b, "Question: %s\n", checklist.SanitizeLine(q.Item.Question))
	fmt.Fprintf(&b, "Why it matters: %s\n", checklist.SanitizeLine(q.Item.Why))
	reg := r.audit.Profile.RegulatorID(m.pack)
	for _, c := range checklist.CitationsFor(m.pack, q, reg, r.audit.Profile.Role) {
		fmt.Fprintf(&b, "Guidance: %s\n", checklist.SanitizeLine(checklist.FormatCitation(m.pack, c)))
	}
	if h, ok := q.Item.HowTo[q.Platform]; ok && q.Platform != "" {
		fmt.Fprintf(&b, "How to check: %s. Path checked %s (%s). If it has moved, search the app's settings for %q.\n",
			checklist.SanitizeLine(strings.Join(h.Steps, ", then ")), humanDate(h.Researched), string(h.Basis), checklist.SanitizeLine(h.Fallback))
		if h.Note != "" {
			fmt.Fprintf(&b, "Note: %s\n", checklist.SanitizeLine(h.Note))
		}
	}
	if q.Item.Check != "" {
		fmt.Fprintf(&b, "How to check: %s\n", checklist.SanitizeLine(q.Item.Check))
	}
	if q.Item.Uncertain != "" {
		fmt.Fprintf(&b, "Uncertain: %s\n", checklist.SanitizeLine(q.Item.Uncertain))
	}
	if q.Item.Record != "" {
		fmt.Fprintf(&b, "%s Answer e to write a note.\n", checklist.SanitizeLine(q.Item.Record))
	}
	return strings.TrimRight(b.String(), "\n")
}
