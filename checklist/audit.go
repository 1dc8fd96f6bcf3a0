package checklist

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"
)

// SchemaVersion is the version of the audit file format this build writes.
// Older versions are migrated on load; newer ones are refused, never
// overwritten.
const SchemaVersion = 3

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

// Mode is which view of an audit the user works through. Quick and full
// are two views of the same answers: the quick audit is a subset of the
// full one, so switching never hides or loses an answer.
type Mode string

// The two views.
const (
	Full  Mode = "full"
	Quick Mode = "quick"
)

// Round is one completed audit, kept so the next one can be compared with
// it and so the last completed plan stays available while a re-audit is
// under way.
type Round struct {
	Completed   time.Time `json:"completed"`
	Mode        Mode      `json:"mode,omitempty"`
	PackVersion string    `json:"pack_version,omitempty"`
	Percent     int       `json:"percent"`
	Band        Band      `json:"band"`
	Actions     int       `json:"actions"`
	// Answers is every answer as it stood when the round was completed.
	// Rounds migrated from schema 2 may lack them (nil).
	Answers map[string]Answer `json:"answers,omitempty"`
}

// Report records a report written to a file, so forget can list the
// copies it cannot delete itself.
type Report struct {
	Path   string    `json:"path"`
	Format string    `json:"format"`
	At     time.Time `json:"at"`
}

// Audit is one person's saved audit: who they are, what they answered and
// what they have done about it.
type Audit struct {
	Schema      int      `json:"schema"`
	Name        string   `json:"name"`
	PackID      string   `json:"pack_id"`
	PackVersion string   `json:"pack_version"`
	Profile     *Profile `json:"profile,omitempty"`
	// Mode is the view the user is working through.
	Mode    Mode              `json:"mode"`
	Answers map[string]Answer `json:"answers"`
	// Notes are shared notes against a row key: they go into the user's
	// reports. They are kept apart from answers so a note can be written
	// before answering.
	Notes map[string]string `json:"notes,omitempty"`
	// AdviserNotes are an adviser's private notes against a row key. They
	// are never shown while screen-share safety is on and never reach a
	// report unless asked for.
	AdviserNotes map[string]string `json:"adviser_notes,omitempty"`
	// SessionNote is one general shared note for the audit;
	// AdviserSessionNote its private counterpart.
	SessionNote        string `json:"session_note,omitempty"`
	AdviserSessionNote string `json:"adviser_session_note,omitempty"`
	// Done records actions the user has marked done. A mark counts only
	// while it is later than the answer it acts on, so a re-audit that
	// finds the same problem shows it open again.
	Done map[string]time.Time `json:"done,omitempty"`
	// Cursor is the key of the row the user was last on.
	Cursor  string    `json:"cursor,omitempty"`
	Created time.Time `json:"created"`
	Updated time.Time `json:"updated"`
	// Started is when the current round began.
	Started time.Time `json:"started,omitempty"`
	// Completed is set when every question of the current round is
	// answered.
	Completed  *time.Time `json:"completed,omitempty"`
	NextReview Date       `json:"next_review,omitempty"`
	// Rounds are the completed rounds, oldest first.
	Rounds []Round `json:"rounds,omitempty"`
	// Adviser holds what adviser mode records; nil otherwise.
	Adviser *AdviserInfo `json:"adviser,omitempty"`
	// DeleteAfter is when the audit is due for deletion (adviser mode sets
	// it; `forget --due` acts on it).
	DeleteAfter Date `json:"delete_after,omitempty"`
	// Reports lists reports written to files from this audit.
	Reports []Report `json:"reports,omitempty"`
	// CalendarSequence counts calendar exports, for the .ics SEQUENCE.
	CalendarSequence int `json:"calendar_sequence,omitempty"`
}

// AdviserInfo is what adviser mode records about the session.
type AdviserInfo struct {
	// Initials are the adviser's, for the member's file.
	Initials string `json:"initials,omitempty"`
}

