package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/pressend/pressend/checklist"
	"github.com/pressend/pressend/checklist/display"
	"github.com/pressend/pressend/checklist/store"
)

// deletionLimits says plainly what deleting a file cannot promise.
const deletionLimits = "Deleting removes the files from this computer's file system, but cannot promise they are unrecoverable: SSDs and journaling file systems may keep old copies, and cloud sync or backups may hold copies of their own. Keeping the data folder on an encrypted volume (--data-dir) is the stronger protection."

// forgetArgs takes exactly one audit name, or none with --due.
func (a *app) forgetArgs(c *cobra.Command, args []string) error {
	if a.due {
		if len(args) > 0 {
			return usagef("forget --due deletes every audit that is due: give no name with it")
		}
		return nil
	}
	return oneName(c, args)
}

func (a *app) runForget(_ *cobra.Command, args []string) error {
	st, err := a.openStore()
	if err != nil {
		return err
	}
	var names []string
	if a.due {
		if names, err = dueAudits(st, a); err != nil {
			return err
		}
		if len(names) == 0 {
			fmt.Fprintln(a.stdout, "No audits are due for deletion.")
			return nil
		}
	} else {
		names = args
		if _, err := os.Lstat(st.Path(names[0])); errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("No saved audit named %s in %s: nothing to delete.", names[0], st.Dir())
		}
	}
	if !a.yes {
		// Deleting without consent is never done: a script must say --yes.
		if !isTerminal(a.stdin) {
			return usagef("forget deletes without undo, so without a terminal to ask at it needs --yes: `pressend forget %s --yes`", strings.Join(forgetArgsOf(a, names), " "))
		}
		fmt.Fprintf(a.stdout, "Delete %s: %s? This cannot be undone. [y/N] ", display.Plural(len(names), "audit", "audits"), strings.Join(names, ", "))
		line, _ := bufio.NewReader(a.stdin).ReadString('\n')
		if answer := strings.ToLower(strings.TrimSpace(line)); answer != "y" && answer != "yes" {
			fmt.Fprintln(a.stdout, "Nothing deleted.")
			return nil
		}
	}
	var errs []error
	for _, name := range names {
		rec, err := st.Forget(name)
		switch {
		case errors.Is(err, store.ErrNotFound):
			errs = append(errs, fmt.Errorf("No saved audit named %s in %s.", name, st.Dir()))
			continue
		case errors.Is(err, store.ErrLocked):
			errs = append(errs, fmt.Errorf("%w. Close that window, then run `pressend forget %s` again", err, name))
			continue
		case err != nil:
			errs = append(errs, err)
		}
		a.receipt(rec)
	}
	fmt.Fprintln(a.stdout, "\n"+deletionLimits)
	return errors.Join(errs...)
}

func forgetArgsOf(a *app, names []string) []string {
	if a.due {
		return []string{"--due"}
	}
	return names
}

// receipt says what was deleted, with none of the audit's content, and
// which reports written from it are left for the user to delete.
func (a *app) receipt(r store.Receipt) {
	var parts []string
	if r.AuditFile {
		parts = append(parts, "the audit file")
	}
	if r.Damaged > 0 {
		parts = append(parts, display.Plural(r.Damaged, "damaged copy", "damaged copies"))
	}
	if r.Temps > 0 {
		parts = append(parts, display.Plural(r.Temps, "temporary file", "temporary files"))
	}
	if r.LockFile {
		parts = append(parts, "the lock file")
	}
	fmt.Fprintf(a.stdout, "Deleted audit %s on %s: %s.\n", r.Name, a.now().Format(display.LongDate), strings.Join(parts, ", "))
	switch {
	case r.ReportsUnknown:
		fmt.Fprintln(a.stdout, "The audit file could not be read, so pressend cannot list reports written from it: look for any you saved.")
	case len(r.Reports) > 0:
		fmt.Fprintln(a.stdout, "Reports written from this audit, which pressend does not delete (delete them yourself if you no longer need them):")
		for _, rep := range r.Reports {
			fmt.Fprintf(a.stdout, "  %s (%s, %s)\n", rep.Path, rep.Format, rep.At.Format(display.LongDate))
		}
	}
}

// dueAudits lists the audits whose delete-after date has come.
func dueAudits(st *store.Store, a *app) ([]string, error) {
	list, err := st.List()
	if err != nil {
		return nil, err
	}
	today := checklist.DateOf(a.now())
	var out []string
	for _, in := range list {
		if in.Damaged != "" {
			continue
		}
		au, err := st.Read(in.Name)
		if err == nil && au.DeleteAfter != "" && au.DeleteAfter <= today {
			out = append(out, in.Name)
		}
	}
	return out, nil
}
