package ui

import (
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/pressend/pressend/checklist"
	"github.com/pressend/pressend/checklist/display"
)

// inputMode says what the text prompt on the question screen collects.
type inputMode int

const (
	inputNone inputMode = iota
	inputNote
	inputAdviserNote
	inputReason
)

// question is the audit's main screen: one question, a row per platform,
// the short why, the user's own regulator's citation and the steps for the
// current row. Everything else opens behind "m".
type question struct {
	c     *common
	size  size
	keys  questionKeys
	v     display.Question
	input textinput.Model
	mode  inputMode
	// gen counts the rebuilds of v, for viewKey.
	gen int
	// view is View's last result and viewKey what it was drawn from:
	// Bubble Tea draws after every message, and most (terminal replies,
	// saves, notices) change nothing on this screen.
	view    string
	viewKey questionViewKey
}

// questionViewKey is everything View reads: the display model (by its
// generation), the current row, the progress, the size, the theme,
// safety, and the text prompt as drawn.
type questionViewKey struct {
	gen, row, done, total, width, height int
	dark, shareSafe                      bool
	mode                                 inputMode
	input                                string
}

type questionKeys struct {
	Yes, No, Unsure, NA, Accept, Note, AdviserNote key.Binding
	Prev, Next, Back, Skip, More                   key.Binding
	Overview, Results, Esc                         key.Binding
	answer                                         key.Binding
	adviser                                        bool
}

func newQuestionKeys(adviser bool) questionKeys {
	return questionKeys{
		Yes:         bind([]string{"y"}, "y", "yes"),
		No:          bind([]string{"n"}, "n", "no"),
		Unsure:      bind([]string{"u"}, "u", "unsure"),
		NA:          bind([]string{"x"}, "x", "not applicable"),
		Accept:      bind([]string{"a"}, "a", "accept the risk (with a reason)"),
		Note:        bind([]string{"e"}, "e", "note"),
		AdviserNote: bind([]string{"p"}, "p", "adviser-only note"),
		Prev:        bind([]string{"up", "k"}, "↑↓", "row"),
		Next:        bind([]string{"down", "j"}, "↓", "next row"),
		Back:        bind([]string{"left", "b"}, "←", "back"),
		Skip:        bind([]string{"right", "s"}, "→", "skip"),
		More:        bind([]string{"m"}, "m", "more"),
		Overview:    bind([]string{"o", "tab"}, "o", "overview"),
		Results:     bind([]string{"r"}, "r", "results"),
		Esc:         backKey(),
		answer:      bind([]string{"y"}, "y/n/u/x/a", "answer"),
		adviser:     adviser,
	}
}

// ShortHelp fits the five answer keys into one entry so the line stays
// within 80 columns; ? shows every key.
func (k questionKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.answer, k.Note, k.More, k.Back, k.Skip, k.Overview, k.Results}
}

func (k questionKeys) FullHelp() [][]key.Binding {
	notes := []key.Binding{k.Note, k.More, k.Prev}
	if k.adviser {
		notes = append(notes, k.AdviserNote)
	}
	return [][]key.Binding{
		{k.Yes, k.No, k.Unsure, k.NA, k.Accept},
		notes,
		{k.Back, k.Skip, k.Overview, k.Results, k.Esc},
	}
}

func newQuestion(c *common) *question {
	ti := newInput()
	ti.CharLimit = 2000
	q := &question{c: c, keys: newQuestionKeys(c.opts.Adviser), input: ti}
	q.refresh()
	return q
}

// refresh rebuilds the display model of the current question.
func (q *question) refresh() {
	q.gen++
	qi, _ := q.c.walk.Position()
	if _, ok := q.c.walk.Question(); ok {
		q.v = display.QuestionAt(q.c.pack, q.c.audit(), q.c.walk.Eval(), qi, q.c.view())
	} else {
		q.v = display.Question{}
	}
}

func (q *question) Init() tea.Cmd { q.refresh(); return nil }
func (q *question) Typing() bool  { return q.mode != inputNone }

func (q *question) Keys() help.KeyMap {
	if q.mode != inputNone {
		return keyList{bind([]string{"enter"}, "enter", "save"), bind([]string{"esc"}, "esc", "cancel")}
	}
	return q.keys
}

func (q *question) Place() string {
	if q.v.Total == 0 {
		return ""
	}
	return fmt.Sprintf("Question %d of %d", q.v.Index+1, q.v.Total)
}

func (q *question) SetSize(width, height int) {
	q.size.SetSize(width, height)
	q.input.SetWidth(max(10, width-4))
}

