package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/charmbracelet/colorprofile"
	"github.com/spf13/cobra"

	"github.com/pressend/pressend/checklist"
	"github.com/pressend/pressend/content"
)

func (a *app) runReport(_ *cobra.Command, _ []string) error {
	if err := validName(a.audit); err != nil {
		return err
	}
	if !slices.Contains(checklist.Formats(), a.format) {
		return usagef("unknown --format %q: use one of %s", a.format, strings.Join(checklist.Formats(), ", "))
	}
	if a.output != "" {
		if fi, err := os.Stat(a.output); err == nil && fi.IsDir() {
			return fmt.Errorf("%s is a folder; give --output a file name, for example %s", a.output, filepath.Join(a.output, "plan."+ext(a.format)))
		}
	}
	pack, problems, err := a.loadPack()
	if err != nil {
		return err
	}
	a.warn(problems)
	store, err := a.openStore()
	if err != nil {
		return err
	}
	audit, err := store.Read(a.audit)
	if errors.Is(err, checklist.ErrNotFound) {
		return fmt.Errorf("No saved audit named %s in %s. Run `pressend` to start one.", a.audit, store.Dir())
	}
	if errors.As(err, new(*checklist.DamagedError)) {
		return fmt.Errorf("%w\npressend keeps the file as it is. Run `pressend --audit %s` to move it aside and start again, or restore it from a backup", err, a.audit)
	}
	if err != nil {
		return err
	}
	in := checklist.NewReportInput(pack, audit, a.now(), store.Path(a.audit))
	if a.output == "" {
		w := io.Writer(a.stdout)
		if a.format == checklist.FormatText {
			w = colorprofile.NewWriter(a.stdout, a.env)
		}
		return checklist.WriteReport(w, a.format, in)
	}
	var buf strings.Builder
	if err := checklist.WriteReport(&buf, a.format, in); err != nil {
		return err
	}
	// Written whole or not at all, and private: the plan describes the
	// user's own accounts.
	if err := writePrivate(a.output, []byte(buf.String())); err != nil {
		return fmt.Errorf("could not write the report: %w", err)
	}
	fmt.Fprintf(a.stderr, "Wrote your action plan to %s\n", a.output)
	return nil
}

func ext(format string) string {
	if format == checklist.FormatMarkdown {
		return "md"
	}
	if format == checklist.FormatText {
		return "txt"
	}
	return format
}

func (a *app) runAudits(_ *cobra.Command, _ []string) error {
	store, err := a.openStore()
	if err != nil {
		return err
	}
	list, err := store.List()
	if err != nil {
		return err
	}
	if len(list) == 0 {
		fmt.Fprintf(a.stdout, "No saved audits in %s.\n", store.Dir())
		return nil
	}
	tw := tabwriter.NewWriter(a.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tLAST UPDATED\tANSWERED\tCOMPLETED\tSTATUS")
	for _, in := range list {
		if in.Damaged != "" {
			fmt.Fprintf(tw, "%s\t-\t-\t-\tdamaged: %s\n", in.Name, in.Damaged)
			continue
		}
		done := "no"
		if in.Completed {
			done = "yes"
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\tok\n", in.Name, in.Updated.Local().Format("2006-01-02 15:04"), in.Answers, done)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "\nSaved in %s\n", store.Dir())
	return nil
}

func (a *app) runForget(_ *cobra.Command, args []string) error {
	name := args[0]
	store, err := a.openStore()
	if err != nil {
		return err
	}
	path := store.Path(name)
	// Scripts and pipes get no question; a person at a terminal confirms.
	if !a.yes && isTerminal(a.stdin) {
		fmt.Fprintf(a.stdout, "Delete audit %s at %s? [y/N] ", name, path)
		line, _ := bufio.NewReader(a.stdin).ReadString('\n')
		if answer := strings.ToLower(strings.TrimSpace(line)); answer != "y" && answer != "yes" {
			fmt.Fprintln(a.stdout, "Nothing deleted.")
			return nil
		}
	}
	err = store.Forget(name)
	switch {
	case errors.Is(err, checklist.ErrNotFound):
		return fmt.Errorf("No saved audit named %s in %s.", name, store.Dir())
	case errors.Is(err, checklist.ErrLocked):
		return fmt.Errorf("%w. Close that window, then run `pressend forget %s` again", err, name)
	case err != nil:
		return err
	}
	fmt.Fprintf(a.stdout, "Deleted audit %s: %s, its lock file and any damaged copies kept beside it.\n", name, path)
	return nil
}

func (a *app) runValidate(_ *cobra.Command, args []string) error {
	file := args[0]
	problems, err := content.ValidateFile(file)
	if err != nil {
		return err
	}
	if len(problems) > 0 {
		for _, p := range problems {
			fmt.Fprintln(a.stdout, p.Error())
		}
		return fmt.Errorf("%s: %d problem(s) found", file, len(problems))
	}
	// Valid, so it parses: read it once more only to count what it holds.
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	items, sources := 0, 0
	if p, _ := content.ParseFile(file, data); p != nil {
		items, sources = p.ItemCount(), len(p.Sources)
	}
	fmt.Fprintf(a.stdout, "%s: no problems found (%d items, %d sources).\n", file, items, sources)
	return nil
}

func (a *app) runShow(_ *cobra.Command, _ []string) error {
	if a.packFormat != "yaml" && a.packFormat != "json" {
		return usagef("unknown --format %q: use yaml or json", a.packFormat)
	}
	pack, problems, err := a.loadPack()
	if err != nil {
		return err
	}
	a.warn(problems)
	out, err := content.Encode(pack, a.packFormat)
	if err != nil {
		return err
	}
	_, err = a.stdout.Write(out)
	return err
}
