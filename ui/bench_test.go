package ui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
	"image/color"

	"github.com/pressend/pressend/checklist"
	"github.com/pressend/pressend/content"
)

// The benchmarks here time what pressend does before its first frame and
// for one key on the question screen, with the real embedded pack at the
// 100x40 size ui/perf/measure.sh uses. They make no claims: compare runs
// with benchstat, and whole-program figures with ui/perf/measure.sh.

// benchAudit is a saved audit like ui/perf/seed writes: personal accounts
// on the first four platforms and two rows answered.
func benchAudit(b *testing.B, pack *checklist.Pack) *checklist.Audit {
	b.Helper()
	a := checklist.NewAudit("me", pack, fixedNow)
	acc := map[string]checklist.AccountType{}
	for _, p := range pack.Platforms[:4] {
		acc[p.ID] = checklist.Personal
	}
	a.SetProfile(&checklist.Profile{Role: pack.Roles[0].ID, Nation: pack.Nations[0].ID, Accounts: acc}, fixedNow)
	keys := checklist.Keys(checklist.Questions(pack, a.Profile, checklist.Full))
	for i, s := range []checklist.State{checklist.No, checklist.Yes} {
		if err := a.SetAnswer(keys[i], s, "", fixedNow); err != nil {
			b.Fatal(err)
		}
	}
	return a
}

// firstFrame does what a run does up to its first frame: load the pack,
// build the root, start it, size it, apply the terminal's background and
// draw.
func firstFrame(b *testing.B, audit func(*checklist.Pack) *checklist.Audit) tea.Model {
	pack, err := content.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	r := newRoot(Options{Pack: pack, Audit: audit(pack), Now: nowFn, Store: &memStore{}})
	_ = r.Init()
	var m tea.Model = r
	m, _ = m.Update(tea.WindowSizeMsg{Width: 100, Height: 40})
	m, _ = m.Update(tea.BackgroundColorMsg{Color: color.Black})
	_ = m.View()
	return m
}

func BenchmarkStartupWelcome(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		firstFrame(b, func(p *checklist.Pack) *checklist.Audit { return checklist.NewAudit("me", p, fixedNow) })
	}
}

func BenchmarkStartupQuestion(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		firstFrame(b, func(p *checklist.Pack) *checklist.Audit { return benchAudit(b, p) })
	}
}

// BenchmarkQuestionKey is one j or k on the question screen: Update and
// View, as Bubble Tea does per key.
func BenchmarkQuestionKey(b *testing.B) {
	m := firstFrame(b, func(p *checklist.Pack) *checklist.Audit { return benchAudit(b, p) })
	if _, ok := m.(*root).top().(*question); !ok {
		b.Fatalf("top screen is %T, not the question", m.(*root).top())
	}
	ks := []tea.Msg{press("j"), press("k")}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		m, _ = m.Update(ks[i%2])
		_ = m.View()
		i++
	}
}
