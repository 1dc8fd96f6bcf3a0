package checklist

import (
	"errors"
	"time"
)

// ErrReadOnly is returned by a read-only walk asked to change anything:
// another window has the audit open, so nothing here may be answered, let
// alone claimed as saved.
var ErrReadOnly = errors.New("this audit is open read-only, so it cannot be changed here")

// Walk is the user's position in an audit and the only way to change it:
// answering, skipping, going back, changing the profile or mode, finishing
// and starting again. Both the full-screen app and the accessible prompts
// drive one, so they behave the same. It does no IO; the caller saves the
// audit after each change that returns true or nil.
type Walk struct {
	pack  *Pack
	audit *Audit
	ev    Evaluation
	// q and row are the current question and row.
	q, row int
	// ReadOnly refuses every change with ErrReadOnly.
	ReadOnly bool
}

// NewWalk starts a walk over an audit and puts it where the user left off.
func NewWalk(pack *Pack, a *Audit) *Walk {
	if a.Mode == "" {
		a.Mode = Full
	}
	w := &Walk{pack: pack, audit: a}
	w.refresh()
	w.Resume()
	return w
}

// Pack is the content the walk asks from.
func (w *Walk) Pack() *Pack { return w.pack }

// Audit is the audit the walk changes.
func (w *Walk) Audit() *Audit { return w.audit }

// Eval is the current evaluation: questions, score and plan.
func (w *Walk) Eval() Evaluation { return w.ev }

// refresh re-evaluates after a change, keeping the user on the same row
// where it still exists.
func (w *Walk) refresh() {
	key := w.key()
	w.ev = Evaluate(w.pack, w.audit)
	w.q, w.row = 0, 0
	if key != "" {
		w.seek(key)
	}
}

// key is the current row's key, or "" when there is none.
func (w *Walk) key() string {
	if r, ok := w.Row(); ok {
		return r.Key
	}
	return ""
}

// seek moves to the row with key and reports whether it exists.
func (w *Walk) seek(key string) bool {
	for qi, q := range w.ev.Questions {
		for ri, r := range q.Rows {
			if r.Key == key {
				w.q, w.row = qi, ri
				return true
			}
		}
	}
	return false
}

// Position is the current question and row indexes.
func (w *Walk) Position() (question, row int) { return w.q, w.row }

// Question is the current question.
func (w *Walk) Question() (*Question, bool) {
	if w.q < 0 || w.q >= len(w.ev.Questions) {
		return nil, false
	}
	return &w.ev.Questions[w.q], true
}

// Row is the current row.
func (w *Walk) Row() (Row, bool) {
	q, ok := w.Question()
	if !ok || w.row < 0 || w.row >= len(q.Rows) {
		return Row{}, false
	}
	return q.Rows[w.row], true
}

// Resume moves to where the user left off: the saved cursor if that row
// is still unanswered, else the first unanswered row, else the first row.
func (w *Walk) Resume() {
	if c := w.audit.Cursor; c != "" {
		if _, answered := w.audit.Answers[c]; !answered && w.seek(c) {
			return
		}
	}
	if !w.FirstUnanswered() {
		w.q, w.row = 0, 0
	}
}

// FirstUnanswered moves to the first row without an answer in this round
// and reports whether there was one.
func (w *Walk) FirstUnanswered() bool {
	for qi, q := range w.ev.Questions {
		for ri, r := range q.Rows {
			if _, ok := w.audit.Answers[r.Key]; !ok {
				w.q, w.row = qi, ri
				return true
			}
		}
	}
	return false
}

// Goto moves to a question (its first unanswered row, or its first row).
func (w *Walk) Goto(question int) {
	if question < 0 || question >= len(w.ev.Questions) {
		return
	}
	w.q, w.row = question, 0
	for ri, r := range w.ev.Questions[question].Rows {
		if _, ok := w.audit.Answers[r.Key]; !ok {
			w.row = ri
			break
		}
	}
	w.audit.Cursor = w.key()
}

// GotoRow moves to a row of the current question.
func (w *Walk) GotoRow(row int) {
	if q, ok := w.Question(); ok && row >= 0 && row < len(q.Rows) {
		w.row = row
		w.audit.Cursor = w.key()
	}
}

// Step is where an answer or a skip left the walk.
type Step int

// The outcomes of moving on.
const (
	// Moved to the next row or question.
	Moved Step = iota
	// Wrapped past the end to the first row still unanswered.
	Wrapped
	// Finished: every row is answered (and the round is now complete).
	Finished
)

