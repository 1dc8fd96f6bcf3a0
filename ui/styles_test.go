package ui

import (
	"image/color"
	"math"
	"testing"

	"charm.land/lipgloss/v2"
)

// TestPaletteContrast: the help line's key and description colours, and the
// accent, reach WCAG's 4.5:1 on the usual dark and light terminal
// backgrounds, so the footer is readable wherever it is shown.
func TestPaletteContrast(t *testing.T) {
	backgrounds := map[bool][]string{
		true:  {"#000000", "#1E1E1E", "#282C34", "#2E3440", "#300A24", "#1D1F21"}, // black, VS Code, One Dark, Nord, Ubuntu, Tomorrow Night
		false: {"#FFFFFF", "#F5F5F5", "#FAFAFA", "#EEEEEE"},
	}
	for isDark, bgs := range backgrounds {
		p := newPalette(isDark)
		for _, bg := range bgs {
			back := lipgloss.Color(bg)
			for name, fg := range map[string]color.Color{"text": p.text, "faint": p.faint, "accent": p.accent} {
				if r := contrast(fg, back); r < 4.5 {
					t.Errorf("dark=%v: %s on %s has contrast %.2f, want at least 4.5", isDark, name, bg, r)
				}
			}
		}
	}
}

// contrast is WCAG 2's contrast ratio between two colours.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}
