package content

import (
	"fmt"
	"slices"
	"strings"

	"github.com/pressend/pressend/checklist"
)

// sections checks sections and their items. In a layer, a section whose id
// is in base extends it, so it needs no title (any title is ignored).
func (v *validator) sections() {
	for si, s := range v.p.Sections {
		at := fmt.Sprintf("$.sections[%d]", si)
		if v.baseSections[s.ID] {
			if _, dup := v.sectionIDs[s.ID]; dup {
				v.add(at+".id", "duplicate section id %q", s.ID)
			}
			v.sectionIDs[s.ID] = false
		} else {
			v.id(at, "section", s.ID, v.sectionIDs)
			v.need(at, "title", s.Title)
		}
		if len(s.Items) == 0 {
			v.add(at+".items", "section has no items")
		}
		for ii := range s.Items {
			v.item(fmt.Sprintf("%s.items[%d]", at, ii), &s.Items[ii])
		}
	}
}

// item checks one audit item.
func (v *validator) item(at string, it *checklist.Item) {
	v.id(at, "item", it.ID, v.items)
	v.need(at, "question", it.Question)
	v.need(at, "why", it.Why)
	v.need(at, "action", it.Action)
	v.severity(at+".severity", it.Severity)
	switch it.Kind {
	case checklist.KindSetting, checklist.KindTask, checklist.KindHabit:
	case "":
		v.add(at+".kind", "kind is missing (setting, task or habit)")
	default:
		v.add(at+".kind", "kind %q must be setting, task or habit", string(it.Kind))
	}
	if it.Minutes < 1 {
		v.add(at+".minutes", "minutes must be 1 or more")
	}
	v.applies(at+".applies", it.Applies)
	if it.RaiseIfIdentified && len(it.Applies.Platforms) == 0 {
		// Questions raises severity per account, so without platforms the
		// flag silently does nothing.
		v.add(at+".raise_if_identified", "raise_if_identified has no effect on an item without applies.platforms")
	}
	v.howtos(at, it)
	v.cites(at+".cite", it.Cite)
}

// severity checks that a severity is set and known.
func (v *validator) severity(path string, s checklist.Severity) {
	switch {
	case s == 0:
		v.add(path, "severity is missing (high, medium or low)")
	case s < checklist.Low || s > checklist.High:
		v.add(path, "severity must be high, medium or low")
	}
}

// applies checks that an item's filter names only known things.
func (v *validator) applies(at string, a checklist.Applies) {
	v.known(at+".platforms", "platform", a.Platforms, v.platforms)
	for i, t := range a.Accounts {
		if !t.Valid() {
			v.add(fmt.Sprintf("%s.accounts[%d]", at, i), "account type %q must be personal, professional or pseudonymous", string(t))
		}
	}
	v.known(at+".roles", "role", a.Roles, v.roles)
	flags := checklist.KnownFlags()
	for _, list := range []struct {
		key   string
		flags []string
	}{{"flags", a.Flags}, {"any_flags", a.AnyFlags}} {
		for i, f := range list.flags {
			if !slices.Contains(flags, f) {
				v.add(fmt.Sprintf("%s.%s[%d]", at, list.key, i), "unknown flag %q (flags are %s)", f, strings.Join(flags, ", "))
			}
		}
	}
}

// howtos checks that every platform the item is asked for has complete
// steps, and that every howto is complete and for a known platform.
func (v *validator) howtos(at string, it *checklist.Item) {
	for _, pl := range it.Applies.Platforms {
		if _, known := v.platforms[pl]; !known {
			continue // already reported by applies
		}
		if _, ok := it.HowTo[pl]; !ok {
			v.add(at+".howto", "no howto for platform %q: every platform in applies.platforms needs steps", pl)
		}
	}
	keys := make([]string, 0, len(it.HowTo))
	for k := range it.HowTo {
		keys = append(keys, k)
	}
	slices.Sort(keys) // map order is random; problems should not be
	for _, k := range keys {
		h := it.HowTo[k]
		hat := at + ".howto" + keySeg(k)
		if _, ok := v.platforms[k]; !ok {
			v.add(hat, "howto for unknown platform %q", k)
		}
		if len(h.Steps) == 0 {
			v.add(hat+".steps", "howto for %s has no steps", k)
		}
		for i, s := range h.Steps {
			if strings.TrimSpace(s) == "" {
				v.add(fmt.Sprintf("%s.steps[%d]", hat, i), "step is empty")
			}
		}
		v.date(hat+".verified", "verified", h.Verified)
		v.confidence(hat+".confidence", h.Confidence)
		v.need(hat, "fallback", h.Fallback)
	}
}

// scenarios checks the teaching scenarios. Item links are checked against
// every item, so sections must have been checked first.
func (v *validator) scenarios() {
	for i, sc := range v.p.Scenarios {
		at := fmt.Sprintf("$.scenarios[%d]", i)
		v.id(at, "scenario", sc.ID, v.scenarioIDs)
		v.need(at, "title", sc.Title)
		v.need(at, "story", sc.Story)
		v.need(at, "question", sc.Question)
		v.need(at, "principle", sc.Principle)
		if n := len(sc.Options); n < 2 || n > 4 {
			v.add(at+".options", "a scenario needs 2 to 4 options, not %d", n)
		}
		best := 0
		for j, o := range sc.Options {
			oat := fmt.Sprintf("%s.options[%d]", at, j)
			v.need(oat, "text", o.Text)
			v.need(oat, "feedback", o.Feedback)
			if o.Best {
				best++
			}
		}
		if best != 1 && len(sc.Options) > 0 {
			v.add(at+".options", "exactly one option must have best: true, not %d", best)
		}
		v.cites(at+".cite", sc.Cite)
		v.known(at+".items", "item", sc.Items, v.items)
	}
}

// overrides checks a layer's changes to base items.
func (v *validator) overrides() {
	seen := map[string]bool{}
	for i, o := range v.p.Overrides {
		at := fmt.Sprintf("$.overrides[%d]", i)
		if v.base == nil {
			v.add(at, "overrides are only for a pack layered on another pack")
			continue
		}
		switch {
		case o.ID == "":
			v.add(at+".id", "id is missing: name the item to override")
		case !v.baseItems[o.ID]:
			v.add(at+".id", "no item %q in the packs this one is layered on", o.ID)
		case seen[o.ID]:
			v.add(at+".id", "item %q is overridden twice", o.ID)
		}
		seen[o.ID] = true
		if o.Severity != 0 {
			v.severity(at+".severity", o.Severity)
		}
		if o.Minutes < 0 {
			v.add(at+".minutes", "minutes must be 1 or more")
		}
		if o == (checklist.Override{ID: o.ID}) {
			v.add(at, "override changes nothing: set question, why, severity, action, check_action, check or minutes")
		}
	}
}
