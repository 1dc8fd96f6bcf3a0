package projector

import (
	"fmt"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/pressend/pressend/checklist/teach"
)

// entry is the facilitator typing a show of hands: one count per option,
// for one round, in a room where students have no laptops.
type entry struct {
	q      teach.Question
	round  int
	counts []string
	at     int
	err    string
}

func newEntry(q teach.Question, round int) *entry {
	return &entry{q: q, round: round, counts: make([]string, q.Choices)}
}

// updateEntry takes digits into the current count; Tab, arrows and Enter
// move between counts, Enter on the last saves, Esc cancels.
func (m *Model) updateEntry(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	e := m.entry
	switch s := msg.String(); {
	case s == "esc" || s == "ctrl+c":
		m.entry = nil
	case s == "backspace":
		if c := e.counts[e.at]; c != "" {
			e.counts[e.at] = c[:len(c)-1]
		}
	case s == "tab" || s == "right" || s == "space":
		e.at = (e.at + 1) % len(e.counts)
	case s == "shift+tab" || s == "left":
		e.at = (e.at + len(e.counts) - 1) % len(e.counts)
	case s == "enter":
		if e.at < len(e.counts)-1 {
			e.at++
			break
		}
		return m, m.commitEntry()
	case len(s) == 1 && s[0] >= '0' && s[0] <= '9':
		if len(e.counts[e.at]) < 5 {
			e.counts[e.at] += s
		}
	}
	return m, nil
}

// commitEntry records the counts and saves them; empty counts are 0.
func (m *Model) commitEntry() tea.Cmd {
	e := m.entry
	counts := make([]int, len(e.counts))
	for i, c := range e.counts {
		if c == "" {
			continue
		}
		n, err := strconv.Atoi(c)
		if err != nil {
			e.err = fmt.Sprintf("%s is not a count", c)
			return nil
		}
		counts[i] = n
	}
	if err := m.hands.Set(m.cfg.Deck, e.q.ID, e.round, counts); err != nil {
		e.err = err.Error()
		return nil
	}
	m.entry = nil
	// Show what was counted: the round just typed is revealed.
	if e.round == 2 {
		m.phase = teach.PhaseBoth
	} else if m.phase == teach.PhaseAsk {
		m.phase = teach.PhaseRound1
	}
	return tea.Batch(m.saveHands(), m.writeSlide())
}

// view draws the entry for the footer area.
func (e *entry) view(width int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Show of hands, round %d: type each count. Tab moves, Enter saves, Esc cancels.\n", e.round)
	var fields []string
	for i, c := range e.counts {
		mark := " "
		if i == e.at {
			mark = "▸"
		}
		shown := c
		if i == e.at {
			shown += "_"
		}
		fields = append(fields, fmt.Sprintf("%s%s [%-5s]", mark, teach.OptionLabel(e.q, i+1), shown))
	}
	b.WriteString(wrapFields(fields, width))
	if e.err != "" {
		b.WriteString("\n" + e.err)
	}
	return b.String()
}

// wrapFields lays out fields across lines of width, never splitting one.
func wrapFields(fields []string, width int) string {
	var lines []string
	cur := ""
	for _, f := range fields {
		switch {
		case cur == "":
			cur = f
		case len(cur)+2+len(f) <= width:
			cur += "  " + f
		default:
			lines = append(lines, cur)
			cur = f
		}
	}
	return strings.Join(append(lines, cur), "\n")
}
