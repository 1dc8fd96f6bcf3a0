package ui

import (
	"image/color"
	"sync"

	"charm.land/bubbles/v2/help"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"
)

// palette is the app's few colours for one background. The faint and
// accent colours reach 4.5:1 contrast on the usual dark and light terminal
// backgrounds (TestPaletteContrast), because the help line is read in
// them.
type palette struct {
	accent, faint, text color.Color
}

func newPalette(isDark bool) palette {
	ld := lipgloss.LightDark(isDark)
	return palette{
		accent: ld(lipgloss.Color("#3B4BA8"), lipgloss.Color("#A9B8FF")),
		faint:  ld(lipgloss.Color("#54545E"), lipgloss.Color("#A8A8B2")),
		text:   ld(lipgloss.Color("#1A1A1A"), lipgloss.Color("#E8E8EC")),
	}
}

// styles is the one set of styles every screen uses. It is rebuilt only
// when the terminal reports its background colour.
type styles struct {
	isDark bool
	pal    palette

	title, subtitle, heading lipgloss.Style
	text, faint, italic      lipgloss.Style
	accent                   lipgloss.Style
	high, medium, low        lipgloss.Style
	good, bad, warn          lipgloss.Style
	banner, errBanner        lipgloss.Style
	selected                 lipgloss.Style
	key                      lipgloss.Style
	rule                     lipgloss.Style
	link                     lipgloss.Style
	// huh is the profile form's theme, built on first use: only the
	// profile pages need it, and building it costs more than every other
	// style here together.
	huh *lazyHuh
}

// lazyHuh builds huhStyles once, when a form first asks for it.
type lazyHuh struct {
	pal    palette
	once   sync.Once
	styles *huh.Styles
}

func (l *lazyHuh) get() *huh.Styles {
	l.once.Do(func() { l.styles = huhStyles(l.pal) })
	return l.styles
}

// newStyles builds the theme for a dark or light background. Colours come
// from the 16-colour ANSI palette where possible so they follow the user's
// terminal theme; meaning never rests on colour alone (every state also has
// a word or a symbol).
func newStyles(isDark bool) styles {
	p := newPalette(isDark)
	s := styles{
		isDark:    isDark,
		pal:       p,
		title:     lipgloss.NewStyle().Bold(true).Foreground(p.accent),
		subtitle:  lipgloss.NewStyle().Foreground(p.faint),
		heading:   lipgloss.NewStyle().Bold(true),
		text:      lipgloss.NewStyle(),
		faint:     lipgloss.NewStyle().Foreground(p.faint),
		italic:    lipgloss.NewStyle().Italic(true).Foreground(p.faint),
		accent:    lipgloss.NewStyle().Foreground(p.accent),
		high:      lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Red),
		medium:    lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Yellow),
		low:       lipgloss.NewStyle().Foreground(p.faint),
		good:      lipgloss.NewStyle().Foreground(lipgloss.Green),
		bad:       lipgloss.NewStyle().Foreground(lipgloss.Red),
		warn:      lipgloss.NewStyle().Foreground(lipgloss.Yellow),
		banner:    lipgloss.NewStyle().Foreground(lipgloss.Yellow).Bold(true),
		errBanner: lipgloss.NewStyle().Foreground(lipgloss.Red).Bold(true),
		selected:  lipgloss.NewStyle().Bold(true).Foreground(p.accent),
		key:       lipgloss.NewStyle().Bold(true),
		rule:      lipgloss.NewStyle().Foreground(p.faint),
		link:      lipgloss.NewStyle().Underline(true),
	}
	s.huh = &lazyHuh{pal: p}
	return s
}

// helpStyles colours the key help with the app's palette: keys in the
// text colour and bold, descriptions in the faint colour, both readable.
func helpStyles(s styles) help.Styles {
	h := help.DefaultStyles(s.isDark)
	keyStyle := lipgloss.NewStyle().Bold(true).Foreground(s.pal.text)
	desc := lipgloss.NewStyle().Foreground(s.pal.faint)
	h.ShortKey, h.FullKey = keyStyle, keyStyle
	h.ShortDesc, h.FullDesc = desc, desc
	h.ShortSeparator, h.FullSeparator, h.Ellipsis = desc, desc, desc
	return h
}

// huhStyles is the profile form's theme, from the app's palette rather
// than huh's default. The selected option carries a "›" and the chosen
// ones a "✓", so nothing rests on colour (NO_COLOR shows the same marks).
func huhStyles(p palette) *huh.Styles {
	t := huh.ThemeBase(true)
	for _, f := range []*huh.FieldStyles{&t.Focused, &t.Blurred} {
		f.Title = lipgloss.NewStyle().Bold(true).Foreground(p.accent)
		f.Description = lipgloss.NewStyle().Foreground(p.faint)
		f.SelectSelector = lipgloss.NewStyle().Foreground(p.accent).SetString("› ")
		f.MultiSelectSelector = lipgloss.NewStyle().Foreground(p.accent).SetString("› ")
		f.SelectedOption = lipgloss.NewStyle().Bold(true).Foreground(p.text)
		f.SelectedPrefix = lipgloss.NewStyle().Foreground(p.accent).SetString("[✓] ")
		f.UnselectedPrefix = lipgloss.NewStyle().Foreground(p.faint).SetString("[ ] ")
		f.UnselectedOption = lipgloss.NewStyle().Foreground(p.text)
		f.Option = lipgloss.NewStyle().Foreground(p.text)
		f.ErrorIndicator = lipgloss.NewStyle().Foreground(lipgloss.Red).SetString(" *")
		f.ErrorMessage = lipgloss.NewStyle().Foreground(lipgloss.Red)
		f.NextIndicator = lipgloss.NewStyle().Foreground(p.faint).SetString("→")
		f.PrevIndicator = lipgloss.NewStyle().Foreground(p.faint).SetString("←")
	}
	t.Focused.Base = lipgloss.NewStyle().PaddingLeft(1).BorderStyle(lipgloss.ThickBorder()).BorderLeft(true).BorderForeground(p.accent)
	t.Blurred.Base = lipgloss.NewStyle().PaddingLeft(1).BorderStyle(lipgloss.HiddenBorder()).BorderLeft(true)
	t.Blurred.SelectSelector = lipgloss.NewStyle().SetString("  ")
	t.Help.ShortKey = lipgloss.NewStyle().Bold(true).Foreground(p.text)
	t.Help.ShortDesc = lipgloss.NewStyle().Foreground(p.faint)
	t.Help.ShortSeparator = t.Help.ShortDesc
	return t
}

// huhTheme hands huh the app's theme, built once per background.
func huhTheme(s styles) huh.Theme {
	return huh.ThemeFunc(func(bool) *huh.Styles { return s.huh.get() })
}
