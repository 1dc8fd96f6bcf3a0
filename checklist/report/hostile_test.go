package report

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/pressend/pressend/checklist"
)

var hostile = "\x1b[31mRED\x1b]0;title\a <script>alert(1)</script> **bold** [link](javascript:x)\n# heading\n" +
	"\u202Eevil " + strings.Repeat("W", 5000) + " 👩‍⚕️🏥 医療従事者のメモ 日本語日本語日本語 مرحبا\tend"

// hostileVariants are the documents Write makes from one Input: the
// user's report, the member's report and the summary to share.
func hostileVariants(in Input) map[string]Input {
	member, share := in, in
	member.Member, member.AdviserNotes = true, true
	share.Share = true
	return map[string]Input{"report": in, "member": member, "share": share}
}

// unescapedLink finds "](" that Markdown could read as a link, other than
// the report's own links to a source's web address.
var unescapedLink = regexp.MustCompile(`(^|[^\\])\]\((<https?://)?`)

func hasForeignLink(md string) bool {
	for _, m := range unescapedLink.FindAllStringSubmatch(md, -1) {
		if m[2] == "" {
			return true
		}
	}
	return false
}

func TestReportHostileText(t *testing.T) {
	pack := reportPack()
	// Custom packs are as untrusted as notes.
	pack.Sections[0].Items[0].Action = hostile
	pack.Platforms[0].Name = "Face\x1b[2Jbook " + strings.Repeat("長", 200)
	pack.Org = checklist.Org{Name: hostile, Contact: hostile, Footer: hostile}
	a := reportAudit(pack)
	a.Name = hostile
	a.SetNote("profile-private@facebook", hostile, false, reportNow)
	a.SetNote("profile-private@facebook", hostile, true, reportNow)
	a.SessionNote, a.AdviserSessionNote = hostile, hostile
	a.Adviser = &checklist.AdviserInfo{Initials: hostile}
	a.Answers["lookup-phone@instagram"] = checklist.Answer{State: checklist.Accepted, Reason: hostile, At: reportNow}
	for kind, in := range hostileVariants(input(pack, a, "/tmp/"+hostile)) {
		for _, f := range Formats() {
			out := render(t, f, in)
			checkClean(t, kind+"/"+f, out)
			if f == FormatText {
				assertWidth(t, out)
			}
			if strings.Contains(out, "\u202E") {
				t.Errorf("%s/%s: bidi override survived", kind, f)
			}
			if (f == FormatMarkdown || f == FormatHTML) && strings.Contains(out, "<script") {
				t.Errorf("%s/%s: <script> got through", kind, f)
			}
			if f == FormatMarkdown {
				if hasForeignLink(out) {
					t.Errorf("%s/markdown: a link got through", kind)
				}
				for _, bad := range []string{"\n# heading", "**bold**"} {
					if strings.Contains(out, bad) {
						t.Errorf("%s/markdown: %q got through", kind, bad)
					}
				}
			}
		}
	}
}

func TestWrapLines(t *testing.T) {
	for _, s := range []string{
		strings.Repeat("医", 100),
		strings.Repeat("🙂", 60),
		strings.Repeat("a-", 80),
		strings.Repeat("word ", 40) + strings.Repeat("x", 300),
		"שלום עולם " + strings.Repeat("مرحبا ", 30),
	} {
		for _, l := range wrapLines(s, 40) {
			if w := ansi.StringWidth(l); w > 40 {
				t.Errorf("wrapLines(%.20q…) made a %d-cell line", s, w)
			}
		}
		// A hanging indent: 18 cells before the first line, 6 before the rest.
		for i, l := range hangWrap(s, 18, 6) {
			if limit := textWidth - map[bool]int{true: 18, false: 6}[i == 0]; ansi.StringWidth(l) > limit || strings.Contains(l, "\u00a0") {
				t.Errorf("hangWrap line %d of %.20q… is %d cells or keeps padding: %q", i, s, ansi.StringWidth(l), l)
			}
		}
	}
}

// FuzzWrite throws any name and note at every document in every format,
// the calendar file included.
func FuzzWrite(f *testing.F) {
	f.Add("me", "a note")
	f.Add(hostile, hostile)
	f.Add("\x9b31m", "\xff\xfe\x1b")
	f.Add("", "\x1b\x1b]8;;http://x\x07link\x1b]8;;\x07")
	f.Add("1. # *a* [b](c)", "| a |\n| --- |\n> q")
	pack := reportPack()
	f.Fuzz(func(t *testing.T, name, note string) {
		a := reportAudit(pack)
		a.Name = name
		a.SetNote("profile-private@facebook", note, false, reportNow)
		a.SetNote("lookup-phone@instagram", note, true, reportNow)
		a.SessionNote, a.AdviserSessionNote = note, note
		a.Adviser = &checklist.AdviserInfo{Initials: name}
		a.Answers["lookup-phone@instagram"] = checklist.Answer{State: checklist.Accepted, Reason: note, At: reportNow}
		for kind, in := range hostileVariants(input(pack, a, note)) {
			for _, format := range Formats() {
				var b bytes.Buffer
				if err := Write(&b, format, in); err != nil {
					t.Fatalf("%s/%s: %v", kind, format, err)
				}
				checkClean(t, kind+"/"+format, b.String())
				if format == FormatText {
					assertWidth(t, b.String())
				}
				if format == FormatICS {
					checkICSLines(t, b.String())
				}
			}
		}
	})
}

// checkICSLines is the calendar file's promise: CRLF lines of at most 75
// octets.
func checkICSLines(t testing.TB, out string) {
	t.Helper()
	for _, l := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
		if len(l) > icsLineMax || strings.ContainsAny(l, "\r\n") {
			t.Fatalf("bad calendar line %q", l)
		}
	}
}
