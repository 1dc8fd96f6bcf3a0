package content

import (
	"fmt"
	"slices"
	"strings"

	"github.com/pressend/pressend/checklist"
)

// sourceKinds checks what each source is: regulator guidance names its
// regulator, professional guidance names who it is written for, and a
// superseded source names what replaced it. These rules are what lets the
// app show a user only their own profession's guidance as guidance.
func (v *validator) sourceKinds() {
	for i, s := range v.p.Sources {
		at := fmt.Sprintf("$.sources[%d]", i)
		if !slices.Contains(checklist.SourceKinds(), s.Kind) {
			v.add(at+".kind", "kind %q must be one of %s", string(s.Kind), joinKinds())
		}
		switch s.Kind {
		case checklist.SourceRegulator:
			if s.Regulator == "" {
				v.add(at+".regulator", "regulator is missing: regulator guidance names the regulator that issued it")
			} else if _, ok := v.regulators[s.Regulator]; !ok {
				v.add(at+".regulator", "unknown regulator %q", s.Regulator)
			}
		case checklist.SourceProfessional:
			if len(s.Roles) == 0 {
				v.add(at+".roles", "roles is missing: professional guidance lists the roles it is written for (or all)")
			}
		}
		if s.Kind != checklist.SourceRegulator && s.Regulator != "" {
			v.add(at+".regulator", "only kind regulator names a regulator")
		}
		if s.Kind == checklist.SourceSteps && s.Platform == "" {
			v.add(at+".platform", "a steps source names the platform it is about")
		}
		for j, r := range s.Roles {
			if _, ok := v.roles[r]; !ok && r != checklist.AllRoles {
				v.add(fmt.Sprintf("%s.roles[%d]", at, j), "unknown role %q", r)
			}
		}
		v.known(at+".nations", "nation", s.Nations, v.nations)
		switch s.Status {
		case checklist.StatusCurrent, checklist.StatusUnreliable:
			if s.SupersededBy != "" {
				v.add(at+".superseded_by", "superseded_by is only for status superseded")
			}
		case checklist.StatusSuperseded:
			if s.SupersededBy == "" {
				v.add(at+".superseded_by", "superseded_by is missing: name the source that replaced this one")
			} else if _, ok := v.sources[s.SupersededBy]; !ok {
				v.add(at+".superseded_by", "source %q is not in the source register", s.SupersededBy)
			}
		default:
			v.add(at+".status", "status %q must be superseded or unreliable (or left out)", string(s.Status))
		}
	}
}

func joinKinds() string {
	var out []string
	for _, k := range checklist.SourceKinds() {
		out = append(out, string(k))
	}
	return strings.Join(out, ", ")
}

// citeUse checks how a citation uses its source: never an unreliable
// source, a superseded one only as history, and platform help only beside
// the steps (howto.sources), never among the guidance.
func (v *validator) citeUse(at string, c checklist.Citation) {
	s := v.srcs[c.Source]
	switch {
	case s.Status == checklist.StatusUnreliable:
		v.add(at+".source", "source %q is marked unreliable and must not be cited", c.Source)
	case s.Status == checklist.StatusSuperseded && !c.Historical:
		v.add(at+".source", "source %q is superseded by %q: cite the current one, or add historical: true where the old version adds context", c.Source, s.SupersededBy)
	case c.Historical && s.Status != checklist.StatusSuperseded:
		v.add(at+".historical", "historical is only for superseded sources; %q is current", c.Source)
	case s.Kind == checklist.SourceSteps:
		v.add(at+".source", "source %q supports click-paths: list it under the platform's howto sources, not among the citations", c.Source)
	}
}

// stepSources checks a howto's sources: known, and about steps.
func (v *validator) stepSources(at string, platform string, ids []string) {
	for i, id := range ids {
		s, ok := v.srcs[id]
		sat := fmt.Sprintf("%s.sources[%d]", at, i)
		switch {
		case !ok:
			v.add(sat, "source %q is not in the source register", id)
		case s.Status == checklist.StatusUnreliable:
			v.add(sat, "source %q is marked unreliable and must not be cited", id)
		case s.Platform != "" && s.Platform != platform:
			v.add(sat, "source %q is about %s, not %s", id, s.Platform, platform)
		}
	}
}

// harmList checks the harms: unique ids and ranks, each with its reason.
func (v *validator) harmList() {
	ranks := map[int]string{}
	if v.base != nil {
		for _, h := range v.base.Harms {
			ranks[h.Rank] = h.ID
		}
	}
	for i, h := range v.p.Harms {
		at := fmt.Sprintf("$.harms[%d]", i)
		v.id(at, "harm", h.ID, v.harms)
		v.need(at, "title", h.Title)
		v.need(at, "reason", h.Reason)
		switch other, dup := ranks[h.Rank]; {
		case h.Rank < 1:
			v.add(at+".rank", "rank must be 1 or more (1 is the most serious)")
		case dup:
			v.add(at+".rank", "rank %d is already taken by harm %q", h.Rank, other)
		default:
			ranks[h.Rank] = h.ID
		}
		if len(h.Cite) > 0 {
			v.cites(at+".cite", h.Cite)
		}
	}
	if v.base == nil && len(v.p.Harms) == 0 {
		v.add("$.harms", "harms: a complete pack needs at least one, so the plan can be ranked")
	}
}
