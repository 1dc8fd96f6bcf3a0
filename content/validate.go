package content

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/pressend/pressend/checklist"
)

// Validate checks a pack against the rules in content/README.md, with
// today's date as the limit for verified and reviewed dates. See
// ValidateAt.
func Validate(p *checklist.Pack, base *checklist.Pack) Problems {
	return ValidateAt(p, base, time.Now())
}

// ValidateAt checks a pack, treating dates after now's calendar day as in
// the future. With base nil, p must be a complete pack. With base set, p
// is a layer to be merged onto base (as Layer does): it needs only id,
// title, version and reviewed, its references may resolve against base
// (sources, platforms, regulators, roles, section ids it appends items to,
// item ids it overrides), and its ids must not clash with base's.
//
// Every Problem has a Path in p (such as $.sections[2].items[4].why) but
// no File or position, because a decoded pack no longer knows its source;
// ValidateFile and LoadLayered add positions.
func ValidateAt(p *checklist.Pack, base *checklist.Pack, now time.Time) Problems {
	if p == nil {
		return Problems{{Path: "$", Msg: "no pack"}}
	}
	v := newValidator(p, base, now)
	v.header()
	v.text()
	v.registers()
	v.sourceKinds()
	v.harmList()
	v.sections()
	v.scenarios()
	v.checkList()
	v.overrides()
	return v.probs
}

// validator holds the ids known so far: base's first, then p's as they are
// checked, so references and duplicates are judged across the merged whole.
type validator struct {
	p, base *checklist.Pack
	today   time.Time
	probs   Problems

	sources, platforms, regulators, roles, nations ids
	sectionIDs, items, scenarioIDs, harms, checks  ids
	// srcs holds every source by id (base's too), so citations can be
	// checked against its kind and status.
	srcs                    map[string]checklist.Source
	baseSections, baseItems map[string]bool
}

// ids maps an id to whether it came from base.
type ids map[string]bool

func newValidator(p, base *checklist.Pack, now time.Time) *validator {
	y, m, d := now.Date()
	v := &validator{p: p, base: base, today: time.Date(y, m, d, 0, 0, 0, 0, time.UTC),
		sources: ids{}, platforms: ids{}, regulators: ids{}, roles: ids{}, nations: ids{},
		sectionIDs: ids{}, items: ids{}, scenarioIDs: ids{}, harms: ids{}, checks: ids{},
		srcs:         map[string]checklist.Source{},
		baseSections: map[string]bool{}, baseItems: map[string]bool{}}
	if base == nil {
		return v
	}
	for _, s := range base.Sources {
		v.sources[s.ID] = true
		v.srcs[s.ID] = s
	}
	for _, h := range base.Harms {
		v.harms[h.ID] = true
	}
	for _, pl := range base.Platforms {
		v.platforms[pl.ID] = true
	}
	for _, r := range base.Regulators {
		v.regulators[r.ID] = true
	}
	for _, r := range base.Roles {
		v.roles[r.ID] = true
	}
	for _, n := range base.Nations {
		v.nations[n.ID] = true
	}
	for _, s := range base.Sections {
		v.baseSections[s.ID] = true
		for _, it := range s.Items {
			v.items[it.ID], v.baseItems[it.ID] = true, true
		}
	}
	for _, sc := range base.Scenarios {
		v.scenarioIDs[sc.ID] = true
	}
	for _, c := range base.Checks {
		v.checks[c.ID] = true
	}
	return v
}

// add records a problem at path.
func (v *validator) add(path, format string, args ...any) {
	v.probs = append(v.probs, Problem{Path: path, Msg: fmt.Sprintf(format, args...)})
}

// need reports a missing required text field. Whitespace alone counts as
// missing: the app would show an empty line.
func (v *validator) need(path, field, value string) {
	if strings.TrimSpace(value) == "" {
		v.add(path+keySeg(field), "%s is missing", field)
	}
}

// validPackID checks the form README gives for a pack id: it appears in
// "id@version" layer names and in file names, so it stays to ASCII
// letters, digits and dashes, starting with a letter or digit.
func validPackID(id string) bool {
	for i, r := range id {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
		case r == '-' && i > 0:
		default:
			return false
		}
	}
	return id != ""
}

// header checks the pack's identity fields.
func (v *validator) header() {
	p := v.p
	switch {
	case p.ID == "":
		v.add("$.id", "id is missing")
	case !validPackID(p.ID):
		v.add("$.id", "pack id %q may use only letters, digits and dashes", p.ID)
	case v.base != nil && slices.Contains(loadedIDs(v.base), p.ID):
		v.add("$.id", "a pack with id %q is already loaded; give this pack its own id", p.ID)
	}
	v.need("$", "title", p.Title)
	v.need("$", "version", p.Version)
	v.date("$.reviewed", "reviewed", p.Reviewed)
	if v.base != nil {
		return
	}
	// A base pack must let the profile screen offer a role and a nation,
	// and must ask something.
	v.need("$", "jurisdiction", p.Jurisdiction)
	for _, list := range []struct {
		key string
		n   int
	}{{"roles", len(p.Roles)}, {"nations", len(p.Nations)}, {"sections", len(p.Sections)}} {
		if list.n == 0 {
			v.add("$."+list.key, "%s: a complete pack needs at least one", list.key)
		}
	}
}

