package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/pressend/pressend/checklist/report"
)

// commands builds the command tree. Every flag is bound to a field of app,
// so a run's settings are in one place.
func (a *app) commands() *cobra.Command {
	root := &cobra.Command{
		Use:   "pressend",
		Short: "A private self-audit of your social media, for UK health professionals",
		Long: "pressend asks about the social media accounts you use, one question at a time, and gives you an action plan: what could hurt a patient or you most comes first.\n\n" +
			"Your answers stay on this computer. pressend never uses the network. It is not legal advice: for advice, contact your defence organisation or union.",
		Example: "pressend\npressend --quick\npressend --adviser --audit case-0142\npressend report --format html --output plan.html",
		Args:    noArgs,
		RunE:    a.runAudit,
	}
	// Flag and argument mistakes are usage errors (exit 2); cobra returns
	// them as plain errors, so they are wrapped here and in noArgs.
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.PersistentFlags().StringVar(&a.dataDir, "data-dir", "", "where audits are saved (also PRESSEND_DATA_DIR)")
	auditFlag(root, &a.audit)
	f := root.Flags()
	f.BoolVar(&a.accessible, "accessible", false, "plain prompts for screen readers (also ACCESSIBLE=1 or TERM=dumb)")
	f.BoolVar(&a.quick, "quick", false, "the quick audit: the checks that matter most (a view of the same audit; never hides answers)")
	f.BoolVar(&a.noSave, "no-save", false, "run a whole session that writes nothing to disk")
	f.BoolVar(&a.shareSafe, "share-safe", false, "screen-share safety: hide notes, other audits and file paths (on by default in adviser mode)")
	f.BoolVar(&a.adviser, "adviser", false, "adviser mode, with a member's audit named by --audit (also PRESSEND_ADVISER=1)")
	f.StringVar(&a.initials, "adviser-initials", "", "the adviser's initials, for the member's report")
	f.IntVar(&a.keep, "keep", 90, "adviser mode: days to keep a new member audit before it is due for deletion")
	f.BoolVar(&a.print, "print", false, "adviser mode: print the plan on exit (off by default: the scrollback may be shared)")

	rep := &cobra.Command{
		Use:     "report",
		Short:   "Print your action plan from saved progress, without the interactive screens",
		Example: "pressend report --format html --output plan.html\npressend report --share --format markdown\npressend report --format ics --output review.ics\npressend report --audit case-0142 --member --format html --output case-0142.html",
		Args:    noArgs,
		RunE:    a.runReport,
	}
	auditFlag(rep, &a.audit)
	rf := rep.Flags()
	rf.StringVar(&a.format, "format", report.FormatText, "one of "+strings.Join(report.Formats(), ", "))
	rf.StringVarP(&a.output, "output", "o", "", "write to this file (created private, 0600) instead of standard output")
	rf.BoolVar(&a.force, "force", false, "with --output: replace a file that already exists")
	rf.BoolVar(&a.showPath, "show-path", false, "include the audit file's path (it holds your account name)")
	rf.BoolVar(&a.share, "share", false, "the one-page summary to share (appraisal, portfolio): counts and bands only, no notes, names or answers")
	rf.BoolVar(&a.member, "member", false, "adviser mode: the report for the member's file, with the case reference, initials and retention")
	rf.BoolVar(&a.adviserNotes, "adviser-notes", false, "include the adviser's private notes (left out unless asked for)")

	audits := &cobra.Command{Use: "audits", Short: "List saved audits, where they are stored and when they are due", Args: noArgs, RunE: a.runAudits}
	audits.Flags().StringVar(&a.listFormat, "format", "text", "text or json")

	forget := &cobra.Command{
		Use:   "forget NAME | --due",
		Short: "Delete a saved audit (or every audit due for deletion), with its lock and any damaged or temporary copies",
		Args:  a.forgetArgs,
		RunE:  a.runForget,
	}
	forget.Flags().BoolVarP(&a.yes, "yes", "y", false, "do not ask for confirmation (needed when there is no terminal)")
	forget.Flags().BoolVar(&a.due, "due", false, "delete every audit whose delete-after date has come")

	// pack is runnable only so that cobra checks its arguments: a command
	// without RunE prints help and exits 0 for `pressend pack nope`.
	pack := &cobra.Command{
		Use: "pack", Short: "Check and show content packs", Args: noArgs,
		RunE: func(c *cobra.Command, _ []string) error { return c.Help() },
	}
	validate := &cobra.Command{
		Use:   "validate FILE",
		Short: "Check a custom content pack and print every problem with its line and column",
		Args:  oneFile,
		RunE:  a.runValidate,
	}
	show := &cobra.Command{
		Use:   "show",
		Short: "Print the effective pack: the built-in pack with your custom packs layered on",
		Args:  noArgs,
		RunE:  a.runShow,
	}
	show.Flags().StringVar(&a.packFormat, "format", "yaml", "yaml or json")
	pack.AddCommand(validate, show)
	root.AddCommand(rep, audits, forget, pack, a.teachCommand())
	return root
}
