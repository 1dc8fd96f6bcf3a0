package ui

import (
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"
)

// styles is the one set of styles every screen uses. It is rebuilt only
// when the terminal reports its background colour.
type styles struct {
	isDark bool

	title, subtitle, heading lipgloss.Style
	text, faint, italic      lipgloss.Style
	accent                   lipgloss.Style
	high, medium, low        lipgloss.Style
	good, bad, warn          lipgloss.Style
	banner, errBanner        lipgloss.Style
	selected                 lipgloss.Style
	key                      lipgloss.Style
	rule                     lipgloss.Style
}

// newStyles builds the theme for a dark or light background. Colours come
// from the 16-colour ANSI palette where possible so they follow the user's
// terminal theme; meaning never rests on colour alone (every state also has
// a word or a symbol).
func newStyles(isDark bool) styles {
	ld := lipgloss.LightDark(isDark)
	accent := ld(lipgloss.Color("#3B4BA8"), lipgloss.Color("#9FB1FF"))
	faint := ld(lipgloss.Color("#5C5C66"), lipgloss.Color("#A0A0AA"))
	return styles{
		isDark:    isDark,
		title:     lipgloss.NewStyle().Bold(true).Foreground(accent),
		subtitle:  lipgloss.NewStyle().Foreground(faint),
		heading:   lipgloss.NewStyle().Bold(true),
		text:      lipgloss.NewStyle(),
		faint:     lipgloss.NewStyle().Foreground(faint),
		italic:    lipgloss.NewStyle().Italic(true).Foreground(faint),
		accent:    lipgloss.NewStyle().Foreground(accent),
		high:      lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Red),
		medium:    lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Yellow),
		low:       lipgloss.NewStyle().Foreground(faint),
		good:      lipgloss.NewStyle().Foreground(lipgloss.Green),
		bad:       lipgloss.NewStyle().Foreground(lipgloss.Red),
		warn:      lipgloss.NewStyle().Foreground(lipgloss.Yellow),
		banner:    lipgloss.NewStyle().Foreground(lipgloss.Yellow).Bold(true),
		errBanner: lipgloss.NewStyle().Foreground(lipgloss.Red).Bold(true),
		selected:  lipgloss.NewStyle().Bold(true).Foreground(accent),
		key:       lipgloss.NewStyle().Bold(true),
		rule:      lipgloss.NewStyle().Foreground(faint),
	}
}

// themeCache memoises huh's theme. huh v2.0.3 rebuilds its theme on every
// render, which made forms several times slower than a bare program; a
// cached func(isDark) keeps each render cheap.
type themeCache struct {
	dark, light *huh.Styles
}

// theme returns a huh.Theme that hands out the cached styles.
func (c *themeCache) theme() huh.Theme {
	return huh.ThemeFunc(func(isDark bool) *huh.Styles {
		if isDark {
			if c.dark == nil {
				c.dark = huh.ThemeCharm(true)
			}
			return c.dark
		}
		if c.light == nil {
			c.light = huh.ThemeCharm(false)
		}
		return c.light
	})
}
