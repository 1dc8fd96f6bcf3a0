package cli

import (
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	xterm "golang.org/x/term"

	"github.com/pressend/pressend/checklist/teach"
	uiteach "github.com/pressend/pressend/ui/teach"
	"github.com/pressend/pressend/ui/teach/plain"
)

// teachFlags holds the teach commands' flag values. They live here, not
// in app, so the teaching commands stay in this file.
// Each command has its own format variable: cobra writes a flag's default
// into its variable when the flag is defined, so a shared one would take
// the last command's default.
type teachFlags struct {
	deckFormat, poolFormat, handoutFormat string
	out, session, results, output         string
	minCount                              int
	accessible, paste, force              bool
}

// teachCommand builds `pressend teach` and its subcommands.
func (a *app) teachCommand() *cobra.Command {
	f := &teachFlags{}
	cmd := &cobra.Command{
		Use:   "teach",
		Short: "Run a teaching session: scenarios, anonymous answers and class results",
		Long: "A Peer Instruction session: students answer each scenario alone, discuss, then answer again. " +
			"Each student's answers go to one anonymous file (no name, no profession, no time) that the facilitator pools into class results.",
		Example: "pressend teach session\npressend teach present --session ACD-E34 --collect /shared/class\npressend teach answer ACD-E34 --out /shared/class\npressend teach pool /shared/class\npressend teach handout --results results.json --format html --output handout.html",
		Args:    noArgs,
		RunE:    func(c *cobra.Command, _ []string) error { return c.Help() },
	}
	session := &cobra.Command{
		Use: "session", Short: "Make a session code and print how students join", Args: noArgs,
		RunE: func(*cobra.Command, []string) error { return a.runTeachSession() },
	}
	deck := &cobra.Command{
		Use: "deck", Short: "List the scenarios and knowledge check, with the deck version", Args: noArgs,
		RunE: func(*cobra.Command, []string) error { return a.runTeachDeck(f) },
	}
	deck.Flags().StringVar(&f.deckFormat, "format", "text", "text or json")
	answer := &cobra.Command{
		Use:   "answer CODE",
		Short: "Answer the scenarios as a student; your answers are saved to one anonymous file",
		// A code typed with a space ("ACD E34") arrives as two arguments;
		// they are joined, since spaces inside a code do not matter.
		Args: func(c *cobra.Command, args []string) error {
			if len(args) == 0 || len(args) > 3 {
				return usagef("%s needs the session code the facilitator gave you, for example `pressend teach answer ACD-E34`", c.CommandPath())
			}
			return nil
		},
		RunE: func(c *cobra.Command, args []string) error { return a.runTeachAnswer(c, f, strings.Join(args, "")) },
	}
	answer.Flags().StringVar(&f.out, "out", ".", "the folder to save your answers file in")
	answer.Flags().BoolVar(&f.accessible, "accessible", false, "plain prompts for screen readers and pipes (also ACCESSIBLE=1 or TERM=dumb)")
	pool := &cobra.Command{
		Use:   "pool [PATH...]",
		Short: "Add up students' answers files, folders of them, or pasted answer codes",
		Long: "Reads answers files (and show-of-hands files) given directly or found in folders, or with --paste finds answer codes in text on standard input. " +
			"Only one session counts; duplicates, other sessions, other deck versions and damaged files are listed on standard error with the reason. " +
			"Counts below --min-count show as \"too few to show\".",
		RunE: func(_ *cobra.Command, args []string) error { return a.runTeachPool(f, args) },
	}
	pool.Flags().StringVar(&f.poolFormat, "format", "text", "text, json or html")
	pool.Flags().IntVar(&f.minCount, "min-count", teach.DefaultMinCount, "hide any count below this")
	pool.Flags().StringVar(&f.session, "session", "", "count only this session (default: the session of the first valid file)")
	pool.Flags().BoolVar(&f.paste, "paste", false, "read pasted text (a chat log, say) from standard input and pool the answer codes in it")
	handout := &cobra.Command{
		Use: "handout", Short: "Write the handout: scenarios, feedback, knowledge check, sources and, optionally, class results", Args: noArgs,
		RunE: func(*cobra.Command, []string) error { return a.runTeachHandout(f) },
	}
	handout.Flags().StringVar(&f.handoutFormat, "format", teach.FormatMarkdown, "markdown or html")
	handout.Flags().StringVar(&f.results, "results", "", "pooled results from `pressend teach pool --format json`")
	handout.Flags().StringVarP(&f.output, "output", "o", "", "write to this file (created private, 0600) instead of standard output")
	handout.Flags().BoolVar(&f.force, "force", false, "replace --output if it exists")
	cmd.AddCommand(session, deck, answer, pool, handout)
	cmd.AddCommand(a.teachScreenCommands()...)
	return cmd
}

