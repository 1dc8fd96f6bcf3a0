package ui

import (
	"context"
	"fmt"

	tea "charm.land/bubbletea/v2"
)

// runTUI runs the Bubble Tea program and hands back the final audit,
// whatever the way out: quit, SIGTERM, or a cancelled context (SIGHUP).
func runTUI(opts Options) (Result, error) {
	m := newModel(opts)
	ctx := opts.Context
	if ctx == nil {
		ctx = context.Background()
	}
	popts := []tea.ProgramOption{tea.WithContext(ctx)}
	if opts.Input != nil {
		popts = append(popts, tea.WithInput(opts.Input))
	}
	if opts.Output != nil {
		popts = append(popts, tea.WithOutput(opts.Output))
	}
	final, err := tea.NewProgram(guard{m: m}, popts...).Run()
	g, ok := final.(guard)
	if !ok {
		return m.result(), err
	}
	if g.crash != "" && err == nil {
		err = fmt.Errorf("pressend hit an unexpected problem (%s); answers given before it are kept", g.crash)
	}
	return g.m.result(), err
}
