package report

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	gmhtml "github.com/yuin/goldmark/renderer/html"

	"github.com/pressend/pressend/checklist"
	"github.com/pressend/pressend/checklist/display"
)

func TestMdEscape(t *testing.T) {
	for in, want := range map[string]string{
		"plain words":                        "plain words",
		"**bold** [a](javascript:x)":         `\*\*bold\*\* \[a\](javascript:x)`,
		"# heading":                          `\# heading`,
		"#hashtag":                           "#hashtag",
		"<script>alert(1)</script>":          "&lt;script>alert(1)&lt;/script>",
		"1. a | b ~~c~~ `d` \\":              "1\\. a | b \\~\\~c\\~\\~ \\`d\\` \\\\",
		"2026) was a year":                   `2026\) was a year`,
		"===":                                `\===`,
		"- item":                             `\- item`,
		"---":                                `\---`,
		"+ item":                             `\+ item`,
		"> quote":                            `\> quote`,
		"a > b, c -> d":                      "a > b, c -> d",
		"snake_case_name and 5 * 3":          "snake_case_name and 5 * 3",
		"_em_ *em* a*b*c":                    `\_em\_ \*em\* a\*b\*c`,
		"A&E, Settings & privacy":            "A&E, Settings & privacy",
		"&amp; &#65; &#x41;":                 `\&amp; \&#65; \&#x41;`,
		`C:\Users\sam`:                       `C:\Users\sam`,
		`a\*b`:                               `a\\\*b`,
		"e.g. (see para 9) - done! 50% ~ $5": "e.g. (see para 9) - done! 50% ~ $5",
		"日本語 🙂 שלום":                         "日本語 🙂 שלום",
	} {
		if got := mdEscape(in); got != want {
			t.Errorf("mdEscape(%q) = %q, want %q", in, got, want)
		}
	}
	if got := mdCell("a | b"); got != `a \| b` {
		t.Errorf("mdCell kept a bare pipe: %q", got)
	}
	if got := mdLines("a | b\n| --- |", "  "); got != "a \\| b\\\n  \\| --- \\|" {
		t.Errorf("mdLines: %q", got)
	}
}

