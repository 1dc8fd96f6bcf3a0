package ui

import (
	"slices"

	"github.com/pressend/pressend/checklist"
	"github.com/pressend/pressend/checklist/display"
)

// The profile questions are declared once, here. The full-screen form and
// the accessible prompts both render these fields, so a screen-reader user
// hears the same explanations (X is public by default, say) as everyone.

// fieldKind is how a profile field is answered.
type fieldKind int

const (
	pickOne fieldKind = iota
	pickMany
	yesNo
)

// option is one choice of a field, with an optional explanation shown
// beside it (a platform's note).
type option struct {
	label, value, note string
}

// profileField is one profile question. get and set read and write the
// draft: single values as strings, several as a slice, yes/no as "yes" or
// "no".
type profileField struct {
	id, title, desc string
	kind            fieldKind
	options         []option
	get             func(*profileDraft) []string
	set             func(*profileDraft, []string)
}

// profileDraft is the profile being filled in, prefilled from the last one
// so a change keeps everything the user does not touch.
type profileDraft struct {
	role, nation                     string
	platforms                        []string
	accounts                         map[string]string
	identifies, publishes, practices bool
	contact                          bool
}

func newDraft(pack *checklist.Pack, prev *checklist.Profile) *profileDraft {
	d := &profileDraft{accounts: map[string]string{}}
	if prev == nil {
		return d
	}
	d.role, d.nation = prev.Role, prev.Nation
	d.identifies, d.publishes, d.practices, d.contact = prev.Identifies, prev.Publishes, prev.PracticePage, prev.PatientContact
	for _, pl := range pack.Platforms {
		if t, ok := prev.Accounts[pl.ID]; ok {
			d.platforms = append(d.platforms, pl.ID)
			d.accounts[pl.ID] = string(t)
		}
	}
	return d
}

// profile is the finished profile. An account whose type was never chosen
// is personal.
func (d *profileDraft) profile(pack *checklist.Pack) *checklist.Profile {
	p := &checklist.Profile{Role: d.role, Nation: d.nation, Identifies: d.identifies, Publishes: d.publishes,
		PracticePage: d.practices, Accounts: map[string]checklist.AccountType{}}
	if r, ok := pack.Role(d.role); ok && !r.Clinical {
		p.PatientContact = d.contact
	}
	for _, id := range d.platforms {
		t := checklist.AccountType(d.accounts[id])
		if !t.Valid() {
			t = checklist.Personal
		}
		p.Accounts[id] = t
	}
	return p
}

// profileStages groups the fields into the pages of the form: who you
// are, your platforms, how each account is run, and the screening
// questions. Later stages depend on earlier answers, so they are built
// when reached.
func profileStages(pack *checklist.Pack, d *profileDraft) [][]profileField {
	return [][]profileField{whoFields(pack), {platformField(pack)}, accountFields(pack, d), screeningFields(pack, d)}
}

func one(get func(*profileDraft) *string) (func(*profileDraft) []string, func(*profileDraft, []string)) {
	return func(d *profileDraft) []string { return []string{*get(d)} },
		func(d *profileDraft, v []string) {
			if len(v) > 0 {
				*get(d) = v[0]
			}
		}
}

func whoFields(pack *checklist.Pack) []profileField {
	var roles, nations []option
	for _, r := range pack.Roles {
		roles = append(roles, option{label: display.Line(r.Name), value: r.ID})
	}
	for _, n := range pack.Nations {
		nations = append(nations, option{label: display.Line(n.Name), value: n.ID})
	}
	rg, rs := one(func(d *profileDraft) *string { return &d.role })
	ng, ns := one(func(d *profileDraft) *string { return &d.nation })
	return []profileField{
		{id: "role", title: "What is your role?", desc: "This decides whose guidance is cited.", kind: pickOne, options: roles, get: rg, set: rs},
		{id: "nation", title: "Where do you practise or study?", desc: "Some routes and NHS bodies differ between the UK nations.", kind: pickOne, options: nations, get: ng, set: ns},
	}
}

