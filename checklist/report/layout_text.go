package report

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// textWidth is the widest line the text report writes. The report is also
// printed when the TUI exits, so it has to fit an 80-column terminal with a
// little room to spare.
const textWidth = 78

// textDoc writes plain text: no colour and nothing fancier than a rule, so
// it reads the same in a terminal, a pager or an email.
type textDoc struct{ b *bytes.Buffer }

// heading writes a title with a rule under it as wide as the title.
func (t textDoc) heading(s, rule string) {
	t.wrap("", "", s)
	t.b.WriteString(strings.Repeat(rule, max(1, min(ansi.StringWidth(s), textWidth))) + "\n")
}

// field writes "Label:    value" with the values lined up.
func (t textDoc) field(label, value string) { t.fieldW(10, label, value) }

// fieldW is field with the values lined up at column w.
func (t textDoc) fieldW(w int, label, value string) {
	t.wrap(fmt.Sprintf("%-*s", w, label+":"), strings.Repeat(" ", w), value)
}

// rule closes a document before its notice.
func (t textDoc) rule() { t.b.WriteString(strings.Repeat("-", textWidth) + "\n") }

func (t textDoc) blank() { t.b.WriteByte('\n') }

// wrap writes s wrapped to textWidth; first prefixes the first line and
// rest every later one. An empty s writes nothing, so optional fields need
// no checks at the call site.
func (t textDoc) wrap(first, rest, s string) {
	if s == "" {
		return
	}
	for i, l := range hangWrap(s, ansi.StringWidth(first), ansi.StringWidth(rest)) {
		p := rest
		if i == 0 {
			p = first
		}
		t.b.WriteString(strings.TrimRight(p+l, " ") + "\n")
	}
}

// hangWrap wraps s so the first line fits after a prefix of firstW cells and
// later lines after one of restW. ansi.Wrap has a single width, so the
// difference is filled with no-break spaces that glue to the first word and
// are cut off afterwards. Cleaned text never contains U+00A0 (SanitizeLine
// turns it into a plain space), so nothing of the user's is cut.
func hangWrap(s string, firstW, restW int) []string {
	const nbsp = "\u00a0"
	pad := max(0, firstW-restW) // a narrower first prefix just leaves slack
	lines := wrapLines(strings.Repeat(nbsp, pad)+s, textWidth-restW)
	lines[0] = strings.TrimLeft(lines[0], nbsp)
	if lines[0] == "" && len(lines) > 1 {
		lines = lines[1:]
	}
	return lines
}

// text writes multi-line user text (notes, reasons), keeping the user's
// line breaks.
func (t textDoc) text(first, rest, s string) {
	for i, l := range strings.Split(s, "\n") {
		if i > 0 {
			first = rest
		}
		t.wrap(first, rest, l)
	}
}

// wrapLines wraps at spaces and hyphens, hard-breaking words longer than a
// line (a pasted URL, a 5,000-character note). Widths are measured in
// terminal cells, so CJK and emoji count double.
func wrapLines(s string, width int) []string {
	width = max(width, 20)
	var out []string
	for _, l := range strings.Split(ansi.Wrap(s, width, ""), "\n") {
		l = strings.TrimRight(l, " ")
		// A backstop: the promise is a line never wider than the
		// terminal, so anything ansi.Wrap leaves too wide is cut again.
		if ansi.StringWidth(l) > width {
			out = append(out, strings.Split(ansi.Hardwrap(l, width, false), "\n")...)
			continue
		}
		out = append(out, l)
	}
	return out
}
