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

// ActionKind sorts an action into the plan's time groups.
type ActionKind string

// Settings are quick switches ("5-minute fixes" when short), tasks need a
// sitting ("this week"), habits are ways of working to keep up.
const (
	KindSetting ActionKind = "setting"
	KindTask    ActionKind = "task"
	KindHabit   ActionKind = "habit"
)

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
	// Clinical roles work with patients. Roles that are not (staff without
	// a registered profession) are asked whether they have contact with
	// patients instead.
	Clinical bool `yaml:"clinical,omitempty" json:"clinical,omitempty"`
}

// Nation is where the user practises.
type Nation struct {
	ID   string `yaml:"id" json:"id"`
	Name string `yaml:"name" json:"name"`
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
	Harms        []Harm      `yaml:"harms,omitempty" json:"harms,omitempty"`
	Platforms    []Platform  `yaml:"platforms" json:"platforms"`
	Regulators   []Regulator `yaml:"regulators" json:"regulators"`
	Roles        []Role      `yaml:"roles" json:"roles"`
	Nations      []Nation    `yaml:"nations" json:"nations"`
	Sections     []Section   `yaml:"sections" json:"sections"`
	Scenarios    []Scenario  `yaml:"scenarios,omitempty" json:"scenarios,omitempty"`
	Checks       []Check     `yaml:"checks,omitempty" json:"checks,omitempty"`
	// Org is the organisation behind a layered pack (contact, footer).
	Org Org `yaml:"org,omitempty" json:"org,omitempty"`
	// Overrides change existing items by id; only layered packs use them.
	Overrides []Override `yaml:"overrides,omitempty" json:"overrides,omitempty"`
	// Layers names the packs merged into this one, base first. The loader
	// fills it in; it is not written in pack files.
	Layers []string `yaml:"-" json:"layers,omitempty"`
}

// Source finds a source by id.
func (p *Pack) Source(id string) (Source, bool) {
	return findByID(p.Sources, id, func(x *Source) string { return x.ID })
}

// Platform finds a platform by id.
func (p *Pack) Platform(id string) (Platform, bool) {
	return findByID(p.Platforms, id, func(x *Platform) string { return x.ID })
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
	return findByID(p.Roles, id, func(x *Role) string { return x.ID })
}

// Harm finds a harm by id.
func (p *Pack) Harm(id string) (Harm, bool) {
	return findByID(p.Harms, id, func(x *Harm) string { return x.ID })
}

// Regulator finds a regulator by id.
func (p *Pack) Regulator(id string) (Regulator, bool) {
	return findByID(p.Regulators, id, func(x *Regulator) string { return x.ID })
}

// Nation finds a nation by id.
func (p *Pack) Nation(id string) (Nation, bool) {
	return findByID(p.Nations, id, func(x *Nation) string { return x.ID })
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
	Work        int      `yaml:"work,omitempty" json:"work,omitempty"`
}

// findByID returns the first element whose id matches; packs are small, so
// a linear scan is simpler than keeping indexes in step with layering. It
// looks through pointers so the scan copies no element but the one found:
// a Source is a dozen strings, and the screens look sources up per line.
func findByID[T any](xs []T, id string, idOf func(*T) string) (T, bool) {
	for i := range xs {
		if idOf(&xs[i]) == id {
			return xs[i], true
		}
	}
	var zero T
	return zero, false
}
