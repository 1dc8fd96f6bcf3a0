package student

import (
	"fmt"
	mathrand "math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/pressend/pressend/checklist/teach"
	"github.com/pressend/pressend/content"
)

type fixture struct {
	m     *Model
	d     *teach.Deck
	saved []teach.Submission
	code  string
}

func newFixture(t *testing.T, save func(teach.Submission) error) *fixture {
	t.Helper()
	pack, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	d, err := teach.NewDeck(pack)
	if err != nil {
		t.Fatal(err)
	}
	rnd := mathrand.NewChaCha8([32]byte{7})
	code, err := teach.NewSessionCode(d, rnd)
	if err != nil {
		t.Fatal(err)
	}
	sub, err := teach.NewSubmission(d, code, rnd)
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{d: d, code: code}
	if save == nil {
		save = func(s teach.Submission) error { f.saved = append(f.saved, s); return nil }
	}
	f.m = New(Config{Deck: d, Walk: teach.NewWalk(d, sub, nil), Session: code, Save: save, Path: "/tmp/answers.json"})
	f.m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	return f
}

// press sends keys and runs the commands they return, as the program
// would, feeding their messages back.
func (f *fixture) press(keys ...string) {
	for _, k := range keys {
		msg := tea.KeyPressMsg{Code: rune(k[0]), Text: k}
		switch k {
		case "enter":
			msg = tea.KeyPressMsg{Code: tea.KeyEnter}
		case "down":
			msg = tea.KeyPressMsg{Code: tea.KeyDown}
		}
		_, cmd := f.m.Update(msg)
		if cmd != nil {
			f.m.Update(cmd())
		}
	}
}

func (f *fixture) screen() string {
	out := ansi.Strip(f.m.render())
	out = strings.ReplaceAll(out, teach.FormatSessionCode(f.code), "ACD-E34")
	if f.m.code != "" {
		out = strings.ReplaceAll(out, f.m.code, "PS-ANSWER-CODE")
	}
	return out
}

// TestStudentScreens walks the first scenario: profession, round 1,
// round 2, confidence and feedback, each at 80x24.
func TestStudentScreens(t *testing.T) {
	f := newFixture(t, nil)
	nurse := -1
	for i, r := range f.d.Pack.Roles {
		if r.ID == "nursing-student" {
			nurse = i
		}
	}
	if nurse < 0 {
		t.Fatal("no nursing-student role")
	}
	shots := map[string]string{"role": f.screen()}
	for range nurse {
		f.press("down")
	}
	f.press("enter")
	shots["round1"] = f.screen()
	f.press("b")
	shots["round2"] = f.screen()
	f.press("c")
	shots["confidence"] = f.screen()
	f.press("4")
	shots["feedback"] = f.screen()
	for name, out := range shots {
		t.Run(name, func(t *testing.T) {
			if n := len(strings.Split(out, "\n")); n != 24 {
				t.Errorf("%d lines, want 24", n)
			}
			golden.RequireEqual(t, []byte(out))
		})
	}
	if len(f.saved) != 3 {
		t.Fatalf("%d saves, want one per answer (3)", len(f.saved))
	}
	q := f.d.Questions()[0]
	if got := f.saved[2].Answers[q.ID]; got != (teach.Answer{Round1: 2, Round2: 3, Confidence: 4}) {
		t.Errorf("saved %+v", got)
	}
	if !strings.Contains(f.m.feedback, "Check your own accounts: pressend's audit") {
		t.Errorf("the feedback should point to the matching audit check:\n%s", f.m.feedback)
	}
	_, sources, _ := strings.Cut(f.m.feedback, "Sources for you")
	if strings.Contains(sources, "GMC") || !strings.Contains(sources, "NMC") {
		t.Errorf("a nursing student's sources should be the NMC's, not the GMC's:\n%s", sources)
	}
}

// TestWholeDeck answers everything with Enter and reaches the end, with
// one save per answer and the final code shown.
func TestWholeDeck(t *testing.T) {
	f := newFixture(t, nil)
	f.press("enter") // first profession
	for i := 0; f.m.stage != stageEnd && i < 500; i++ {
		f.press("enter")
	}
	if f.m.stage != stageEnd {
		t.Fatal("never reached the end")
	}
	last := f.saved[len(f.saved)-1]
	if last.Given() != 2*len(f.d.Scenarios)+len(f.d.Checks) {
		t.Errorf("%d choices saved, want %d", last.Given(), 2*len(f.d.Scenarios)+len(f.d.Checks))
	}
	if out := f.screen(); !strings.Contains(out, "PS-ANSWER-CODE") {
		t.Errorf("the end should show the final answer code:\n%s", out)
	}
}

// TestSaveFailureIsSaid: a failed save is said on screen, and the walk
// goes on with the answer kept.
func TestSaveFailureIsSaid(t *testing.T) {
	f := newFixture(t, func(teach.Submission) error { return fmt.Errorf("disk full") })
	f.press("enter", "a")
	if out := f.screen(); !strings.Contains(out, "Not saved: disk full") {
		t.Errorf("the failure is not on screen:\n%s", out)
	}
	if f.m.Result().Saved || f.m.Result().SaveErr == nil {
		t.Error("the result should say nothing was saved")
	}
}

// TestFileShownFromDisk: f shows the file as read back from disk.
func TestFileShownFromDisk(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.json")
	if err := os.WriteFile(path, []byte(`{"format":"x"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	f := newFixture(t, nil)
	f.m.cfg.Path = path
	f.press("f")
	if out := f.screen(); !strings.Contains(out, `{"format":"x"}`) || !strings.Contains(out, "everything it holds") {
		t.Errorf("the file is not shown:\n%s", out)
	}
}

// TestTinyWindow: a window too small for a scenario says so.
func TestTinyWindow(t *testing.T) {
	f := newFixture(t, nil)
	f.m.Update(tea.WindowSizeMsg{Width: 30, Height: 8})
	if out := strings.Join(strings.Fields(f.screen()), " "); !strings.Contains(out, "at least 40 by 10") {
		t.Errorf("tiny window:\n%s", out)
	}
}

// TestFlushSavesWhatQuitOvertook: an answer whose save command never ran
// (the student quit at once) is written by Flush; one already written is
// not written twice.
func TestFlushSavesWhatQuitOvertook(t *testing.T) {
	f := newFixture(t, nil)
	f.press("enter")
	f.m.Update(tea.KeyPressMsg{Code: 'b', Text: "b"}) // the save command is dropped
	if len(f.saved) != 0 {
		t.Fatalf("%d saves before Flush", len(f.saved))
	}
	if res := f.m.Flush(); !res.Saved || len(f.saved) != 1 {
		t.Fatalf("Flush: %+v, %d saves", res, len(f.saved))
	}
	f.m.Flush()
	if len(f.saved) != 1 {
		t.Errorf("Flush wrote an answer already on disk again: %d saves", len(f.saved))
	}
}
