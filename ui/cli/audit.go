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
	"github.com/pressend/pressend/checklist/report"
	"github.com/pressend/pressend/checklist/store"
	"github.com/pressend/pressend/content"
	"github.com/pressend/pressend/ui"
)

const noTerminal = "pressend needs a terminal for the interactive audit. Use `pressend --accessible` for plain prompts (it also reads answers from a pipe), or `pressend report` to print your action plan."

func (a *app) runAudit(cmd *cobra.Command, _ []string) error {
	if err := validName(a.audit); err != nil {
		return err
	}
	if err := a.checkAdviser(cmd); err != nil {
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
	opts := ui.Options{Pack: pack, PackProblems: problems, Now: a.now, Input: a.stdin, Output: a.stdout,
		Adviser: a.adviserMode(), ShareSafe: a.shareSafe || a.adviserMode()}
	opts.TypicalMinutes = knownTypical(pack)
	if a.noSave {
		opts.Unsaved = "--no-save was given, so this session writes nothing to disk"
		opts.Audit = a.newAudit(pack)
		return a.finish(cmd, accessible, opts, nil)
	}
	st, err := a.openStore()
	if err != nil {
		// Nothing can be saved, but the user can still work through the
		// audit and get the plan; the screen says so from the start.
		opts.Unsaved, opts.Audit = err.Error(), a.newAudit(pack)
		a.finish(cmd, accessible, opts, nil)
		return fmt.Errorf("nothing was saved: %w", err)
	}
	opts.Members = func() ([]string, error) {
		list, err := st.List()
		names := make([]string, 0, len(list))
		for _, in := range list {
			names = append(names, in.Name)
		}
		return names, err
	}
	o, err := st.Open(a.audit, pack, a.now())
	if err != nil {
		opts.Unsaved, opts.Audit = err.Error(), a.newAudit(pack)
		a.finish(cmd, accessible, opts, nil)
		return fmt.Errorf("nothing was saved: %w", err)
	}
	defer o.Close()
	opts.Audit, opts.ReadOnly, opts.Damaged = o.Audit, o.ReadOnly, o.Damaged
	if o.ReadOnly == "" {
		opts.Store = o
	}
	if o.New || o.Damaged != nil {
		a.setUpNew(o.Audit)
	}
	// --quick on an audit that already has full answers would hide them:
	// the audit stays full and the screen says why.
	switch {
	case !cmd.Flags().Changed("quick"):
	case o.New || o.Damaged != nil:
	case a.quick && o.Audit.Mode == checklist.Full && len(o.Audit.Answers) > 0:
		opts.QuickRefused = true
	case a.quick:
		o.Audit.Mode = checklist.Quick
	}
	return a.finish(cmd, accessible, opts, o)
}

// knownTypical is content.EmbeddedTypicalMinutes when pack is the embedded
// pack with no organisation's pack layered on (each layer adds to Layers):
// its typical length was worked out when it was generated. Otherwise nil,
// and the UI works the range out.
func knownTypical(pack *checklist.Pack) func(checklist.Mode) (int, int, bool) {
	if len(pack.Layers) != 1 {
		return nil
	}
	return content.EmbeddedTypicalMinutes
}

// newAudit starts an audit that is not opened from the store.
func (a *app) newAudit(pack *checklist.Pack) *checklist.Audit {
	au := checklist.NewAudit(a.audit, pack, a.now())
	a.setUpNew(au)
	return au
}

// setUpNew applies the flags that shape a new audit.
func (a *app) setUpNew(au *checklist.Audit) {
	if a.quick {
		au.Mode = checklist.Quick
	}
	a.adviserSetUp(au)
}

// finish runs the UI, makes the last save and prints the plan.
func (a *app) finish(cmd *cobra.Command, accessible bool, opts ui.Options, o *store.Opened) error {
	res, runErr := a.runUI(cmd, accessible, opts)
	var saveErr error
	if o != nil && opts.Store != nil && res.Audit != nil {
		// The UI saved every answer as it went; this catches the last one.
		if err := o.Save(res.Audit); err != nil {
			saveErr = fmt.Errorf("your last answers could not be saved to %s: %w", o.Where(), err)
		}
	}
	if err := a.printPlan(opts.Pack, res); err != nil {
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
// it stays in the terminal's scrollback. In adviser mode the scrollback may
// be on a shared screen, so the plan is printed only with --print.
func (a *app) printPlan(pack *checklist.Pack, res ui.Result) error {
	if !res.ShowPlan || res.Audit == nil || (a.adviserMode() && !a.print) {
		return nil
	}
	in := report.Input{Pack: pack, Audit: res.Audit, Now: a.now(), Version: a.version, AdviserNotes: false}
	return report.Write(colorprofile.NewWriter(a.stdout, a.env), report.FormatText, in)
}