func platformField(pack *checklist.Pack) profileField {
	var opts []option
	for _, pl := range pack.Platforms {
		opts = append(opts, option{label: display.Line(pl.Name), value: pl.ID, note: display.Line(pl.Note)})
	}
	return profileField{id: "platforms", title: "Which platforms do you have an account on?",
		desc: "Include accounts you no longer use.", kind: pickMany, options: opts,
		get: func(d *profileDraft) []string { return d.platforms },
		set: func(d *profileDraft, v []string) {
			d.platforms = nil
			for _, pl := range pack.Platforms { // keep the pack's order
				if slices.Contains(v, pl.ID) {
					d.platforms = append(d.platforms, pl.ID)
				}
			}
		}}
}

// accountFields asks how each chosen account is run, with the platform's
// note (X is public by default) so the choice is informed.
func accountFields(pack *checklist.Pack, d *profileDraft) []profileField {
	var out []profileField
	for _, id := range d.platforms {
		pl, ok := pack.Platform(id)
		if !ok {
			continue
		}
		desc := "Pseudonymous means it does not show your real name."
		if pl.Note != "" {
			desc = display.Line(pl.Note) + " " + desc
		}
		id := id
		out = append(out, profileField{id: "account:" + id, title: "Your " + display.Line(pl.Name) + " account is…", desc: desc, kind: pickOne,
			options: []option{
				{label: "Personal, under my own name", value: string(checklist.Personal)},
				{label: "Professional, as a health professional", value: string(checklist.Professional)},
				{label: "Pseudonymous or anonymous", value: string(checklist.Pseudonymous)},
			},
			get: func(d *profileDraft) []string {
				if v := d.accounts[id]; v != "" {
					return []string{v}
				}
				return []string{string(checklist.Personal)}
			},
			set: func(d *profileDraft, v []string) {
				if len(v) > 0 {
					d.accounts[id] = v[0]
				}
			}})
	}
	return out
}

func flag(get func(*profileDraft) *bool) (func(*profileDraft) []string, func(*profileDraft, []string)) {
	return func(d *profileDraft) []string {
			if *get(d) {
				return []string{"yes"}
			}
			return []string{"no"}
		}, func(d *profileDraft, v []string) {
			*get(d) = len(v) > 0 && v[0] == "yes"
		}
}

// screeningFields are the yes/no questions that turn sections on. Staff
// without a clinical role are asked about contact with patients.
func screeningFields(pack *checklist.Pack, d *profileDraft) []profileField {
	yn := []option{{label: "Yes", value: "yes"}, {label: "No", value: "no"}}
	ig, is := flag(func(d *profileDraft) *bool { return &d.identifies })
	pg, ps := flag(func(d *profileDraft) *bool { return &d.publishes })
	xg, xs := flag(func(d *profileDraft) *bool { return &d.practices })
	out := []profileField{
		{id: "identifies", title: "Do you show you are a health professional on any personal account?",
			desc: "For example a title in your name, a uniform photo, your workplace in your bio, or posting health content.",
			kind: yesNo, options: yn, get: ig, set: is},
		{id: "publishes", title: "Do you publish for the public, monetise, or advertise?",
			desc: "For example private practice, aesthetics, courses or brand deals.", kind: yesNo, options: yn, get: pg, set: ps},
		{id: "practice", title: "Do you run an official, practice or department account?",
			desc: "A page or account that speaks for a team, practice or employer.", kind: yesNo, options: yn, get: xg, set: xs},
	}
	if r, ok := pack.Role(d.role); ok && !r.Clinical {
		cg, cs := flag(func(d *profileDraft) *bool { return &d.contact })
		out = append(out, profileField{id: "contact", title: "Do you have contact with patients in your work?",
			desc: "For example on a ward, at reception or on the phone. If so, you get the questions about patients too.",
			kind: yesNo, options: yn, get: cg, set: cs})
	}
	return out
}
