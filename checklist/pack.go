// Package checklist holds pressend's domain: content packs, the user's
// profile, answers, audits, the action plan and the score, plus the store
// that keeps audits on disk and the report writers. It imports no terminal
// library, so every rule here can be tested with plain table tests.
package checklist

import (
	"fmt"
	"strings"
	"time"
)

// DateLayout is the only date format packs use (ISO 8601 calendar date).
const DateLayout = "2006-01-02"

// Date is a calendar date written as "2006-01-02". It is kept as text so a
// pack round-trips exactly; Time parses it when a calculation needs it.
type Date string

// Time parses the date. A malformed date is an error, never a zero time
// silently treated as "very old".
func (d Date) Time() (time.Time, error) {
	t, err := time.Parse(DateLayout, string(d))
	if err != nil {
		return time.Time{}, fmt.Errorf("date %q is not in the form YYYY-MM-DD", string(d))
	}
	return t, nil
}

// Severity ranks how much harm an unsafe answer can lead to.
type Severity int

// The three severities of the content brief: High means a realistic path to
// regulatory action, legal liability, identifying a patient or risk to
// personal safety; Medium raises exposure; Low is good hygiene.
const (
	Low Severity = iota + 1
	Medium
	High
)

// String gives the lower-case name used in packs and reports.
func (s Severity) String() string {
	switch s {
	case Low:
		return "low"
	case Medium:
		return "medium"
	case High:
		return "high"
	}
	return "unknown"
}

// MarshalText writes the severity's name.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads "low", "medium" or "high".
func (s *Severity) UnmarshalText(b []byte) error {
	switch strings.ToLower(strings.TrimSpace(string(b))) {
	case "low":
		*s = Low
	case "medium":
		*s = Medium
	case "high":
		*s = High
	default:
		return fmt.Errorf("severity %q must be low, medium or high", string(b))
	}
	return nil
}

// Raise returns the next level up, stopping at High.
func (s Severity) Raise() Severity {
	if s >= High {
		return High
	}
	return s + 1
}

// Confidence says how sure the research is of a fact: seen in a primary
// source, reported by a credible secondary source, or uncertain. The app shows
// uncertain facts as uncertain rather than stating them.
type Confidence string

// The confidence levels of the content brief ([V], [S] and [U]).
const (
	Verified  Confidence = "verified"
	Secondary Confidence = "secondary"
	Uncertain Confidence = "uncertain"
)

// Valid reports whether c is one of the three known levels.
func (c Confidence) Valid() bool {
	return c == Verified || c == Secondary || c == Uncertain
}

// Label is the short wording shown beside a platform path or source.
func (c Confidence) Label() string {
	switch c {
	case Verified:
		return "checked against the platform's own help"
	case Secondary:
		return "from reputable secondary reports"
	case Uncertain:
		return "uncertain: this may have changed, check in the app"
	}
	return string(c)
}

// ActionKind sorts an action into the plan's time groups.
type ActionKind string

// Settings are quick switches ("5-minute fixes" when short), tasks need a
// sitting ("this week"), habits are ways of working to keep up.
const (
	KindSetting ActionKind = "setting"
	KindTask    ActionKind = "task"
	KindHabit   ActionKind = "habit"
)

// Source is one entry of the pack's source register.
type Source struct {
	ID         string     `yaml:"id" json:"id"`
	Publisher  string     `yaml:"publisher" json:"publisher"`
	Title      string     `yaml:"title" json:"title"`
	Year       string     `yaml:"year,omitempty" json:"year,omitempty"`
	URL        string     `yaml:"url,omitempty" json:"url,omitempty"`
	Confidence Confidence `yaml:"confidence" json:"confidence"`
	Note       string     `yaml:"note,omitempty" json:"note,omitempty"`
	// Platform marks a source about one platform, such as its help
	// centre; it is then cited only on questions about that platform (or
	// about all accounts).
	Platform string `yaml:"platform,omitempty" json:"platform,omitempty"`
}

// Citation points an item or scenario at a source, optionally at a paragraph.
// Regulators limits it to users whose regulator is listed, so a nurse sees
// the NMC Code and a doctor the GMC guidance; an empty list means everyone.
type Citation struct {
	Source     string   `yaml:"source" json:"source"`
	Para       string   `yaml:"para,omitempty" json:"para,omitempty"`
	Regulators []string `yaml:"regulators,omitempty" json:"regulators,omitempty"`
	// Roles limits the citation to these roles, for guidance written for
	// one group such as medical students; empty means every role.
	Roles []string `yaml:"roles,omitempty" json:"roles,omitempty"`
	// Uncertain marks a paragraph number (or attribution) the research could
	// not confirm; the app says so next to it.
	Uncertain bool `yaml:"uncertain,omitempty" json:"uncertain,omitempty"`
}

