package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/pressend/pressend/checklist"
	"github.com/pressend/pressend/checklist/display"
)

// welcome is the first-run introduction: what pressend does, how long it
// takes (worked out from the content), that everything stays on this
// computer and where, and the not-legal-advice line.
type welcome struct {
	c    *common
	vp   viewport.Model
	keys keyList
	// text is body's last result and key what it was built for: the frame
	// resizes the screen after every message, and the body only changes
	// with the width, the theme or screen-share safety.
	text string
	key  welcomeKey
	// view is View's last result and viewKey what it was drawn for: Bubble
	// Tea draws after every message, and at start-up most change nothing.
	view    string
	viewKey welcomeViewKey
	// sized is what SetSize last gave the viewport.
	sized sizedAs
}

// welcomeViewKey is everything View depends on: the body (its key, since
// the viewport only ever holds the body), the scroll position and size.
type welcomeViewKey struct {
	body                welcomeKey
	x, y, width, height int
}

// welcomeKey is everything body depends on that can change while the
// welcome is shown.
type welcomeKey struct {
	width           int
	dark, shareSafe bool
	mode            checklist.Mode
}

func newWelcome(c *common) *welcome {
	w := &welcome{c: c, vp: newViewport(),
		keys: keyList{bind([]string{"enter"}, "enter", "start"), newScrollKeys().Up}}
	return w
}

func (w *welcome) Init() tea.Cmd     { return nil }
func (w *welcome) Keys() help.KeyMap { return w.keys }
func (w *welcome) Place() string     { return "Welcome" }
func (w *welcome) Typing() bool      { return false }

func (w *welcome) View() string {
	k := welcomeViewKey{body: w.key, x: w.vp.XOffset(), y: w.vp.YOffset(), width: w.vp.Width(), height: w.vp.Height()}
	if w.view == "" || k != w.viewKey {
		w.view, w.viewKey = scrollView(w.c, w.vp), k
	}
	return w.view
}

func (w *welcome) SetSize(width, height int) {
	body := w.cachedBody(width)
	h := max(1, height-1)
	// The frame sizes the screen after every message. With the same size
	// and body, setting them again would change nothing (the viewport
	// keeps its scroll position within the same content), so skip the
	// splitting and measuring.
	if w.sized == (sizedAs{width: width, height: h, body: w.key}) {
		return
	}
	w.vp.SetWidth(width)
	w.vp.SetHeight(h)
	w.vp.SetContent(body)
	w.sized = sizedAs{width: width, height: h, body: w.key}
}

// sizedAs is the size and body the viewport was last given.
type sizedAs struct {
	width, height int
	body          welcomeKey
}

// cachedBody is body, built again only when what it depends on changed.
func (w *welcome) cachedBody(width int) string {
	k := welcomeKey{width: width, dark: w.c.st.isDark, shareSafe: w.c.shareSafe, mode: w.c.audit().Mode}
	if w.text == "" || k != w.key {
		w.text, w.key = w.body(width), k
	}
	return w.text
}

func (w *welcome) Update(msg tea.Msg) (screen, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, w.keys[0]) {
		return w, replace(newProfile(w.c))
	}
	if _, ok := msg.(shareSafeMsg); ok {
		w.vp.SetContent(w.cachedBody(w.vp.Width()))
		w.sized.body = w.key
	}
	var cmd tea.Cmd
	w.vp, cmd = w.vp.Update(msg)
	return w, cmd
}

// body is the welcome text.
func (w *welcome) body(width int) string {
	c := w.c
	st := c.st
	var b strings.Builder
	b.WriteString(st.title.Render("Check your own social media, the way your regulator would") + "\n\n")
	b.WriteString(wrap("pressend walks you through your own accounts, one question at a time, then gives you a short action plan: what could hurt a patient or you most comes first. Each question says why it matters, cites your own regulator's guidance and shows where the setting lives.", width, 0) + "\n\n")
	mode := checklist.Full
	if c.audit().Mode == checklist.Quick {
		mode = checklist.Quick
	}
	lo, hi := c.typicalMinutes(mode)
	how := "the full audit"
	if mode == checklist.Quick {
		how = "the quick audit (the checks that matter most)"
	}
	b.WriteString(wrap(fmt.Sprintf("For most people %s takes about %s. You can stop and come back at any time. First, a few questions about you, so you only see what applies.",
		how, minutesRange(lo, hi)), width, 0) + "\n")
	b.WriteString(st.faint.Render(wrap(display.ReadingNote(), width, 0)) + "\n\n")
	b.WriteString(st.heading.Render("Your answers stay on this computer.") + "\n")
	promise := "pressend never connects to the internet, never asks for passwords and never changes a setting for you."
	if p := c.path(); p != "" {
		b.WriteString(wrap(promise+" Each answer is saved as you give it, to:", width, 0) + "\n")
		b.WriteString(wrap(st.accent.Render(p), width, 2) + "\n")
		b.WriteString(wrap(fmt.Sprintf("Delete it at any time with: pressend forget %s", c.audit().Name), width, 0))
	} else {
		b.WriteString(wrap(promise+" Nothing is saved in this session: see the message below.", width, 0))
	}
	b.WriteString("\n\n" + st.italic.Render(wrap(display.NotLegalAdvice, width, 0)) + "\n\n")
	b.WriteString(st.faint.Render(wrap("Content: "+display.PackLabel(c.pack)+", reviewed "+display.DateText(c.pack.Reviewed, display.ShortDate), width, 0)))
	for _, warn := range contentWarnings(c) {
		b.WriteString("\n" + st.warn.Render(wrap("! "+warn, width, 0)))
	}
	return b.String()
}

// minutesRange says "12 minutes" or "12 to 16 minutes".
func minutesRange(lo, hi int) string {
	if lo == hi {
		return display.Plural(lo, "minute", "minutes")
	}
	return fmt.Sprintf("%d to %d minutes", lo, hi)
}

// contentWarnings lists stale content and organisation packs that could
// not be applied, so nothing about the content is silent.
func contentWarnings(c *common) []string {
	var out []string
	if c.stale.PackOld {
		out = append(out, "This content was last reviewed over 12 months ago. Guidance or platform settings may have changed.")
	}
	if len(c.stale.OldPaths) > 0 {
		var names []string
		for _, id := range c.stale.OldPaths {
			if a := c.audit(); a.Profile == nil || a.Profile.Uses(id) {
				names = append(names, display.Line(c.pack.PlatformName(id)))
			}
		}
		if len(names) > 0 {
			out = append(out, "Setting paths for "+strings.Join(names, ", ")+" were researched over 9 months ago and may have moved.")
		}
	}
	for _, p := range c.opts.PackProblems {
		out = append(out, "Not applied: "+maskPaths(p, c))
	}
	return out
}

// newViewport is a viewport that wraps and scrolls with the keyboard.
func newViewport() viewport.Model {
	vp := viewport.New()
	vp.SoftWrap = true
	vp.MouseWheelEnabled = true
	return vp
}

// scrollView is a viewport with a line under it saying whether there is
// more above or below, so nothing is hidden without a sign.
func scrollView(c *common, vp viewport.Model) string {
	hint := ""
	switch {
	case !vp.AtTop() && !vp.AtBottom():
		hint = "↑↓ more above and below"
	case !vp.AtBottom():
		hint = "↓ more below: ↓ or space to scroll"
	case !vp.AtTop():
		hint = "↑ more above"
	}
	return vp.View() + "\n" + c.st.faint.Render(hint)
}
