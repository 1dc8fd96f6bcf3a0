package ui

import (
	"image/color"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/pressend/pressend/checklist"
	"github.com/pressend/pressend/checklist/display"
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
	// As the audit command does for the embedded pack with no layers.
	r := newRoot(Options{Pack: pack, Audit: audit(pack), Now: nowFn, Store: &memStore{},
		TypicalMinutes: content.EmbeddedTypicalMinutes})
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

// TestKnownTypicalMinutes: the welcome screen takes a known range from
// Options.TypicalMinutes, and works it out when that has none.
func TestKnownTypicalMinutes(t *testing.T) {
	o := testOptions(nil, nil)
	lo, hi := display.TypicalMinutes(o.Pack, checklist.Full)
	if got := screenText(start(t, o, 100, 40)); !strings.Contains(got, minutesRange(lo, hi)) {
		t.Fatalf("no %q on the welcome screen:\n%s", minutesRange(lo, hi), got)
	}
	calls := 0
	o.TypicalMinutes = func(m checklist.Mode) (int, int, bool) { calls++; return 97, 99, m == checklist.Full }
	r := start(t, o, 100, 40)
	drive(t, r, tea.BackgroundColorMsg{Color: color.White}, tea.WindowSizeMsg{Width: 90, Height: 30})
	if got := screenText(r); !strings.Contains(got, "97 to 99 minutes") || calls != 1 {
		t.Fatalf("known range not shown, or asked %d times, not once:\n%s", calls, got)
	}
}
