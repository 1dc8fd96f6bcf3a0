package ui

import (
	"errors"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/pressend/pressend/checklist"
)

func TestAnswerIsSavedAtOnce(t *testing.T) {
	st := &memStore{}
	m := drive(t, newModel(testOptions(answered(), st)), sized(80, 24), press("n"))
	last := st.last()
	if last == nil {
		t.Fatal("no save after answering")
	}
	if got := last.Answers["vis.x-protected@x"].State; got != checklist.No {
		t.Fatalf("saved answer = %q, want no", got)
	}
	if !strings.Contains(screenText(m), "question 2 of 3") {
		t.Fatalf("did not advance:\n%s", screenText(m))
	}
}

func TestBackChangesAnswer(t *testing.T) {
	st := &memStore{}
	drive(t, newModel(testOptions(answered(), st)), sized(80, 24), press("n"), press("left"), press("y"))
	if got := st.last().Answers["vis.x-protected@x"].State; got != checklist.Yes {
		t.Fatalf("changed answer = %q, want yes", got)
	}
}

func TestSkipLeavesUnanswered(t *testing.T) {
	st := &memStore{}
	m := drive(t, newModel(testOptions(answered(), st)), sized(80, 24), press("s"))
	if len(st.saves) != 0 {
		t.Fatal("skip should not write an answer")
	}
	if !strings.Contains(screenText(m), "question 2 of 3") {
		t.Fatalf("skip did not move on:\n%s", screenText(m))
	}
}