// Platform is a service the user may hold an account on.
type Platform struct {
	ID   string `yaml:"id" json:"id"`
	Name string `yaml:"name" json:"name"`
	// Note is a short fact shown when the platform is chosen, for example
	// "X is public by default".
	Note string `yaml:"note,omitempty" json:"note,omitempty"`
}

// Regulator is a professional regulator whose guidance the app cites.
type Regulator struct {
	ID   string `yaml:"id" json:"id"`
	Name string `yaml:"name" json:"name"`
	Full string `yaml:"full" json:"full"`
	// Note explains a gap, such as guidance the research did not cover.
	Note string `yaml:"note,omitempty" json:"note,omitempty"`
}

// Role is the user's profession. It picks the regulator whose guidance is
// cited, and whether student or clinical items apply.
type Role struct {
	ID        string `yaml:"id" json:"id"`
	Name      string `yaml:"name" json:"name"`
	Regulator string `yaml:"regulator,omitempty" json:"regulator,omitempty"`
	// RegulatorNI replaces Regulator in Northern Ireland (pharmacy: PSNI).
	RegulatorNI string `yaml:"regulator_ni,omitempty" json:"regulator_ni,omitempty"`
	Student     bool   `yaml:"student,omitempty" json:"student,omitempty"`
	Clinical    bool   `yaml:"clinical,omitempty" json:"clinical,omitempty"`
}

// Nation is where the user practises.
type Nation struct {
	ID   string `yaml:"id" json:"id"`
	Name string `yaml:"name" json:"name"`
}

// HowTo is the click-path for checking one item on one platform.
type HowTo struct {
	Steps      []string   `yaml:"steps" json:"steps"`
	Verified   Date       `yaml:"verified" json:"verified"`
	Confidence Confidence `yaml:"confidence" json:"confidence"`
	// Fallback is what to search for in the app's settings when the path
	// has moved ("search the app's settings for …").
	Fallback string `yaml:"fallback" json:"fallback"`
	Note     string `yaml:"note,omitempty" json:"note,omitempty"`
}

// Applies filters an item by the user's profile. Every non-empty field must
// match. Platforms also expands the item into one question per chosen
// platform in the list.
type Applies struct {
	Platforms []string      `yaml:"platforms,omitempty" json:"platforms,omitempty"`
	Accounts  []AccountType `yaml:"accounts,omitempty" json:"accounts,omitempty"`
	Roles     []string      `yaml:"roles,omitempty" json:"roles,omitempty"`
	// Flags must all hold for the profile: identifies, publishes,
	// practice_page, pseudonym, student, clinical.
	Flags []string `yaml:"flags,omitempty" json:"flags,omitempty"`
	// AnyFlags needs at least one of its flags to hold.
	AnyFlags []string `yaml:"any_flags,omitempty" json:"any_flags,omitempty"`
}

// Item is one audit question. Question is phrased so that "yes" is the safe
// answer.
type Item struct {
	ID       string   `yaml:"id" json:"id"`
	Question string   `yaml:"question" json:"question"`
	Why      string   `yaml:"why" json:"why"`
	Severity Severity `yaml:"severity" json:"severity"`
	// RaiseIfIdentified lifts the severity one level on accounts where the
	// user is identifiable as a health professional (content brief §7).
	RaiseIfIdentified bool    `yaml:"raise_if_identified,omitempty" json:"raise_if_identified,omitempty"`
	Applies           Applies `yaml:"applies,omitempty" json:"applies,omitempty"`
	// Check says how to find out, for items that are not about a platform
	// setting (or in addition to the per-platform steps).
	Check string           `yaml:"check,omitempty" json:"check,omitempty"`
	HowTo map[string]HowTo `yaml:"howto,omitempty" json:"howto,omitempty"`
	// Action is what to do when the answer is not safe.
	Action string `yaml:"action" json:"action"`
	// CheckAction is the action when the answer is "unsure"; it begins
	// "Check…". When empty the app derives one from Check.
	CheckAction string     `yaml:"check_action,omitempty" json:"check_action,omitempty"`
	Minutes     int        `yaml:"minutes" json:"minutes"`
	Kind        ActionKind `yaml:"kind" json:"kind"`
	Quick       bool       `yaml:"quick,omitempty" json:"quick,omitempty"`
	Cite        []Citation `yaml:"cite" json:"cite"`
	// Uncertain names a fact in this item the research marks uncertain.
	Uncertain string `yaml:"uncertain,omitempty" json:"uncertain,omitempty"`
	// Record turns the item into a guided exercise: the app fetches
	// nothing and invites the user to note what they found.
	Record string `yaml:"record,omitempty" json:"record,omitempty"`
}

// Section groups items under one theme.
type Section struct {
	ID    string `yaml:"id" json:"id"`
	Title string `yaml:"title" json:"title"`
	Intro string `yaml:"intro,omitempty" json:"intro,omitempty"`
	Items []Item `yaml:"items" json:"items"`
}

