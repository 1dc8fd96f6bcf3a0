package ui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/pressend/pressend/checklist"
)

// damaged explains a saved file that cannot be read, and offers to set it
// aside. The file is never overwritten.
type damaged struct {
	c    *common
	size size
	keys keyList
}

func newDamaged(c *common) *damaged {
	return &damaged{c: c, keys: keyList{bind([]string{"m"}, "m", "move it aside and start afresh")}}
}

// movedMsg reports the outcome of moving a damaged file aside.
type movedMsg struct {
	path string
	err  error
}

func (d *damaged) Init() tea.Cmd             { return nil }
func (d *damaged) Keys() help.KeyMap         { return d.keys }
func (d *damaged) Place() string             { return "Saved audit damaged" }
func (d *damaged) Typing() bool              { return false }
func (d *damaged) SetSize(width, height int) { d.size.SetSize(width, height) }

func (d *damaged) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if !key.Matches(msg, d.keys[0]) {
			return d, nil
		}
		st, now := d.c.opts.Store, d.c.now()
		if st == nil {
			return d, notice("This file can't be moved from here: quit and move it yourself.")
		}
		return d, func() tea.Msg {
			var p string
			err := safely(func() (err error) { p, err = st.MoveAside(now); return err })
			return movedMsg{path: p, err: err}
		}
	case movedMsg:
		if msg.err != nil {
			return d, notice("Could not move the file: " + maskPaths(msg.err.Error(), d.c))
		}
		// The walk starts on the fresh audit the store gave alongside the
		// damaged one; nothing of the damaged file is read.
		d.c.walk = checklist.NewWalk(d.c.pack, d.c.audit())
		return d, tea.Batch(replace(newWelcome(d.c)), notice("The damaged file was moved to "+maskPaths(msg.path, d.c)))
	}
	return d, nil
}

func (d *damaged) View() string {
	c, w := d.c, d.size.width
	var b strings.Builder
	b.WriteString(c.st.errBanner.Render("Your saved audit could not be read") + "\n\n")
	b.WriteString(wrap("File: "+maskPaths(c.opts.Damaged.Path, c), w, 0) + "\n")
	b.WriteString(wrap("Problem: "+checklist.SanitizeLine(c.opts.Damaged.Reason), w, 0) + "\n\n")
	b.WriteString(wrap("pressend has not changed this file and will not overwrite it.", w, 0) + "\n\n")
	b.WriteString(wrap("Press m to move it aside (it is renamed, not deleted, and the new name is shown) and start a fresh audit. Press q to quit and leave everything as it is.", w, 0))
	return b.String()
}
