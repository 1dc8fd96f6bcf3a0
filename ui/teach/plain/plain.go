// Package plain runs a student's teaching session as plain prompts: one
// question per line, answers typed as numbers, nothing redrawn. It serves
// screen readers, pipes and scripted tests, and stands in for the
// full-screen student view until that exists. The rules (order, ranges,
// saving after every answer) are checklist/teach's Walk; this package
// only asks and tells.
package plain

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/charmbracelet/x/ansi"

	"github.com/pressend/pressend/checklist"
	"github.com/pressend/pressend/checklist/teach"
	uiteach "github.com/pressend/pressend/ui/teach"
)

// Options is one student's session.
type Options struct {
	Deck *teach.Deck
	// Walk holds the answers and saves them; the caller builds it with the
	// save function, so this package never touches the file system.
	Walk *teach.Walk
	// Session is the session code, canonical form.
	Session string
	// SavedTo says where the answers file goes, for the opening lines.
	SavedTo string
	Input   io.Reader
	Output  io.Writer
	// Echo repeats each answer after its prompt. Set it when the input is
	// not a terminal (a pipe, a script): nothing else shows what was
	// typed, and the transcript would run prompts and replies together.
	Echo bool
	// Width wraps text at word boundaries, for a terminal that would
	// otherwise break words at its edge. 0 leaves lines whole, which is
	// what screen readers and pipes want.
	Width int
}

// Result is how the session ended.
type Result struct {
	// Ended is set when the input ran out before the last question.
	Ended bool
	// SaveErr is the last save failure, if the file is behind the answers.
	SaveErr error
}

type run struct {
	o        Options
	in       *bufio.Reader
	role     string
	res      Result
	told     bool // the disclaimer has been shown
	checks   int  // knowledge-check questions asked so far
	scenario int  // scenarios started so far
}

// errEnded says the input ran out; the answers so far are already saved.
var errEnded = errors.New("end of input")

// Run asks every question in the deck, in order. Reading stops cleanly at
// end of input. Bad input gets a message and the question again.
func Run(o Options) (Result, error) {
	r := &run{o: o, in: bufio.NewReader(o.Input)}
	if r.o.Output == nil {
		r.o.Output = io.Discard
	}
	err := r.all()
	if errors.Is(err, errEnded) {
		r.res.Ended = true
		if r.o.Walk.Saved() {
			r.say("\nEnd of input: your answers so far are saved.")
		} else {
			r.say("\nEnd of input: nothing was answered, so nothing was saved.")
		}
		return r.res, nil
	}
	return r.res, err
}

func (r *run) say(format string, a ...any) {
	fmt.Fprintln(r.o.Output, wrap(fmt.Sprintf(format, a...), r.o.Width))
}

