package report

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/pressend/pressend/checklist"
	"github.com/pressend/pressend/checklist/display"
)

// The share summary is laid out from display.Share alone, which holds
// counts, bands and dates and nothing the user wrote. These writers add
// only fixed wording, so they cannot leak what the model left out.

// shareFields are the summary's facts in order, worded once for every
// format.
func shareFields(s *display.Share) []fieldLine {
	completed := "not finished yet"
	if s.Completed != "" {
		completed = "completed " + dateWords(s.Completed)
	}
	f := []fieldLine{
		{"Date", dateWords(s.Date)}, {"Content", s.PackVersion},
		{"Role", orNone(s.Role)}, {"Nation", orNone(s.Nation)},
		{"Accounts", accountCounts(s.Accounts)},
		{"Audit", modeWord(s.Mode) + ", " + completed},
		{"Overall", s.Overall},
		{"Actions", fmt.Sprintf("%d open, %d done", s.OpenActions, s.DoneActions)},
	}
	if s.NextReview != "" {
		f = append(f, fieldLine{"Next review", dateWords(s.NextReview)})
	}
	return f
}

func orNone(s string) string {
	if s == "" {
		return "not set"
	}
	return s
}

// modeWord names the kind of audit.
func modeWord(mode string) string {
	if mode == string(checklist.Quick) {
		return "quick audit (the questions that matter most)"
	}
	return "full audit"
}

// accountCounts says how many accounts of each kind, never which.
func accountCounts(a display.AccountCounts) string {
	var parts []string
	for _, c := range []struct {
		n    int
		kind string
	}{{a.Personal, "personal"}, {a.Professional, "professional"}, {a.Pseudonymous, "pseudonymous"}} {
		if c.n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", c.n, c.kind))
		}
	}
	if len(parts) == 0 {
		return "none chosen"
	}
	return strings.Join(parts, ", ")
}

// shareSince words the comparison with the last round from its counts,
// with the same sentence as the full report.
func shareSince(s *display.ShareSince) (sentence, intro string) {
	if s == nil {
		return "", ""
	}
	full := &display.Since{Last: s.Last, Worse: s.Worse, Fixed: s.Fixed, Changed: s.Changed, Unchanged: s.Unchanged, New: s.New}
	return display.SinceSentence(full), sinceIntro(full)
}

// shareFooter is the closing line under the notice.
const shareFooter = "This summary holds counts, bands and dates only: no notes, account names or answers to single questions."

// writeShareText lays out the summary as plain text within textWidth.
func writeShareText(b *bytes.Buffer, s *display.Share) error {
	t := textDoc{b}
	t.heading(display.ShareTitle, "=")
	t.blank()
	for _, f := range shareFields(s) {
		t.fieldW(13, f.Label, f.Value)
	}
	t.blank()
	if len(s.Sections) > 0 {
		t.heading("Bands by section", "-")
		for _, sec := range s.Sections {
			t.wrap("  ", "    ", sec.Title+": "+sec.Band)
		}
		t.blank()
	}
	if sentence, intro := shareSince(s.SinceLast); sentence != "" {
		t.heading("Since the last audit", "-")
		t.wrap("", "", sentence)
		t.wrap("", "", intro)
		t.blank()
	}
	t.heading("For reflection", "-")
	for _, r := range s.Reflection {
		t.wrap("- ", "  ", r)
	}
	t.blank()
	t.rule()
	t.wrap("", "", s.Notice)
	t.wrap("", "", shareFooter)
	t.wrap("", "", display.GeneratedHere)
	return nil
}

// writeShareMarkdown lays out the summary in Markdown.
func writeShareMarkdown(b *bytes.Buffer, s *display.Share) error {
	m := mdDoc{b}
	m.line("# %s\n", display.ShareTitle)
	for _, f := range shareFields(s) {
		m.item(0, "**"+f.Label+":** "+mdEscape(f.Value))
	}
	m.line("")
	if len(s.Sections) > 0 {
		m.line("## Bands by section\n")
		m.line("| Section | Band |")
		m.line("| --- | --- |")
		for _, sec := range s.Sections {
			m.line("| %s | %s |", mdCell(sec.Title), mdCell(sec.Band))
		}
		m.line("")
	}
	if sentence, intro := shareSince(s.SinceLast); sentence != "" {
		m.line("## Since the last audit\n")
		m.para(sentence)
		m.para(intro)
	}
	m.line("## For reflection\n")
	for _, r := range s.Reflection {
		m.item(0, r)
	}
	m.line("")
	m.line("---\n")
	m.para(mdEscape(s.Notice))
	m.para(shareFooter)
	m.line("%s", display.GeneratedHere)
	return nil
}
