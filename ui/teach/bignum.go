package teach

import (
	"strconv"
	"strings"
)

// BigRows is the height of the big-numeral font.
const BigRows = 5

// glyph is a 5-row block font for digits and the per cent sign, drawn with
// full blocks. It is built in because the terminals' own ways of making
// text big do not travel: double-height lines break under tmux and the
// kitty big-text sequence works only in kitty. A switch rather than a map
// literal, so package init builds nothing.
func glyph(r rune) ([BigRows]string, bool) {
	switch r {
	case '0':
		return [BigRows]string{"███", "█ █", "█ █", "█ █", "███"}, true
	case '1':
		return [BigRows]string{"██ ", " █ ", " █ ", " █ ", "███"}, true
	case '2':
		return [BigRows]string{"███", "  █", "███", "█  ", "███"}, true
	case '3':
		return [BigRows]string{"███", "  █", "███", "  █", "███"}, true
	case '4':
		return [BigRows]string{"█ █", "█ █", "███", "  █", "  █"}, true
	case '5':
		return [BigRows]string{"███", "█  ", "███", "  █", "███"}, true
	case '6':
		return [BigRows]string{"███", "█  ", "███", "█ █", "███"}, true
	case '7':
		return [BigRows]string{"███", "  █", "  █", "  █", "  █"}, true
	case '8':
		return [BigRows]string{"███", "█ █", "███", "█ █", "███"}, true
	case '9':
		return [BigRows]string{"███", "█ █", "███", "  █", "███"}, true
	case '%':
		return [BigRows]string{"█   █", "   █ ", "  █  ", " █   ", "█   █"}, true
	case '→':
		return [BigRows]string{"  █  ", "   █ ", "█████", "   █ ", "  █  "}, true
	case ' ':
		return [BigRows]string{"  ", "  ", "  ", "  ", "  "}, true
	}
	return [BigRows]string{}, false
}

// Big draws s in the block font: BigRows lines of equal width, glyphs one
// column apart. Characters the font lacks are left out, so the caller
// always gets a well-formed block; use plain text beside it for words.
func Big(s string) string {
	var rows [BigRows]strings.Builder
	first := true
	for _, r := range s {
		g, ok := glyph(r)
		if !ok {
			continue
		}
		for i := range BigRows {
			if !first {
				rows[i].WriteByte(' ')
			}
			rows[i].WriteString(g[i])
		}
		first = false
	}
	if first {
		return ""
	}
	lines := make([]string, BigRows)
	for i := range rows {
		lines[i] = rows[i].String()
	}
	return strings.Join(lines, "\n")
}

// BigPercent draws a whole percentage such as "71%".
func BigPercent(p int) string { return Big(strconv.Itoa(p) + "%") }

// Scale enlarges a Big drawing by a whole factor, each cell becoming a
// factor-by-factor square, for a full-HD projector seen from the back.
func Scale(big string, factor int) string {
	if factor <= 1 || big == "" {
		return big
	}
	var out []string
	for _, row := range strings.Split(big, "\n") {
		var b strings.Builder
		for _, r := range row {
			b.WriteString(strings.Repeat(string(r), factor))
		}
		for range factor {
			out = append(out, b.String())
		}
	}
	return strings.Join(out, "\n")
}
