package ui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"

	"github.com/pressend/pressend/checklist/display"
)

// confirm asks before something that cannot simply be undone, such as
// starting a re-audit. Yes runs the action; no or esc goes back.
type confirm struct {
	c     *common
	size  size
	text  []string // title, then paragraphs
	yes   func() tea.Cmd
	keys  keyList
	focus int // 0 no, 1 yes: no is the default
}

func newConfirm(c *common, text []string, yes func() tea.Cmd) *confirm {
	return &confirm{c: c, text: text, yes: yes, keys: keyList{
		bind([]string{"y"}, "y", "yes"), bind([]string{"n", "esc"}, "n", "no"),
		bind([]string{"left", "right", "tab"}, "←→", "choose"), bind([]string{"enter"}, "enter", "confirm"),
	}}
}

func (f *confirm) Init() tea.Cmd             { return nil }
func (f *confirm) Keys() help.KeyMap         { return f.keys }
func (f *confirm) Place() string             { return "Confirm" }
func (f *confirm) Typing() bool              { return false }
func (f *confirm) SetSize(width, height int) { f.size.SetSize(width, height) }

func (f *confirm) Update(msg tea.Msg) (screen, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return f, nil
	}
	switch {
	case key.Matches(k, f.keys[0]):
		return f, f.yes()
	case key.Matches(k, f.keys[1]):
		return f, pop
	case key.Matches(k, f.keys[2]):
		f.focus = 1 - f.focus
	case key.Matches(k, f.keys[3]):
		if f.focus == 1 {
			return f, f.yes()
		}
		return f, pop
	}
	return f, nil
}

// View marks the chosen button with brackets and an arrow, not colour.
func (f *confirm) View() string {
	st, w := f.c.st, f.size.width
	var b strings.Builder
	b.WriteString(st.title.Render(f.text[0]) + "\n\n")
	for _, p := range f.text[1:] {
		b.WriteString(wrap(p, w, 0) + "\n\n")
	}
	no, yes := "  No  ", "  Yes  "
	if f.focus == 0 {
		no = st.selected.Render("› [No]")
	} else {
		yes = st.selected.Render("› [Yes]")
	}
	b.WriteString(no + "    " + yes)
	return b.String()
}

// noteEditor edits the audit's general note, shared or adviser-only.
type noteEditor struct {
	c       *common
	adviser bool
	ta      textarea.Model
	keys    keyList
}

func newNoteEditor(c *common, adviser bool) *noteEditor {
	ta := textarea.New()
	tas := ta.Styles()
	tas.Cursor.Blink = false // a steady cursor needs no redraws
	ta.SetStyles(tas)
	ta.CharLimit = 4000
	ta.ShowLineNumbers = false
	a := c.audit()
	switch {
	case c.shareSafe:
		// Nothing already written is put back on a shared screen.
	case adviser:
		ta.SetValue(a.AdviserSessionNote)
	default:
		ta.SetValue(a.SessionNote)
	}
	n := &noteEditor{c: c, adviser: adviser, ta: ta, keys: keyList{
		bind([]string{"ctrl+s"}, "ctrl+s", "save"), bind([]string{"esc"}, "esc", "cancel"),
	}}
	return n
}

func (n *noteEditor) Init() tea.Cmd     { return n.ta.Focus() }
func (n *noteEditor) Keys() help.KeyMap { return n.keys }
func (n *noteEditor) Typing() bool      { return true }
func (n *noteEditor) Place() string {
	if n.adviser {
		return "Adviser-only general note"
	}
	return "General note"
}

func (n *noteEditor) SetSize(width, height int) {
	n.ta.SetWidth(width)
	n.ta.SetHeight(max(3, height-3))
}

func (n *noteEditor) Update(msg tea.Msg) (screen, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, n.keys[0]):
			c, a := n.c, n.c.audit()
			if c.walk.ReadOnly {
				return n, notice("Read-only: the note can't be changed here.")
			}
			text := display.Text(n.ta.Value())
			if n.adviser {
				a.AdviserSessionNote = text
			} else {
				a.SessionNote = text
			}
			a.Updated = c.now()
			return n, tea.Batch(pop, c.saveNotice("General note saved"))
		case key.Matches(k, n.keys[1]):
			return n, pop
		}
	}
	var cmd tea.Cmd
	n.ta, cmd = n.ta.Update(msg)
	return n, cmd
}

func (n *noteEditor) View() string {
	st := n.c.st
	head := "A general note for this audit. It goes in your report."
	if n.adviser {
		head = "An adviser-only note. It is never shown while screen-share safety is on, and never in a report unless asked for."
	}
	if n.c.shareSafe {
		head += " Screen-share safety is on: the note already saved is not shown, and saving replaces it."
	}
	return st.faint.Render(wrap(head, n.ta.Width(), 0)) + "\n\n" + n.ta.View()
}
