package ui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/pressend/pressend/checklist/display"
)

// results shows the score and the action plan, most important first. The
// user moves between actions, marks them done (and undoes that), and can
// open the question an action came from.
type results struct {
	c       *common
	size    size
	keys    resultsKeys
	r       *display.Report
	order   []display.Action // actions in the order shown (grouped)
	cursor  int
	offset  int
	showHow bool
	undo    *undoDone
}

// undoDone remembers the last change of a done mark, for u.
type undoDone struct {
	key  string
	was  bool
	text string
}

type resultsKeys struct {
	Up, Down, PageUp, PageDown, Done, Undo, Open, How, Overview, Back key.Binding
}

func (k resultsKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Up, k.Done, k.Undo, k.Open, k.How, k.Overview, k.Back}
}
func (k resultsKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.PageDown, k.Done, k.Undo}, {k.Open, k.How, k.Overview, k.Back}}
}

func newResults(c *common) *results {
	r := &results{c: c, keys: resultsKeys{
		Up:       bind([]string{"up", "k"}, "↑↓", "action"),
		Down:     bind([]string{"down", "j"}, "↓", "next action"),
		PageUp:   bind([]string{"pgup", "b"}, "pgup", "page up"),
		PageDown: bind([]string{"pgdown", "space", "f"}, "pgdn", "page down"),
		Done:     bind([]string{"d"}, "d", "mark done"),
		Undo:     bind([]string{"u"}, "u", "undo"),
		Open:     bind([]string{"enter"}, "enter", "open question"),
		How:      bind([]string{"h"}, "h", "how this is calculated"),
		Overview: bind([]string{"o", "tab"}, "o", "overview"),
		Back:     backKey(),
	}}
	r.refresh()
	return r
}

// refresh rebuilds the report from the current answers.
func (r *results) refresh() {
	c := r.c
	r.r = display.Build(c.pack, c.audit(), c.walk.Eval(), display.ReportOptions{Options: c.view()})
	r.order = r.order[:0]
	for _, g := range r.r.Groups {
		r.order = append(r.order, g.Actions...)
	}
	r.cursor = min(r.cursor, max(0, len(r.order)-1))
}

func (r *results) Init() tea.Cmd             { r.refresh(); return nil }
func (r *results) Keys() help.KeyMap         { return r.keys }
func (r *results) Place() string             { return "Results and action plan" }
func (r *results) Typing() bool              { return false }
func (r *results) SetSize(width, height int) { r.size.SetSize(width, height) }

func (r *results) Update(msg tea.Msg) (screen, tea.Cmd) {
	if _, ok := msg.(shareSafeMsg); ok {
		r.refresh()
		return r, nil
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return r, nil
	}
	ks := r.keys
	switch {
	case key.Matches(k, ks.Up):
		r.cursor = max(0, r.cursor-1)
	case key.Matches(k, ks.Down):
		r.cursor = min(max(0, len(r.order)-1), r.cursor+1)
	case key.Matches(k, ks.PageUp):
		r.offset = max(0, r.offset-r.size.height+2)
		return r, nil
	case key.Matches(k, ks.PageDown):
		r.offset += max(1, r.size.height-2)
		r.clamp()
		return r, nil
	case key.Matches(k, ks.Done) && len(r.order) > 0:
		a := r.order[r.cursor]
		return r.setDone(a.Key, !a.Done, a.Text)
	case key.Matches(k, ks.Undo):
		if u := r.undo; u != nil {
			r.undo = nil
			return r.setDone(u.key, u.was, u.text)
		}
		return r, notice("Nothing to undo.")
	case key.Matches(k, ks.Open) && len(r.order) > 0:
		return r, r.open(r.order[r.cursor].Key)
	case key.Matches(k, ks.How):
		r.showHow = !r.showHow
		if r.showHow {
			r.offset = 2 // the panel starts under the score and caveat
			return r, nil
		}
	case key.Matches(k, ks.Overview):
		return r, push(newOverview(r.c))
	case key.Matches(k, ks.Back):
		return r, pop
	default:
		// Other keys leave the page where the reader put it.
		return r, nil
	}
	r.follow()
	return r, nil
}

// setDone marks an action done or not, saves, and keeps the mark
// undoable. The selection stays on the same action as it moves in the
// plan.
func (r *results) setDone(k string, done bool, text string) (screen, tea.Cmd) {
	c := r.c
	was := false
	if _, ok := c.audit().IsDone(k); ok {
		was = true
	}
	if err := c.walk.SetDone(k, done, c.now()); err != nil {
		return r, notice(err.Error())
	}
	r.undo = &undoDone{key: k, was: was, text: text}
	r.refresh()
	for i, a := range r.order {
		if a.Key == k {
			r.cursor = i
		}
	}
	r.follow()
	what := "Marked done"
	if !done {
		what = "Marked not done"
	}
	return r, c.saveNotice(what + ": u to undo")
}

// open shows the question an action came from.
func (r *results) open(k string) tea.Cmd {
	ev := r.c.walk.Eval()
	for qi, q := range ev.Questions {
		for ri, row := range q.Rows {
			if row.Key == k {
				r.c.walk.Goto(qi)
				r.c.walk.GotoRow(ri)
				return push(newQuestion(r.c))
			}
		}
	}
	return nil
}
