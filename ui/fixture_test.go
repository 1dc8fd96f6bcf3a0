package ui

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/pressend/pressend/checklist"
)

// fixedNow keeps every date in golden files stable.
var fixedNow = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)

func nowFn() time.Time { return fixedNow }

// testPack is a small pack with every feature the screens show: citations
// in tiers, a question with a row per platform, steps, an uncertain fact,
// a guided self-search and a raised severity.
func testPack() *checklist.Pack {
	howto := func(steps ...string) checklist.HowTo {
		return checklist.HowTo{Steps: steps, Researched: "2026-11-22", Basis: checklist.BasisHelpPage,
			Fallback: steps[len(steps)-1], Sources: []string{"X-HELP"}}
	}
	return &checklist.Pack{
		ID: "uk", Title: "Test pack", Version: "1.0.0", Reviewed: "2026-11-22", Jurisdiction: "UK",
		Layers: []string{"uk@1.0.0"},
		Sources: []checklist.Source{
			{ID: "GMC-SM", Kind: checklist.SourceRegulator, Regulator: "gmc", Publisher: "GMC", Title: "Using social media as a medical professional",
				Year: "2024", URL: "https://www.gmc-uk.org/sm", Confidence: checklist.Verified},
			{ID: "NMC-SM", Kind: checklist.SourceRegulator, Regulator: "nmc", Publisher: "NMC", Title: "Guidance on using social media responsibly", Year: "2019", Confidence: checklist.Verified},
			{ID: "DU", Kind: checklist.SourceProfessional, Roles: []string{"doctor"}, Publisher: "A defence union", Title: "Member questions", Year: "2016", Confidence: checklist.Secondary},
			{ID: "NEWS", Kind: checklist.SourceEvidence, Publisher: "A newspaper", Title: "A case", Year: "2018", Confidence: checklist.Secondary},
			{ID: "X-HELP", Kind: checklist.SourceSteps, Platform: "x", Publisher: "X Help Center", Title: "Privacy settings", Confidence: checklist.Verified},
		},
		Harms: []checklist.Harm{
			{ID: "confidentiality", Rank: 1, Title: "Patient confidentiality", Reason: "The commonest reason staff were disciplined."},
			{ID: "discoverability", Rank: 2, Title: "How patients find you", Reason: "How unwanted contact begins."},
			{ID: "exposure", Rank: 3, Title: "Who can see your accounts", Reason: "It widens the audience for everything else."},
			{ID: "footprint", Rank: 4, Title: "Old posts and permanence", Reason: "Slower work with less immediate risk."},
		},
		Platforms: []checklist.Platform{{ID: "x", Name: "X (Twitter)", Note: "Posts are public by default."},
			{ID: "facebook", Name: "Facebook and Messenger"}, {ID: "whatsapp", Name: "WhatsApp"}},
		Regulators: []checklist.Regulator{{ID: "gmc", Name: "GMC", Full: "General Medical Council"}, {ID: "nmc", Name: "NMC", Full: "Nursing and Midwifery Council"}},
		Roles: []checklist.Role{
			{ID: "doctor", Name: "Doctor", Regulator: "gmc", Clinical: true},
			{ID: "nurse", Name: "Nurse, midwife or nursing associate", Regulator: "nmc", Clinical: true},
			{ID: "other", Name: "Other healthcare staff"},
		},
		Nations: []checklist.Nation{{ID: "england", Name: "England"}, {ID: "scotland", Name: "Scotland"}},
		Sections: []checklist.Section{
			{ID: "vis", Title: "Visibility and privacy settings", Items: []checklist.Item{
				{ID: "vis.x-protected", Question: "Is this X account set to \"Protect your posts\"?",
					Why:  "X is public by default, so every post can be searched, quoted and screenshotted by anyone.",
					Harm: "exposure", Severity: checklist.Medium, RaiseIfIdentified: true, Quick: true,
					Applies: checklist.Applies{Platforms: []string{"x"}},
					HowTo:   map[string]checklist.HowTo{"x": howto("Settings and privacy", "Privacy and safety", "Audience, media and tagging", "Protect your posts")},
					Action:  "Turn on Protect your posts, then review who already follows you.", Kind: checklist.KindSetting,
					Cite: []checklist.Citation{{Source: "GMC-SM", Para: "9"}, {Source: "NMC-SM", Para: "Code 20.10"}, {Source: "DU"}}},
				{ID: "vis.lookup", Question: "Have you stopped people finding you by your phone number or email?",
					Why: "Anyone with your number, patients included, can match it to your profile.", Harm: "discoverability",
					More:     "Contact lookup is how most patients find a clinician's personal account.",
					Severity: checklist.High, RaiseIfIdentified: true,
					Applies: checklist.Applies{Platforms: []string{"x", "facebook", "whatsapp"}},
					HowTo: map[string]checklist.HowTo{"x": howto("Privacy and safety", "Discoverability and contacts"),
						"whatsapp": {Steps: []string{"Settings", "Privacy", "Profile photo"}, Researched: "2026-11-22", Basis: checklist.BasisHelpPage, Fallback: "Privacy"},
						"facebook": {Steps: []string{"Settings & privacy", "How people find and contact you"}, Researched: "2026-11-22",
							Basis: checklist.BasisSecondary, Fallback: "find and contact", Uncertain: "Whether Facebook now offers \"Only me\" for lookup is not confirmed."}},
					Action: "Turn lookup by phone and email off, or limit it to friends.", Kind: checklist.KindSetting,
					Cite: []checklist.Citation{{Source: "GMC-SM", Para: "18"}, {Source: "NEWS"}}},
			}},
			{ID: "foot", Title: "Digital footprint and permanence", Items: []checklist.Item{
				{ID: "foot.search-yourself", Question: "In the last 6 months, have you searched for your own name as a stranger would?",
					Why: "It shows what patients and employers see.", Harm: "footprint", Severity: checklist.Medium,
					Check:  "Search your name with your profession and town on two search engines, in a private window. pressend does not search for you.",
					Record: "Note what you found. It stays on this computer.",
					Action: "Fix the sources of anything you don't want found.", Work: 20, Kind: checklist.KindTask,
					Cite: []checklist.Citation{{Source: "DU"}}},
				{ID: "foot.patients", Question: "Do you keep every detail of patients out of your posts?",
					Why: "Small details together can identify a patient.", Harm: "confidentiality", Severity: checklist.High,
					Check: "Think about your habits.", Action: "Draft first; leave out anything from work.", Kind: checklist.KindHabit,
					Cite: []checklist.Citation{{Source: "GMC-SM", Para: "18–20"}}},
			}},
		},
	}
}