// Answer records an answer for the current row and moves on. Accepted
// needs a reason.
func (w *Walk) Answer(s State, reason string, now time.Time) (Step, error) {
	if w.ReadOnly {
		return Moved, ErrReadOnly
	}
	r, ok := w.Row()
	if !ok {
		return Moved, errors.New("there is no question to answer")
	}
	if err := w.audit.SetAnswer(r.Key, s, reason, now); err != nil {
		return Moved, err
	}
	w.refresh()
	return w.next(now), nil
}

// Skip moves on without answering.
func (w *Walk) Skip(now time.Time) Step { return w.next(now) }

// next moves on. The answer that completes the audit finishes it at once,
// rather than walking the user through rows they have already answered.
// Otherwise it moves to the next row; past the end it goes to the first
// row still unanswered, or finishes.
func (w *Walk) next(now time.Time) Step {
	if w.audit.Completed == nil && w.ev.Finished() {
		if !w.ReadOnly && w.audit.Complete(w.ev, now) {
			w.refresh()
		}
		return Finished
	}
	q, ok := w.Question()
	switch {
	case !ok:
	case w.row+1 < len(q.Rows):
		w.row++
		w.audit.Cursor = w.key()
		return Moved
	case w.q+1 < len(w.ev.Questions):
		w.q, w.row = w.q+1, 0
		w.audit.Cursor = w.key()
		return Moved
	}
	if w.FirstUnanswered() {
		w.audit.Cursor = w.key()
		return Wrapped
	}
	if !w.ReadOnly && w.audit.Complete(w.ev, now) {
		w.refresh()
	}
	return Finished
}

// Back moves to the previous row, or the last row of the previous
// question, and reports whether it moved.
func (w *Walk) Back() bool {
	switch {
	case w.row > 0:
		w.row--
	case w.q > 0:
		w.q--
		w.row = max(0, len(w.ev.Questions[w.q].Rows)-1)
	default:
		return false
	}
	w.audit.Cursor = w.key()
	return true
}

// SetNote stores a note on the current row (or removes it when empty).
func (w *Walk) SetNote(text string, private bool, now time.Time) error {
	if w.ReadOnly {
		return ErrReadOnly
	}
	r, ok := w.Row()
	if !ok {
		return errors.New("there is no question to write a note on")
	}
	w.audit.SetNote(r.Key, text, private, now)
	return nil
}

// SetDone marks the action on a row done, or not done.
func (w *Walk) SetDone(key string, done bool, now time.Time) error {
	if w.ReadOnly {
		return ErrReadOnly
	}
	w.audit.SetDone(key, done, now)
	w.refresh()
	return nil
}

// SetProfile changes the profile and moves to the first question it adds
// that is still unanswered. It reports whether there is one: when there
// is not, a finished audit stays finished.
func (w *Walk) SetProfile(p *Profile, now time.Time) (bool, error) {
	if w.ReadOnly {
		return false, ErrReadOnly
	}
	w.audit.SetProfile(p, now)
	w.refresh()
	if w.FirstUnanswered() {
		w.audit.Completed = nil
		w.audit.Cursor = w.key()
		return true, nil
	}
	w.audit.Complete(w.ev, now)
	w.refresh()
	return false, nil
}

// Extend turns a quick audit into the full one: the answers stay and the
// walk moves to the first full-audit question not yet answered.
func (w *Walk) Extend(now time.Time) error {
	if w.ReadOnly {
		return ErrReadOnly
	}
	if w.audit.Mode == Full {
		return nil
	}
	w.audit.Mode = Full
	w.audit.Completed = nil
	w.audit.Updated = now
	w.refresh()
	w.FirstUnanswered()
	w.audit.Cursor = w.key()
	return nil
}

// Restart begins a re-audit (see Audit.Restart) from the first question.
func (w *Walk) Restart(now time.Time) error {
	if w.ReadOnly {
		return ErrReadOnly
	}
	w.audit.Restart(now)
	w.refresh()
	w.FirstUnanswered()
	w.audit.Cursor = w.key()
	return nil
}

// Previous is the row's answer in the last completed round, for showing
// beside the question during a re-audit.
func (w *Walk) Previous(key string) (Answer, bool) {
	if w.ev.Last == nil {
		return Answer{}, false
	}
	a, ok := w.ev.Last.Answers[key]
	return a, ok
}
