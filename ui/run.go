// Package ui is pressend's terminal interface: a Bubble Tea program whose
// root keeps the frame and a stack of screens (welcome, profile, question,
// overview, results, menu), and an accessible mode of plain prompts. Both
// drive one checklist.Walk and show one display model. It never does file
// IO itself: saving goes through the Storage it is given, inside commands.
package ui

import (
	"context"
	"fmt"
	"io"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/pressend/pressend/checklist"
	"github.com/pressend/pressend/checklist/store"
)

// Storage is what the UI needs from the store (store.Opened provides it).
type Storage interface {
	// Save writes the audit atomically. It may fail (read-only folder,
	// full disk); the UI then keeps the answers in memory and says clearly
	// that progress is not being saved.
	Save(a *checklist.Audit) error
	// MoveAside sets a damaged saved file aside and says where it went.
	MoveAside(now time.Time) (string, error)
	// Where is the audit's file, shown so the user knows what to delete.
	Where() string
}

// Options configure a run of the full-screen or accessible audit.
type Options struct {
	Pack  *checklist.Pack
	Audit *checklist.Audit
	// Store saves the audit; nil means nothing is saved (see Unsaved).
	Store Storage
	// ReadOnly says why nothing may be changed: another window has the
	// audit open. Answering is then refused and nothing claims to save.
	ReadOnly string
	// Unsaved says why nothing is saved at all (no usable data folder, or
	// --no-save). The user can still answer; the screen says plainly that
	// nothing is being saved.
	Unsaved string
	// Damaged, when set, is shown first: the saved file could not be read.
	Damaged *store.DamagedError
	// QuickRefused says --quick was asked for on a full audit, which it
	// would hide; the audit opens in full and says so.
	QuickRefused bool
	// Adviser turns on adviser mode: the case reference in the header,
	// private notes, and screen-share safety from the start.
	Adviser bool
	// ShareSafe starts with screen-share safety on.
	ShareSafe bool
	// Members lists the saved audits, for the adviser's member list.
	Members Members
	// PackProblems are problems found in organisations' packs, which were
	// therefore not applied.
	PackProblems []string
	// TypicalMinutes, when set, answers display.TypicalMinutes for Pack
	// from what is already known (content.EmbeddedTypicalMinutes for the
	// embedded pack with no layers), so the welcome screen need not build
	// every question of five audits. ok false means work it out.
	TypicalMinutes func(checklist.Mode) (lo, hi int, ok bool)
	Now            func() time.Time
	Input          io.Reader
	Output         io.Writer
	Context        context.Context
}

// Result is what a run leaves behind.
type Result struct {
	// Audit is the final state, for the caller's last save and the plan
	// printed after exit.
	Audit *checklist.Audit
	// Saved is true only when the last change reached the disk.
	Saved bool
	// ShowPlan asks the caller to print the action plan.
	ShowPlan bool
}

// Run starts the full-screen audit. It returns when the user quits, the
// context is cancelled (SIGHUP) or the program receives SIGTERM; in every
// case Result.Audit holds the latest answers so the caller can save them.
// The caller must check that a terminal is attached first.
func Run(opts Options) (Result, error) {
	m := newRoot(opts)
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
