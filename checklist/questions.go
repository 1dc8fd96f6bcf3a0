package checklist

import (
	"slices"
	"strings"
)

// Question is one thing the audit asks: an item, expanded for one platform
// when the item is about a per-platform setting.
type Question struct {
	// Key identifies the question in saved answers: the item id, plus
	// "@platform" for per-platform questions. Keys survive content
	// updates as long as item ids do.
	Key      string
	Item     *Item
	Section  int // index into Pack.Sections
	Platform string
	// Severity is the effective severity for this user.
	Severity Severity
	// Raised is true when Severity was lifted because the user is
	// identifiable as a professional on this account.
	Raised bool
}

// QuestionKey builds the key a question's answer is stored under.
func QuestionKey(itemID, platform string) string {
	if platform == "" {
		return itemID
	}
	return itemID + "@" + platform
}

// Questions lists, in order, every question that applies to the profile:
// sections in pack order, items in section order, and per-platform items
// once for each platform the user holds, in the pack's platform order.
// With quick set only the items marked quick are kept.
func Questions(pack *Pack, p *Profile, quick bool) []Question {
	if pack == nil || p == nil {
		return nil
	}
	var qs []Question
	for si := range pack.Sections {
		sec := &pack.Sections[si]
		for ii := range sec.Items {
			it := &sec.Items[ii]
			if quick && !it.Quick {
				continue
			}
			if !it.Applies.matches(pack, p) {
				continue
			}
			if len(it.Applies.Platforms) == 0 {
				if it.Applies.generalAccountsFit(p) {
					qs = append(qs, Question{Key: it.ID, Item: it, Section: si, Severity: it.Severity})
				}
				continue
			}
			for _, pl := range pack.Platforms {
				if !slices.Contains(it.Applies.Platforms, pl.ID) || !it.Applies.accountFits(p, pl.ID) {
					continue
				}
				q := Question{Key: QuestionKey(it.ID, pl.ID), Item: it, Section: si, Platform: pl.ID, Severity: it.Severity}
				if it.RaiseIfIdentified && p.Identified(pl.ID) && it.Severity < High {
					q.Severity, q.Raised = it.Severity.Raise(), true
				}
				qs = append(qs, q)
			}
		}
	}
	return qs
}

// SectionSpan is the run of questions that belongs to one section.
type SectionSpan struct {
	Section int // index into Pack.Sections
	Start   int // index of the first question
	Count   int
}

// Spans groups an ordered question list by section, skipping sections with
// no applicable question.
func Spans(qs []Question) []SectionSpan {
	var out []SectionSpan
	for i, q := range qs {
		if n := len(out); n > 0 && out[n-1].Section == q.Section {
			out[n-1].Count++
			continue
		}
		out = append(out, SectionSpan{Section: q.Section, Start: i, Count: 1})
	}
	return out
}

// CitationsFor picks the citations to show for one question: as Citations,
// and on a per-platform question without sources that are about a
// different platform (an X question should not cite LinkedIn's help).
func CitationsFor(pack *Pack, q Question, regulator, role string) []Citation {
	all := Citations(q.Item.Cite, regulator, role)
	if q.Platform == "" {
		return all
	}
	var out []Citation
	for _, c := range all {
		if s, ok := pack.Source(c.Source); ok && s.Platform != "" && s.Platform != q.Platform {
			continue
		}
		out = append(out, c)
	}
	if len(out) == 0 {
		return all // never leave a question without its sources
	}
	return out
}

// Citations picks the citations to show a user: those written for their
// regulator and role, plus the general ones. Regulator-specific citations
// come first, because they are the user's own guidance.
func Citations(cites []Citation, regulator, role string) []Citation {
	var own, general []Citation
	for _, c := range cites {
		if len(c.Roles) > 0 && !slices.Contains(c.Roles, role) {
			continue
		}
		switch {
		case len(c.Regulators) == 0 && len(c.Roles) == 0:
			general = append(general, c)
		case len(c.Regulators) == 0 || slices.Contains(c.Regulators, regulator):
			own = append(own, c)
		}
	}
	return mergeCitations(append(own, general...))
}

// mergeCitations joins citations of the same source into one, so the user
// reads "paras 4, 9" once rather than the same document twice. Citations
// marked uncertain stay apart, so their caveat stays with them.
func mergeCitations(cs []Citation) []Citation {
	var out []Citation
	seen := map[string]int{}
	for _, c := range cs {
		k := c.Source
		if c.Uncertain {
			out = append(out, c)
			continue
		}
		if i, ok := seen[k]; ok {
			switch {
			case out[i].Para == "":
				out[i].Para = c.Para
			case c.Para != "" && !strings.Contains(out[i].Para, c.Para):
				out[i].Para += ", " + c.Para
			}
			continue
		}
		seen[k] = len(out)
		out = append(out, c)
	}
	return out
}
