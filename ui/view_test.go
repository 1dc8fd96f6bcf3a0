package ui

import (
	"errors"
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

func answeredAll() *checklist.Audit {
	a := answered()
	qs := checklist.Questions(testPack(), a.Profile, false)
	states := []checklist.State{checklist.No, checklist.Unsure, checklist.Yes, checklist.Accepted, checklist.Yes}
	for i, q := range qs {
		reason := ""
		if states[i%len(states)] == checklist.Accepted {
			reason = "I need this to be public for my practice"
		}
		_ = a.SetAnswer(q.Key, states[i%len(states)], reason, fixedNow)
	}
	return a
}

func TestOverviewGolden(t *testing.T) {
	m := drive(t, newModel(testOptions(answeredAll(), &memStore{})), sized(80, 24), press("o"), press("down"))
	golden.RequireEqual(t, []byte(screenText(m)))
}

func TestResultsGolden(t *testing.T) {
	m := drive(t, newModel(testOptions(answeredAll(), &memStore{})), sized(80, 24), press("r"))
	golden.RequireEqual(t, []byte(screenText(m)))
}

func TestResultsHowGolden(t *testing.T) {
	m := drive(t, newModel(testOptions(answeredAll(), &memStore{})), sized(80, 24), press("r"), press("h"))
	golden.RequireEqual(t, []byte(screenText(m)))
}

func TestMenuGolden(t *testing.T) {
	a := answeredAll()
	qs := checklist.Questions(testPack(), a.Profile, false)
	a.Complete(checklist.ComputeScore(qs, a.Answers), 2, fixedNow)
	m := drive(t, newModel(testOptions(a, &memStore{})), sized(80, 24))
	golden.RequireEqual(t, []byte(screenText(m)))
}

func TestProfileGolden(t *testing.T) {
	m := drive(t, newModel(testOptions(nil, &memStore{})), sized(80, 24), press("enter"))
	golden.RequireEqual(t, []byte(screenText(m)))
}

func TestDamagedGolden(t *testing.T) {
	o := testOptions(nil, &memStore{})
	o.Damaged = &checklist.DamagedError{Path: "/home/user/.local/share/pressend/audits/me.json", Reason: "the file ends early (truncated JSON)"}
	m := drive(t, newModel(o), sized(80, 24))
	golden.RequireEqual(t, []byte(screenText(m)))
}

func TestNoteInputGolden(t *testing.T) {
	m := drive(t, newModel(testOptions(answered(), &memStore{})), sized(80, 24), press("e"), press("h"), press("i"))
	golden.RequireEqual(t, []byte(screenText(m)))
}

func TestSaveFailureGolden(t *testing.T) {
	st := &memStore{fail: errors.New("write /data/audits/me.json: read-only file system")}
	m := drive(t, newModel(testOptions(answered(), st)), sized(80, 24), press("y"))
	golden.RequireEqual(t, []byte(screenText(m)))
}

func TestTooSmallGolden(t *testing.T) {
	m := drive(t, newModel(testOptions(answered(), &memStore{})), sized(40, 10))
	golden.RequireEqual(t, []byte(screenText(m)))
}
