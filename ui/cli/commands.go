package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/charmbracelet/colorprofile"
	"github.com/spf13/cobra"

	"github.com/pressend/pressend/checklist"
	"github.com/pressend/pressend/checklist/report"
	"github.com/pressend/pressend/checklist/store"
	"github.com/pressend/pressend/content"
)

// missingAudit says there is no such audit and how to start it, naming
// the audit when it is not the default one.
func (a *app) missingAudit(name, dir string) error {
	start := "pressend"
	if name != "me" {
		start = "pressend --audit " + name
	}
	return fmt.Errorf("No saved audit named %s in %s. Run `%s` to start one.", name, dir, start)
}

func (a *app) runReport(cmd *cobra.Command, _ []string) error {
	if err := validName(a.audit); err != nil {
		return err
	}
	if !slices.Contains(report.Formats(), a.format) {
		return usagef("unknown --format %q: use one of %s", a.format, strings.Join(report.Formats(), ", "))
	}
	if a.share && a.member {
		return usagef("--share and --member are two different documents: ask for one at a time")
	}
	if a.share && a.adviserNotes {
		return usagef("--adviser-notes cannot go in the summary to share, which never holds notes")
	}
	if err := a.checkOutput(); err != nil {
		return err
	}
	pack, problems, err := a.loadPack()
	if err != nil {
		return err
	}
	a.warn(problems)
	st, err := a.openStore()
	if err != nil {
		return err
	}
	audit, err := st.Read(a.audit)
	if errors.Is(err, store.ErrNotFound) {
		return a.missingAudit(a.audit, st.Dir())
	}
	if errors.As(err, new(*store.DamagedError)) {
		return fmt.Errorf("%w\npressend keeps the file as it is. Run `pressend --audit %s` to move it aside and start again, or restore it from a backup", err, a.audit)
	}
	if err != nil {
		return err
	}
	if a.member && audit.Adviser == nil {
		return fmt.Errorf("the audit %q was not made in adviser mode, so it has no case details for a member's report. Leave out --member for the ordinary report", a.audit)
	}
	in := report.Input{Pack: pack, Audit: audit, Now: a.now(), Path: st.Path(a.audit), ShowPath: a.showPath, Version: a.version,
		Share: a.share, Member: a.member, AdviserNotes: a.adviserNotes}
	in.Sequence = audit.CalendarSequence
	if a.output == "" {
		w := io.Writer(a.stdout)
		if a.format == report.FormatText {
			w = colorprofile.NewWriter(a.stdout, a.env)
		}
		if err := report.Write(w, a.format, in); err != nil {
			return err
		}
		a.countCalendarExport(st)
		return nil
	}
	var buf strings.Builder
	if err := report.Write(&buf, a.format, in); err != nil {
		return err
	}
	if err := a.writeOutput([]byte(buf.String()), "your action plan"); err != nil {
		return err
	}
	a.countCalendarExport(st)
	a.recordReport(st, a.format)
	return nil
}

// countCalendarExport counts a calendar export once it is written, so the
// next one has a higher SEQUENCE and a calendar that has the reminder
// replaces it rather than adding a second. If the audit is open in another
// window the count cannot be saved; the export still worked, and the
// message says what to do.
func (a *app) countCalendarExport(st *store.Store) {
	if a.format != report.FormatICS {
		return
	}
	if _, err := st.NextCalendarSequence(a.audit); err != nil {
		fmt.Fprintf(a.stderr, "warning: could not note this calendar export in the audit (%v); if your calendar already has the reminder, delete the old one after importing\n", err)
	}
}

// recordReport notes in the audit that a report was written to a file, so
// `forget` can list it later. Failing to record it is said, not fatal.
func (a *app) recordReport(st *store.Store, format string) {
	abs, err := filepath.Abs(a.output)
	if err != nil {
		abs = a.output
	}
	if err := st.AddReport(a.audit, checklist.Report{Path: abs, Format: format, At: a.now()}); err != nil {
		fmt.Fprintf(a.stderr, "warning: the report was written, but it could not be noted in the audit (%v), so `pressend forget` will not list it\n", err)
	}
}

// checkOutput refuses an --output that cannot be written as asked: a
// folder, a folder that does not exist, or a file that exists already
// (unless --force).
func (a *app) checkOutput() error {
	if a.output == "" {
		return nil
	}
	dir := filepath.Dir(a.output)
	if fi, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("the folder %s does not exist: create it first, or choose another --output", dir)
	} else if err == nil && !fi.IsDir() {
		return fmt.Errorf("%s is not a folder: choose another --output", dir)
	}
	fi, err := os.Stat(a.output)
	switch {
	case err == nil && fi.IsDir():
		return fmt.Errorf("%s is a folder; give --output a file name, for example %s", a.output, filepath.Join(a.output, "plan."+ext(a.format)))
	case err == nil && !a.force:
		return fmt.Errorf("%s already exists: choose another name, or add --force to replace it", a.output)
	}
	return nil
}

// writeOutput writes a report file whole or not at all, private (0600).
func (a *app) writeOutput(data []byte, what string) error {
	if err := writePrivate(a.output, data); err != nil {
		return fmt.Errorf("could not write %s: %w", a.output, err)
	}
	fmt.Fprintf(a.stderr, "Wrote %s to %s\n", what, a.output)
	return nil
}

func ext(format string) string {
	switch format {
	case report.FormatMarkdown:
		return "md"
	case report.FormatText:
		return "txt"
	}
	return format
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