// loadedIDs lists the ids of the packs already merged into base.
func loadedIDs(base *checklist.Pack) []string {
	if len(base.Layers) == 0 {
		return []string{base.ID}
	}
	out := make([]string, len(base.Layers))
	for i, l := range base.Layers {
		out[i], _, _ = strings.Cut(l, "@")
	}
	return out
}

// id checks one id: present, usable in answer keys ("item@platform") and
// not already taken in known (which holds base's ids and earlier ones).
func (v *validator) id(path, kind, id string, known ids) {
	switch {
	case id == "":
		v.add(path+".id", "%s id is missing", kind)
		return
	case strings.ContainsFunc(id, func(r rune) bool { return unicode.IsSpace(r) || r == '@' }):
		v.add(path+".id", "%s id %q must not contain spaces or @", kind, id)
	}
	if fromBase, dup := known[id]; dup {
		if fromBase {
			v.add(path+".id", "%s id %q already exists in the base pack", kind, id)
		} else {
			v.add(path+".id", "duplicate %s id %q", kind, id)
		}
		return
	}
	known[id] = false
}

// date checks a YYYY-MM-DD date that must not be in the future.
func (v *validator) date(path, field string, d checklist.Date) {
	if d == "" {
		v.add(path, "%s date is missing (YYYY-MM-DD)", field)
		return
	}
	t, err := d.Time()
	if err != nil {
		v.add(path, "%s %q is not a date in the form YYYY-MM-DD", field, string(d))
		return
	}
	if t.After(v.today) {
		v.add(path, "%s %s is in the future (today is %s)", field, d, v.today.Format(checklist.DateLayout))
	}
}

// confidence checks a confidence level.
func (v *validator) confidence(path string, c checklist.Confidence) {
	switch {
	case c == "":
		v.add(path, "confidence is missing (verified, secondary or uncertain)")
	case !c.Valid():
		v.add(path, "confidence %q must be verified, secondary or uncertain", string(c))
	}
}

// known checks that every id in list names an entry of the given kind.
func (v *validator) known(path, kind string, list []string, known ids) {
	for i, id := range list {
		if _, ok := known[id]; !ok {
			v.add(fmt.Sprintf("%s[%d]", path, i), "unknown %s %q", kind, id)
		}
	}
}

// registers checks sources, platforms, regulators, roles and nations.
// Regulators come before roles so roles can refer to them.
func (v *validator) registers() {
	for i, s := range v.p.Sources {
		at := fmt.Sprintf("$.sources[%d]", i)
		v.id(at, "source", s.ID, v.sources)
		v.srcs[s.ID] = s
		v.need(at, "publisher", s.Publisher)
		v.need(at, "title", s.Title)
		v.confidence(at+".confidence", s.Confidence)
	}
	for i, pl := range v.p.Platforms {
		at := fmt.Sprintf("$.platforms[%d]", i)
		v.id(at, "platform", pl.ID, v.platforms)
		v.need(at, "name", pl.Name)
	}
	// A source about one platform (its help pages, say) names it, so a
	// question about another platform does not cite it.
	for i, s := range v.p.Sources {
		if _, ok := v.platforms[s.Platform]; s.Platform != "" && !ok {
			v.add(fmt.Sprintf("$.sources[%d].platform", i), "unknown platform %q", s.Platform)
		}
	}
	for i, r := range v.p.Regulators {
		at := fmt.Sprintf("$.regulators[%d]", i)
		v.id(at, "regulator", r.ID, v.regulators)
		v.need(at, "name", r.Name)
		v.need(at, "full", r.Full)
	}
	for i, r := range v.p.Roles {
		at := fmt.Sprintf("$.roles[%d]", i)
		v.id(at, "role", r.ID, v.roles)
		v.need(at, "name", r.Name)
		for _, ref := range [...][2]string{{"regulator", r.Regulator}, {"regulator_ni", r.RegulatorNI}} {
			if _, ok := v.regulators[ref[1]]; ref[1] != "" && !ok {
				v.add(at+"."+ref[0], "unknown regulator %q", ref[1])
			}
		}
	}
	for i, n := range v.p.Nations {
		at := fmt.Sprintf("$.nations[%d]", i)
		v.id(at, "nation", n.ID, v.nations)
		v.need(at, "name", n.Name)
	}
}

// cites checks a list of citations, which must not be empty.
func (v *validator) cites(path string, cs []checklist.Citation) {
	if len(cs) == 0 {
		v.add(path, "no citation: add at least one cite entry naming a source")
		return
	}
	for i, c := range cs {
		at := fmt.Sprintf("%s[%d]", path, i)
		if c.Source == "" {
			v.add(at+".source", "source is missing")
		} else if _, ok := v.sources[c.Source]; !ok {
			v.add(at+".source", "source %q is not in the source register", c.Source)
		} else {
			v.citeUse(at, c)
		}
		v.known(at+".regulators", "regulator", c.Regulators, v.regulators)
		v.known(at+".roles", "role", c.Roles, v.roles)
	}
}
