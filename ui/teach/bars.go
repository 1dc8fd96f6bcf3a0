// Package teach renders the teaching mode's pictures as plain strings:
// paired bar charts of the two rounds, big numerals for the projector,
// and the text a student reads in the plain prompts. Nothing here does IO
// or holds state; every function returns a string, so the projector,
// student and notes screens can place the results in their own frames,
// and tests can golden them after ansi.Strip.
//
// Nothing is drawn in colour alone: each bar carries its percentage and
// count in words, and the suggested answer is marked with a word as well
// as a tick.
package teach

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/pressend/pressend/checklist"
	"github.com/pressend/pressend/checklist/teach"
)

// MinWidth is the narrowest chart drawn; narrower widths are drawn at
// MinWidth, so a cramped window never turns numbers into nonsense.
const MinWidth = 56

// ChartOptions says how to draw a question's chart.
type ChartOptions struct {
	// Width is the number of columns available.
	Width int
	// Reveal shows round 2 beside round 1. Peer Instruction shows the
	// first split alone, then both once the class has voted again.
	Reveal bool
	// ShowBest marks the suggested (or correct) option, which the
	// facilitator chooses to reveal.
	ShowBest bool
	// Names are the options' texts, shown after each heading's figures
	// (and cut to fit), so a projector needs no second slide of options.
	Names []string
	// Compact draws only the headings, one line per option, for a window
	// too short for bars.
	Compact bool
}

// eighths are the partial blocks, one to seven eighths of a cell.
const eighths = " ▏▎▍▌▋▊▉"

// eighth is the partial block for n eighths of a cell, 0 to 7.
func eighth(n int) string {
	if n == 0 {
		return ""
	}
	return string([]rune(eighths)[n])
}

// Chart draws one question's results: per option a heading such as
// "C: 35% → 71%", then a bar per round with "7 of 20" beside it. Counts
// pooling suppressed read "too few to show" and get no bar, since a bar's
// length would give the number away.
func Chart(q teach.QuestionResult, o ChartOptions) string {
	width := max(o.Width, MinWidth)
	rounds := q.Rounds
	if !o.Reveal && len(rounds) > 1 {
		rounds = rounds[:1]
	}
	if len(rounds) == 0 {
		return "No answers yet.\n"
	}
	countW := 0
	for _, rd := range rounds {
		for _, c := range rd.Counts {
			countW = max(countW, len(countWords(c, rd.Total)))
		}
	}
	const indent, labelW = 2, 7 // "Round 1", "Round 2" and "Answers" are 7 wide
	barW := width - indent - labelW - 2 - 1 - countW
	var b strings.Builder
	for i := range rounds[0].Counts {
		h := heading(q, rounds, i, o.ShowBest)
		if i < len(o.Names) && o.Names[i] != "" {
			h += " · " + checklist.SanitizeLine(o.Names[i])
		}
		b.WriteString(ansi.Truncate(h, width, "…"))
		b.WriteByte('\n')
		if o.Compact {
			continue
		}
		for _, rd := range rounds {
			c := rd.Counts[i]
			fmt.Fprintf(&b, "%s%-*s  ", strings.Repeat(" ", indent), labelW, roundLabel(q, rd.Round))
			if c.Suppressed || c.Count == nil {
				b.WriteString(teach.TooFew + "\n")
				continue
			}
			bar := Bar(*c.Count, rd.Total, barW)
			fmt.Fprintf(&b, "%s%s %*s\n", bar, strings.Repeat(" ", barW-ansi.StringWidth(bar)), countW, countWords(c, rd.Total))
		}
	}
	return b.String()
}

// Bar draws count/total of width cells in eighth blocks, so 3 of 40 and 4
// of 40 look different even in a narrow window.
func Bar(count, total, width int) string {
	if total <= 0 || count <= 0 || width <= 0 {
		return ""
	}
	n := (count*width*8*2 + total) / (total * 2) // rounded eighths
	n = min(n, width*8)
	return strings.Repeat("█", n/8) + eighth(n%8)
}

func heading(q teach.QuestionResult, rounds []teach.Round, i int, showBest bool) string {
	var parts []string
	for _, rd := range rounds {
		parts = append(parts, percentWords(rd.Counts[i], rd.Total))
	}
	// Results may come from a file; the label is cleaned like any text.
	h := checklist.SanitizeLine(rounds[0].Counts[i].Label) + ": " + strings.Join(parts, " → ")
	if showBest && q.Best == i+1 {
		if q.Type == "check" {
			h += "   ✓ correct answer"
		} else {
			h += "   ✓ suggested answer"
		}
	}
	return h
}

func roundLabel(q teach.QuestionResult, round int) string {
	if q.Type == "check" {
		return "Answers"
	}
	return fmt.Sprintf("Round %d", round)
}

func percentWords(c teach.Count, total int) string {
	switch {
	case total == 0:
		return "no answers"
	case c.Suppressed || c.Percent == nil:
		return teach.TooFew
	}
	return fmt.Sprintf("%d%%", *c.Percent)
}

func countWords(c teach.Count, total int) string {
	if c.Suppressed || c.Count == nil {
		return ""
	}
	return fmt.Sprintf("%d of %d", *c.Count, total)
}

// Results draws every question's chart with a heading, for `teach pool`
// in a terminal: both rounds, no answer marked, so it is safe to show a
// class before the discussion of the answers.
func Results(r *teach.Results, width int) string {
	width = max(width, MinWidth)
	var b strings.Builder
	fmt.Fprintf(&b, "Class results · session %s\n", teach.FormatSessionCode(r.Session))
	fmt.Fprintf(&b, "%d %s", r.Responses, plural(r.Responses, "response", "responses"))
	if r.Hands > 0 {
		fmt.Fprintf(&b, " and %d show-of-hands %s", r.Hands, plural(r.Hands, "count", "counts"))
	}
	fmt.Fprintf(&b, "\nCounts below %d show as %q, and so does one more\nwhere only one would be hidden, since the total would give it away.\n", r.MinCount, teach.TooFew)
	section := func(kind string, qs []teach.QuestionResult) {
		for i, q := range qs {
			fmt.Fprintf(&b, "\n%s\n", ansi.Truncate(fmt.Sprintf("%s %d of %d: %s", kind, i+1, len(qs), checklist.SanitizeLine(q.Title)), width, "…"))
			if len(q.Rounds) > 0 {
				fmt.Fprintf(&b, "%d answered", q.Rounds[0].Total)
				if len(q.Rounds) > 1 {
					fmt.Fprintf(&b, " in round 1, %d in round 2", q.Rounds[1].Total)
				}
				b.WriteString("\n")
			}
			b.WriteString(Chart(q, ChartOptions{Width: width, Reveal: true}))
		}
	}
	section("Scenario", r.Scenarios)
	section("Knowledge check", r.Checks)
	return b.String()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
