package checklist

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// sanitizeSlow and sanitizeLineSlow are Sanitize and SanitizeLine without
// their fast paths: the fast paths must never change a result.
func sanitizeSlow(s string) string {
	s = ansi.Strip(strings.ToValidUTF8(s, "\uFFFD"))
	return strings.Map(func(r rune) rune {
		if unsafeRune(r) {
			return -1
		}
		return r
	}, s)
}

func sanitizeLineSlow(s string) string { return strings.Join(strings.Fields(sanitizeSlow(s)), " ") }

var sanitizeSeeds = []string{
	"", " ", "a", "plain words, with punctuation: 18–20 and don't.", " lead", "trail ", "two  spaces",
	"tab\there", "line\nbreak", "\n", "a\n\nb", "nbsp\u00a0here", "em\u2003space", "ideo\u3000space",
	"\x1b[31mred\x1b[0m", "\x1b]8;;https://x\x07link\x1b]8;;\x07", "bell\x07", "del\x7f", "nul\x00",
	"c1\u009bcsi", "raw c1 \x9b31m", "bad utf8 \xff\xfe", "truncated \xe2\x82", "\xc0\xaf overlong",
	"bidi \u202eevil\u202c", "isolate \u2066x\u2069", "bom\ufeff", "replacement \ufffd kept", "مرحبا بالعالم",
	"emoji 👩‍⚕️ and ✓ → ✗", "cr\r\nlf", "vt\vff\f", "nel\u0085", "ls\u2028ps\u2029", "\x18can\x1asub",
}

func TestSanitizeFastPathsChangeNothing(t *testing.T) {
	for _, s := range sanitizeSeeds {
		if got, want := Sanitize(s), sanitizeSlow(s); got != want {
			t.Errorf("Sanitize(%q) = %q, want %q", s, got, want)
		}
		if got, want := SanitizeLine(s), sanitizeLineSlow(s); got != want {
			t.Errorf("SanitizeLine(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzSanitize(f *testing.F) {
	for _, s := range sanitizeSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Sanitize(s), sanitizeSlow(s); got != want {
			t.Errorf("Sanitize(%q) = %q, want %q", s, got, want)
		}
		if got, want := SanitizeLine(s), sanitizeLineSlow(s); got != want {
			t.Errorf("SanitizeLine(%q) = %q, want %q", s, got, want)
		}
	})
}
