package ui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// picker chooses several options from a list laid out in columns, so that
// every platform is on screen at 80x24 with nothing below the fold. When
// even that does not fit, it says how many are hidden above and below.
// The focused option's note (X is public by default) is shown under it.
type picker struct {
	c       *common
	field   profileField
	chosen  []string
	cursor  int
	width   int
	height  int
	keys    pickerKeys
	scrolls int // first row shown
}

type pickerKeys struct {
	Up, Down, Left, Right, Toggle, Done key.Binding
}

func newPicker(c *common, f profileField, chosen []string) *picker {
	return &picker{c: c, field: f, chosen: slices.Clone(chosen), keys: pickerKeys{
		Up:     bind([]string{"up", "k"}, "↑↓←→", "move"),
		Down:   bind([]string{"down", "j"}, "↓", "down"),
		Left:   bind([]string{"left", "h"}, "←", "left"),
		Right:  bind([]string{"right", "l"}, "→", "right"),
		Toggle: bind([]string{"space", "x"}, "space", "tick or untick"),
		Done:   bind([]string{"enter"}, "enter", "done"),
	}}
}

// columns is how many columns fit: two from 64 cells, so the labels and
// their boxes stay readable.
func (p *picker) columns() int {
	if p.width >= 64 && len(p.field.options) > 6 {
		return 2
	}
	return 1
}

func (p *picker) rows() int {
	cols := p.columns()
	return (len(p.field.options) + cols - 1) / cols
}

// update moves, ticks and reports when the user is done.
func (p *picker) update(k tea.KeyPressMsg) (done bool) {
	n, rows := len(p.field.options), p.rows()
	switch {
	case key.Matches(k, p.keys.Up):
		if p.cursor%rows > 0 {
			p.cursor--
		}
	case key.Matches(k, p.keys.Down):
		if p.cursor%rows < rows-1 && p.cursor+1 < n {
			p.cursor++
		}
	case key.Matches(k, p.keys.Left):
		p.cursor = max(0, p.cursor-rows)
	case key.Matches(k, p.keys.Right):
		if p.cursor+rows < n {
			p.cursor += rows
		}
	case key.Matches(k, p.keys.Toggle):
		v := p.field.options[p.cursor].value
		if i := slices.Index(p.chosen, v); i >= 0 {
			p.chosen = slices.Delete(p.chosen, i, i+1)
		} else {
			p.chosen = append(p.chosen, v)
		}
	case key.Matches(k, p.keys.Done):
		return true
	}
	return false
}

// view lays the options out in columns, down then across.
func (p *picker) view() string {
	st := p.c.st
	var b strings.Builder
	b.WriteString(st.title.Render(p.field.title) + "\n")
	b.WriteString(st.faint.Render(wrap(p.field.desc+fmt.Sprintf(" Space ticks or unticks; enter when done. %d ticked.", len(p.chosen)), p.width, 0)) + "\n")
	cols, rows := p.columns(), p.rows()
	colW := p.width / cols
	note := st.faint.Render(wrap(p.note(), p.width, 0))
	room := max(1, p.height-lipglossHeight(b.String())-lipglossHeight(note)-2)
	first := min(max(0, p.cursor%rows-room+1), max(0, rows-room))
	if p.cursor%rows < first {
		first = p.cursor % rows
	}
	if first > 0 {
		b.WriteString(st.faint.Render(fmt.Sprintf("↑ %d more above", first*cols)) + "\n")
	}
	for r := first; r < rows && r < first+room; r++ {
		var line strings.Builder
		for c := 0; c < cols; c++ {
			i := c*rows + r
			if i >= len(p.field.options) {
				break
			}
			line.WriteString(ansi.Truncate(p.cell(i), colW, "…") + strings.Repeat(" ", max(0, colW-ansi.StringWidth(ansi.Truncate(p.cell(i), colW, "…")))))
		}
		b.WriteString(strings.TrimRight(line.String(), " ") + "\n")
	}
	if hidden := rows - (first + room); hidden > 0 {
		b.WriteString(st.faint.Render(fmt.Sprintf("↓ %d more below", hidden*cols)) + "\n")
	}
	b.WriteString("\n" + note)
	return b.String()
}

// cell renders one option with its cursor and tick box; both are marks,
// not colours, so NO_COLOR shows the same.
func (p *picker) cell(i int) string {
	o := p.field.options[i]
	box := "[ ] "
	if slices.Contains(p.chosen, o.value) {
		box = "[✓] "
	}
	if i == p.cursor {
		return p.c.st.selected.Render("› " + box + o.label)
	}
	return "  " + box + o.label
}

// note is the focused option's explanation.
func (p *picker) note() string {
	o := p.field.options[p.cursor]
	if o.note == "" {
		return ""
	}
	return o.label + ": " + o.note
}

func lipglossHeight(s string) int { return strings.Count(strings.TrimRight(s, "\n"), "\n") + 1 }
