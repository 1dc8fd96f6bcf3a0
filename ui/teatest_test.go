package ui

import (
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/pressend/pressend/checklist"
)

// probe records the latest frame after every update, so the test can wait
// on what the user would see rather than on the output stream, which only
// carries changed cells after the first frame.
type probe struct {
	tea.Model
	frame *atomic.Value
}

func (p probe) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m, cmd := p.Model.Update(msg)
	p.Model = m
	p.frame.Store(ansi.Strip(m.View().Content))
	return p, cmd
}

func (p probe) waitFor(t *testing.T, s string) {
	t.Helper()
	for end := time.Now().Add(5 * time.Second); !strings.Contains(fmt.Sprint(p.frame.Load()), s); {
		if time.Now().After(end) {
			t.Fatalf("no %q in frame:\n%v", s, p.frame.Load())
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// TestFlowWelcomeToPlan walks a new user through a real Program: welcome,
// the profile pages, every question, the plan, quit.
func TestFlowWelcomeToPlan(t *testing.T) {
	st := &memStore{}
	p := probe{newRoot(testOptions(nil, st)), new(atomic.Value)}
	tm := teatest.NewTestModel(t, p, teatest.WithInitialTermSize(80, 24),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	send := func(k string, want string) {
		t.Helper()
		tm.Send(press(k))
		p.waitFor(t, want)
	}
	p.waitFor(t, "Your answers stay on this computer")
	send("enter", "What is your role?")
	send("enter", "┃ Where do you practise") // Doctor
	send("enter", "Which platforms")         // England
	send("space", "[✓] X")                   // X
	tm.Send(press("down"))
	send("space", "[✓] Facebook") // Facebook
	send("enter", "Your X (Twitter) account is")
	send("enter", "Your Facebook and Messenger account is")
	send("enter", "Do you show you are a health professional")
	send("up", "› Yes")
	send("enter", "Do you publish")
	send("enter", "Do you run an official")
	send("enter", "Question 1 of 4")
	send("n", "Question 2 of 4")
	send("y", "› Facebook")
	send("u", "Question 3 of 4")
	send("y", "Question 4 of 4")
	send("y", "Do this first")
	p.waitFor(t, "Check this, then if needed: turn lookup")
	tm.Send(press("q"))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(probe).Model.(*root)
	res := final.result()
	if !res.ShowPlan || !res.Saved {
		t.Fatalf("result = %+v", res)
	}
	saved := st.last()
	if saved == nil || saved.Profile == nil || saved.Profile.Accounts["x"] != checklist.Personal || !saved.Profile.Identifies {
		t.Fatalf("profile not saved: %+v", saved)
	}
	if saved.Completed == nil || len(saved.Answers) != 5 {
		t.Fatalf("audit not complete: %d answers", len(saved.Answers))
	}
}

func TestHostileNoteIsContained(t *testing.T) {
	a := profiled()
	hostile := "\x1b[2J\x1b]0;pwned\a" + strings.Repeat("界", 300) + " \u202Eevil مرحبا 👩🏽‍⚕️ e\u0301 " + strings.Repeat("x", 5000)
	a.SetNote("vis.x-protected@x", hostile, false, fixedNow)
	for _, size := range [][2]int{{60, 16}, {80, 24}, {120, 40}} {
		r := start(t, testOptions(a, &memStore{}), size[0], size[1])
		for _, k := range []string{"m", "esc", "o", "esc"} {
			keys(t, r, k)
			v := r.View().Content
			assertFits(t, "hostile", ansi.Strip(v), size[0], size[1])
			if strings.ContainsAny(ansi.Strip(v), "\x1b\a\u202E") {
				t.Fatalf("control characters reached the screen at %v", size)
			}
		}
	}
}

// TestGuardTurnsPanicIntoQuit breaks the model on purpose: the program
// must quit cleanly with the answers so far, never show a trace.
func TestGuardTurnsPanicIntoQuit(t *testing.T) {
	a := profiled()
	r := start(t, testOptions(a, &memStore{}), 80, 24)
	keys(t, r, "n")
	r.stack = append(r.stack, nil) // a bug: a nil screen on top
	g := guard{m: r}
	if v := g.View(); !strings.Contains(v.Content, "unexpected problem") {
		t.Fatalf("view = %q", v.Content)
	}
	next, cmd := g.Update(press("y"))
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

// FuzzQuestionNote renders the question and details screens with an
// arbitrary note at an arbitrary size: never a panic, a control sequence
// or a line outside the window.
func FuzzQuestionNote(f *testing.F) {
	f.Add("plain note", 80, 24)
	f.Add("\x1b[2J\x1b]0;x\a界界界 \u202Eevil مرحبا 👩🏽‍⚕️", 61, 16)
	f.Add(strings.Repeat("w", 3000), 300, 100)
	f.Fuzz(func(t *testing.T, note string, w, h int) {
		w, h = 20+abs(w)%281, 5+abs(h)%96
		a := profiled()
		a.SetNote("vis.x-protected@x", note, false, fixedNow)
		r := start(t, testOptions(a, &memStore{}), w, h)
		for _, k := range []string{"", "m"} {
			if k != "" {
				keys(t, r, k)
			}
			v := ansi.Strip(r.View().Content)
			assertFits(t, "fuzz", v, w, h)
			if strings.ContainsAny(v, "\x1b\a\u202E") {
				t.Fatal("control characters reached the screen")
			}
		}
	})
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
