package checklist

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Sanitize makes user-supplied text (notes, reasons, custom pack wording)
// safe to show in a terminal or a report: it removes terminal escape
// sequences, control characters other than newline and tab, and the
// invisible bidirectional overrides that can make text read differently
// from how it is stored. Invalid UTF-8 becomes U+FFFD. Ordinary
// right-to-left text is kept.
func Sanitize(s string) string {
	if clean(s) {
		return s
	}
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

// clean reports whether Sanitize would return s as it is: valid UTF-8
// with no escape sequence, no control character but newline and tab, and
// no bidirectional override. Pack wording almost always is, and the screens
// sanitize it on every refresh, so this common case costs one pass and no
// allocation. (ansi.Strip keeps printable ASCII, newline, tab and every
// well-formed multi-byte rune, so it would change nothing here either.)
func clean(s string) bool {
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			if b < 0x20 && b != '\n' && b != '\t' || b == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || unsafeRune(r) {
			return false
		}
		i += size
	}
	return true
}

// SanitizeLine is Sanitize for single-line fields: newlines and tabs
// become spaces.
func SanitizeLine(s string) string {
	if cleanLine(s) {
		return s
	}
	return strings.Join(strings.Fields(Sanitize(s)), " ")
}

// cleanLine reports whether SanitizeLine would return s as it is: clean,
// with single spaces between words and none at either end.
func cleanLine(s string) bool {
	space := true // a space here would be leading or doubled
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			switch {
			case b == ' ':
				if space {
					return false
				}
				space = true
			case b < 0x20 || b == 0x7f: // tab and newline too: they become spaces
				return false
			default:
				space = false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || unsafeRune(r) || unicode.IsSpace(r) {
			return false
		}
		space = false
		i += size
	}
	return s == "" || !space
}
