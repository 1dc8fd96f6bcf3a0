package checklist

import (
	"slices"
)

// Question is one thing the audit asks: an item, asked once, with one row
// per platform the user holds when the item is about a per-platform setting
// (or a single row for an item about all accounts or habits). Each row is
// answered, saved and acted on separately.
type Question struct {
	Item    *Item
	Section int // index into Pack.Sections
	// Text is the item's wording for this user: the item with the first
	// matching variant applied (student wording, a nation's routes).
	Text Wording
	Rows []Row
}

// Row is one answerable line of a question.
type Row struct {
	// Key identifies the row in saved answers: the item id, plus
	// "@platform" for per-platform rows. Keys survive content updates as
	// long as item ids do.
	Key      string
	Platform string
	// Account is how the user runs the account on Platform.
	Account AccountType
	// Severity is the effective severity for this user and account.
	Severity Severity
	// Raised is true when Severity was lifted because the user is
	// identifiable as a professional on this account.
	Raised bool
}

// Wording is the user-facing text of an item after variants.
type Wording struct {
	Question, Why, More, Check, Action, CheckAction string
}

// QuestionKey builds the key a row's answer is stored under.
func QuestionKey(itemID, platform string) string {
	if platform == "" {
		return itemID
	}
	return itemID + "@" + platform
}

// Questions lists, in order, every question that applies to the profile:
// sections in pack order, items in section order, and for per-platform
// items one row for each platform the user holds, in the pack's platform
// order. In quick mode only the items marked quick are kept.
func Questions(pack *Pack, p *Profile, mode Mode) []Question {
	if pack == nil || p == nil {
		return nil
	}
	var qs []Question
	for si := range pack.Sections {
		sec := &pack.Sections[si]
		for ii := range sec.Items {
			it := &sec.Items[ii]
			if mode == Quick && !it.Quick || !it.Applies.matches(pack, p) {
				continue
			}
			q := Question{Item: it, Section: si, Text: wordingFor(pack, it, p)}
			if len(it.Applies.Platforms) == 0 {
				if it.Applies.generalAccountsFit(p) {
					q.Rows = []Row{{Key: it.ID, Severity: it.Severity}}
				}
			}
			for _, pl := range pack.Platforms {
				if !slices.Contains(it.Applies.Platforms, pl.ID) || !it.Applies.accountFits(p, pl.ID) {
					continue
				}
				r := Row{Key: QuestionKey(it.ID, pl.ID), Platform: pl.ID, Account: p.Accounts[pl.ID], Severity: it.Severity}
				if it.RaiseIfIdentified && p.Identified(pl.ID) && it.Severity < High {
					r.Severity, r.Raised = it.Severity.Raise(), true
				}
				q.Rows = append(q.Rows, r)
			}
			if len(q.Rows) > 0 {
				qs = append(qs, q)
			}
		}
	}
	return qs
}

// Keys lists every row key of the questions, in order.
func Keys(qs []Question) []string {
	var out []string
	for _, q := range qs {
		for _, r := range q.Rows {
			out = append(out, r.Key)
		}
	}
	return out
}

// wordingFor applies the first variant whose conditions hold for the
// profile; each field the variant sets replaces the item's.
func wordingFor(pack *Pack, it *Item, p *Profile) Wording {
	w := Wording{Question: it.Question, Why: it.Why, More: it.More, Check: it.Check,
		Action: it.Action, CheckAction: it.CheckAction}
	for _, v := range it.Variants {
		if !v.holds(pack, p) {
			continue
		}
		for _, f := range []struct {
			dst *string
			src string
		}{
			{&w.Question, v.Question}, {&w.Why, v.Why}, {&w.More, v.More}, {&w.Check, v.Check},
			{&w.Action, v.Action}, {&w.CheckAction, v.CheckAction},
		} {
			if f.src != "" {
				*f.dst = f.src
			}
		}
		break
	}
	return w
}

// holds reports whether a variant is for this user.
func (v Variant) holds(pack *Pack, p *Profile) bool {
	if len(v.Roles) > 0 && !slices.Contains(v.Roles, p.Role) {
		return false
	}
	if len(v.Nations) > 0 && !slices.Contains(v.Nations, p.Nation) {
		return false
	}
	for _, f := range v.Flags {
		if !p.Flag(pack, f) {
			return false
		}
	}
	return true
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
