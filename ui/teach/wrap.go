package teach

import (
	"regexp"
	"strings"
	"sync"

	"github.com/charmbracelet/x/ansi"
)

// hanging matches a line's indent and list marker: "A. ", "- ", "12. ".
var hanging = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^ *(?:[A-Z0-9]{1,2}\. |- )?`) })

// Wrap breaks each line of s at width, lining continuation lines up after
// the line's own indent and list marker, so feedback, notes and sources
// read as lists in a window of any width.
func Wrap(s string, width int) []string {
	width = max(width, 10)
	var out []string
	for _, l := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
		n := len(hanging().FindString(l))
		if n >= width/2 {
			n = 0
		}
		first, rest, _ := strings.Cut(ansi.Wordwrap(l, width, ""), "\n")
		out = append(out, first)
		if rest == "" {
			continue
		}
		for _, r := range strings.Split(ansi.Wordwrap(strings.ReplaceAll(rest, "\n", " "), width-n, ""), "\n") {
			out = append(out, strings.Repeat(" ", n)+r)
		}
	}
	return out
}

// sourceRef is a source id in brackets, as notes written for the pack
// refer to cases: "(EXPRESSSTAR-2026)".
var sourceRef = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\(([A-Z][A-Z0-9-]{2,})\)`) })
