package checklist

import (
	"strings"
	"unicode"

	"github.com/charmbracelet/x/ansi"
)

// Sanitize makes user-supplied text (notes, reasons, custom pack wording)
// safe to show in a terminal or a report: it removes terminal escape
// sequences, control characters other than newline and tab, and the
// invisible bidirectional overrides that can make text read differently
// from how it is stored. Invalid UTF-8 becomes U+FFFD. Ordinary
// right-to-left text is kept.
func Sanitize(s string) string {
	// Invalid UTF-8 has no reliable width, which would break layouts.
	s = ansi.Strip(strings.ToValidUTF8(s, "\uFFFD"))
	if !strings.ContainsFunc(s, unsafeRune) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if unsafeRune(r) {
			return -1
		}
		return r
	}, s)
}

func unsafeRune(r rune) bool {
	switch {
	case r == '\n' || r == '\t':
		return false
	case unicode.IsControl(r):
		return true
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069, r == 0xFEFF:
		return true
	}
	return false
}

// SanitizeLine is Sanitize for single-line fields: newlines and tabs
// become spaces.
func SanitizeLine(s string) string {
	return strings.Join(strings.Fields(Sanitize(s)), " ")
}