// Option is one answer to a teaching scenario.
type Option struct {
	Text     string `yaml:"text" json:"text"`
	Feedback string `yaml:"feedback" json:"feedback"`
	Best     bool   `yaml:"best,omitempty" json:"best,omitempty"`
}

// Scenario is a teaching vignette with choices and feedback.
type Scenario struct {
	ID         string     `yaml:"id" json:"id"`
	Title      string     `yaml:"title" json:"title"`
	Story      string     `yaml:"story" json:"story"`
	Question   string     `yaml:"question" json:"question"`
	Options    []Option   `yaml:"options" json:"options"`
	Principle  string     `yaml:"principle" json:"principle"`
	Cite       []Citation `yaml:"cite" json:"cite"`
	Discussion []string   `yaml:"discussion" json:"discussion"`
	Items      []string   `yaml:"items" json:"items"`
}

// Pack is a complete body of content: the embedded UK pack, possibly with
// organisations' packs layered on top.
type Pack struct {
	ID           string      `yaml:"id" json:"id"`
	Title        string      `yaml:"title" json:"title"`
	Version      string      `yaml:"version" json:"version"`
	Reviewed     Date        `yaml:"reviewed" json:"reviewed"`
	Jurisdiction string      `yaml:"jurisdiction" json:"jurisdiction"`
	Sources      []Source    `yaml:"sources" json:"sources"`
	Platforms    []Platform  `yaml:"platforms" json:"platforms"`
	Regulators   []Regulator `yaml:"regulators" json:"regulators"`
	Roles        []Role      `yaml:"roles" json:"roles"`
	Nations      []Nation    `yaml:"nations" json:"nations"`
	Sections     []Section   `yaml:"sections" json:"sections"`
	Scenarios    []Scenario  `yaml:"scenarios,omitempty" json:"scenarios,omitempty"`
	// Overrides change existing items by id; only layered packs use them.
	Overrides []Override `yaml:"overrides,omitempty" json:"overrides,omitempty"`
	// Layers names the packs merged into this one, base first. The loader
	// fills it in; it is not written in pack files.
	Layers []string `yaml:"-" json:"layers,omitempty"`
}

// Source finds a source by id.
func (p *Pack) Source(id string) (Source, bool) {
	return findByID(p.Sources, id, func(x Source) string { return x.ID })
}

// Platform finds a platform by id.
func (p *Pack) Platform(id string) (Platform, bool) {
	return findByID(p.Platforms, id, func(x Platform) string { return x.ID })
}

// PlatformName gives the display name of a platform, or the id itself.
func (p *Pack) PlatformName(id string) string {
	if pl, ok := p.Platform(id); ok {
		return pl.Name
	}
	return id
}

// Role finds a role by id.
func (p *Pack) Role(id string) (Role, bool) {
	return findByID(p.Roles, id, func(x Role) string { return x.ID })
}

// Regulator finds a regulator by id.
func (p *Pack) Regulator(id string) (Regulator, bool) {
	return findByID(p.Regulators, id, func(x Regulator) string { return x.ID })
}

// Nation finds a nation by id.
func (p *Pack) Nation(id string) (Nation, bool) {
	return findByID(p.Nations, id, func(x Nation) string { return x.ID })
}

// Item finds an item by id, with the index of its section.
func (p *Pack) Item(id string) (*Item, int, bool) {
	for si := range p.Sections {
		for ii := range p.Sections[si].Items {
			if p.Sections[si].Items[ii].ID == id {
				return &p.Sections[si].Items[ii], si, true
			}
		}
	}
	return nil, -1, false
}

// ItemCount is the number of items across all sections.
func (p *Pack) ItemCount() int {
	n := 0
	for _, s := range p.Sections {
		n += len(s.Items)
	}
	return n
}

// Override changes an existing item's wording, severity or action. Empty
// fields leave the item as it was.
type Override struct {
	ID          string   `yaml:"id" json:"id"`
	Question    string   `yaml:"question,omitempty" json:"question,omitempty"`
	Why         string   `yaml:"why,omitempty" json:"why,omitempty"`
	Severity    Severity `yaml:"severity,omitempty" json:"severity,omitempty"`
	Action      string   `yaml:"action,omitempty" json:"action,omitempty"`
	CheckAction string   `yaml:"check_action,omitempty" json:"check_action,omitempty"`
	Check       string   `yaml:"check,omitempty" json:"check,omitempty"`
	Minutes     int      `yaml:"minutes,omitempty" json:"minutes,omitempty"`
}

// findByID returns the first element whose id matches; packs are small, so
// a linear scan is simpler than keeping indexes in step with layering.
func findByID[T any](xs []T, id string, idOf func(T) string) (T, bool) {
	for _, x := range xs {
		if idOf(x) == id {
			return x, true
		}
	}
	var zero T
	return zero, false
}
