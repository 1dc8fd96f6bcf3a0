package report

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
)

// Markdown escaping by context. Pack and user text must not form links,
// images, emphasis, strikethrough, code, raw HTML, headings, lists,
// quotes, rules or tables, yet a report should read as plain text too, so
// a character is escaped only where CommonMark (with GitHub's tables and
// strikethrough) could read it as syntax. TestMarkdownRendersInert renders
// hostile text with goldmark to hold this to the spec, and
// TestMarkdownPlainWords keeps ordinary sentences free of backslashes.

// mdEscape makes one line of pack or user text inert in Markdown. It
// assumes the text starts a block (after "- " or at the start of a
// paragraph), the only safe assumption for text our layout places there.
func mdEscape(s string) string { return mdEscapeText(s, true, false) }

// mdCell escapes text for a table cell, where "|" would end the cell.
func mdCell(s string) string { return mdEscapeText(s, false, true) }

// mdLines escapes multi-line user text for a list item whose content starts
// at indent, joining lines with hard breaks so the user's line breaks
// survive without starting a new block. Every line may start a block, and
// "|" is escaped because two lines can make a table.
func mdLines(s, indent string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = mdEscapeText(l, true, true)
	}
	return strings.Join(lines, "\\\n"+indent)
}

// entityRE matches what CommonMark reads as an entity or a numeric
// character reference; any other "&" is shown as it is.
var entityRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});`)
})

// orderedRE matches the start of an ordered list item: up to nine digits,
// then "." or ")", then a space or the end.
var orderedRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[0-9]{1,9}[.)](?: |$)`) })

func mdEscapeText(s string, blockStart, pipes bool) string {
	rs := []rune(s)
	var b strings.Builder
	b.Grow(len(s) + 8)
	// lead is the index of a block-opening character to escape, or -1.
	lead := -1
	if blockStart {
		lead = blockMarker(s, rs)
	}
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case i == lead:
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '*' || r == '_' || r == '~':
			j := i
			for j < len(rs) && rs[j] == r {
				j++
			}
			esc := delimiterCanAct(rs, i, j)
			for ; i < j; i++ {
				if esc {
					b.WriteByte('\\')
				}
				b.WriteRune(r)
			}
			i--
		case r == '\\':
			// A backslash escapes only ASCII punctuation; at the end it
			// could escape whatever the layout puts next.
			if i+1 == len(rs) || isASCIIPunct(rs[i+1]) {
				b.WriteByte('\\')
			}
			b.WriteRune(r)
		case r == '`' || r == '[' || r == ']' || (r == '|' && pipes):
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '<':
			// An entity, not a backslash, so raw HTML cannot form even in
			// renderers that ignore backslashes before '<'.
			b.WriteString("&lt;")
		case r == '&' && entityRE().MatchString(string(rs[i:min(len(rs), i+40)])):
			b.WriteString(`\&`)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// blockMarker finds a character at the start of s that would open a block
// (heading, quote, list item, thematic break, setext underline or code
// fence) and returns the index of the rune to escape, or -1. "*", "_" and
// "~" at the start are escaped anyway as delimiters.
func blockMarker(s string, rs []rune) int {
	if len(rs) == 0 {
		return -1
	}
	first := rs[0]
	spaceOrEnd := func(i int) bool { return i >= len(rs) || rs[i] == ' ' }
	switch first {
	case '#':
		n := 0
		for n < len(rs) && rs[n] == '#' {
			n++
		}
		if n <= 6 && spaceOrEnd(n) {
			return 0
		}
	case '>':
		return 0
	case '-', '+':
		if spaceOrEnd(1) || onlyRune(rs, first) {
			return 0
		}
	case '=':
		if onlyRune(rs, '=') {
			return 0
		}
	}
	if m := orderedRE().FindStringIndex(s); m != nil {
		// The "." or ")" is the last byte before the space; digits are
		// one byte each, so its rune index is its byte index.
		if s[m[1]-1] == ' ' {
			return m[1] - 2
		}
		return m[1] - 1
	}
	return -1
}

// onlyRune reports whether rs is made of r and spaces only, as a thematic
// break or a setext underline is.
func onlyRune(rs []rune, r rune) bool {
	for _, c := range rs {
		if c != r && c != ' ' {
			return false
		}
	}
	return true
}

// delimiterCanAct reports whether the run rs[i:j] of "*", "_" or "~" could
// open or close emphasis or strikethrough. A run at either end of the text
// could join the layout's own markup, so it counts. Otherwise the run is
// inert only when it has whitespace on both sides (it is neither
// left- nor right-flanking), or when it is "_" inside a word, which
// CommonMark never reads as emphasis (snake_case).
func delimiterCanAct(rs []rune, i, j int) bool {
	if i == 0 || j == len(rs) {
		return true
	}
	before, after := rs[i-1], rs[j]
	if unicode.IsSpace(before) && unicode.IsSpace(after) {
		return false
	}
	if rs[i] == '_' && isWordRune(before) && isWordRune(after) {
		return false
	}
	return true
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isASCIIPunct(r rune) bool {
	return r < 0x80 && unicode.IsPrint(r) && !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != ' '
}