// renderMD renders Markdown as GitHub would, near enough: CommonMark with
// GFM tables and strikethrough. Raw HTML is let through, so any that
// formed would show up as a tag.
func renderMD(t testing.TB, src string) string {
	t.Helper()
	md := goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough),
		goldmark.WithRendererOptions(gmhtml.WithUnsafe()))
	var b bytes.Buffer
	if err := md.Convert([]byte(src), &b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

var tagNameRE = regexp.MustCompile(`<(/?[a-zA-Z][a-zA-Z0-9]*)`)

// tagShape is the sequence of tags in rendered HTML: the document's
// structure without its words.
func tagShape(h string) []string {
	var out []string
	for _, m := range tagNameRE.FindAllStringSubmatch(h, -1) {
		out = append(out, strings.ToLower(m[1]))
	}
	return out
}

// mdHostileLine tries every inline construct; mdHostileLines every block.
const mdHostileLine = "**bold** __strong__ *em* _em_ ~~del~~ ~del~ `code` [link](javascript:x) ![img](x.png) " +
	"<b>html</b> <https://auto.link> &amp; &#65; a | b \\* x*y*z a_b_ _c_ [ref]"

var mdHostileLines = strings.Join([]string{
	"# heading", "> quote", "- item", "1. one", "---", "===", "```", "| a | b |", "| --- | --- |",
	"[ref]: https://example.com", "    indented", "~~~", "<div>raw</div>", "* * *", "+ plus", "2) two",
	// The last line has no hard break after it, so a table can end a note.
	"x | y", "--- | ---",
}, "\n")

// plantMarkdown puts line into every single-line field a report shows,
// from the user and from a custom pack, and lines into every multi-line
// one.
func plantMarkdown(line, lines string) Input {
	pack := reportPack()
	it := &pack.Sections[0].Items[0]
	it.Action, it.Question, it.Check, it.Uncertain = line, line, line, line
	h := it.HowTo["facebook"]
	h.Steps, h.Fallback, h.Note = []string{line, line}, line, lines
	it.HowTo["facebook"] = h
	pack.Sections[0].Title, pack.Platforms[0].Name = line, line
	pack.Harms[2].Title, pack.Harms[2].Reason = line, line
	pack.Sources[0].Title, pack.Sources[0].Publisher = line, line
	pack.Roles[0].Name, pack.Nations[0].Name = line, line
	pack.Org = checklist.Org{Name: line, Contact: lines, Footer: lines}
	a := reportAudit(pack)
	a.Name = line
	a.SetNote("profile-private@facebook", lines, false, reportNow)
	a.SetNote("profile-private@facebook", lines, true, reportNow)
	a.SetNote("profile-private@instagram", lines, false, reportNow)
	a.SessionNote, a.AdviserSessionNote = lines, lines
	a.Adviser, a.DeleteAfter = &checklist.AdviserInfo{Initials: line}, "2026-06-01"
	a.Answers["profile-private@x"] = checklist.Answer{State: checklist.Accepted, Reason: lines, At: reportNow}
	in := input(pack, a, "")
	in.AdviserNotes = true
	return in
}

// TestMarkdownRendersInert renders reports full of Markdown syntax with
// goldmark and checks they have exactly the structure of the same report
// with plain words: no link, image, emphasis, code, strikethrough, raw
// HTML, heading, list, quote, rule or table came from pack or user text.
// It also checks the hostile words survive, shown as typed.
func TestMarkdownRendersInert(t *testing.T) {
	plain := strings.Repeat("plain\n", strings.Count(mdHostileLines, "\n")) + "plain"
	for _, member := range []bool{false, true} {
		hostileIn, plainIn := plantMarkdown(mdHostileLine, mdHostileLines), plantMarkdown("plain", plain)
		hostileIn.Member, plainIn.Member = member, member
		got := renderMD(t, render(t, FormatMarkdown, hostileIn))
		want := renderMD(t, render(t, FormatMarkdown, plainIn))
		gs, ws := tagShape(got), tagShape(want)
		if strings.Join(gs, " ") != strings.Join(ws, " ") {
			for i := range min(len(gs), len(ws)) {
				if gs[i] != ws[i] {
					t.Fatalf("member=%v: tag %d is <%s>, want <%s>:\n%s", member, i, gs[i], ws[i], got)
				}
			}
			t.Fatalf("member=%v: %d tags, want %d:\n%s", member, len(gs), len(ws), got)
		}
		text := html.UnescapeString(tagRE.ReplaceAllString(got, " "))
		text = strings.Join(strings.Fields(text), " ")
		for _, w := range append([]string{display.Line(mdHostileLine)}, strings.Split(mdHostileLines, "\n")...) {
			if w = display.Line(w); !strings.Contains(text, w) {
				t.Errorf("member=%v: %q is not shown as typed", member, w)
			}
		}
	}
}

// FuzzMdEscape holds mdEscape to its promise on any line: rendered as a
// list item it is one text node, showing exactly the line.
func FuzzMdEscape(f *testing.F) {
	for _, s := range append(strings.Split(mdHostileLines, "\n"), mdHostileLine, "a_b_", "*", "_", "~", "\\", "1.",
		"a\\", "&copy", "&copy;", "x**y**", "日_本_語", "*a *", "![", "<!--", "[x]: <y>") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		s = display.Line(s)
		if s == "" {
			return
		}
		out := renderMD(t, "- "+mdEscape(s)+"\n")
		inner, ok := strings.CutPrefix(out, "<ul>\n<li>")
		if ok {
			inner, ok = strings.CutSuffix(inner, "</li>\n</ul>\n")
		}
		if !ok || strings.Contains(inner, "<") || html.UnescapeString(inner) != s {
			t.Fatalf("mdEscape(%q) = %q renders as %q", s, mdEscape(s), out)
		}
		cell := renderMD(t, "| h |\n| --- |\n| "+mdCell(s)+" |\n")
		if strings.Count(cell, "<td") != 1 {
			t.Fatalf("mdCell(%q) split the cell: %q", s, cell)
		}
	})
}

// TestMarkdownPlainWords: ordinary sentences, and the whole of a real GP's
// report, come out without escapes. Only the layout's own "\[high\]" and
// the brackets of "[number or attribution unconfirmed]" need any.
func TestMarkdownPlainWords(t *testing.T) {
	for _, s := range []string{
		"Menu → Settings & privacy → Settings → Audience and visibility",
		"Don't post about patients (even without a name), e.g. on a ward's page.",
		"Call NHS 111, or A&E if it's urgent. Use 2-step verification!",
		"Check: is your profile public? 50% of people don't know; see para 9.",
		"“Audience” and ‘Friends of friends’ - 3 + 4 = 7, ~ roughly.",
		"Write snake_case_name, email@example.com or www.gmc-uk.org/ethics.",
	} {
		if got := mdEscape(s); got != s {
			t.Errorf("mdEscape(%q) = %q: ordinary words escaped", s, got)
		}
	}
	pack, a := gpAudit(t)
	in := Input{Pack: pack, Audit: a, Now: a.Updated}
	for _, member := range []bool{false, true} {
		in.Member = member
		out := render(t, FormatMarkdown, in)
		for _, esc := range regexp.MustCompile(`\\.`).FindAllString(out, -1) {
			if esc != `\[` && esc != `\]` {
				t.Errorf("member=%v: the GP's report escapes %q", member, esc)
			}
		}
	}
}
