package cli

import (
	"context"
	"errors"
	"fmt"
	"os/signal"
	"syscall"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/spf13/cobra"

	"github.com/pressend/pressend/checklist"
	"github.com/pressend/pressend/ui"
)

const noTerminal = "pressend needs a terminal for the interactive audit. Use `pressend --accessible` for plain prompts (it also reads answers from a pipe), or `pressend report` to print your action plan."

func (a *app) runAudit(cmd *cobra.Command, _ []string) error {
	if err := validName(a.audit); err != nil {
		return err
	}
	accessible := a.accessible || truthy(a.getenv("ACCESSIBLE")) || a.getenv("TERM") == "dumb"
	// Checked before anything that could block: without a terminal the
	// full-screen program would hang or draw garbage into a pipe.
	if !accessible && (!isTerminal(a.stdin) || !isTerminal(a.stdout)) {
		return errors.New(noTerminal)
	}
	pack, problems, err := a.loadPack()
	if err != nil {
		return err
	}
	store, err := a.openStore()
	if err != nil {
		// Nothing can be saved, but the user can still work through the
		// audit and get the plan; the screen says so from the start.
		return a.runUnsaved(cmd, accessible, pack, problems, err)
	}
	session, lockErr := store.Open(a.audit)
	// Another window has the audit: carry on read-only rather than refuse,
	// so the user can still look at their answers.
	readOnly := errors.Is(lockErr, checklist.ErrLocked)
	if lockErr != nil && !readOnly {
		return a.runUnsaved(cmd, accessible, pack, problems, lockErr)
	}
	defer session.Close()

	opts := ui.Options{
		Pack: pack, Path: store.Path(a.audit), PackProblems: problems, Now: a.now,
		Input: a.stdin, Output: a.stdout,
	}
	audit, err := session.Load()
	var damaged *checklist.DamagedError
	// movedAside records that a damaged file is out of the way, so the
	// last save below may write the fresh audit. (Session.Save refuses to
	// write over a damaged file in any case.)
	movedAside := false
	switch {
	case errors.Is(err, checklist.ErrNotFound):
		audit = checklist.NewAudit(a.audit, pack, a.now())
		audit.Quick = a.quick
	case errors.As(err, &damaged):
		opts.Damaged = damaged
		opts.MoveAside = func() (string, error) {
			to, err := store.MoveAside(a.audit, a.now())
			movedAside = movedAside || err == nil
			return to, err
		}
		audit = checklist.NewAudit(a.audit, pack, a.now())
		audit.Quick = a.quick
	case err != nil:
		return err
	case cmd.Flags().Changed("quick"):
		// Resuming keeps the saved mode unless --quick was given.
		audit.Quick = a.quick
	}
	opts.Audit, opts.Quick = audit, audit.Quick
	if readOnly {
		opts.ReadOnly = fmt.Sprintf("This audit is open in another pressend window (%s). You can look, but nothing you change here will be saved.", session.Path)
	} else {
		opts.Store = session
	}

	res, runErr := a.runUI(cmd, accessible, opts)

	var saveErr error
	if !readOnly && res.Audit != nil && (damaged == nil || movedAside) {
		// The UI saved every answer as it went; this catches the last one.
		if err := session.Save(res.Audit); err != nil {
			saveErr = fmt.Errorf("your last answers could not be saved to %s: %w", opts.Path, err)
		}
	}
	if err := a.printPlan(pack, res, opts.Path); err != nil {
		return errors.Join(saveErr, err)
	}
	switch {
	case saveErr != nil:
		return saveErr
	case errors.Is(runErr, tea.ErrProgramPanic):
		return errors.New("the screen stopped unexpectedly; answers given before that were saved")
	case runErr == nil, errors.Is(runErr, tea.ErrInterrupted), errors.Is(runErr, tea.ErrProgramKilled), errors.Is(runErr, context.Canceled):
		// Ctrl+C, SIGTERM and a closed terminal are ordinary ways to stop,
		// and the answers were saved above.
		return nil
	}
	return runErr
}

// runUnsaved runs the audit when the data folder cannot be used: answers
// live only in memory, the screen says so, and the exit code is 1 with the
// reason and what to do.
func (a *app) runUnsaved(cmd *cobra.Command, accessible bool, pack *checklist.Pack, problems []string, cause error) error {
	audit := checklist.NewAudit(a.audit, pack, a.now())
	audit.Quick = a.quick
	opts := ui.Options{
		Pack: pack, Audit: audit, Quick: a.quick, PackProblems: problems, Now: a.now,
		Input: a.stdin, Output: a.stdout, Unsaved: cause.Error(),
	}
	res, _ := a.runUI(cmd, accessible, opts)
	_ = a.printPlan(pack, res, "")
	return fmt.Errorf("nothing was saved: %w", cause)
}

// runUI runs the full-screen or the accessible audit. The UI handles SIGINT
// and SIGTERM itself; a closed terminal (SIGHUP) cancels the context, so the
// UI returns and the caller can save the answers.
func (a *app) runUI(cmd *cobra.Command, accessible bool, opts ui.Options) (ui.Result, error) {
	ctx, stop := signal.NotifyContext(cmd.Context(), syscall.SIGHUP)
	defer stop()
	opts.Context = ctx
	if accessible {
		// Plain prompts go to screen readers, pipes and logs: colour only
		// where the terminal and NO_COLOR allow it.
		opts.Output = colorprofile.NewWriter(a.stdout, a.env)
		return ui.RunAccessible(opts)
	}
	return ui.Run(opts)
}

// printPlan prints the action plan after the full-screen view has gone, so
// it stays in the terminal's scrollback.
func (a *app) printPlan(pack *checklist.Pack, res ui.Result, path string) error {
	if !res.ShowPlan || res.Audit == nil {
		return nil
	}
	in := checklist.NewReportInput(pack, res.Audit, a.now(), path)
	return checklist.WriteReport(colorprofile.NewWriter(a.stdout, a.env), checklist.FormatText, in)
}