// NewAudit starts an empty audit.
func NewAudit(name string, pack *Pack, now time.Time) *Audit {
	return &Audit{
		Schema: SchemaVersion, Name: name, PackID: pack.ID, PackVersion: pack.Version, Mode: Full,
		Answers: map[string]Answer{}, Notes: map[string]string{}, AdviserNotes: map[string]string{},
		Done: map[string]time.Time{}, Created: now, Updated: now, Started: now,
	}
}

// Clone returns a deep copy, so a snapshot can be saved in the background
// while the user keeps answering. TestCloneIsDeep fails if a field added
// later is shared.
func (a *Audit) Clone() *Audit {
	c := *a
	c.Profile = a.Profile.Clone()
	c.Answers = maps.Clone(a.Answers)
	c.Notes = maps.Clone(a.Notes)
	c.AdviserNotes = maps.Clone(a.AdviserNotes)
	c.Done = maps.Clone(a.Done)
	c.Rounds = slices.Clone(a.Rounds)
	for i := range c.Rounds {
		c.Rounds[i].Answers = maps.Clone(c.Rounds[i].Answers)
	}
	c.Reports = slices.Clone(a.Reports)
	if a.Adviser != nil {
		ad := *a.Adviser
		c.Adviser = &ad
	}
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
	if s == Accepted && strings.TrimSpace(reason) == "" {
		return ErrNeedsReason
	}
	if s != Accepted {
		reason = ""
	}
	if a.Answers == nil {
		a.Answers = map[string]Answer{}
	}
	a.Answers[key] = Answer{State: s, Reason: strings.TrimSpace(reason), At: now}
	a.Updated = now
	return nil
}

// ErrNeedsReason says an accepted risk was given without a reason.
var ErrNeedsReason = errors.New("accepting a risk needs a reason, so you can explain the choice later")

// SetNote stores or, when empty, removes a note: a shared one, or an
// adviser's private one.
func (a *Audit) SetNote(key, note string, private bool, now time.Time) {
	m := &a.Notes
	if private {
		m = &a.AdviserNotes
	}
	if *m == nil {
		*m = map[string]string{}
	}
	if note = strings.TrimSpace(note); note == "" {
		delete(*m, key)
	} else {
		(*m)[key] = note
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

// IsDone reports whether the action on key is marked done: the mark must
// be later than the answer it acts on.
func (a *Audit) IsDone(key string) (time.Time, bool) {
	t, ok := a.Done[key]
	if !ok {
		return time.Time{}, false
	}
	if ans, answered := a.Answers[key]; answered && t.Before(ans.At) {
		return time.Time{}, false
	}
	return t, true
}

// SetProfile replaces the profile. Answers are keyed by row, so those that
// still apply are kept; the rest stay stored and come back if the profile
// changes back.
func (a *Audit) SetProfile(p *Profile, now time.Time) {
	a.Profile = p.Clone()
	a.Updated = now
}

// LastRound is the most recent completed round before the current one: the
// round a re-audit is compared with, and whose plan stays available while
// the re-audit is under way. When the current round is itself complete it
// is the round before that.
func (a *Audit) LastRound() (Round, bool) {
	n := len(a.Rounds)
	if a.Completed != nil {
		n--
	}
	if n <= 0 {
		return Round{}, false
	}
	return a.Rounds[n-1], true
}

// Restart begins a re-audit. The finished round is already kept in Rounds,
// for comparison and so its plan stays available until the new round is
// finished. Accepted risks carry over with their reasons, because they are
// deliberate, recorded choices; every other answer starts again. Notes
// stay.
func (a *Audit) Restart(now time.Time) {
	kept := map[string]Answer{}
	for k, v := range a.Answers {
		if v.State == Accepted {
			kept[k] = v
		}
	}
	a.Answers = kept
	a.Completed = nil
	a.Cursor = ""
	a.Started = now
	// Complete tells a new round from the same one finished again by
	// Started being after the last round's completion; a clock that has
	// not moved on (a re-audit in the same instant, a frozen test clock)
	// must not make the new round overwrite the old one.
	if n := len(a.Rounds); n > 0 && !now.After(a.Rounds[n-1].Completed) {
		a.Started = a.Rounds[n-1].Completed.Add(time.Nanosecond)
	}
	a.Updated = now
}
