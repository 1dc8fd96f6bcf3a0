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
		time.Sleep(5 * time.Millisecond)
	}
}

// TestFlowWelcomeToPlan walks a new user from the welcome screen through
// the profile forms and every question to the action plan.
func TestFlowWelcomeToPlan(t *testing.T) {
	st := &memStore{}
	p := probe{newModel(testOptions(nil, st)), new(atomic.Value)}
	tm := teatest.NewTestModel(t, p, teatest.WithInitialTermSize(80, 24),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	send := func(k tea.KeyPressMsg, want string) {
		t.Helper()
		tm.Send(k)
		p.waitFor(t, want)
	}
	p.waitFor(t, "Your answers stay on this computer")
	send(press("enter"), "What is your role?")
	send(press("enter"), "┃ Where do you practise")                   // Doctor
	send(press("enter"), "Which platforms")                           // England
	send(press("space"), "Which platforms")                           // tick X
	tm.Send(press("down"))                                            //
	send(press("space"), "Which platforms")                           // tick Facebook
	send(press("enter"), "Do you show you are a health professional") // platforms done
	send(press("y"), "┃ Do you publish")
	send(press("n"), "┃ Do you run an official")
	send(press("n"), "Your X (Twitter) account is")
	send(press("enter"), "Your Facebook and Messenger account is")
	send(press("enter"), "question 1 of 3")
	send(press("n"), "question 2 of 3")
	send(press("y"), "question 3 of 3")
	send(press("u"), "Digital footprint")
	send(press("y"), "front-page test")
	send(press("y"), "Do this first")
	p.waitFor(t, "Turn on Protect your posts")
	tm.Send(press("q"))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(probe).Model.(model)
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
	teatest.RequireEqualOutput(t, []byte(ansi.Strip(final.View().Content)))
}
