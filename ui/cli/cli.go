// Package cli is pressend's command line: the cobra command tree, styled by
// fang, that parses flags and wires the content pack, the store and the
// terminal UI together. main.go is only the entry point; everything here is
// reachable in-process through Execute, so tests can run the whole command
// line with their own streams and environment.
//
// Exit codes: 0 success, 1 runtime error, 2 usage error.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"charm.land/fang/v2"
	"github.com/adrg/xdg"
	"github.com/spf13/cobra"
	xterm "golang.org/x/term"

	"github.com/pressend/pressend/checklist"
	"github.com/pressend/pressend/checklist/store"
	"github.com/pressend/pressend/content"
)

// Env is what a run of pressend sees of its process: arguments (without
// the program name), standard streams and environment. Tests pass their
// own so nothing touches the real terminal or HOME. The XDG folders are
// read by the xdg package from the real environment: call xdg.Reload after
// changing them.
type Env struct {
	Args           []string
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// Environ is the environment as os.Environ returns it.
	Environ []string
	// Version is printed by --version.
	Version string
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

// usageError marks a mistake in how pressend was called: exit code 2.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

// app holds one run's streams, environment and flag values.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	env            []string
	now            func() time.Time

	version string

	audit, dataDir, format, packFormat, output, listFormat string
	accessible, quick, yes, due, force, showPath           bool
	noSave, shareSafe, adviser, print                      bool
	share, member, adviserNotes                            bool
	initials                                               string
	keep                                                   int
}

// Execute runs the command line and returns the process exit code:
// 0 success, 1 runtime error, 2 usage error. Errors are printed to
// env.Stderr as one short message, never a stack trace.
func Execute(ctx context.Context, env Env) int {
	a := &app{stdin: env.Stdin, stdout: env.Stdout, stderr: env.Stderr, env: env.Environ, now: env.Now, version: env.Version}
	if a.now == nil {
		a.now = time.Now
	}
	root := a.commands()
	root.AddCommand(a.manCommand())
	a.addCompletions(root)
	root.SetArgs(env.Args)
	root.SetIn(env.Stdin)
	root.SetOut(env.Stdout)
	root.SetErr(env.Stderr)
	// fang adds styled help, --version and completions. Its man page
	// command is replaced by ours (man.go). No fang.WithNotifySignal: the
	// TUI handles Ctrl+C itself, and catching it here would stop Ctrl+C
	// from ending a plain command.
	err := fang.Execute(ctx, root, fang.WithVersion(env.Version), fang.WithErrorHandler(a.printError), fang.WithoutManpage())
	switch {
	case err == nil:
		return 0
	case errors.As(err, new(usageError)):
		return 2
	}
	return 1
}

func auditFlag(c *cobra.Command, p *string) {
	c.Flags().StringVar(p, "audit", "me", "which saved audit to use (an adviser keeps one per member)")
}

func noArgs(c *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usagef("unknown command or argument %q for %q", args[0], c.CommandPath())
	}
	return nil
}

func oneName(c *cobra.Command, args []string) error {
	if len(args) != 1 {
		return usagef("%s needs the name of one audit, for example `pressend forget me`", c.CommandPath())
	}
	return validName(args[0])
}

func oneFile(c *cobra.Command, args []string) error {
	if len(args) != 1 {
		return usagef("%s needs one file, for example `pressend pack validate my-pack.yaml`", c.CommandPath())
	}
	return nil
}

// validName turns a bad audit name into a usage error; the store's message
// says which names are allowed.
func validName(name string) error {
	if err := store.ValidateName(name); err != nil {
		return usageError{err}
	}
	return nil
}

// printError is fang's error handler. Messages are printed whole, because
// some are several lines (pack problems, a damaged file and what to do),
// and they are plain text when stderr is not a terminal, for scripts.
func (a *app) printError(w io.Writer, styles fang.Styles, err error) {
	msg := err.Error()
	if errors.As(err, new(usageError)) {
		msg += "\nRun `pressend --help` for usage."
	}
	if isTerminal(a.stderr) {
		fmt.Fprintln(w, styles.ErrorHeader.String())
		msg = "  " + strings.ReplaceAll(msg, "\n", "\n  ")
	}
	fmt.Fprintln(w, msg)
}

func (a *app) getenv(key string) string {
	for i := len(a.env) - 1; i >= 0; i-- {
		if k, v, ok := strings.Cut(a.env[i], "="); ok && k == key {
			return v
		}
	}
	return ""
}

// truthy reads ACCESSIBLE the way people set it: any value but "", "0" or
// "false" turns it on.
func truthy(s string) bool {
	return s != "" && s != "0" && !strings.EqualFold(s, "false")
}

func isTerminal(v any) bool {
	f, ok := v.(interface{ Fd() uintptr })
	return ok && xterm.IsTerminal(int(f.Fd()))
}

// loadPack returns the embedded pack with the user's custom packs layered
// on. Problems in a custom pack do not stop pressend: that pack is left out
// and the problems are returned for the caller to show.
func (a *app) loadPack() (*checklist.Pack, []string, error) {
	pack, problems, err := content.LoadLayered(filepath.Join(xdg.ConfigHome, "pressend", "packs"))
	if err != nil {
		return nil, nil, err
	}
	var out []string
	for _, p := range problems {
		out = append(out, p.Error())
	}
	return pack, out, nil
}

func (a *app) warn(problems []string) {
	for _, p := range problems {
		fmt.Fprintln(a.stderr, "warning: custom pack not applied: "+p)
	}
}

func (a *app) openStore() (*store.Store, error) {
	override := a.dataDir
	if override == "" {
		override = a.getenv("PRESSEND_DATA_DIR")
	}
	dir, err := store.DataDir(override)
	if err != nil {
		return nil, err
	}
	st, err := store.OpenStore(dir)
	if err != nil {
		return nil, fmt.Errorf("%w. Choose a folder you can write to with --data-dir or PRESSEND_DATA_DIR", err)
	}
	return st, nil
}
