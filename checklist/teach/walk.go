package teach

import "fmt"

// StepKind is what a student is asked at one step of the session.
type StepKind int

// The steps of a scenario are round 1, round 2 and an optional
// confidence; a knowledge-check question is one step.
const (
	// StepRound1 is the answer given alone, before discussion.
	StepRound1 StepKind = iota + 1
	// StepRound2 is the answer given after discussing with neighbours.
	StepRound2
	// StepConfidence is how sure the student is, 1 to 5, or skipped.
	StepConfidence
	// StepCheck is a knowledge-check answer.
	StepCheck
)

// Step is one prompt of the walk.
type Step struct {
	Kind     StepKind
	Question Question
}

// Walk is one student's way through the deck, with no user interface: it
// owns the position and the answers and saves after every answer. The
// plain prompts drive it today and the full-screen student view can drive
// the same walk, so the rules (what comes next, what is in range, when the
// file is written) live in one place.
type Walk struct {
	deck  *Deck
	sub   Submission
	save  func(Submission) error
	steps []Step
	pos   int
	saved bool
}

// RangeError says an answer is out of range; Error is a sentence to show.
type RangeError struct {
	// Max is the highest choice.
	Max int
	// Optional is set when the step may be skipped (answer 0).
	Optional bool
}

// Error is a sentence to show the student, saying what to type.
func (e *RangeError) Error() string {
	if e.Optional {
		return fmt.Sprintf("Type a number from 1 to %d, or press Enter to skip.", e.Max)
	}
	return fmt.Sprintf("Type a number from 1 to %d.", e.Max)
}

// SaveError says an answer was recorded but the file could not be written.
// The walk carries on: the answers are kept, and the answer code is a copy.
type SaveError struct{ Err error }

// Error says the answers could not be saved, and why.
func (e *SaveError) Error() string { return "your answers could not be saved: " + e.Err.Error() }

// Unwrap returns the write error.
func (e *SaveError) Unwrap() error { return e.Err }

// NewWalk starts a walk at the first question. save is called with a copy
// of the submission after every answer; nil saves nothing.
func NewWalk(d *Deck, sub Submission, save func(Submission) error) *Walk {
	w := &Walk{deck: d, sub: sub.Clone(), save: save}
	for _, q := range d.questions {
		if q.Check {
			w.steps = append(w.steps, Step{StepCheck, q})
			continue
		}
		w.steps = append(w.steps, Step{StepRound1, q}, Step{StepRound2, q}, Step{StepConfidence, q})
	}
	return w
}

// Step returns the current step; ok is false when the walk is over.
func (w *Walk) Step() (s Step, ok bool) {
	if w.pos >= len(w.steps) {
		return Step{}, false
	}
	return w.steps[w.pos], true
}

// Answer records v for the current step and moves on. For a confidence, 0
// skips it. A *RangeError leaves the walk where it was; a *SaveError means
// the answer was recorded and the walk moved on, but the file is behind.
func (w *Walk) Answer(v int) error {
	s, ok := w.Step()
	if !ok {
		return fmt.Errorf("the session is over: there is nothing left to answer")
	}
	optional := s.Kind == StepConfidence
	limit := s.Question.Choices
	if optional {
		limit = MaxConfidence
	}
	if v < 0 || v > limit || (v == 0 && !optional) {
		return &RangeError{Max: limit, Optional: optional}
	}
	w.pos++
	if v == 0 {
		return nil
	}
	a := w.sub.Answers[s.Question.ID]
	switch s.Kind {
	case StepRound1, StepCheck:
		a.Round1 = v
	case StepRound2:
		a.Round2 = v
	case StepConfidence:
		a.Confidence = v
	}
	w.sub.Answers[s.Question.ID] = a
	if w.save == nil {
		return nil
	}
	if err := w.save(w.sub.Clone()); err != nil {
		return &SaveError{err}
	}
	w.saved = true
	return nil
}

// Submission returns a copy of the answers so far.
func (w *Walk) Submission() Submission { return w.sub.Clone() }

// Saved reports whether the file has been written at least once.
func (w *Walk) Saved() bool { return w.saved }

// Counts says how many scenarios and check questions the deck has, for
// "Scenario 3 of 12".
func (w *Walk) Counts() (scenarios, checks int) {
	return len(w.deck.Scenarios), len(w.deck.Checks)
}
