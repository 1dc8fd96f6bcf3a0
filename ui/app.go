package ui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/pressend/pressend/checklist"
)

// root keeps the frame (header, status lines, key help), routes messages
// to the screen on top of a stack, and owns quitting and saving outcomes.
type root struct {
	c     *common
	stack []screen
	help  help.Model
	keys  rootKeys
	// helpCache keeps the last key help drawn (see helpView), ruleText
	// the last rule (see rule).
	helpCache helpCache
	ruleText  string
	ruleKey   ruleKey
	// headerText is the last header drawn (see header).
	headerText string
	headerKey  headerKey

	width, height int
	showHelp      bool
	saveErr       string
	notice        string
	quitting      bool
	showPlan      bool
}

// newRoot builds the root model and picks the first screen.
func newRoot(opts Options) *root {
	if opts.Now == nil {
		opts.Now = checklistNow
	}
	if opts.Audit == nil {
		opts.Audit = checklist.NewAudit("me", opts.Pack, opts.Now())
	}
	walk := checklist.NewWalk(opts.Pack, opts.Audit)
	walk.ReadOnly = opts.ReadOnly != ""
	c := &common{pack: opts.Pack, walk: walk, st: newStyles(true), now: opts.Now, opts: opts,
		stale: checklist.CheckFreshness(opts.Pack, opts.Now()), shareSafe: opts.ShareSafe || opts.Adviser}
	if opts.Store != nil && opts.ReadOnly == "" {
		c.saver = &serialSaver{store: opts.Store}
	}
	r := &root{c: c, help: help.New(), keys: newRootKeys(), width: 80, height: 24}
	r.stack = []screen{r.first()}
	if needsInitials(c) && opts.Damaged == nil {
		r.stack = append(r.stack, newInitials(c))
	}
	if opts.QuickRefused {
		r.notice = "This is already the full audit: quick mode would hide answers, so it opens in full."
	}
	r.layout()
	return r
}

// first picks the first screen: a damaged file comes first, then the
// welcome for a new audit, the menu for a finished one, or straight back
// to the question the user was on.
func (r *root) first() screen {
	a := r.c.audit()
	switch {
	case r.c.opts.Damaged != nil:
		return newDamaged(r.c)
	case !a.Profile.Complete():
		return newWelcome(r.c)
	case a.Completed != nil:
		return newMenu(r.c)
	}
	return newQuestion(r.c)
}

// top is the screen being shown.
func (r *root) top() screen { return r.stack[len(r.stack)-1] }

// Init asks the terminal for its background so the theme can match it.
func (r *root) Init() tea.Cmd {
	return tea.Batch(tea.RequestBackgroundColor, r.top().Init())
}

// Update handles what belongs to the frame, then passes the rest to the
// screen on top.
func (r *root) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		r.width, r.height = msg.Width, msg.Height
		r.layout()
		return r, nil
	case tea.BackgroundColorMsg:
		r.c.st = newStyles(msg.IsDark())
		r.help.Styles = helpStyles(r.c.st)
		r.helpCache = helpCache{}
	case savedMsg:
		r.saveErr = ""
		if msg.err != nil {
			r.saveErr = msg.err.Error()
		} else if msg.notice != "" {
			r.notice = msg.notice
		}
		r.layout()
		return r, nil
	case noticeMsg:
		r.notice = msg.text
		r.layout()
		return r, nil
	case pushMsg:
		r.stack = append(r.stack, msg.s)
		return r, r.shown()
	case replaceMsg:
		r.stack[len(r.stack)-1] = msg.s
		return r, r.shown()
	case resetMsg:
		r.stack = []screen{msg.s}
		return r, r.shown()
	case popMsg:
		if len(r.stack) == 1 {
			return r, nil // nowhere to go back to; q quits
		}
		r.stack = r.stack[:len(r.stack)-1]
		r.layout()
		return r, nil
	case quitMsg:
		return r.quit()
	case tea.KeyPressMsg:
		if cmd, done := r.globalKey(msg); done {
			return r, cmd
		}
		r.notice = ""
	}
	s, cmd := r.top().Update(msg)
	r.stack[len(r.stack)-1] = s
	r.layout()
	return r, cmd
}

// globalKey handles keys that mean the same on every screen.
func (r *root) globalKey(k tea.KeyPressMsg) (tea.Cmd, bool) {
	switch {
	case key.Matches(k, r.keys.Interrupt):
		_, cmd := r.quit()
		return cmd, true
	case r.top().Typing():
		return nil, false
	case key.Matches(k, r.keys.Help):
		r.showHelp = !r.showHelp
		r.layout()
		return nil, true
	case key.Matches(k, r.keys.Quit):
		_, cmd := r.quit()
		return cmd, true
	case key.Matches(k, r.keys.ShareSafe) && (r.c.opts.Adviser || r.c.opts.ShareSafe || r.c.shareSafe):
		r.c.shareSafe = !r.c.shareSafe
		r.layout()
		return func() tea.Msg { return shareSafeMsg{} }, true
	}
	return nil, false
}

// shareSafeMsg tells the screen that screen-share safety changed, so it
// rebuilds what it shows.
type shareSafeMsg struct{}

// shown initialises and sizes a screen that has just come to the top.
func (r *root) shown() tea.Cmd {
	r.layout()
	return r.top().Init()
}

// quit saves (the caller saves once more after the program ends) and
// exits, asking for the plan to be printed once there is something in it.
func (r *root) quit() (tea.Model, tea.Cmd) {
	r.quitting = true
	a := r.c.audit()
	r.showPlan = a.Profile.Complete() && len(a.Answers) > 0
	return r, tea.Sequence(r.c.save(), tea.Quit)
}

// result is what Run hands back to the caller.
func (r *root) result() Result {
	return Result{Audit: r.c.audit(), Saved: r.c.saves() && r.saveErr == "", ShowPlan: r.showPlan}
}
