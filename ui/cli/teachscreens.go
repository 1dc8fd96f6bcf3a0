package cli

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	tea "charm.land/bubbletea/v2"
	"github.com/spf13/cobra"

	"github.com/pressend/pressend/checklist/teach"
	"github.com/pressend/pressend/ui/program"
	"github.com/pressend/pressend/ui/teach/projector"
	"github.com/pressend/pressend/ui/teach/student"
)

// screenFlags are the full-screen teach commands' flags.
type screenFlags struct {
	session, collect string
	minCount         int
}

// teachScreenCommands builds `teach present` and `teach notes`, the two
// windows at the front of the room.
func (a *app) teachScreenCommands() []*cobra.Command {
	f := &screenFlags{}
	present := &cobra.Command{
		Use:   "present",
		Short: "Show the scenarios on the projector, and the class's answers when you reveal them",
		Long: "One scenario per screen with the session code always in view. Answers stay hidden until you reveal round 1, then rounds 1 and 2 show side by side; " +
			"the suggested answer is marked only when you press b. With --collect the bars update as students' files arrive; h types in a show of hands.",
		Example: "pressend teach present --session ACD-E34 --collect /shared/class",
		Args:    noArgs,
		RunE:    func(c *cobra.Command, _ []string) error { return a.runTeachPresent(c.Context(), f) },
	}
	present.Flags().StringVar(&f.session, "session", "", "the session code from `pressend teach session` (required)")
	present.Flags().StringVar(&f.collect, "collect", "", "a folder to watch for students' answers files; show-of-hands counts are saved there too")
	present.Flags().IntVar(&f.minCount, "min-count", teach.DefaultMinCount, "hide any count below this")
	notes := &cobra.Command{
		Use:   "notes",
		Short: "The facilitator's notes, in a second window that follows the projector",
		Long:  "Teaching points, misconceptions to expect, the suggested answer and every profession's sources for the scenario on the projector. Keep this window off the projector.",
		Args:  noArgs,
		RunE:  func(c *cobra.Command, _ []string) error { return a.runTeachNotes(c.Context()) },
	}
	return []*cobra.Command{present, notes}
}

// needTerminal refuses to draw a full screen into a pipe.
func (a *app) needTerminal(what, instead string) error {
	if a.getenv("TERM") == "dumb" {
		return fmt.Errorf("%s draws a full screen, which TERM=dumb cannot show. %s", what, instead)
	}
	if isTerminal(a.stdin) && isTerminal(a.stdout) {
		return nil
	}
	return fmt.Errorf("%s needs a terminal. %s", what, instead)
}

// slidePath is where the projector tells the notes window its slide: the
// private data folder, created if need be.
func (a *app) slidePath() (string, error) {
	st, err := a.openStore()
	if err != nil {
		return "", err
	}
	return teach.SlidePath(st.Dir()), nil
}

func (a *app) runTeachPresent(ctx context.Context, f *screenFlags) error {
	if f.session == "" {
		return usagef("teach present needs --session CODE: make one with `pressend teach session`")
	}
	if f.minCount < 1 {
		return usagef("--min-count must be 1 or more, not %d", f.minCount)
	}
	d, err := a.teachDeck()
	if err != nil {
		return err
	}
	session, err := teach.ParseSessionCode(d, f.session)
	if err != nil {
		return teachCodeError(fmt.Errorf("--session: %w", err))
	}
	if err := a.needTerminal("pressend teach present", "To see the class results as text, use `pressend teach pool FOLDER`."); err != nil {
		return err
	}
	handsDir := "."
	if f.collect != "" {
		if fi, err := os.Stat(f.collect); err != nil || !fi.IsDir() {
			return fmt.Errorf("--collect %s is not a folder pressend can read: create it, or give another", f.collect)
		}
		handsDir = f.collect
	}
	hands, err := teach.NewHands(d, session, rand.Reader)
	if err != nil {
		return err
	}
	slide, err := a.slidePath()
	if err != nil {
		fmt.Fprintln(a.stderr, "warning: the notes window will not follow the projector:", err)
	}
	abs, _ := filepath.Abs(handsDir)
	m := projector.New(projector.Config{Deck: d, Session: session, Collect: f.collect, HandsDir: abs, Hands: hands, SlidePath: slide, MinCount: f.minCount})
	final, err := a.runScreen(ctx, m)
	if pm, ok := final.(*projector.Model); ok {
		m = pm
	}
	if ferr := m.Flush(); ferr != nil {
		return errors.Join(err, fmt.Errorf("the show of hands could not be saved: %w", ferr))
	}
	return err
}

func (a *app) runTeachNotes(ctx context.Context) error {
	if err := a.needTerminal("pressend teach notes", "To read every scenario's notes as a document, use `pressend teach handout`."); err != nil {
		return err
	}
	d, err := a.teachDeck()
	if err != nil {
		return err
	}
	slide, err := a.slidePath()
	if err != nil {
		return err
	}
	_, err = a.runScreen(ctx, projector.NewNotes(projector.NotesConfig{Deck: d, SlidePath: slide}))
	return err
}

// runStudentScreen is `teach answer` in a terminal: the full-screen view.
func (a *app) runStudentScreen(ctx context.Context, d *teach.Deck, session string, sub teach.Submission, saver *teach.Saver) (student.Result, error) {
	m := student.New(student.Config{Deck: d, Walk: teach.NewWalk(d, sub, nil), Session: session, Save: saver.Save, Path: saver.Path()})
	final, err := a.runScreen(ctx, m)
	if sm, ok := final.(*student.Model); ok {
		m = sm
	}
	return m.Flush(), err
}

// runScreen runs a teaching screen until it quits. Ctrl+C and a closed
// terminal are ordinary ways to stop: every answer was already saved.
func (a *app) runScreen(ctx context.Context, m tea.Model) (tea.Model, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	ctx, stop := signal.NotifyContext(ctx, syscall.SIGHUP)
	defer stop()
	final, err := program.Run(m, program.Options{Context: ctx, Input: a.stdin, Output: a.stdout})
	if err == nil || errors.Is(err, tea.ErrInterrupted) || errors.Is(err, tea.ErrProgramKilled) || errors.Is(err, context.Canceled) {
		return final, nil
	}
	return final, err
}