// teachDeck loads the deck from the effective pack. Custom packs count:
// students need the same ones as the facilitator, and the deck version
// says whether they have them.
func (a *app) teachDeck() (*teach.Deck, error) {
	pack, problems, err := a.loadPack()
	if err != nil {
		return nil, err
	}
	a.warn(problems)
	return teach.NewDeck(pack)
}

func (a *app) runTeachSession() error {
	d, err := a.teachDeck()
	if err != nil {
		return err
	}
	code, err := teach.NewSessionCode(d, rand.Reader)
	if err != nil {
		return err
	}
	shown := teach.FormatSessionCode(code)
	fmt.Fprintf(a.stdout, "Session code: %s\n\n", shown)
	fmt.Fprintf(a.stdout, "Deck %s: %d scenarios, %d knowledge-check questions.\n\n", d.Version, len(d.Scenarios), len(d.Checks))
	fmt.Fprintf(a.stdout, "Students join on their own computers with:\n  pressend teach answer %s --out FOLDER\n", shown)
	fmt.Fprintln(a.stdout, "Each student's answers go to one anonymous file in FOLDER (a shared drive, or a folder you collect). Online, students can paste the answer codes they are shown into the chat instead.")
	fmt.Fprintf(a.stdout, "\nOn the projector, with the class's answers as their files arrive (h types a show of hands instead):\n  pressend teach present --session %s --collect FOLDER\nYour notes, in a second window kept off the projector:\n  pressend teach notes\n", shown)
	fmt.Fprintf(a.stdout, "\nTo add up the answers as text:\n  pressend teach pool --session %s FOLDER\n  pressend teach pool --session %s --paste < chat.txt\n", shown, shown)
	fmt.Fprintf(a.stdout, "Afterwards, for the students:\n  pressend teach pool --session %s --format json FOLDER > results.json\n  pressend teach handout --results results.json --format html --output handout.html\n", shown)
	fmt.Fprintln(a.stdout, "\nStudents need the same pressend version (and custom packs) as you; pressend tells them if they do not.")
	return nil
}

func (a *app) runTeachDeck(f *teachFlags) error {
	if f.deckFormat != "text" && f.deckFormat != "json" {
		return usagef("unknown --format %q: use text or json", f.deckFormat)
	}
	d, err := a.teachDeck()
	if err != nil {
		return err
	}
	if f.deckFormat == "json" {
		out, err := teach.DeckJSON(d)
		if err != nil {
			return err
		}
		_, err = a.stdout.Write(out)
		return err
	}
	_, err = io.WriteString(a.stdout, teach.DeckText(d, a.teachWidth()))
	return err
}

func (a *app) runTeachAnswer(c *cobra.Command, f *teachFlags, code string) error {
	accessible := f.accessible || truthy(a.getenv("ACCESSIBLE")) || a.getenv("TERM") == "dumb"
	terminal := isTerminal(a.stdin) && isTerminal(a.stdout)
	if !accessible && !terminal {
		return errors.New("pressend teach answer needs a terminal for the full-screen view. Add --accessible for plain prompts (they also read answers from a pipe)")
	}
	d, err := a.teachDeck()
	if err != nil {
		return err
	}
	session, err := teach.ParseSessionCode(d, code)
	if err != nil {
		return teachCodeError(err)
	}
	saver, err := teach.NewSaver(f.out, rand.Reader)
	if err != nil {
		return err
	}
	sub, err := teach.NewSubmission(d, session, rand.Reader)
	if err != nil {
		return err
	}
	var saved bool
	var saveErr error
	if accessible {
		walk := teach.NewWalk(d, sub, saver.Save)
		res, err := plain.Run(plain.Options{Deck: d, Walk: walk, Session: session, SavedTo: saver.Path(), Input: a.stdin, Output: a.stdout, Echo: !isTerminal(a.stdin)})
		if err != nil {
			return err
		}
		saved, saveErr = walk.Saved(), res.SaveErr
	} else {
		res, err := a.runStudentScreen(c.Context(), d, session, sub, saver)
		if err != nil {
			return err
		}
		saved, saveErr = res.Saved, res.SaveErr
	}
	if !saved {
		if saveErr != nil {
			return fmt.Errorf("your answers could not be saved to %s: %w. Choose a folder you can write to with --out", saver.Path(), saveErr)
		}
		return nil
	}
	// Read back from disk, so what the student sees is what they hand in.
	data, err := os.ReadFile(saver.Path())
	if err != nil {
		return fmt.Errorf("could not read back your answers file %s: %w", saver.Path(), err)
	}
	fmt.Fprintf(a.stdout, "\nYour answers file is %s\nThis is everything it holds:\n\n%s", saver.Path(), data)
	if saveErr != nil {
		return fmt.Errorf("your latest answers could not be saved to %s: %w. The file above holds the answers before that; your answer code has them all", saver.Path(), saveErr)
	}
	return nil
}

