package ui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// checklistNow is the real clock.
func checklistNow() time.Time { return time.Now() }

// Minimum useful size; below it the app asks for a larger window rather
// than drawing a broken layout.
const (
	minWidth  = 60
	minHeight = 16
)

// The frame is: a header line, a rule, the body, the status lines, a rule
// and the key help. Only the body changes size.

func (r *root) tooSmall() bool { return r.width < minWidth || r.height < minHeight }

// bodyWidth is the usable width inside the one-cell side margins.
func (r *root) bodyWidth() int { return max(10, r.width-2) }

// statusLines are the banners that must stay visible: screen-share safety,
// read-only, nothing being saved, save failures and one-off notices.
func (r *root) statusLines() []string {
	var out []string
	w := r.bodyWidth()
	line := func(st lipgloss.Style, s string) { out = append(out, st.Render(ansi.Truncate(s, w, "…"))) }
	c := r.c
	switch {
	case c.shareSafe && c.opts.Adviser:
		// Everything the masking hides, in 77 columns so it fits 80.
		line(c.st.banner, "◆ Screen-share safety: adviser notes, handles, members, paths hidden. ! shows")
	case c.shareSafe:
		line(c.st.banner, "◆ Screen-share safety on: notes and file paths are hidden. ! shows them.")
	}
	if c.opts.ReadOnly != "" {
		line(c.st.banner, "Read-only: "+c.opts.ReadOnly+".")
	}
	if c.opts.Unsaved != "" {
		line(c.st.errBanner, "✗ Nothing is being saved: "+c.opts.Unsaved+".")
	}
	if r.saveErr != "" {
		line(c.st.errBanner, "✗ Progress is NOT being saved. Answers are kept only until you quit.")
		line(c.st.errBanner, "  Reason: "+maskPaths(r.saveErr, c))
	}
	if r.notice != "" {
		line(c.st.banner, r.notice)
	}
	return out
}

// helpView is the top screen's key help, with "? help" and "q quit" kept
// at the end of the short line however narrow the window is. The frame
// asks for it two or three times per message (for the body's height and
// to draw it) and it rarely changes, so the last one is kept with a
// fingerprint of everything it is drawn from.
func (r *root) helpView() string {
	w := r.bodyWidth()
	top := r.top()
	km := top.Keys()
	var always, tail, own []key.Binding
	var groups [][]key.Binding
	if r.showHelp {
		// The keys that work everywhere come first: help drops the columns
		// that do not fit, from the end.
		always = []key.Binding{r.keys.Help, r.keys.Quit, r.keys.Interrupt}
		if r.c.opts.Adviser || r.c.opts.ShareSafe {
			always = append(always, r.keys.ShareSafe)
		}
		groups = km.FullHelp()
	} else {
		tail = []key.Binding{r.keys.Help, r.keys.Quit}
		if top.Typing() {
			tail = []key.Binding{r.keys.Interrupt}
		}
		own = km.ShortHelp()
	}
	fp := helpFingerprint(w, r.showHelp, always, tail, own, groups)
	if r.helpCache.ok && r.helpCache.key == fp {
		return r.helpCache.view
	}
	var h string
	r.help.SetWidth(w)
	if r.showHelp {
		h = r.help.FullHelpView(append([][]key.Binding{always}, groups...))
	} else {
		// Measure untruncated (help cuts a long line with "…" itself, which
		// would cut "? help" and "q quit" first), dropping the screen's
		// own keys from the end until the line fits.
		r.help.SetWidth(0)
		for n := len(own); n >= 0; n-- {
			h = r.help.ShortHelpView(append(append([]key.Binding{}, own[:n]...), tail...))
			if ansi.StringWidth(h) <= w {
				break
			}
		}
		r.help.SetWidth(w)
	}
	lines := strings.Split(h, "\n")
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, w, "…")
	}
	view := strings.Join(lines, "\n")
	r.helpCache = helpCache{ok: true, key: fp, view: view}
	return view
}

// helpCache is the last key help drawn and the fingerprint it was drawn
// for. Changing the help styles must clear it.
type helpCache struct {
	ok        bool
	key, view string
}

