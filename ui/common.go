package ui

import (
	"strings"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/pressend/pressend/checklist"
	"github.com/pressend/pressend/checklist/display"
)

// common is what every screen shares: the walk over the audit, the styles
// and the session's circumstances. Screens hold a pointer to it; only the
// root and the screens' Update change it, never a View.
type common struct {
	pack *checklist.Pack
	walk *checklist.Walk
	st   styles
	now  func() time.Time
	opts Options
	// saver writes snapshots one at a time; nil when nothing is saved.
	saver *serialSaver
	// stale is what is old in the content, worked out once.
	stale checklist.Staleness
	// shareSafe hides notes and paths while the screen may be shared.
	shareSafe bool
	// typical memoises typicalMinutes: the pack does not change during a
	// session, and working the range out builds every question of five
	// audits, far more than the rest of the first frame.
	typical map[checklist.Mode][2]int
}

// typicalMinutes is display.TypicalMinutes for this session's pack,
// worked out once per mode.
func (c *common) typicalMinutes(mode checklist.Mode) (lo, hi int) {
	if r, ok := c.typical[mode]; ok {
		return r[0], r[1]
	}
	known := false
	if c.opts.TypicalMinutes != nil {
		lo, hi, known = c.opts.TypicalMinutes(mode)
	}
	if !known {
		lo, hi = display.TypicalMinutes(c.pack, mode)
	}
	if c.typical == nil {
		c.typical = map[checklist.Mode][2]int{}
	}
	c.typical[mode] = [2]int{lo, hi}
	return lo, hi
}

// audit is the audit being worked on.
func (c *common) audit() *checklist.Audit { return c.walk.Audit() }

// view is the display options for this session right now.
func (c *common) view() display.Options {
	return display.Options{Now: c.now(), ShareSafe: c.shareSafe, AdviserNotes: c.opts.Adviser && !c.shareSafe}
}

// saves reports whether answers reach the disk in this session.
func (c *common) saves() bool { return c.saver != nil }

// save sends a snapshot of the audit to the store in a command, so the
// event loop never waits on the disk.
func (c *common) save() tea.Cmd {
	if c.saver == nil {
		return nil
	}
	snap, s := c.audit().Clone(), c.saver
	return func() tea.Msg { return savedMsg{err: safely(func() error { return s.save(snap) })} }
}

// saveNotice saves and then, only once the audit is on disk, shows text.
// When nothing is saved in this session it says so instead of claiming it.
func (c *common) saveNotice(text string) tea.Cmd {
	if c.saver == nil {
		return notice(text + " for this session only: nothing is being saved to disk.")
	}
	snap, s := c.audit().Clone(), c.saver
	return func() tea.Msg {
		return savedMsg{err: safely(func() error { return s.save(snap) }), notice: text + "."}
	}
}

// path is where the audit is saved, masked while screen-share safety is
// on, or "" when nothing is saved.
func (c *common) path() string {
	switch {
	case c.opts.Store == nil:
		return ""
	case c.shareSafe:
		return display.Hidden + " (screen-share safety is on)"
	}
	return c.opts.Store.Where()
}

// wrap wraps text to a width, with an indent on every line.
func wrap(s string, width, indent int) string {
	w := max(10, width-indent)
	out := ansi.Wrap(s, w, " ")
	if indent == 0 {
		return out
	}
	pad := strings.Repeat(" ", indent)
	return pad + strings.ReplaceAll(out, "\n", "\n"+pad)
}

// hang wraps text with a hanging indent after a bullet.
func hang(bullet, s string, width int) string {
	bw := ansi.StringWidth(bullet)
	lines := strings.Split(ansi.Wrap(s, max(10, width-bw), " "), "\n")
	pad := strings.Repeat(" ", bw)
	for i := range lines {
		if i == 0 {
			lines[i] = bullet + lines[i]
		} else {
			lines[i] = pad + lines[i]
		}
	}
	return strings.Join(lines, "\n")
}

// savedMsg reports the outcome of a background save, and what to tell the
// user once it has reached the disk.
type savedMsg struct {
	err    error
	notice string
}

// serialSaver runs saves one at a time and drops snapshots older than the
// one already written. Saves run in commands, which Bubble Tea may run at
// once; without this an older snapshot could land after a newer one and
// lose the latest answer.
type serialSaver struct {
	mu    sync.Mutex
	store Storage
	last  time.Time
}

func (s *serialSaver) save(a *checklist.Audit) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.last.IsZero() && a.Updated.Before(s.last) {
		return nil
	}
	if err := s.store.Save(a); err != nil {
		return err
	}
	s.last = a.Updated
	return nil
}

// maskPaths hides the audit's path in a message while screen-share safety
// is on: an error can name the file, and the file name is the member's
// reference.
//
// Any word that looks like a file path is hidden, not only the audit's own:
// an error can name a temporary file or the folder.
func maskPaths(msg string, c *common) string {
	msg = checklist.SanitizeLine(msg)
	if !c.shareSafe {
		return msg
	}
	words := strings.Fields(msg)
	for i, w := range words {
		if looksLikePath(strings.Trim(w, `"'():,;`)) {
			words[i] = display.Hidden
		}
	}
	return strings.Join(words, " ")
}

// looksLikePath spots /abs/path, ~/path, C:\path and name.json words.
func looksLikePath(w string) bool {
	switch {
	case strings.HasPrefix(w, "/"), strings.HasPrefix(w, "~/"):
		return true
	case len(w) > 2 && w[1] == ':' && (w[2] == '\\' || w[2] == '/'):
		return true
	}
	return strings.HasSuffix(w, ".json") || strings.HasSuffix(w, ".lock")
}