// hanging matches the start of a line whose continuation lines should
// line up after it: indentation, then an option number, letter or dash.
var hanging = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^ *(?:\d+ \([A-Z0-9]\)\. |[A-Z0-9]\. |- )?`)
})

// wrap breaks each line of s at width, indenting continuation lines to
// match the line's own indentation and list marker.
func wrap(s string, width int) string {
	if width < 20 {
		return s
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		// An answer code is never broken: a split code cannot be pasted.
		if ansi.StringWidth(l) <= width || strings.HasPrefix(strings.TrimSpace(l), teach.CodePrefix+"-") {
			continue
		}
		n := len(hanging().FindString(l))
		first, rest, _ := strings.Cut(ansi.Wordwrap(l, width, ""), "\n")
		rest = ansi.Wordwrap(strings.ReplaceAll(rest, "\n", " "), width-n, "")
		pad := strings.Repeat(" ", n)
		lines[i] = strings.TrimRight(first, " ") + "\n" + pad + strings.ReplaceAll(rest, "\n", "\n"+pad)
	}
	return strings.Join(lines, "\n")
}

func (r *run) all() error {
	scenarios, checks := r.o.Walk.Counts()
	intro := fmt.Sprintf("pressend teaching session %s: %d %s", teach.FormatSessionCode(r.o.Session), scenarios, plural(scenarios, "scenario", "scenarios"))
	if checks > 0 {
		intro += fmt.Sprintf(" and a knowledge check of %d %s", checks, plural(checks, "question", "questions"))
	}
	r.say("%s. There is no time limit.", intro)
	r.say("Your answers are anonymous: the file holds the session code, the deck version, a random number and your choices, and nothing about you. It is saved after every answer, to %s", r.o.SavedTo)
	r.say("At the end you will see exactly what the file holds.\n")
	if err := r.askRole(); err != nil {
		return err
	}
	for {
		step, ok := r.o.Walk.Step()
		if !ok {
			break
		}
		if err := r.step(step); err != nil {
			return err
		}
	}
	r.say("\nThat is everything. Thank you.")
	r.code("Your final answer code")
	return nil
}

// askRole asks the profession, used only to choose the citations shown.
func (r *run) askRole() error {
	roles := r.o.Deck.Pack.Roles
	r.say("First, your profession. It is used only to show the guidance written for you, and it is not saved.")
	for i, role := range roles {
		r.say("  %d. %s", i+1, checklist.SanitizeLine(role.Name))
	}
	r.say("  0. Prefer not to say (you will see only the sources that apply to everyone)")
	for {
		v, empty, err := r.ask(fmt.Sprintf("Your profession (0 to %d): ", len(roles)), len(roles), false)
		if err != nil {
			return err
		}
		if empty || v < 0 || v > len(roles) {
			r.say("Type a number from 0 to %d.", len(roles))
			continue
		}
		if v > 0 {
			r.role = roles[v-1].ID
		}
		return nil
	}
}

func (r *run) step(s teach.Step) error {
	q := s.Question
	switch s.Kind {
	case teach.StepRound1:
		r.scenario++
		sc, _ := r.o.Deck.Scenario(q)
		scenarios, _ := r.o.Walk.Counts()
		r.say("\n%s", uiteach.ScenarioPrompt(sc, q, r.scenario, scenarios))
		if err := r.answer(fmt.Sprintf("Round 1, on your own: your answer (1 to %d): ", q.Choices), q, true); err != nil {
			return err
		}
		r.code("Answer code so far")
		r.say("\nNow discuss with your neighbours, then answer again. You may keep your answer or change it.")
	case teach.StepRound2:
		if err := r.answer(fmt.Sprintf("Round 2, after discussion: your answer (1 to %d): ", q.Choices), q, true); err != nil {
			return err
		}
		r.code("Answer code so far")
	case teach.StepConfidence:
		if err := r.answer("How sure are you, from 1 (not at all) to 5 (very)? Press Enter to skip: ", q, false); err != nil {
			return err
		}
		sc, _ := r.o.Deck.Scenario(q)
		r.say("\n%s", uiteach.ScenarioFeedback(r.o.Deck.Pack, sc, q, r.o.Walk.Submission().Answers[q.ID], r.role))
		if !r.told {
			r.say(uiteach.Disclaimer)
			r.told = true
		}
	case teach.StepCheck:
		_, checks := r.o.Walk.Counts()
		if r.checks == 0 {
			r.say("\nKnowledge check: %d %s, one answer each, no time limit.", checks, plural(checks, "question", "questions"))
		}
		r.checks++
		ck, _ := r.o.Deck.CheckItem(q)
		r.say("\n%s", uiteach.CheckPrompt(ck, q, r.checks, checks))
		if err := r.answer(fmt.Sprintf("Your answer (1 to %d): ", q.Choices), q, true); err != nil {
			return err
		}
		r.say("\n%s", uiteach.CheckFeedback(r.o.Deck.Pack, ck, q, r.o.Walk.Submission().Answers[q.ID], r.role))
	}
	return nil
}

// answer asks until the walk accepts an answer, or the input ends.
// Letters stand for options only in a choice round, never for a scale
// point or a confidence.
func (r *run) answer(prompt string, q teach.Question, letters bool) error {
	for {
		v, _, err := r.ask(prompt, q.Choices, letters && !q.Scale)
		if err != nil {
			return err
		}
		err = r.o.Walk.Answer(v)
		var re *teach.RangeError
		var se *teach.SaveError
		switch {
		case errors.As(err, &re):
			r.say("%s", re.Error())
			continue
		case errors.As(err, &se):
			r.res.SaveErr = se
			r.say("Not saved: %v. Your answers are kept until the end of this session; keep your answer code as a copy.", se.Err)
		case err != nil:
			return err
		default:
			r.res.SaveErr = nil
		}
		return nil
	}
}

// ask reads one line. A number is returned as is, a letter A to D as its
// option number when letters are allowed, an empty line as 0 with empty
// set, and anything else as -1, which every step refuses.
func (r *run) ask(prompt string, choices int, letters bool) (v int, empty bool, err error) {
	fmt.Fprint(r.o.Output, prompt)
	line, err := r.in.ReadString('\n')
	if err != nil && line == "" {
		fmt.Fprintln(r.o.Output)
		return 0, false, errEnded
	}
	line = strings.TrimSpace(line)
	if r.o.Echo {
		fmt.Fprintln(r.o.Output, line)
	}
	if line == "" {
		return 0, true, nil
	}
	if n, err := strconv.Atoi(line); err == nil {
		return n, false, nil
	}
	if letters && len(line) == 1 {
		c := strings.ToUpper(line)[0]
		if c >= 'A' && int(c-'A') < choices {
			return int(c-'A') + 1, false, nil
		}
	}
	return -1, false, nil
}

// code prints the answer code for the answers so far, for sessions where
// files are not collected: the student pastes it into the chat.
func (r *run) code(label string) {
	c, err := teach.EncodeAnswerCode(r.o.Deck, r.o.Walk.Submission())
	if err != nil {
		return
	}
	// The code gets a line of its own, so wrapping never splits it and a
	// triple-click copies all of it.
	r.say("%s (paste it in the chat if your facilitator asks):\n  %s", label, c)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