func (a *app) runTeachPool(f *teachFlags, paths []string) error {
	if !slices.Contains([]string{"text", "json", "html"}, f.poolFormat) {
		return usagef("unknown --format %q: use text, json or html", f.poolFormat)
	}
	if f.minCount < 1 {
		return usagef("--min-count must be 1 or more, not %d", f.minCount)
	}
	if len(paths) == 0 && !f.paste {
		return usagef("give the answers files or folders to pool, for example `pressend teach pool answers/`, or --paste to read answer codes from standard input")
	}
	d, err := a.teachDeck()
	if err != nil {
		return err
	}
	p, err := teach.NewPool(d, f.session)
	if err != nil {
		return teachCodeError(fmt.Errorf("--session: %w", err))
	}
	for _, path := range paths {
		p.AddPath(path)
	}
	if f.paste {
		if isTerminal(a.stdin) {
			fmt.Fprintln(a.stderr, "Paste the chat text, then press Ctrl+D (Ctrl+Z then Enter on Windows).")
		}
		text, err := io.ReadAll(io.LimitReader(a.stdin, 16<<20))
		if err != nil {
			return fmt.Errorf("could not read standard input: %w", err)
		}
		if p.AddPaste("stdin", string(text)) == 0 {
			fmt.Fprintln(a.stderr, "No answer codes (PS-…) found in standard input.")
		}
	}
	if code, from := p.Session(); from != "" {
		fmt.Fprintf(a.stderr, "Pooling session %s, taken from %s. Use --session to choose another.\n", teach.FormatSessionCode(code), from)
	}
	for _, r := range p.Rejected() {
		fmt.Fprintf(a.stderr, "%s: %s\n", r.File, r.Reason)
	}
	for _, r := range p.Superseded() {
		fmt.Fprintf(a.stderr, "%s: %s\n", r.File, r.Reason)
	}
	res := p.Results(f.minCount)
	fmt.Fprintf(a.stderr, "%d %s counted, %d not counted, %d superseded.\n", res.Responses, teachPlural(res.Responses, "response", "responses"), len(res.Rejected), len(res.Superseded))
	if res.Responses == 0 && res.Hands == 0 {
		return errors.New("no answers to pool: check the folder, the session code and that students use the same pressend version")
	}
	var out []byte
	switch f.poolFormat {
	case "json":
		out, err = res.Encode()
	case "html":
		out, err = teach.WriteResultsHTML(res)
	default:
		out = []byte(uiteach.Results(res, a.teachWidth()))
	}
	if err != nil {
		return err
	}
	_, err = a.stdout.Write(out)
	return err
}

func (a *app) runTeachHandout(f *teachFlags) error {
	if !slices.Contains(teach.HandoutFormats(), f.handoutFormat) {
		return usagef("unknown --format %q: use %s", f.handoutFormat, strings.Join(teach.HandoutFormats(), " or "))
	}
	d, err := a.teachDeck()
	if err != nil {
		return err
	}
	var res *teach.Results
	if f.results != "" {
		data, err := os.ReadFile(f.results)
		if err != nil {
			return fmt.Errorf("could not read --results: %w", err)
		}
		if res, err = teach.ParseResults(d, data); err != nil {
			return fmt.Errorf("%s: %w", f.results, err)
		}
	}
	out, err := teach.WriteHandout(f.handoutFormat, d, res)
	if err != nil {
		return err
	}
	if f.output == "" {
		_, err = a.stdout.Write(out)
		return err
	}
	if err := teach.WriteFile(f.output, out, f.force); err != nil {
		return fmt.Errorf("could not write the handout: %w", err)
	}
	fmt.Fprintf(a.stderr, "Wrote the handout to %s\n", f.output)
	return nil
}

// teachCodeError makes a mistyped code a usage error (exit 2). A code for
// another deck version is typed correctly, so it is a runtime error
// (exit 1) whose message says to compare pressend versions.
func teachCodeError(err error) error {
	if errors.Is(err, teach.ErrTypo) {
		return usageError{err}
	}
	return err
}

// teachWidth is the terminal's width, or 80 when output is not a terminal.
func (a *app) teachWidth() int {
	if fd, ok := a.stdout.(interface{ Fd() uintptr }); ok && isTerminal(a.stdout) {
		if w, _, err := xterm.GetSize(int(fd.Fd())); err == nil && w > 0 {
			return w
		}
	}
	return 80
}

func teachPlural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
