package cli

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// The man page is written here rather than by fang's hidden `man` command,
// which (through mango) repeats the capitalised Short as the page's title,
// renders short flags as "--y --yes" without value names, dates the page
// with the current time and writes to os.Stdout, out of reach of tests. It
// is built from the same command tree as --help, so a new command or flag
// appears in both.

// manCommand prints the man page as roff. Release builds run it to make
// pressend.1 (.goreleaser.yaml). SOURCE_DATE_EPOCH, when set, dates the
// page, so the same release always makes the same page.
func (a *app) manCommand() *cobra.Command {
	return &cobra.Command{
		Use:    "man",
		Short:  "Print the man page (roff) for pressend(1)",
		Hidden: true,
		Args:   noArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			_, err := fmt.Fprint(a.stdout, a.manPage(c.Root()))
			return err
		},
	}
}

// manDate is the page's date: SOURCE_DATE_EPOCH (seconds since 1970, as
// reproducible builds set it) or else today.
func (a *app) manDate() time.Time {
	if s := a.getenv("SOURCE_DATE_EPOCH"); s != "" {
		// 0 or less is no date: goreleaser passes that when it found no
		// commit (a snapshot in a clone without a remote).
		if n, err := strconv.ParseInt(s, 10, 64); err == nil && n > 0 {
			return time.Unix(n, 0).UTC()
		}
	}
	return a.now().UTC()
}

// valueNames are the placeholders the man page shows after flags that
// take a value. A flag missing here falls back to its type in capitals.
var valueNames = map[string]string{
	"audit":            "NAME",
	"data-dir":         "DIR",
	"format":           "FORMAT",
	"output":           "FILE",
	"adviser-initials": "INITIALS",
	"keep":             "DAYS",
	"out":              "DIR",
	"collect":          "DIR",
	"results":          "FILE",
	"session":          "CODE",
	"min-count":        "N",
}

