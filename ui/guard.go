package ui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"
)

// guard wraps the root model so that a bug can never reach the user as a
// stack trace. Bubble Tea would catch the panic too, but it prints the
// whole trace; guard instead ends the program normally, which restores the
// terminal and lets the caller save the answers already given and print a
// one-line message.
type guard struct {
	m     *root
	crash string
}

func (g guard) Init() tea.Cmd { return g.m.Init() }

func (g guard) Update(msg tea.Msg) (res tea.Model, cmd tea.Cmd) {
	if g.crash != "" {
		return g, tea.Quit
	}
	defer func() {
		if r := recover(); r != nil {
			g.crash = fmt.Sprint(r)
			res, cmd = g, tea.Quit
		}
	}()
	nm, cmd := g.m.Update(msg)
	if mm, ok := nm.(*root); ok {
		g.m = mm
	}
	return g, cmd
}

func (g guard) View() (v tea.View) {
	if g.crash == "" {
		defer func() {
			if r := recover(); r != nil {
				v = tea.NewView("pressend hit an unexpected problem and will close. Your saved answers are kept.")
			}
		}()
		return g.m.View()
	}
	return tea.NewView("")
}

// safely runs fn, turning a panic into an error, for work done in commands.
func safely(fn func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("unexpected problem: %v", r)
		}
	}()
	return fn()
}
