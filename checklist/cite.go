package checklist

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Cited is a citation chosen for one user, with its source and tier.
type Cited struct {
	Citation
	Source Source
	Tier   Tier
	// Own marks guidance written for the user's own role (a medical
	// student's guidance for a medical student), shown first in its tier.
	Own bool
}

// CitationsFor picks the citations to show a user and orders them: their
// own regulator's guidance first (guidance written for their role before
// general guidance), then professional guidance for their role, law, cases
// and evidence, and history. A source not written for them (another
// regulator's guidance, another profession's advice) is left out, so a
// nurse never sees the GMC's guidance presented as theirs. Steps sources
// are never returned here: they belong beside the steps. Citations of the
// same source are merged, so the user reads "paras 4, 9" once.
func CitationsFor(pack *Pack, cites []Citation, p *Profile) []Cited {
	if p == nil {
		return nil
	}
	reg := p.RegulatorID(pack)
	out := make([]Cited, 0, len(cites))
	for _, c := range cites {
		s, ok := pack.Source(c.Source)
		if !ok || s.Status == StatusUnreliable || s.Kind == SourceSteps || !s.For(reg, p.Role, p.Nation) {
			continue
		}
		if len(c.Regulators) > 0 && !slices.Contains(c.Regulators, reg) || len(c.Roles) > 0 && !slices.Contains(c.Roles, p.Role) {
			continue
		}
		if s.Status == StatusSuperseded && !c.Historical {
			continue
		}
		out = append(out, Cited{Citation: c, Source: s, Tier: TierOf(s, c.Historical), Own: slices.Contains(s.Roles, p.Role)})
	}
	slices.SortStableFunc(out, func(x, y Cited) int {
		return cmp.Or(cmp.Compare(x.Tier, y.Tier), cmp.Compare(boolInt(y.Own), boolInt(x.Own)))
	})
	return mergeCited(out)
}

// mergeCited joins citations of the same source into one. Citations marked
// uncertain stay apart, so their caveat stays with them. It merges in
// place: cs is the caller's own slice, and each citation is written at or
// before the index it was read from.
func mergeCited(cs []Cited) []Cited {
	if len(cs) == 0 {
		return nil
	}
	out := cs[:0]
	// seen[i] is the index in out of a mergeable citation of source
	// ids[i]. An item cites a handful of sources, so slices beat a map.
	var idBuf [16]string
	var seenBuf [16]int
	ids, seen := idBuf[:0], seenBuf[:0]
	for _, c := range cs {
		if c.Uncertain {
			out = append(out, c)
			continue
		}
		if j := slices.Index(ids, c.Source.ID); j >= 0 {
			i := seen[j]
			switch {
			case out[i].Para == "":
				out[i].Para = c.Para
			case c.Para != "" && !strings.Contains(out[i].Para, c.Para):
				out[i].Para += ", " + c.Para
			}
			continue
		}
		ids, seen = append(ids, c.Source.ID), append(seen, len(out))
		out = append(out, c)
	}
	return out
}

// FormatCitation renders a citation for people: "GMC, Using social media as
// a medical professional (2024), para 9". Unconfirmed paragraph numbers are
// marked, so the app never states a guess as fact.
func FormatCitation(pack *Pack, c Citation) string {
	src, ok := pack.Source(c.Source)
	if !ok {
		return c.Source
	}
	return FormatSource(src, c.Para, c.Uncertain)
}

// FormatSource renders a source with an optional paragraph.
func FormatSource(src Source, para string, uncertain bool) string {
	var b strings.Builder
	b.WriteString(src.Publisher)
	b.WriteString(", ")
	b.WriteString(src.Title)
	if src.Year != "" {
		fmt.Fprintf(&b, " (%s)", src.Year)
	}
	if para != "" {
		p := para
		if !startsWithWord(p) {
			p = paraWord(p) + " " + p
		}
		b.WriteString(", ")
		b.WriteString(p)
	}
	switch {
	case uncertain:
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
