package checklist

import (
	"fmt"
	"strings"
	"time"
)

// FormatCitation renders a citation for people: "GMC, Using social media as
// a medical professional (2024), para 9". Unconfirmed paragraph numbers are
// marked, so the app never states a guess as fact.
func FormatCitation(pack *Pack, c Citation) string {
	src, ok := pack.Source(c.Source)
	if !ok {
		return c.Source
	}
	var b strings.Builder
	b.WriteString(src.Publisher)
	b.WriteString(", ")
	b.WriteString(src.Title)
	if src.Year != "" {
		fmt.Fprintf(&b, " (%s)", src.Year)
	}
	if c.Para != "" {
		p := c.Para
		if !startsWithWord(p) {
			p = paraWord(p) + " " + p
		}
		b.WriteString(", ")
		b.WriteString(p)
	}
	switch {
	case c.Uncertain:
		b.WriteString(" [number or attribution unconfirmed]")
	case src.Confidence == Uncertain:
		b.WriteString(" [source uncertain]")
	}
	return b.String()
}

// startsWithWord reports whether a para already names itself ("Code 20.10",
// "rule 12.12", "paras 18–20").
func startsWithWord(p string) bool {
	r := p[0]
	return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z')
}

func paraWord(p string) string {
	if strings.ContainsAny(p, "–-,&") || strings.Contains(p, " and ") {
		return "paras"
	}
	return "para"
}

// Staleness warns about content that may be out of date.
type Staleness struct {
	// PackAge is set when the pack was reviewed more than 12 months ago.
	PackOld  bool
	Reviewed time.Time
	// OldPaths lists platforms whose steps were verified over 9 months ago.
	OldPaths []string
}

// Any reports whether there is anything to warn about.
func (s Staleness) Any() bool { return s.PackOld || len(s.OldPaths) > 0 }

// CheckFreshness compares the pack's dates with now: the pack should be
// reviewed yearly, and platform click-paths checked every 9 months because
// platforms move their settings several times a year.
func CheckFreshness(pack *Pack, now time.Time) Staleness {
	var s Staleness
	if t, err := pack.Reviewed.Time(); err == nil {
		s.Reviewed = t
		s.PackOld = now.After(t.AddDate(1, 0, 0))
	}
	seen := map[string]bool{}
	limit := now.AddDate(0, -9, 0)
	for _, pl := range pack.Platforms {
		for _, sec := range pack.Sections {
			for _, it := range sec.Items {
				h, ok := it.HowTo[pl.ID]
				if !ok || seen[pl.ID] {
					continue
				}
				if t, err := h.Researched.Time(); err == nil && t.Before(limit) {
					seen[pl.ID] = true
					s.OldPaths = append(s.OldPaths, pl.ID)
				}
			}
		}
	}
	return s
}