func (q *question) Update(msg tea.Msg) (screen, tea.Cmd) {
	if _, ok := msg.(shareSafeMsg); ok {
		q.refresh()
		return q, nil
	}
	if q.mode != inputNone {
		return q.updateInput(msg)
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return q, nil
	}
	w, ks := q.c.walk, q.keys
	switch {
	case key.Matches(k, ks.Yes):
		return q.answer(checklist.Yes, "")
	case key.Matches(k, ks.No):
		return q.answer(checklist.No, "")
	case key.Matches(k, ks.Unsure):
		return q.answer(checklist.Unsure, "")
	case key.Matches(k, ks.NA):
		return q.answer(checklist.NotApplies, "")
	case key.Matches(k, ks.Accept):
		return q.openInput(inputReason, "")
	case key.Matches(k, ks.Note):
		return q.openInput(inputNote, q.noteText(false))
	case key.Matches(k, ks.AdviserNote) && q.c.opts.Adviser:
		return q.openInput(inputAdviserNote, q.noteText(true))
	case key.Matches(k, ks.Prev):
		_, row := w.Position()
		w.GotoRow(row - 1)
	case key.Matches(k, ks.Next):
		_, row := w.Position()
		w.GotoRow(row + 1)
	case key.Matches(k, ks.Back):
		w.Back()
	case key.Matches(k, ks.Skip):
		return q.moved(w.Skip(q.c.now()))
	case key.Matches(k, ks.More):
		if q.v.Total > 0 {
			qi, _ := q.c.walk.Position()
			return q, push(newDetails(q.c, qi, q.v))
		}
	case key.Matches(k, ks.Overview):
		return q, push(newOverview(q.c))
	case key.Matches(k, ks.Results):
		return q, push(newResults(q.c))
	case key.Matches(k, ks.Esc):
		return q, pop
	}
	q.refresh()
	return q, nil
}

// answer records an answer for the current row, saves at once and moves on.
func (q *question) answer(s checklist.State, reason string) (screen, tea.Cmd) {
	step, err := q.c.walk.Answer(s, reason, q.c.now())
	switch {
	case errors.Is(err, checklist.ErrReadOnly):
		return q, notice("Read-only: answers can't be changed in this window.")
	case err != nil:
		return q, notice(err.Error())
	}
	s2, cmd := q.moved(step)
	return s2, tea.Batch(q.c.save(), cmd)
}

// moved reacts to where an answer or a skip left the walk.
func (q *question) moved(step checklist.Step) (screen, tea.Cmd) {
	q.refresh()
	ev := q.c.walk.Eval()
	switch step {
	case checklist.Wrapped:
		return q, notice(fmt.Sprintf("You have answered %d of %d. Here is the first one still unanswered.", ev.Answered, ev.Rows))
	case checklist.Finished:
		return q, tea.Batch(q.c.save(), reset(newResults(q.c)),
			notice("Audit complete. Here is your plan, most important first."))
	}
	return q, nil
}

// noteText is the current row's note of one kind, for editing.
func (q *question) noteText(adviser bool) string {
	r, ok := q.c.walk.Row()
	if !ok {
		return ""
	}
	if adviser {
		return q.c.audit().AdviserNotes[r.Key]
	}
	return q.c.audit().Notes[r.Key]
}

// openInput shows the one-line text prompt. While screen-share safety is
// on, an existing note is not put back on screen: the prompt starts empty
// and saving replaces the note.
func (q *question) openInput(mode inputMode, value string) (screen, tea.Cmd) {
	if q.v.Total == 0 {
		return q, nil
	}
	if q.c.walk.ReadOnly {
		return q, notice("Read-only: notes can't be changed here.")
	}
	if q.c.shareSafe && mode != inputReason {
		value = ""
	}
	q.mode = mode
	q.input.SetValue(value)
	q.input.CursorEnd()
	if q.c.shareSafe && mode != inputReason {
		q.input.EchoMode = textinput.EchoPassword
	} else {
		q.input.EchoMode = textinput.EchoNormal
	}
	return q, q.input.Focus()
}

// updateInput handles the text prompt.
func (q *question) updateInput(msg tea.Msg) (screen, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case "esc":
			q.mode = inputNone
			q.input.Blur()
			return q, nil
		case "enter":
			text := strings.TrimSpace(q.input.Value())
			mode := q.mode
			if mode == inputReason && text == "" {
				return q, notice("Accepting a risk needs a reason, so you can explain the choice later.")
			}
			q.mode = inputNone
			q.input.Blur()
			if mode == inputReason {
				return q.answer(checklist.Accepted, text)
			}
			if err := q.c.walk.SetNote(text, mode == inputAdviserNote, q.c.now()); err != nil {
				return q, notice(err.Error())
			}
			q.refresh()
			what := "Note saved"
			switch {
			case mode == inputAdviserNote:
				what = "Adviser-only note saved (it never goes in the member's report)"
			case text == "":
				what = "Note removed"
			}
			return q, q.c.saveNotice(what)
		}
	}
	var cmd tea.Cmd
	q.input, cmd = q.input.Update(msg)
	return q, cmd
}

// newInput is a text input with a steady cursor: blinking would redraw the
// screen twice a second while the user is thinking, for no benefit.
func newInput() textinput.Model {
	ti := textinput.New()
	tis := ti.Styles()
	tis.Cursor.Blink = false
	ti.SetStyles(tis)
	return ti
}
