package display

import (
	"strings"
	"testing"

	"github.com/pressend/pressend/checklist"
)

// textSlow is Text without its fast path, which must never change a result.
func textSlow(s string) string {
	var lines []string
	for _, l := range strings.Split(checklist.Sanitize(s), "\n") {
		if l = checklist.SanitizeLine(l); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}

var textSeeds = []string{
	"", "\n", "a", "a\nb", "a\n", "\na", "a\n\nb", "a \nb", "a\n b", "a\tb\nc", "a\r\nb", "one  two\nthree",
	"\x1b[1mbold\x1b[0m\nnext", "x\u202e\ny", "ok line\nok line two\nthird, with ✓ and 18–20",
}

func TestTextFastPathChangesNothing(t *testing.T) {
	for _, s := range textSeeds {
		if got, want := Text(s), textSlow(s); got != want {
			t.Errorf("Text(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzText(f *testing.F) {
	for _, s := range textSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Text(s), textSlow(s); got != want {
			t.Errorf("Text(%q) = %q, want %q", s, got, want)
		}
	})
}
