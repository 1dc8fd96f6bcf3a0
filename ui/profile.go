package ui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"github.com/pressend/pressend/checklist/display"
)

// profile asks who the user is, a page at a time: role and nation (huh
// selects), platforms (a picker that shows them all), how each account is
// run, and the screening questions. The fields come from profilespec.go,
// shared with the accessible prompts.
type profile struct {
	c      *common
	draft  *profileDraft
	stage  int
	fields []profileField
	form   *huh.Form
	vals   []*string
	picker *picker
	size   size
	back   key.Binding
}

// formDoneMsg says the current page's form was submitted.
type formDoneMsg struct{}

func newProfile(c *common) *profile {
	p := &profile{c: c, draft: newDraft(c.pack, c.audit().Profile), back: backKey()}
	p.load()
	return p
}

// changing reports whether this edits an existing profile (esc then
// leaves it as it was) rather than filling in the first one.
func (p *profile) changing() bool { return p.c.audit().Profile.Complete() }

// load builds the current page.
func (p *profile) load() {
	p.fields = profileStages(p.c.pack, p.draft)[p.stage]
	p.form, p.picker, p.vals = nil, nil, nil
	if len(p.fields) == 1 && p.fields[0].kind == pickMany {
		p.picker = newPicker(p.c, p.fields[0], p.fields[0].get(p.draft))
		p.picker.width, p.picker.height = p.size.width, p.size.height
		return
	}
	var fields []huh.Field
	for _, f := range p.fields {
		v := ""
		if cur := f.get(p.draft); len(cur) > 0 {
			v = cur[0]
		}
		p.vals = append(p.vals, &v)
		opts := make([]huh.Option[string], len(f.options))
		for i, o := range f.options {
			opts[i] = huh.NewOption(o.label, o.value)
		}
		fields = append(fields, huh.NewSelect[string]().Title(f.title).Description(f.desc).Options(opts...).Value(&v))
	}
	// Role and nation share a page; every other question has its own, so
	// it always fits.
	groups := []*huh.Group{huh.NewGroup(fields...)}
	if p.stage > 0 {
		groups = groups[:0]
		for _, f := range fields {
			groups = append(groups, huh.NewGroup(f))
		}
	}
	p.form = huh.NewForm(groups...).WithTheme(huhTheme(p.c.st)).WithShowHelp(false).
		WithWidth(p.size.width).WithHeight(p.size.height)
	p.form.SubmitCmd = func() tea.Msg { return formDoneMsg{} }
}

func (p *profile) Init() tea.Cmd {
	if p.form != nil {
		return p.form.Init()
	}
	return nil
}

func (p *profile) Place() string { return "About you" }

// Typing is true on the huh pages, where letters filter the options; only
// ctrl+c quits there.
func (p *profile) Typing() bool { return p.form != nil }

func (p *profile) Keys() help.KeyMap {
	if p.picker != nil {
		k := p.picker.keys
		return keyList{k.Up, k.Toggle, k.Done, p.back}
	}
	return keyList(append(p.form.KeyBinds(), p.back))
}

func (p *profile) SetSize(width, height int) {
	p.size.SetSize(width, height)
	if p.form != nil {
		p.form = p.form.WithWidth(width).WithHeight(height)
	}
	if p.picker != nil {
		p.picker.width, p.picker.height = width, height
	}
}

func (p *profile) View() string {
	if p.picker != nil {
		return p.picker.view()
	}
	return p.form.View()
}

func (p *profile) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if key.Matches(msg, p.back) {
			return p.goBack()
		}
		if p.picker != nil {
			if p.picker.update(msg) {
				p.fields[0].set(p.draft, p.picker.chosen)
				return p.next()
			}
			return p, nil
		}
	case formDoneMsg:
		for i, f := range p.fields {
			f.set(p.draft, []string{*p.vals[i]})
		}
		return p.next()
	case shareSafeMsg:
		return p, nil
	}
	if p.form == nil {
		return p, nil
	}
	m, cmd := p.form.Update(msg)
	if f, ok := m.(*huh.Form); ok {
		p.form = f
	}
	return p, cmd
}

// goBack returns to the previous page, or leaves a change of profile
// unapplied.
func (p *profile) goBack() (screen, tea.Cmd) {
	if p.stage > 0 {
		p.stage--
		if len(profileStages(p.c.pack, p.draft)[p.stage]) == 0 {
			p.stage--
		}
		p.load()
		return p, p.Init()
	}
	if p.changing() {
		return p, pop
	}
	return p, nil
}

// next moves to the next page with something to ask, or applies the
// profile when there is none.
func (p *profile) next() (screen, tea.Cmd) {
	stages := profileStages(p.c.pack, p.draft)
	for p.stage+1 < len(stages) {
		p.stage++
		if len(stages[p.stage]) > 0 {
			p.load()
			return p, p.Init()
		}
	}
	return p.apply()
}

// apply saves the profile and goes to the first question it adds that is
// unanswered; a change that adds none returns to where the user was.
func (p *profile) apply() (screen, tea.Cmd) {
	c := p.c
	wasChanging := p.changing()
	more, err := c.walk.SetProfile(p.draft.profile(c.pack), c.now())
	if err != nil {
		return p, notice(err.Error())
	}
	est := display.EstimateAudit(c.pack, c.audit(), c.walk.Eval())
	msg := "Your audit: " + est.Text() + "."
	if wasChanging && !more {
		return p, tea.Batch(c.save(), pop, notice("Profile changed. No new questions apply."))
	}
	return p, tea.Batch(c.save(), reset(newQuestion(c)), notice(msg))
}
