package ui

import (
	"slices"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"github.com/pressend/pressend/checklist"
)

// profileDoneMsg says a profile form page was submitted.
type profileDoneMsg struct{}

// profileForm asks who the user is in two huh forms: first role, nation,
// platforms and the three screening questions; then, for each platform
// chosen, how that account is run. Two small forms render faster than one
// large one and let the second depend on the first.
type profileForm struct {
	pack  *checklist.Pack
	theme huh.Theme
	form  *huh.Form
	stage int

	role, nation                     string
	platforms                        []string
	identifies, publishes, practices bool
	types                            map[string]*string
	width, height                    int
}

// newProfileForm starts the profile, prefilled from an earlier one so a
// change keeps everything the user does not touch.
func newProfileForm(pack *checklist.Pack, prev *checklist.Profile, theme huh.Theme) *profileForm {
	p := &profileForm{pack: pack, theme: theme, types: map[string]*string{}, width: 78, height: 18}
	if prev != nil {
		p.role, p.nation = prev.Role, prev.Nation
		p.identifies, p.publishes, p.practices = prev.Identifies, prev.Publishes, prev.PracticePage
		for _, pl := range pack.Platforms {
			if t, ok := prev.Accounts[pl.ID]; ok {
				p.platforms = append(p.platforms, pl.ID)
				s := string(t)
				p.types[pl.ID] = &s
			}
		}
	}
	p.form = p.firstForm()
	return p
}

func (p *profileForm) firstForm() *huh.Form {
	roles := make([]huh.Option[string], 0, len(p.pack.Roles))
	for _, r := range p.pack.Roles {
		roles = append(roles, huh.NewOption(r.Name, r.ID))
	}
	nations := make([]huh.Option[string], 0, len(p.pack.Nations))
	for _, n := range p.pack.Nations {
		nations = append(nations, huh.NewOption(n.Name, n.ID))
	}
	platforms := make([]huh.Option[string], 0, len(p.pack.Platforms))
	for _, pl := range p.pack.Platforms {
		platforms = append(platforms, huh.NewOption(pl.Name, pl.ID).Selected(slices.Contains(p.platforms, pl.ID)))
	}
	return p.finish(huh.NewForm(
		huh.NewGroup(
			huh.NewSelect[string]().Title("What is your role?").
				Description("This decides whose guidance is cited.").
				Options(roles...).Value(&p.role),
			huh.NewSelect[string]().Title("Where do you practise or study?").
				Options(nations...).Value(&p.nation),
		),
		huh.NewGroup(
			huh.NewMultiSelect[string]().Title("Which platforms do you have an account on?").
				Description("Include accounts you no longer use. Space to tick, enter when done.").
				Options(platforms...).Value(&p.platforms),
		),
		huh.NewGroup(
			huh.NewConfirm().Title("Do you show you are a health professional on any personal account?").
				Description("For example a title in your name, a uniform photo, your workplace in your bio, or posting health content.").
				Affirmative("Yes").Negative("No").Value(&p.identifies),
			huh.NewConfirm().Title("Do you publish for the public, monetise, or advertise?").
				Description("For example private practice, aesthetics, courses or brand deals.").
				Affirmative("Yes").Negative("No").Value(&p.publishes),
			huh.NewConfirm().Title("Do you run an official, practice or department account?").
				Affirmative("Yes").Negative("No").Value(&p.practices),
		),
	))
}

// secondForm asks how each chosen account is run.
func (p *profileForm) secondForm() *huh.Form {
	var groups []*huh.Group
	for _, pl := range p.pack.Platforms {
		if !slices.Contains(p.platforms, pl.ID) {
			continue
		}
		v, ok := p.types[pl.ID]
		if !ok {
			s := string(checklist.Personal)
			v = &s
			p.types[pl.ID] = v
		}
		desc := "Pseudonymous means it does not show your real name."
		if pl.Note != "" {
			desc = checklist.SanitizeLine(pl.Note) + " " + desc
		}
		groups = append(groups, huh.NewGroup(huh.NewSelect[string]().
			Title("Your "+checklist.SanitizeLine(pl.Name)+" account is…").
			Description(desc).
			Options(
				huh.NewOption("Personal, under my own name", string(checklist.Personal)),
				huh.NewOption("Professional, as a health professional", string(checklist.Professional)),
				huh.NewOption("Pseudonymous or anonymous", string(checklist.Pseudonymous)),
			).Value(v)))
	}
	return p.finish(huh.NewForm(groups...))
}

// finish applies the shared theme, size and submit hook.
func (p *profileForm) finish(f *huh.Form) *huh.Form {
	f = f.WithTheme(p.theme).WithShowHelp(true).WithWidth(p.width).WithHeight(p.height)
	f.SubmitCmd = func() tea.Msg { return profileDoneMsg{} }
	return f
}

func (p *profileForm) init() tea.Cmd { return p.form.Init() }

func (p *profileForm) setSize(w, h int) {
	p.width, p.height = w, h
	p.form = p.form.WithWidth(w).WithHeight(h)
}

// update forwards a message to the form. huh's Update returns huh.Model,
// not tea.Model, hence the assertion.
func (p *profileForm) update(msg tea.Msg) tea.Cmd {
	f, cmd := p.form.Update(msg)
	if ff, ok := f.(*huh.Form); ok {
		p.form = ff
	}
	return cmd
}

func (p *profileForm) view() string { return p.form.View() }

// next moves to the second page, or reports that the profile is complete.
func (p *profileForm) next() (done bool, cmd tea.Cmd) {
	if p.stage == 0 && len(p.platforms) > 0 {
		p.stage = 1
		p.form = p.secondForm()
		return false, p.form.Init()
	}
	return true, nil
}

// profile builds the result.
func (p *profileForm) profile() *checklist.Profile {
	pr := &checklist.Profile{Role: p.role, Nation: p.nation, Identifies: p.identifies,
		Publishes: p.publishes, PracticePage: p.practices, Accounts: map[string]checklist.AccountType{}}
	for _, id := range p.platforms {
		t := checklist.Personal
		if v, ok := p.types[id]; ok && checklist.AccountType(*v).Valid() {
			t = checklist.AccountType(*v)
		}
		pr.Accounts[id] = t
	}
	return pr
}

// openProfile shows the profile form, prefilled from the current profile.
func (m model) openProfile() (tea.Model, tea.Cmd) {
	m.profile = newProfileForm(m.pack, m.audit.Profile, m.themes.theme())
	m.screen = scrProfile
	m.profile.setSize(m.bodyWidth(), m.bodyHeight())
	return m, tea.Batch(m.profile.init(), tea.RequestBackgroundColor)
}

// updateProfile drives the form and applies the profile when it is done.
func (m model) updateProfile(msg tea.Msg) (tea.Model, tea.Cmd) {
	if m.profile == nil {
		return m, nil
	}
	if k, ok := msg.(tea.KeyPressMsg); ok && k.String() == "esc" && m.audit.Profile.Complete() {
		m.profile = nil
		m.screen = scrOverview
		return m, nil
	}
	if _, ok := msg.(profileDoneMsg); ok {
		done, cmd := m.profile.next()
		if !done {
			m.profile.setSize(m.bodyWidth(), m.bodyHeight())
			return m, cmd
		}
		m.audit.SetProfile(m.profile.profile(), m.now())
		m.profile = nil
		m.refreshQuestions()
		m.pos = m.resumePos()
		m.screen = scrItem
		m.layout()
		return m, m.save()
	}
	return m, m.profile.update(msg)
}