func (a *app) manPage(root *cobra.Command) string {
	var b strings.Builder
	line := func(s string) { b.WriteString(s + "\n") }

	name := root.Name()
	version := strings.TrimSpace(a.version)
	source := name
	if version != "" {
		source += " " + version
	}
	line(`.TH ` + strings.ToUpper(name) + ` 1 ` + quote(a.manDate().Format("2006-01-02")) + ` ` + quote(source) + ` "User Commands"`)
	// No hyphenation and a ragged right edge: flags and paths stay whole
	// and can be copied as they are.
	line(".nh")
	line(".ad l")

	line(".SH NAME")
	line(name + ` \- ` + roffText(lowerFirst(root.Short)))

	line(".SH SYNOPSIS")
	line(`.B ` + name)
	line(`[\fIOPTIONS\fR]`)
	line(".br")
	line(`.B ` + name)
	line(`\fICOMMAND\fR [\fIARGUMENTS\fR] [\fIOPTIONS\fR]`)

	line(".SH DESCRIPTION")
	paragraphs(&b, root.Long)
	line(".PP")
	line("With no command, " + name + " starts or resumes the audit named \\fBme\\fR, or the one given with \\fB\\-\\-audit\\fR. " +
		"Each answer is saved as it is given, so an audit can be left and finished later.")

	line(".SH OPTIONS")
	for _, f := range visibleFlags(root, root.LocalFlags()) {
		flagItem(&b, f)
	}
	if root.Flags().Lookup("help") == nil {
		line(".TP")
		line(`\fB\-h\fR, \fB\-\-help\fR`)
		line("show help for pressend or for any command, as in \\fBpressend report \\-\\-help\\fR")
	}
	if root.Version != "" && root.Flags().Lookup("version") == nil {
		line(".TP")
		line(`\fB\-v\fR, \fB\-\-version\fR`)
		line("print the version")
	}
	line(".PP")
	line(`\fB\-\-data\-dir\fR works with every command.`)

	line(".SH COMMANDS")
	// pressend's own commands, then the completion scripts.
	var completion *cobra.Command
	for _, c := range root.Commands() {
		if c.Name() == "completion" {
			completion = c
			continue
		}
		commandSection(&b, c)
	}
	if completion != nil {
		commandSection(&b, completion)
	}

	line(".SH ENVIRONMENT")
	for _, e := range [][2]string{
		{"PRESSEND_DATA_DIR", "The data folder to use instead of the default one, for example on an encrypted volume. Audits go in its \\fIaudits\\fR folder. \\fB\\-\\-data\\-dir\\fR wins over it."},
		{"XDG_DATA_HOME", "On Linux and other Unix systems the default data folder is \\fI$XDG_DATA_HOME/pressend\\fR, or \\fI~/.local/share/pressend\\fR when it is not set. Only an absolute path counts."},
		{"XDG_CONFIG_HOME", "Custom content packs are read from \\fI$XDG_CONFIG_HOME/pressend/packs\\fR, or \\fI~/.config/pressend/packs\\fR when it is not set."},
		{"HOME", "With no home folder (and no absolute \\fBXDG_DATA_HOME\\fR), pressend does not guess where to keep audits: set \\fBPRESSEND_DATA_DIR\\fR or use \\fB\\-\\-data\\-dir\\fR."},
		{"ACCESSIBLE", "Any value except empty, \\fB0\\fR or \\fBfalse\\fR gives plain numbered prompts for screen readers, as \\fB\\-\\-accessible\\fR does."},
		{"TERM", "\\fBdumb\\fR gives the plain prompts too."},
		{"NO_COLOR", "Any value turns colour off. Nothing pressend shows depends on colour alone."},
		{"PRESSEND_ADVISER", "Any value except empty, \\fB0\\fR or \\fBfalse\\fR turns on adviser mode, as \\fB\\-\\-adviser\\fR does."},
	} {
		line(".TP")
		line(`.B ` + e[0])
		line(e[1])
	}

	line(".SH FILES")
	line("The paths are those on Linux. The data folder is \\fI~/Library/Application Support/pressend\\fR on macOS and \\fI%LOCALAPPDATA%\\epressend\\fR on Windows; the packs folder is \\fIpacks\\fR inside the same folders. " +
		"\\fBpressend audits\\fR prints the data folder in use. Folders pressend creates are private (0700) and the files it writes are 0600.")
	for _, f := range [][2]string{
		{"~/.local/share/pressend/", "The data folder (see \\fBPRESSEND_DATA_DIR\\fR and \\fB\\-\\-data\\-dir\\fR)."},
		{"~/.local/share/pressend/audits/NAME.json", "One saved audit: the profile, answers, notes and past rounds. It holds a person's account of their own conduct; \\fBpressend forget\\fR \\fINAME\\fR deletes it."},
		{"~/.local/share/pressend/audits/NAME.lock", "Stops two windows from changing the same audit at once. Deleted by \\fBforget\\fR."},
		{"~/.local/share/pressend/audits/NAME.damaged\\-TIME.json", "A damaged audit set aside, when asked, so a fresh one could start. Deleted by \\fBforget\\fR, with any temporary files a crash left (\\fI.NAME.json.tmp\\-*\\fR)."},
		{"~/.local/share/pressend/teach\\-slide.json", "Which scenario \\fBpressend teach present\\fR is showing, for \\fBpressend teach notes\\fR to follow. It holds nothing about any student."},
		{"~/.config/pressend/packs/*.yaml", "Custom content packs (also \\fI*.yml\\fR), layered on the built-in pack in name order. A pack with problems is left out, with a warning; \\fBpressend pack validate\\fR says what is wrong."},
	} {
		line(".TP")
		line(`.I ` + f[0])
		line(f[1])
	}

	line(".SH EXIT STATUS")
	for _, e := range [][2]string{
		{"0", "Success."},
		{"1", "A problem while running: no saved audit of that name, a damaged file, a file that cannot be written, no terminal for the interactive screens, or answers that could not be saved."},
		{"2", "A mistake in the command: an unknown command or flag, a missing argument, a bad \\fB\\-\\-format\\fR, a name that is not allowed."},
	} {
		line(".TP")
		line(`.B ` + e[0])
		line(e[1])
	}

	if root.Example != "" {
		line(".SH EXAMPLES")
		example(&b, root.Example)
	}

	line(".SH NOTES")
	line("pressend never uses the network, never asks for a platform password and never changes a setting for you. It is not legal advice: for advice, contact your defence organisation or union.")

	line(".SH SEE ALSO")
	line("\\fIREADME.md\\fR and \\fISECURITY.md\\fR (what is stored, who can read it, and how to report a problem), in \\fI/usr/share/doc/pressend\\fR when pressend was installed from a package, and at")
	line(".UR https://github.com/pressend/pressend")
	line(".UE .")
	return b.String()
}

// commandSection writes one subsection per visible command, then its
// subcommands. The shell completion commands are summarised in one.
func commandSection(b *strings.Builder, c *cobra.Command) {
	if c.Hidden || !c.IsAvailableCommand() || c.Name() == "help" {
		return
	}
	flags := visibleFlags(c, c.LocalNonPersistentFlags())
	if c.Name() == "completion" && c.Parent() == c.Root() {
		var shells []string
		for _, s := range c.Commands() {
			if s.IsAvailableCommand() {
				shells = append(shells, s.Name())
			}
		}
		b.WriteString(".SS " + quote(c.CommandPath()+" "+strings.Join(shells, "|")) + "\n")
		b.WriteString("Print the shell completion script for that shell. The deb and rpm packages install them already; see \\fBpressend completion\\fR \\fISHELL\\fR \\fB\\-\\-help\\fR to load them by hand.\n")
		return
	}
	synopsis := `\fB` + escape(c.CommandPath(), true) + `\fR`
	if _, args, ok := strings.Cut(c.Use, " "); ok {
		synopsis += " " + usageArgs(args)
	}
	if len(flags) > 0 {
		synopsis += ` [\fIOPTIONS\fR]`
	}
	b.WriteString(".SS " + quote(synopsis) + "\n")
	b.WriteString(roffText(sentence(c.Short)) + "\n")
	if c.Long != "" {
		paragraphs(b, c.Long)
	}
	for _, f := range flags {
		flagItem(b, f)
	}
	if c.Example != "" {
		b.WriteString(".PP\nFor example:\n")
		example(b, c.Example)
	}
	for _, sub := range c.Commands() {
		commandSection(b, sub)
	}
}

