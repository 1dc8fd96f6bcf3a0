package checklist

import (
	"fmt"
	"maps"
	"time"
)

// SchemaVersion is the version of the audit file format this build writes.
// Older versions are migrated on load; newer ones are refused, never
// overwritten.
const SchemaVersion = 2

// State is the answer to one question.
type State string

// The five answer states. Unsure counts as needing action (the action
// begins "Check…"); Accepted is a deliberate, recorded choice with a reason.
const (
	Yes        State = "yes"
	No         State = "no"
	Unsure     State = "unsure"
	NotApplies State = "na"
	Accepted   State = "accepted"
)

// Valid reports whether s is one of the five states.
func (s State) Valid() bool {
	switch s {
	case Yes, No, Unsure, NotApplies, Accepted:
		return true
	}
	return false
}

// NeedsAction reports whether the answer puts the item in the action plan.
func (s State) NeedsAction() bool { return s == No || s == Unsure }

// Label is the wording used on screen and in reports.
func (s State) Label() string {
	switch s {
	case Yes:
		return "Yes"
	case No:
		return "No"
	case Unsure:
		return "Unsure"
	case NotApplies:
		return "Not applicable"
	case Accepted:
		return "Accepted risk"
	}
	return "Not answered"
}

// Symbol is a glyph that carries the meaning without colour.
func (s State) Symbol() string {
	switch s {
	case Yes:
		return "✓"
	case No:
		return "✗"
	case Unsure:
		return "?"
	case NotApplies:
		return "–"
	case Accepted:
		return "!"
	}
	return "·"
}

// Answer is the user's answer to one question.
type Answer struct {
	State State `json:"state"`
	// Reason is required for Accepted: why the user keeps the risk.
	Reason string    `json:"reason,omitempty"`
	At     time.Time `json:"at"`
}

// Round is one completed audit, kept so progress can be compared.
type Round struct {
	Completed time.Time `json:"completed"`
	Percent   int       `json:"percent"`
	Band      Band      `json:"band"`
	Actions   int       `json:"actions"`
	Answers   int       `json:"answers"`
}

// Audit is one person's saved audit: who they are, what they answered and
// what they have done about it.
type Audit struct {
	Schema      int               `json:"schema"`
	Name        string            `json:"name"`
	PackID      string            `json:"pack_id"`
	PackVersion string            `json:"pack_version"`
	Profile     *Profile          `json:"profile,omitempty"`
	Answers     map[string]Answer `json:"answers"`
	// Notes are free text against a question key, kept separately from the
	// answer so a note can be written before answering.
	Notes map[string]string `json:"notes,omitempty"`
	// Done records actions the user has marked as done.
	Done map[string]time.Time `json:"done,omitempty"`
	// Cursor is the key of the question the user was last on.
	Cursor     string     `json:"cursor,omitempty"`
	Quick      bool       `json:"quick,omitempty"`
	Created    time.Time  `json:"created"`
	Updated    time.Time  `json:"updated"`
	Completed  *time.Time `json:"completed,omitempty"`
	NextReview string     `json:"next_review,omitempty"`
	History    []Round    `json:"history,omitempty"`
	// Previous holds the answers of the last completed round, so a re-audit
	// can show what changed.
	Previous map[string]State `json:"previous,omitempty"`
}

// NewAudit starts an empty audit.
func NewAudit(name string, pack *Pack, now time.Time) *Audit {
	return &Audit{
		Schema: SchemaVersion, Name: name, PackID: pack.ID, PackVersion: pack.Version,
		Answers: map[string]Answer{}, Notes: map[string]string{}, Done: map[string]time.Time{},
		Created: now, Updated: now,
	}
}

// Clone returns a deep copy, so a snapshot can be saved in the background
// while the user keeps answering.
func (a *Audit) Clone() *Audit {
	c := *a
	c.Profile = a.Profile.Clone()
	c.Answers = maps.Clone(a.Answers)
	c.Notes = maps.Clone(a.Notes)
	c.Done = maps.Clone(a.Done)
	c.Previous = maps.Clone(a.Previous)
	c.History = append([]Round(nil), a.History...)
	if a.Completed != nil {
		t := *a.Completed
		c.Completed = &t
	}
	return &c
}

// SetAnswer records an answer. Accepted needs a reason.
func (a *Audit) SetAnswer(key string, s State, reason string, now time.Time) error {
	if !s.Valid() {
		return fmt.Errorf("unknown answer %q", s)
	}
	if s == Accepted && reason == "" {
		return fmt.Errorf("accepting a risk needs a reason")
	}
	if s != Accepted {
		reason = ""
	}
	if a.Answers == nil {
		a.Answers = map[string]Answer{}
	}
	a.Answers[key] = Answer{State: s, Reason: reason, At: now}
	a.Updated = now
	return nil
}

// SetNote stores or, when empty, removes a note.
func (a *Audit) SetNote(key, note string, now time.Time) {
	if a.Notes == nil {
		a.Notes = map[string]string{}
	}
	if note == "" {
		delete(a.Notes, key)
	} else {
		a.Notes[key] = note
	}
	a.Updated = now
}

// SetDone marks an action as done, or not done.
func (a *Audit) SetDone(key string, done bool, now time.Time) {
	if a.Done == nil {
		a.Done = map[string]time.Time{}
	}
	if done {
		a.Done[key] = now
	} else {
		delete(a.Done, key)
	}
	a.Updated = now
}

// SetProfile replaces the profile. Answers are keyed by question, so those
// that still apply are kept; the rest stay stored and come back if the
// profile changes back.
func (a *Audit) SetProfile(p *Profile, now time.Time) {
	a.Profile = p.Clone()
	a.Updated = now
}

// Progress counts how many of the questions have an answer.
func (a *Audit) Progress(qs []Question) (answered, total int) {
	for _, q := range qs {
		if _, ok := a.Answers[q.Key]; ok {
			answered++
		}
	}
	return answered, len(qs)
}

// FirstUnanswered is the index of the first question without an answer, or
// -1 when every question is answered.
func (a *Audit) FirstUnanswered(qs []Question) int {
	for i, q := range qs {
		if _, ok := a.Answers[q.Key]; !ok {
			return i
		}
	}
	return -1
}

// Complete marks the audit finished, records the round in the history and
// sets the next review date (six months on, as the guidance-based items
// suggest checking twice a year).
func (a *Audit) Complete(s Score, actions int, now time.Time) {
	t := now
	a.Completed = &t
	a.NextReview = now.AddDate(0, 6, 0).Format(DateLayout)
	answered := 0
	for range a.Answers {
		answered++
	}
	a.History = append(a.History, Round{Completed: now, Percent: s.Overall.Percent, Band: s.Overall.Band, Actions: actions, Answers: answered})
	a.Updated = now
}

// Restart begins a re-audit: the current answers become Previous, for
// comparison, and the audit starts again with the same profile.
func (a *Audit) Restart(now time.Time) {
	a.Previous = make(map[string]State, len(a.Answers))
	for k, v := range a.Answers {
		a.Previous[k] = v.State
	}
	a.Answers = map[string]Answer{}
	a.Done = map[string]time.Time{}
	a.Completed = nil
	a.Cursor = ""
	a.Updated = now
}