func TestAcceptNeedsReason(t *testing.T) {
	st := &memStore{}
	m := drive(t, newModel(testOptions(answered(), st)), sized(80, 24), press("a"), press("enter"))
	if !strings.Contains(screenText(m), "needs a reason") {
		t.Fatalf("empty reason accepted:\n%s", screenText(m))
	}
	msgs := []tea.Msg{}
	for _, r := range "public practice page" {
		msgs = append(msgs, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	msgs = append(msgs, press("enter"))
	drive(t, m, msgs...)
	a := st.last().Answers["vis.x-protected@x"]
	if a.State != checklist.Accepted || a.Reason != "public practice page" {
		t.Fatalf("accepted answer = %+v", a)
	}
}

func TestNoteIsSaved(t *testing.T) {
	st := &memStore{}
	drive(t, newModel(testOptions(answered(), st)), sized(80, 24), press("e"), press("o"), press("k"), press("enter"))
	if got := st.last().Notes["vis.x-protected@x"]; got != "ok" {
		t.Fatalf("note = %q", got)
	}
}

func TestFinishingShowsResultsAndCompletes(t *testing.T) {
	st := &memStore{}
	m := drive(t, newModel(testOptions(answered(), st)), sized(80, 24),
		press("y"), press("n"), press("y"), press("u"), press("y"))
	if !strings.Contains(screenText(m), "Do this first") {
		t.Fatalf("results not shown:\n%s", screenText(m))
	}
	if st.last().Completed == nil || st.last().NextReview == "" {
		t.Fatal("audit not marked complete with a next review date")
	}
}

func TestQuitAsksForPlan(t *testing.T) {
	m := drive(t, newModel(testOptions(answered(), &memStore{})), sized(80, 24), press("n"), press("q"))
	if !m.(model).result().ShowPlan {
		t.Fatal("quitting after answering should print the plan")
	}
}

func TestSaveFailureIsShownAndCleared(t *testing.T) {
	st := &memStore{fail: errors.New("disk full")}
	m := drive(t, newModel(testOptions(answered(), st)), sized(80, 24), press("y"))
	if !strings.Contains(screenText(m), "NOT being saved") || !strings.Contains(screenText(m), "disk full") {
		t.Fatalf("failure not shown:\n%s", screenText(m))
	}
	if m.(model).result().Saved {
		t.Fatal("result claims saved after a failure")
	}
	st.fail = nil
	m = drive(t, m, press("y"))
	if strings.Contains(screenText(m), "NOT being saved") {
		t.Fatal("banner stayed after a successful save")
	}
}

func TestReadOnlyNeverSaves(t *testing.T) {
	o := testOptions(answered(), nil)
	o.ReadOnly = "This audit is open in another pressend window."
	m := drive(t, newModel(o), sized(80, 24), press("y"))
	if !strings.Contains(screenText(m), "Read-only") {
		t.Fatalf("read-only not shown:\n%s", screenText(m))
	}
}

func TestResumeLandsOnFirstUnanswered(t *testing.T) {
	a := answered()
	_ = a.SetAnswer("vis.x-protected@x", checklist.Yes, "", fixedNow)
	m := drive(t, newModel(testOptions(a, &memStore{})), sized(80, 24))
	if !strings.Contains(screenText(m), "Question 2 of 5") {
		t.Fatalf("did not resume at question 2:\n%s", screenText(m))
	}
}

func TestProfileChangeKeepsAnswers(t *testing.T) {
	a := answered()
	_ = a.SetAnswer("vis.x-protected@x", checklist.No, "", fixedNow)
	st := &memStore{}
	m := drive(t, newModel(testOptions(a, st)), sized(80, 24), press("o"), press("c"))
	if m.(model).screen != scrProfile {
		t.Fatal("c did not open the profile")
	}
	// Submitting the profile unchanged keeps the answer.
	mm := m.(model)
	mm.audit.SetProfile(mm.profile.profile(), fixedNow)
	if mm.audit.Answers["vis.x-protected@x"].State != checklist.No {
		t.Fatal("answer lost on profile change")
	}
}

func TestDamagedMoveAsideStartsFresh(t *testing.T) {
	o := testOptions(nil, &memStore{})
	o.Damaged = &checklist.DamagedError{Path: "/x/me.json", Reason: "invalid JSON"}
	o.MoveAside = func() (string, error) { return "/x/me.damaged-1.json", nil }
	m := drive(t, newModel(o), sized(80, 24), press("m"))
	if !strings.Contains(screenText(m), "moved to /x/me.damaged-1.json") {
		t.Fatalf("move not reported:\n%s", screenText(m))
	}
	if m.(model).screen != scrWelcome {
		t.Fatal("did not start afresh")
	}
}

// TestEverySizeFits renders every screen from 20x5 to 300x100: nothing may
// be wider or taller than the window.
func TestEverySizeFits(t *testing.T) {
	screens := map[string][]tea.Msg{
		"item":     nil,
		"overview": {press("o")},
		"results":  {press("r"), press("h")},
		"note":     {press("e")},
	}
	for name, keys := range screens {
		for w := 20; w <= 300; w += 7 {
			for h := 5; h <= 100; h += 5 {
				msgs := append([]tea.Msg{sized(w, h)}, keys...)
				m := drive(t, newModel(testOptions(answeredAll(), &memStore{})), msgs...)
				assertFits(t, name, m.View().Content, w, h)
			}
		}
	}
	// Resizing in the middle of an item.
	m := drive(t, newModel(testOptions(answered(), &memStore{})), sized(120, 40), press("e"), sized(61, 16), sized(200, 60))
	assertFits(t, "resize", m.View().Content, 200, 60)
}

func assertFits(t *testing.T, name, content string, w, h int) {
	t.Helper()
	lines := strings.Split(content, "\n")
	if len(lines) > h {
		t.Fatalf("%s at %dx%d: %d lines", name, w, h, len(lines))
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			t.Fatalf("%s at %dx%d: line %d is %d wide: %q", name, w, h, i, lw, ansi.Strip(l))
		}
	}
}

// TestHostileNoteIsContained puts escape sequences, wide and right-to-left
// text and a huge word into a note: nothing may escape or break the frame.
func TestHostileNoteIsContained(t *testing.T) {
	a := answered()
	hostile := "\x1b[2J\x1b]0;pwned\a" + strings.Repeat("界", 300) + " \u202Eevil مرحبا 👩🏽‍⚕️ e\u0301 " + strings.Repeat("x", 5000)
	a.SetNote("vis.x-protected@x", hostile, fixedNow)
	for _, size := range [][2]int{{60, 16}, {80, 24}, {120, 40}} {
		m := drive(t, newModel(testOptions(a, &memStore{})), sized(size[0], size[1]), press("j"), press("j"), press("j"), press("j"), press("j"))
		v := m.View().Content
		assertFits(t, "hostile", v, size[0], size[1])
		plain := ansi.Strip(v)
		if strings.ContainsAny(plain, "\x1b\a\u202E") {
			t.Fatalf("control characters reached the screen at %v", size)
		}
	}
}

// TestGuardTurnsPanicIntoQuit breaks the model on purpose: the program
// must quit cleanly with the answers so far, never show a trace.
func TestGuardTurnsPanicIntoQuit(t *testing.T) {
	m := newModel(testOptions(answered(), &memStore{}))
	_ = m.audit.SetAnswer("vis.x-protected@x", checklist.No, "", fixedNow)
	m.qs[m.pos+1].Item = nil // a bug: rendering the next question dereferences it
	g := guard{m: m}
	broken := m
	broken.pack = nil // a bug in View
	if v := (guard{m: broken}).View(); !strings.Contains(v.Content, "unexpected problem") {
		t.Fatalf("view = %q", v.Content)
	}
	next, cmd := g.Update(press("n")) // answering renders the next question
	gg := next.(guard)
	if gg.crash == "" || cmd == nil {
		t.Fatal("panic in Update not caught")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Fatal("guard did not quit")
	}
	if gg.m.result().Audit.Answers["vis.x-protected@x"].State != checklist.No {
		t.Fatal("answers before the panic were lost")
	}
	if err := safely(func() error { panic("boom") }); err == nil || !strings.Contains(err.Error(), "boom") {
		t.Fatalf("safely = %v", err)
	}
}

// FuzzItemViewNote renders the question screen with an arbitrary note at an
// arbitrary size: it must never panic, let a control sequence through, or
// draw outside the window.
func FuzzItemViewNote(f *testing.F) {
	f.Add("plain note", 80, 24)
	f.Add("\x1b[2J\x1b]0;x\a界界界 \u202Eevil مرحبا 👩🏽‍⚕️", 61, 16)
	f.Add(strings.Repeat("w", 3000), 300, 100)
	f.Fuzz(func(t *testing.T, note string, w, h int) {
		w, h = 20+abs(w)%281, 5+abs(h)%96
		a := answered()
		a.SetNote("vis.x-protected@x", note, fixedNow)
		m := drive(t, newModel(testOptions(a, &memStore{})), sized(w, h), press("j"), press("j"))
		v := m.View().Content
		assertFits(t, "fuzz", v, w, h)
		if strings.ContainsAny(ansi.Strip(v), "\x1b\a\u202E") {
			t.Fatal("control characters reached the screen")
		}
	})
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