// visibleFlags lists c's flags that are in set (its local flags, say) in
// the order they were defined, which keeps related flags together; hidden
// ones are left out, and so are --help and --version, which OPTIONS
// describes once.
func visibleFlags(c *cobra.Command, set *pflag.FlagSet) []*pflag.Flag {
	all := c.Flags()
	sorted := all.SortFlags
	all.SortFlags = false
	defer func() { all.SortFlags = sorted }()
	var out []*pflag.Flag
	all.VisitAll(func(f *pflag.Flag) {
		if set.Lookup(f.Name) != nil && !f.Hidden && f.Name != "help" && f.Name != "version" {
			out = append(out, f)
		}
	})
	return out
}

// flagItem writes one flag as a tagged paragraph: "-o, --output FILE",
// then what it does and its default.
func flagItem(b *strings.Builder, f *pflag.Flag) {
	tag := `\fB\-\-` + escape(f.Name, true) + `\fR`
	if f.Shorthand != "" {
		tag = `\fB\-` + escape(f.Shorthand, true) + `\fR, ` + tag
	}
	if f.Value.Type() != "bool" {
		v := valueNames[f.Name]
		if v == "" {
			v = strings.ToUpper(f.Value.Type())
		}
		tag += ` \fI` + v + `\fR`
	}
	text := roffText(f.Usage)
	if d := f.DefValue; d != "" && d != "false" && d != "0" && d != "[]" {
		text += ` (default: \fB` + roffText(d) + `\fR)`
	}
	b.WriteString(".TP\n" + tag + "\n" + text + "\n")
}

// usageArgs renders the argument part of a command's Use line:
// placeholders in italics, flags in bold.
func usageArgs(s string) string {
	var out []string
	for _, w := range strings.Fields(s) {
		switch {
		case strings.HasPrefix(w, "-"):
			out = append(out, `\fB`+roffText(w)+`\fR`)
		default:
			out = append(out, placeholder.ReplaceAllStringFunc(roffText(w), func(p string) string { return `\fI` + p + `\fR` }))
		}
	}
	return strings.Join(out, " ")
}

var placeholder = regexp.MustCompile(`[A-Z][A-Z_]+`)

// paragraphs writes text, whose paragraphs are separated by blank lines.
func paragraphs(b *strings.Builder, text string) {
	for _, p := range strings.Split(strings.TrimSpace(text), "\n\n") {
		b.WriteString(".PP\n" + roffText(strings.Join(strings.Fields(p), " ")) + "\n")
	}
}

// example writes command lines, one a line, indented and unfilled.
func example(b *strings.Builder, text string) {
	b.WriteString(".PP\n.RS 4\n.nf\n")
	for _, l := range strings.Split(strings.TrimSpace(text), "\n") {
		b.WriteString(`\&` + escape(l, true) + "\n")
	}
	b.WriteString(".fi\n.RE\n")
}

// roffText escapes prose for roff: backslashes, hyphens of flags and
// commands (so they render as the minus sign the shell needs, and can be
// copied), and `code` spans, which are shown in bold.
func roffText(s string) string {
	parts := strings.Split(s, "`")
	if len(parts)%2 == 0 { // an unmatched backtick: not a code span
		return `\&` + escape(s, false)
	}
	var b strings.Builder
	for i, p := range parts {
		if i%2 == 1 {
			b.WriteString(`\fB` + escape(p, true) + `\fR`)
			continue
		}
		b.WriteString(escape(p, false))
	}
	out := b.String()
	if strings.HasPrefix(out, ".") || strings.HasPrefix(out, "'") {
		out = `\&` + out
	}
	return out
}

// optionWord is a flag or a hyphenated word that starts with one.
var optionWord = regexp.MustCompile(`(^|[\s(\["'/=])-{1,2}[A-Za-z0-9][A-Za-z0-9-]*`)

// escape escapes roff's backslash and, with code true, every hyphen;
// otherwise only the hyphens of words that start with one (--data-dir),
// leaving those of prose (self-audit) as hyphens.
func escape(s string, code bool) string {
	s = strings.ReplaceAll(s, `\`, `\e`)
	if code {
		return strings.ReplaceAll(s, "-", `\-`)
	}
	return optionWord.ReplaceAllStringFunc(s, func(w string) string { return strings.ReplaceAll(w, "-", `\-`) })
}

// quote makes s one roff macro argument.
func quote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `\(dq`) + `"` }

// lowerFirst turns the Short of the root command, a sentence fragment
// with a capital, into the man page's NAME line, which by convention has
// none. An acronym ("UK ...") keeps its capitals.
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || len(s) > n && unicode.IsUpper(rune(s[n])) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// sentence ends a Short, which has no full stop, with one.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || slices.Contains([]byte(".!?"), s[len(s)-1]) {
		return s
	}
	return s + "."
}
