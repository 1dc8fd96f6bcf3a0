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
	if it.Work < 0 {
		v.add(at+".work", "work is minutes of hands-on work: 0 or more")
	}
	switch {
	case it.Harm == "":
		v.add(at+".harm", "harm is missing: name the harm this item guards against (see harms)")
	default:
		if _, ok := v.harms[it.Harm]; !ok {
			v.add(at+".harm", "unknown harm %q", it.Harm)
		}
	}
	v.applies(at+".applies", it.Applies)
	for i, vr := range it.Variants {
		vat := fmt.Sprintf("%s.variants[%d]", at, i)
		v.known(vat+".roles", "role", vr.Roles, v.roles)
		v.known(vat+".nations", "nation", vr.Nations, v.nations)
		v.flags(vat, "flags", vr.Flags)
		if len(vr.Roles)+len(vr.Nations)+len(vr.Flags) == 0 {
			v.add(vat, "a variant needs roles, nations or flags to say whom it is for")
		}
		if vr.Question+vr.Why+vr.More+vr.Check+vr.Action+vr.CheckAction == "" {
			v.add(vat, "variant changes nothing: set question, why, more, check, action or check_action")
		}
	}
	if it.RaiseIfIdentified && len(it.Applies.Platforms) == 0 {
		// Questions raises severity per account, so without platforms the
		// flag silently does nothing.
		v.add(at+".raise_if_identified", "raise_if_identified has no effect on an item without applies.platforms")
	}
	v.howtos(at, it)
	// An item about platform settings alone may rest on the platforms'
	// help pages, listed with each platform's steps.
	if len(it.Cite) > 0 || !stepsSourced(it) {
		v.cites(at+".cite", it.Cite)
	}
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
	v.known(at+".nations", "nation", a.Nations, v.nations)
	v.flags(at, "flags", a.Flags)
	v.flags(at, "any_flags", a.AnyFlags)
	v.flags(at, "not_flags", a.NotFlags)
}

// flags checks that a list names only known profile flags.
func (v *validator) flags(at, key string, list []string) {
	known := checklist.KnownFlags()
	for i, f := range list {
		if !slices.Contains(known, f) {
			v.add(fmt.Sprintf("%s.%s[%d]", at, key, i), "unknown flag %q (flags are %s)", f, strings.Join(known, ", "))
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
		v.date(hat+".researched", "researched", h.Researched)
		switch {
		case h.Basis == "":
			v.add(hat+".basis", "basis is missing (help-page, secondary or uncertain)")
		case !h.Basis.Valid():
			v.add(hat+".basis", "basis %q must be help-page, secondary or uncertain", string(h.Basis))
		}
		if h.Checked != "" {
			v.date(hat+".checked", "checked", h.Checked)
			if h.Basis != checklist.BasisHelpPage {
				v.add(hat+".checked", "a path resting on %s sources cannot be marked checked: confirm it against the platform's help first", h.Basis)
			}
		}
		v.need(hat, "fallback", h.Fallback)
		v.stepSources(hat, k, h.Sources)
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
		switch sc.Kind() {
		case checklist.ScenarioChoice:
			if sc.Scale != (checklist.Scale{}) {
				v.add(at+".scale", "a choice scenario has options, not a scale")
			}
			v.options(at, sc.Options, !sc.NoSingleAnswer)
		case checklist.ScenarioScale:
			switch {
			case sc.Scale == (checklist.Scale{}):
				v.add(at+".scale", "a scale scenario needs scale.low and scale.high labels")
			default:
				v.need(at+".scale", "low", sc.Scale.Low)
				v.need(at+".scale", "high", sc.Scale.High)
			}
			if len(sc.Options) > 0 {
				v.add(at+".options", "a scale scenario has a scale, not options")
			}
		default:
			v.add(at+".type", "type %q must be choice or scale", string(sc.Type))
		}
		if sc.NoSingleAnswer || sc.Kind() == checklist.ScenarioScale {
			v.need(at, "commentary", sc.Commentary)
		}
		v.cites(at+".cite", sc.Cite)
		v.known(at+".items", "item", sc.Items, v.items)
	}
}

// options checks a scenario's or check's options: 2 to 4, each with
// feedback, and exactly one marked best when there is a best answer (none
// when there is not).
func (v *validator) options(at string, opts []checklist.Option, oneBest bool) {
	if n := len(opts); n < 2 || n > 4 {
		v.add(at+".options", "2 to 4 options are needed, not %d", n)
	}
	best := 0
	for j, o := range opts {
		oat := fmt.Sprintf("%s.options[%d]", at, j)
		v.need(oat, "text", o.Text)
		v.need(oat, "feedback", o.Feedback)
		if o.Best {
			best++
		}
	}
	switch {
	case len(opts) == 0:
	case oneBest && best != 1:
		v.add(at+".options", "exactly one option must have best: true, not %d", best)
	case !oneBest && best != 0:
		v.add(at+".options", "no option may be best when there is no single answer")
	}
}

// checkList checks the knowledge check: each item a question with one
// correct option, feedback and a citation.
func (v *validator) checkList() {
	for i, c := range v.p.Checks {
		at := fmt.Sprintf("$.checks[%d]", i)
		v.id(at, "check", c.ID, v.checks)
		v.need(at, "question", c.Question)
		v.options(at, c.Options, true)
		v.cites(at+".cite", c.Cite)
		v.known(at+".items", "item", c.Items, v.items)
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
		if o.Work < 0 {
			v.add(at+".work", "work must be 0 or more")
		}
		if o == (checklist.Override{ID: o.ID}) {
			v.add(at, "override changes nothing: set question, why, severity, action, check_action, check or work")
		}
	}
}

// stepsSourced reports whether an item has steps for its platforms and
// every one of them names its sources.
func stepsSourced(it *checklist.Item) bool {
	for _, h := range it.HowTo {
		if len(h.Sources) == 0 {
			return false
		}
	}
	return len(it.HowTo) > 0
}
