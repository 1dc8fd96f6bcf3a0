package content

import (
	"encoding/json"
	"errors"
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
// question, why, severity, action, check_action, check and work replace
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
	out.Checks = append(out.Checks, add.Checks...)
	out.Harms = append(out.Harms, add.Harms...)
	if add.Org != (checklist.Org{}) {
		out.Org = add.Org
	}
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
		if o.Work > 0 {
			it.Work = o.Work
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
// or maps of the packs it was built from. A JSON round trip copies every
// field, including ones added later, which a hand-written copy would miss;
// layering runs once at start-up and only with custom packs installed.
func clonePack(p *checklist.Pack) *checklist.Pack {
	data, err := json.Marshal(p)
	if err != nil {
		panic("content: a pack cannot be copied: " + err.Error()) // every field is plain data
	}
	var c checklist.Pack
	if err := json.Unmarshal(data, &c); err != nil {
		panic("content: a pack cannot be copied: " + err.Error())
	}
	return &c
}
