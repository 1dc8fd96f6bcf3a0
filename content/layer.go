package content

import (
	"errors"
	"maps"
	"slices"

	"github.com/pressend/pressend/checklist"
)

// Layer merges an organisation's pack onto base and returns a new pack;
// neither argument is changed, and the result shares no memory with them.
//
// The layer's sources, platforms, regulators, roles, nations and scenarios
// are appended. A section with a new id is appended whole; a section whose
// id is in base has its items appended to that section (its title and
// intro, if any, are ignored). Overrides are applied by item id: non-empty
// question, why, severity, action, check_action, check and minutes replace
// the item's. Layers gets "id@version" appended.
//
// The layer is validated against base first (with today's date); if it
// has problems they are returned as a Problems error and nothing is merged.
func Layer(base *checklist.Pack, layer *checklist.Pack) (*checklist.Pack, error) {
	if base == nil || layer == nil {
		return nil, errors.New("content.Layer: base and layer must not be nil")
	}
	if probs := Validate(layer, base); len(probs) > 0 {
		return nil, probs
	}
	return merge(base, layer), nil
}

// merge is Layer without validation, for callers that have validated l
// with positions already.
func merge(base, l *checklist.Pack) *checklist.Pack {
	out, add := clonePack(base), clonePack(l)
	out.Sources = append(out.Sources, add.Sources...)
	out.Platforms = append(out.Platforms, add.Platforms...)
	out.Regulators = append(out.Regulators, add.Regulators...)
	out.Roles = append(out.Roles, add.Roles...)
	out.Nations = append(out.Nations, add.Nations...)
	out.Scenarios = append(out.Scenarios, add.Scenarios...)
	for _, s := range add.Sections {
		i := slices.IndexFunc(out.Sections, func(b checklist.Section) bool { return b.ID == s.ID })
		if i < 0 {
			out.Sections = append(out.Sections, s)
			continue
		}
		out.Sections[i].Items = append(out.Sections[i].Items, s.Items...)
	}
	for _, o := range add.Overrides {
		it, _, ok := out.Item(o.ID)
		if !ok {
			continue
		}
		setIf(&it.Question, o.Question)
		setIf(&it.Why, o.Why)
		setIf(&it.Action, o.Action)
		setIf(&it.CheckAction, o.CheckAction)
		setIf(&it.Check, o.Check)
		if o.Severity != 0 {
			it.Severity = o.Severity
		}
		if o.Minutes > 0 {
			it.Minutes = o.Minutes
		}
	}
	out.Overrides = nil // applied: the result is a complete pack again
	out.Layers = append(layersOf(base), l.ID+"@"+l.Version)
	return out
}

// setIf replaces *dst with v when v is set.
func setIf(dst *string, v string) {
	if v != "" {
		*dst = v
	}
}

// layersOf is base's layer list, or base itself when it was never layered.
func layersOf(p *checklist.Pack) []string {
	if len(p.Layers) > 0 {
		return slices.Clone(p.Layers)
	}
	return []string{p.ID + "@" + p.Version}
}

// clonePack deep-copies a pack, so a merged pack never aliases the slices
// or maps of the packs it was built from.
func clonePack(p *checklist.Pack) *checklist.Pack {
	c := *p
	c.Sources = slices.Clone(p.Sources)
	c.Platforms = slices.Clone(p.Platforms)
	c.Regulators = slices.Clone(p.Regulators)
	c.Roles = slices.Clone(p.Roles)
	c.Nations = slices.Clone(p.Nations)
	c.Overrides = slices.Clone(p.Overrides)
	c.Layers = slices.Clone(p.Layers)
	c.Sections = slices.Clone(p.Sections)
	for i := range c.Sections {
		items := slices.Clone(c.Sections[i].Items)
		for j := range items {
			items[j] = cloneItem(items[j])
		}
		c.Sections[i].Items = items
	}
	c.Scenarios = slices.Clone(p.Scenarios)
	for i := range c.Scenarios {
		sc := &c.Scenarios[i]
		sc.Options = slices.Clone(sc.Options)
		sc.Cite = cloneCites(sc.Cite)
		sc.Discussion = slices.Clone(sc.Discussion)
		sc.Items = slices.Clone(sc.Items)
	}
	return &c
}

// cloneItem deep-copies an item's lists and howto map.
func cloneItem(it checklist.Item) checklist.Item {
	a := &it.Applies
	a.Platforms = slices.Clone(a.Platforms)
	a.Accounts = slices.Clone(a.Accounts)
	a.Roles = slices.Clone(a.Roles)
	a.Flags = slices.Clone(a.Flags)
	a.AnyFlags = slices.Clone(a.AnyFlags)
	if it.HowTo != nil {
		h := maps.Clone(it.HowTo)
		for k, v := range h {
			v.Steps = slices.Clone(v.Steps)
			h[k] = v
		}
		it.HowTo = h
	}
	it.Cite = cloneCites(it.Cite)
	return it
}

// cloneCites deep-copies citations.
func cloneCites(cs []checklist.Citation) []checklist.Citation {
	cs = slices.Clone(cs)
	for i := range cs {
		cs[i].Regulators = slices.Clone(cs[i].Regulators)
		cs[i].Roles = slices.Clone(cs[i].Roles)
	}
	return cs
}
