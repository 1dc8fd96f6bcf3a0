// Package ui is pressend's terminal interface: a Bubble Tea program that
// routes between screens (welcome, profile, audit item, overview, results)
// and an accessible mode of plain numbered prompts. It never does file IO
// itself: saving goes through the Storage it is given, inside commands.
package ui

import (
	"context"
	"io"
	"time"

	"github.com/pressend/pressend/checklist"
)

// Storage is what the UI needs from the store. checklist.Session provides
// Save; the caller supplies MoveAside for damaged files.
type Storage interface {
	// Save writes the audit atomically. It may fail (read-only
	// directory, full disk); the UI then keeps the answers in memory and
	// says clearly that progress is not being saved.
	Save(a *checklist.Audit) error
}

// Options configure a run of the interactive or accessible audit.
type Options struct {
	Pack  *checklist.Pack
	Audit *checklist.Audit // the loaded audit, or a new one
	Store Storage          // nil means nothing is saved (read-only)
	// ReadOnly says why saving is off, e.g. the audit is open in another
	// window. Empty when saving works.
	ReadOnly string
	// Unsaved says why nothing can be saved at all (for example the data
	// folder cannot be created). The user can still answer; the screen says
	// plainly that progress is not being saved.
	Unsaved string
	// Path is where the audit file lives, shown on screen.
	Path string
	// Damaged, when set, is shown first: the saved file could not be read.
	// MoveAside moves it out of the way so a fresh audit can start.
	Damaged   *checklist.DamagedError
	MoveAside func() (string, error)
	Quick     bool
	// PackProblems are problems found in organisations' packs that were
	// therefore not applied.
	PackProblems []string
	Now          func() time.Time
	Input        io.Reader
	Output       io.Writer
	Context      context.Context
}

// Result is what a run leaves behind.
type Result struct {
	// Audit is the final state, for the caller's last save and the plan
	// printed after exit.
	Audit *checklist.Audit
	// Saved is false when the last change could not be written.
	Saved bool
	// ShowPlan asks the caller to print the action plan to stdout.
	ShowPlan bool
}

// Run starts the full-screen audit. It returns when the user quits, the
// context is cancelled (SIGHUP) or the program receives SIGTERM; in every
// case Result.Audit holds the latest answers so the caller can save them.
// The caller must check that a terminal is attached first.
func Run(opts Options) (Result, error) { return runTUI(opts) }

// RunAccessible runs the same profile and audit as plain numbered prompts
// (huh's accessible mode) for screen readers and scripts. It reads one
// answer per line, so it works with a pipe; at end of input it returns
// with what was answered so far.
func RunAccessible(opts Options) (Result, error) { return runAccessible(opts) }