// helpFingerprint is everything helpView's result depends on besides the
// help styles: the width, which view, and each binding's help text and
// whether it is enabled.
func helpFingerprint(width int, full bool, always, tail, own []key.Binding, groups [][]key.Binding) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d %t", width, full)
	add := func(bs []key.Binding) {
		b.WriteByte(1)
		for _, k := range bs {
			h := k.Help()
			if k.Enabled() {
				b.WriteByte('+')
			} else {
				b.WriteByte('-')
			}
			b.WriteString(h.Key)
			b.WriteByte(0)
			b.WriteString(h.Desc)
			b.WriteByte(0)
		}
	}
	add(always)
	add(tail)
	add(own)
	for _, g := range groups {
		add(g)
	}
	return b.String()
}

// bodyHeight is what the frame leaves for the screen.
func (r *root) bodyHeight() int {
	n := 2 + len(r.statusLines()) + 1 + lipgloss.Height(r.helpView())
	return max(1, r.height-n)
}

// layout gives the top screen the body's size after anything that may
// change the frame (a resize, a banner, the full help).
func (r *root) layout() { r.top().SetSize(r.bodyWidth(), r.bodyHeight()) }

// header is the one-line title with the current place on the right, kept
// until what it shows changes: it is drawn on every frame.
func (r *root) header() string {
	c := r.c
	a := c.audit()
	k := headerKey{width: r.bodyWidth(), dark: c.st.isDark, name: a.Name, adviser: c.opts.Adviser,
		quick: a.Mode == "quick", place: r.top().Place()}
	if r.headerText == "" || k != r.headerKey {
		r.headerText, r.headerKey = r.drawHeader(k), k
	}
	return r.headerText
}

// headerKey is everything the header shows.
type headerKey struct {
	width         int
	dark, adviser bool
	quick         bool
	name, place   string
}

func (r *root) drawHeader(k headerKey) string {
	c := r.c
	left := c.st.title.Render("pressend") + c.st.faint.Render(" · "+k.name)
	if k.adviser {
		left = c.st.title.Render("pressend adviser") + c.st.faint.Render(" · ref "+k.name)
	}
	if k.quick {
		left += c.st.faint.Render(" · quick")
	}
	right := c.st.faint.Render(k.place)
	gap := k.width - lipgloss.Width(left) - lipgloss.Width(right)
	if gap < 1 {
		return ansi.Truncate(left+" "+right, k.width, "…")
	}
	return left + strings.Repeat(" ", gap) + right
}

// rule is the line under the header and above the help, kept per width
// and theme: View draws it twice per frame.
func (r *root) rule() string {
	k := ruleKey{width: r.bodyWidth(), dark: r.c.st.isDark}
	if r.ruleText == "" || k != r.ruleKey {
		r.ruleText, r.ruleKey = r.c.st.rule.Render(strings.Repeat("─", k.width)), k
	}
	return r.ruleText
}

type ruleKey struct {
	width int
	dark  bool
}

// View draws the frame around the top screen. It does no IO and keeps
// within the window, so an idle screen never needs redrawing.
func (r *root) View() tea.View {
	var content string
	if r.tooSmall() {
		msg := fmt.Sprintf("pressend needs a window of at least %d×%d. This one is %d×%d: please make it larger. Your progress is kept. Press q to quit.",
			minWidth, minHeight, r.width, r.height)
		content = fitHeight(ansi.Wrap(msg, max(1, r.width), " "), max(1, r.height))
	} else {
		parts := []string{r.header(), r.rule(), fitHeight(r.top().View(), r.bodyHeight())}
		parts = append(parts, r.statusLines()...)
		parts = append(parts, r.rule(), r.helpView())
		// Lines are joined by hand: lipgloss's JoinVertical and margins
		// measure every line again, most of the cost of a keystroke.
		content = " " + strings.ReplaceAll(strings.Join(parts, "\n"), "\n", "\n ")
	}
	v := tea.NewView(content)
	v.AltScreen = true
	v.WindowTitle = "pressend"
	return v
}

// fitHeight pads or cuts a block to exactly h lines.
func fitHeight(s string, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}
