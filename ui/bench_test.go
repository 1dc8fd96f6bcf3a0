package ui

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/pressend/pressend/checklist"
	"github.com/pressend/pressend/content"
)

// largestAudit is the biggest audit the embedded pack can produce: a
// doctor with every platform, pseudonymous where that adds questions, and
// every screening flag on.
func largestAudit(b *testing.B) Options {
	b.Helper()
	pack, err := content.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	best := &checklist.Profile{}
	for _, role := range pack.Roles {
		for _, t := range []checklist.AccountType{checklist.Personal, checklist.Professional, checklist.Pseudonymous} {
			p := &checklist.Profile{Role: role.ID, Nation: "england", Identifies: true, Publishes: true, PracticePage: true,
				Accounts: map[string]checklist.AccountType{}}
			for _, pl := range pack.Platforms {
				p.Accounts[pl.ID] = t
			}
			if len(checklist.Questions(pack, p, false)) > len(checklist.Questions(pack, best, false)) {
				best = p
			}
		}
	}
	a := checklist.NewAudit("me", pack, fixedNow)
	a.SetProfile(best, fixedNow)
	b.Logf("largest audit: %d questions", len(checklist.Questions(pack, best, false)))
	return Options{Pack: pack, Audit: a, Store: &memStore{}, Now: nowFn}
}

// BenchmarkKeystroke measures one key (Update) plus the repaint (View) on
// the largest audit: moving back and forth between two questions.
func BenchmarkKeystroke(b *testing.B) {
	var m tea.Model = newModel(largestAudit(b))
	m, _ = m.Update(sized(80, 24))
	keys := []tea.KeyPressMsg{press("s"), press("left")}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		m, _ = m.Update(keys[i%2])
		_ = m.View()
	}
}

// BenchmarkAnswer measures answering a question (Update, snapshot for the
// save, and View) on the largest audit.
func BenchmarkAnswer(b *testing.B) {
	opts := largestAudit(b)
	opts.Store = nil // measure the UI, not the disk
	var m tea.Model = newModel(opts)
	m, _ = m.Update(sized(80, 24))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		m, _ = m.Update(press("y"))
		m, _ = m.Update(press("left"))
		_ = m.View()
	}
}

// BenchmarkResultsView measures building the score, plan and results text
// for the largest audit with every question answered "no".
func BenchmarkResultsView(b *testing.B) {
	opts := largestAudit(b)
	for _, q := range checklist.Questions(opts.Pack, opts.Audit.Profile, false) {
		_ = opts.Audit.SetAnswer(q.Key, checklist.No, "", fixedNow)
	}
	m := newModel(opts)
	m.width, m.height = 80, 24
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		_ = m.resultsBody()
	}
}
