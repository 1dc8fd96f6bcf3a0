package ui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/pressend/pressend/checklist"
)

func sized(w, h int) tea.WindowSizeMsg { return tea.WindowSizeMsg{Width: w, Height: h} }

func answered() *checklist.Audit {
	a := checklist.NewAudit("me", testPack(), fixedNow)
	a.SetProfile(testProfile(), fixedNow)
	return a
}

func TestWelcomeGolden(t *testing.T) {
	m := drive(t, newModel(testOptions(nil, &memStore{})), sized(80, 24))
	golden.RequireEqual(t, []byte(screenText(m)))
}

func TestItemGolden(t *testing.T) {
	m := drive(t, newModel(testOptions(answered(), &memStore{})), sized(80, 24))
	golden.RequireEqual(t, []byte(screenText(m)))
}

func TestItemGolden120x40(t *testing.T) {
	m := drive(t, newModel(testOptions(answered(), &memStore{})), sized(120, 40), press("y"))
	golden.RequireEqual(t, []byte(screenText(m)))
}
