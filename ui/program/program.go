// Package program runs a Bubble Tea model the way every pressend screen
// runs: on the given input and output, cancelled by the context, and with
// a panic turned into an ordinary exit and a one-line error instead of a
// stack trace on the user's terminal. The teaching screens use it; the
// audit keeps its own guard because it must hand back the answers given.
package program

import (
	"context"
	"fmt"
	"io"

	tea "charm.land/bubbletea/v2"
)

// Options are where a program reads and writes. Nil means the terminal.
type Options struct {
	Context context.Context
	Input   io.Reader
	Output  io.Writer
}

// Run runs m until it quits and returns its final state.
func Run(m tea.Model, o Options) (tea.Model, error) {
	ctx := o.Context
	if ctx == nil {
		ctx = context.Background()
	}
	popts := []tea.ProgramOption{tea.WithContext(ctx)}
	if o.Input != nil {
		popts = append(popts, tea.WithInput(o.Input))
	}
	if o.Output != nil {
		popts = append(popts, tea.WithOutput(o.Output))
	}
	final, err := tea.NewProgram(&guard{m: m}, popts...).Run()
	g, ok := final.(*guard)
	if !ok {
		return m, err
	}
	if g.crash != "" && err == nil {
		err = fmt.Errorf("pressend hit an unexpected problem (%s) and closed", g.crash)
	}
	return g.m, err
}

// guard ends the program normally when the model panics, so the terminal
// is restored and the caller prints one line.
type guard struct {
	m     tea.Model
	crash string
}

func (g *guard) Init() tea.Cmd { return g.m.Init() }

func (g *guard) Update(msg tea.Msg) (res tea.Model, cmd tea.Cmd) {
	if g.crash != "" {
		return g, tea.Quit
	}
	defer func() {
		if r := recover(); r != nil {
			g.crash = fmt.Sprint(r)
			res, cmd = g, tea.Quit
		}
	}()
	g.m, cmd = g.m.Update(msg)
	return g, cmd
}

func (g *guard) View() (v tea.View) {
	if g.crash != "" {
		return tea.NewView("")
	}
	defer func() {
		if r := recover(); r != nil {
			g.crash = fmt.Sprint(r)
			v = tea.NewView("pressend hit an unexpected problem and will close.")
		}
	}()
	return g.m.View()
}
