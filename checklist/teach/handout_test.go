package teach

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/pressend/pressend/checklist"
)

func pooled(t *testing.T, d *Deck) *Results {
	t.Helper()
	sess := session(t, d, "s")
	p, _ := NewPool(d, sess)
	for i := range 12 {
		pick := func(q Question, r int) int {
			if i < 2 {
				return 1
			}
			return min(q.Choices, 2)
		}
		p.AddSubmission(fmt.Sprint(i), fullSubmission(t, d, sess, fmt.Sprint(i), pick))
	}
	return p.Results(DefaultMinCount)
}

func TestHandoutContent(t *testing.T) {
	d := testDeck(t)
	res := pooled(t, d)
	for _, format := range HandoutFormats() {
		out, err := WriteHandout(format, d, res)
		if err != nil {
			t.Fatal(err)
		}
		s := string(out)
		plain := strings.NewReplacer("\\", "", "&#39;", "'", "&rsquo;", "'").Replace(s)
		for _, want := range []string{
			"The rant account", "Dr A posts angry threads", "What should Dr A do?", "Take advice first",
			"Open and proportionate", "Suggested answer", "No single right answer", "It depends on consent and setting",
			"A pseudonym is not anonymity", "What made it feel private?", "Knowledge check", "Correct answer",
			"A closed group message is", "Regulator guidance (GMC)", "Regulator guidance (NMC)",
			"Professional guidance (for Doctor)", "Law", "Cases and evidence", "Superseded guidance",
			"paras 9, 14", "[source uncertain]", "not legal advice", "Completely unacceptable",
			"too few to show", "83%", "12 students", "Scottish standards", "scotland only",
		} {
			if !strings.Contains(plain, want) {
				t.Errorf("%s handout lacks %q", format, want)
			}
		}
		for _, never := range []string{"FACILITATOR ONLY", "Loose translation", "javascript:"} {
			if strings.Contains(s, never) {
				t.Errorf("%s handout contains %q", format, never)
			}
		}
		if format == FormatHTML {
			checkSelfContained(t, s)
			if !strings.Contains(s, `href="https://example.org/gmc?a=1&amp;b=%282%29"`) && !strings.Contains(s, `href="https://example.org/gmc?a=1&amp;b=(2)"`) {
				t.Errorf("GMC link missing or mangled")
			}
		} else if !strings.Contains(s, "](https://example.org/gmc?a=1&b=%282%29)") {
			t.Errorf("markdown link missing or unescaped")
		}
	}
	if _, err := WriteHandout("pdf", d, nil); err == nil {
		t.Error("an unknown format was accepted")
	}
	out, _ := WriteHandout(FormatMarkdown, d, nil)
	if strings.Contains(string(out), "Class results") || strings.Contains(string(out), "too few") {
		t.Error("a handout without --results shows results")
	}
}

func checkSelfContained(t *testing.T, s string) {
	t.Helper()
	low := strings.ToLower(s)
	if !strings.Contains(low, `content-security-policy" content="default-src 'none'; style-src 'unsafe-inline'"`) {
		t.Error("no Content-Security-Policy forbidding outside resources")
	}
	for _, bad := range []string{"<script", "<img", "<link", "<iframe", "@import", "url(", "src="} {
		if strings.Contains(low, bad) {
			t.Errorf("page contains %q", bad)
		}
	}
	if !strings.Contains(low, "@page{size:a4") {
		t.Error("no A4 print rules")
	}
}

// TestHandoutEscapesPackText feeds markup and terminal escapes through
// every field a custom pack controls.
func TestHandoutEscapesPackText(t *testing.T) {
	p := testPack()
	hostile := "<script>alert(1)</script> **bold** [x](javascript:y) \x1b[31mred\x1b[0m # heading"
	p.Title = hostile
	p.Scenarios[0].Title = hostile
	p.Scenarios[0].Story = hostile + "\n" + hostile
	p.Scenarios[0].Options[0].Text = hostile
	p.Scenarios[0].Options[0].Feedback = hostile
	p.Scenarios[0].Discussion = []string{hostile}
	p.Checks[0].Question = hostile
	p.Sources[0].Title = hostile
	d, err := NewDeck(p)
	if err != nil {
		t.Fatal(err)
	}
	html, _ := WriteHandout(FormatHTML, d, nil)
	md, _ := WriteHandout(FormatMarkdown, d, nil)
	for name, out := range map[string]string{"html": string(html), "markdown": string(md)} {
		if strings.Contains(out, "<script>") || strings.Contains(out, "\x1b") {
			t.Errorf("%s: hostile text got through", name)
		}
	}
	if regexp.MustCompile(`[^\\]\*\*bold`).MatchString(string(md)) || strings.Contains(string(md), "](javascript") {
		t.Error("markdown: pack text can form emphasis or links")
	}
	if strings.Contains(string(md), "\n# heading") {
		t.Error("markdown: a line in the pack started a heading")
	}
}

// TestHandoutTrustsResultsOnlyForNumbers: a results file is the
// facilitator's, but it is still a file; its labels and titles never
// reach the page, only its numbers.
func TestHandoutTrustsResultsOnlyForNumbers(t *testing.T) {
	d := testDeck(t)
	res := pooled(t, d)
	res.Scenarios[0].Title = "<script>x</script>"
	res.Scenarios[0].Rounds[0].Counts[0].Label = "*[evil](javascript:x)*"
	data, _ := res.Encode()
	back, err := ParseResults(d, data)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range HandoutFormats() {
		out, _ := WriteHandout(f, d, back)
		if strings.Contains(string(out), "evil") || strings.Contains(string(out), "<script>") {
			t.Errorf("%s handout shows text from the results file", f)
		}
	}
}

func TestResultsHTML(t *testing.T) {
	d := testDeck(t)
	out, err := WriteResultsHTML(pooled(t, d))
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	checkSelfContained(t, s)
	for _, want := range []string{"Class results", "12 responses", "too few to show", "83% (10 of 12)", "Round 2, after discussion", "Answered"} {
		if !strings.Contains(s, want) {
			t.Errorf("results page lacks %q", want)
		}
	}
}

func TestCitationsForRole(t *testing.T) {
	d := testDeck(t)
	texts := func(cs []Cited) string {
		var out []string
		for _, c := range cs {
			out = append(out, c.Source.ID+"/"+fmt.Sprint(int(c.Tier)))
		}
		return strings.Join(out, " ")
	}
	cites := d.Scenarios[0].Cite
	tests := map[string]string{
		"doctor": "REG-GMC/1 PROF-DOC/2 LAW-1/3 EV-1/4",
		"nurse":  "REG-NMC/1 LAW-1/3 EV-1/4 OLD/5",
		"":       "LAW-1/3 EV-1/4",
		"nobody": "LAW-1/3 EV-1/4",
	}
	for role, want := range tests {
		if got := texts(ForRole(d.Pack, cites, role)); got != want {
			t.Errorf("role %q sees %s, want %s", role, got, want)
		}
	}
	doc := ForRole(d.Pack, cites, "doctor")
	if doc[0].Text != "General Medical Council, Social media guidance (2024), paras 9, 14" {
		t.Errorf("GMC citation reads %q", doc[0].Text)
	}
	if got := StudentTierLabel(d.Pack, checklist.TierRegulator, "gmc"); got != "Your regulator (GMC)" {
		t.Errorf("tier label %q", got)
	}
}
