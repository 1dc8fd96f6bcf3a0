package ui

import (
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

// testPack is a small pack with every feature the screens show: regulator
// citations, a general citation, per-platform steps, an uncertain fact, a
// guided self-search and a raised severity.
func testPack() *checklist.Pack {
	howto := func(steps ...string) checklist.HowTo {
		return checklist.HowTo{Steps: steps, Researched: "2026-11-22", Basis: checklist.BasisSecondary, Fallback: steps[len(steps)-1]}
	}
	return &checklist.Pack{
		ID: "uk", Title: "Test pack", Version: "1.0.0", Reviewed: "2026-11-22", Jurisdiction: "UK",
		Layers: []string{"uk@1.0.0"},
		Sources: []checklist.Source{
			{ID: "GMC-SM", Publisher: "GMC", Title: "Using social media as a medical professional", Year: "2024", Confidence: checklist.Verified},
			{ID: "NMC-SM", Publisher: "NMC", Title: "Guidance on using social media responsibly", Year: "2019", Confidence: checklist.Verified},
			{ID: "S4", Publisher: "Defence union Q&A", Title: "Member questions", Year: "2016", Confidence: checklist.Secondary},
		},
		Platforms:  []checklist.Platform{{ID: "x", Name: "X (Twitter)", Note: "Posts are public by default."}, {ID: "facebook", Name: "Facebook and Messenger"}, {ID: "whatsapp", Name: "WhatsApp"}},
		Regulators: []checklist.Regulator{{ID: "gmc", Name: "GMC", Full: "General Medical Council"}, {ID: "nmc", Name: "NMC", Full: "Nursing and Midwifery Council"}},
		Roles: []checklist.Role{
			{ID: "doctor", Name: "Doctor", Regulator: "gmc", Clinical: true},
			{ID: "nurse", Name: "Nurse, midwife or nursing associate", Regulator: "nmc", Clinical: true},
		},
		Nations: []checklist.Nation{{ID: "england", Name: "England"}, {ID: "scotland", Name: "Scotland"}},
		Sections: []checklist.Section{
			{ID: "vis", Title: "Visibility and privacy settings", Items: []checklist.Item{
				{ID: "vis.x-protected", Question: "Is your personal X account set to \"Protect your posts\"?",
					Why:      "X is public by default, so every post can be searched, quoted and screenshotted by anyone.",
					Severity: checklist.Medium, RaiseIfIdentified: true, Quick: true,
					Applies: checklist.Applies{Platforms: []string{"x"}, Accounts: []checklist.AccountType{checklist.Personal}},
					HowTo:   map[string]checklist.HowTo{"x": howto("Settings and privacy", "Privacy and safety", "Audience, media and tagging", "Protect your posts")},
					Action:  "Turn on Protect your posts, then review who already follows you.", Work: 2, Kind: checklist.KindSetting,
					Cite: []checklist.Citation{{Source: "GMC-SM", Para: "9", Regulators: []string{"gmc"}}, {Source: "NMC-SM", Para: "Code 20.10", Regulators: []string{"nmc"}}, {Source: "S4"}}},
				{ID: "vis.lookup", Question: "Have you stopped people finding you by your phone number or email?",
					Why: "Anyone with your number, patients included, can match it to your profile.", Severity: checklist.High, RaiseIfIdentified: true,
					Applies:   checklist.Applies{Platforms: []string{"x", "facebook"}},
					HowTo:     map[string]checklist.HowTo{"x": howto("Privacy and safety", "Discoverability and contacts"), "facebook": howto("Settings & privacy", "How people find and contact you")},
					Uncertain: "Whether Facebook now offers \"Only me\" for lookup is not confirmed.",
					Action:    "Turn lookup by phone and email off, or limit it to friends.", Work: 3, Kind: checklist.KindSetting,
					Cite: []checklist.Citation{{Source: "GMC-SM", Para: "18", Regulators: []string{"gmc"}}, {Source: "S4"}}},
			}},
			{ID: "foot", Title: "Digital footprint and permanence", Items: []checklist.Item{
				{ID: "foot.search-yourself", Question: "In the last 6 months, have you searched for your own name as a stranger would?",
					Why: "It shows what patients and employers see.", Severity: checklist.Medium,
					Check:  "Search your name with your profession and town on two search engines, in a private window. pressend does not search for you.",
					Record: "Note what you found. It stays on this computer.",
					Action: "Fix the sources of anything you don't want found.", Work: 20, Kind: checklist.KindTask,
					Cite: []checklist.Citation{{Source: "S4"}}},
				{ID: "foot.pause", Question: "Do you pause before posting and apply the front-page test?",
					Why: "Screenshots outlive deletion.", Severity: checklist.Low,
					Check: "Think about your habits.", Action: "Draft first; don't post after night shifts.", Work: 1, Kind: checklist.KindHabit,
					Cite: []checklist.Citation{{Source: "GMC-SM", Para: "4", Regulators: []string{"gmc"}}}},
			}},
		},
	}
}

func testProfile() *checklist.Profile {
	return &checklist.Profile{Role: "doctor", Nation: "england", Identifies: true,
		Accounts: map[string]checklist.AccountType{"x": checklist.Personal, "facebook": checklist.Personal}}
}

// memStore records saves in memory and can be told to fail.
type memStore struct {
	mu    sync.Mutex
	saves []*checklist.Audit
	fail  error
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

func (s *memStore) last() *checklist.Audit {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.saves) == 0 {
		return nil
	}
	return s.saves[len(s.saves)-1]
}

func testOptions(a *checklist.Audit, st Storage) Options {
	p := testPack()
	if a == nil {
		a = checklist.NewAudit("me", p, fixedNow)
	}
	return Options{Pack: p, Audit: a, Store: st, Path: "/home/user/.local/share/pressend/audits/me.json", Now: nowFn}
}

// drive sends messages through Update, running returned commands
// synchronously (one level, plus batches), the way huh's own tests do.
func drive(t *testing.T, m tea.Model, msgs ...tea.Msg) tea.Model {
	t.Helper()
	for _, msg := range msgs {
		var cmd tea.Cmd
		m, cmd = m.Update(msg)
		m = runCmd(m, cmd, 0)
	}
	return m
}

func runCmd(m tea.Model, cmd tea.Cmd, depth int) tea.Model {
	if cmd == nil || depth > 4 {
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
// sequences) that have no meaning without a terminal.
func isInternal(msg tea.Msg) bool {
	switch msg.(type) {
	case savedMsg, movedMsg, profileDoneMsg:
		return false
	}
	name := typeName(msg)
	return len(name) > 4 && name[:4] == "tea."
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
	}
	r := []rune(s)
	return tea.KeyPressMsg{Code: r[0], Text: s}
}