func testProfile() *checklist.Profile {
	return &checklist.Profile{Role: "doctor", Nation: "england", Identifies: true,
		Accounts: map[string]checklist.AccountType{"x": checklist.Personal, "facebook": checklist.Personal}}
}

// memStore records saves in memory, counts them and can be told to fail.
type memStore struct {
	mu    sync.Mutex
	saves []*checklist.Audit
	fail  error
	moved bool
}

func (s *memStore) Save(a *checklist.Audit) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.fail != nil {
		return s.fail
	}
	s.saves = append(s.saves, a.Clone())
	return nil
}

func (s *memStore) MoveAside(time.Time) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.moved = true
	return "/home/user/.local/share/pressend/audits/me.damaged-20261123T100000.json", nil
}

func (s *memStore) Where() string { return "/home/user/.local/share/pressend/audits/me.json" }

func (s *memStore) count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.saves)
}

func (s *memStore) last() *checklist.Audit {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.saves) == 0 {
		return nil
	}
	return s.saves[len(s.saves)-1]
}

// profiled is a new audit with the test profile filled in.
func profiled() *checklist.Audit {
	a := checklist.NewAudit("me", testPack(), fixedNow)
	a.SetProfile(testProfile(), fixedNow)
	return a
}

func testOptions(a *checklist.Audit, st Storage) Options {
	if a == nil {
		a = checklist.NewAudit("me", testPack(), fixedNow)
	}
	o := Options{Pack: testPack(), Audit: a, Now: nowFn}
	if st != nil {
		o.Store = st
	}
	return o
}

// start builds the root at a size.
func start(t *testing.T, o Options, w, h int) *root {
	t.Helper()
	r := newRoot(o)
	runCmd(r, r.Init(), 0)
	drive(t, r, tea.WindowSizeMsg{Width: w, Height: h})
	return r
}

// drive sends messages through Update, running returned commands
// synchronously (with batches), the way huh's own tests do.
func drive(t *testing.T, m tea.Model, msgs ...tea.Msg) tea.Model {
	t.Helper()
	for _, msg := range msgs {
		var cmd tea.Cmd
		m, cmd = m.Update(msg)
		m = runCmd(m, cmd, 0)
	}
	return m
}

// keys presses each key in turn.
func keys(t *testing.T, m tea.Model, ks ...string) tea.Model {
	t.Helper()
	for _, k := range ks {
		m = drive(t, m, press(k))
	}
	return m
}

func runCmd(m tea.Model, cmd tea.Cmd, depth int) tea.Model {
	if cmd == nil || depth > 8 {
		return m
	}
	msg := cmd()
	switch msg := msg.(type) {
	case tea.BatchMsg:
		for _, c := range msg {
			m = runCmd(m, c, depth+1)
		}
		return m
	case tea.QuitMsg, nil:
		return m
	}
	if isInternal(msg) {
		return m
	}
	var next tea.Cmd
	m, next = m.Update(msg)
	return runCmd(m, next, depth+1)
}

// isInternal filters Bubble Tea's own requests (background colour,
// sequences, cursor blinks) that have no meaning without a terminal.
func isInternal(msg tea.Msg) bool {
	name := fmt.Sprintf("%T", msg)
	return strings.HasPrefix(name, "tea.") || strings.HasPrefix(name, "cursor.")
}

func screenText(m tea.Model) string { return ansi.Strip(m.View().Content) }

func press(s string) tea.KeyPressMsg {
	switch s {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	case "ctrl+s":
		return tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl}
	}
	r := []rune(s)
	return tea.KeyPressMsg{Code: r[0], Text: s}
}

// typeText types a string a rune at a time.
func typeText(t *testing.T, m tea.Model, s string) tea.Model {
	t.Helper()
	for _, r := range s {
		m = drive(t, m, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return m
}

// topIs reports the type of the screen on top.
func topIs[T screen](r *root) bool {
	_, ok := r.top().(T)
	return ok
}
