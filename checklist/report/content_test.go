package report

import (
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/pressend/pressend/checklist"
	"github.com/pressend/pressend/checklist/display"
)

var tagRE = regexp.MustCompile(`<[^>]*>`)

// words reduces a report to its words, without markup, escaping or line
// wrapping, so one list of phrases can be checked in every format.
func words(out string) string {
	out = strings.NewReplacer("\\", "", "**", "").Replace(tagRE.ReplaceAllString(out, ""))
	return strings.Join(strings.Fields(html.UnescapeString(out)), " ")
}

// TestReportContent checks that text, Markdown and HTML all carry the whole
// report, and that only text and Markdown show where the data is stored.
func TestReportContent(t *testing.T) {
	pack := reportPack()
	in := input(pack, reportAudit(pack), "/data/me.json")
	for _, f := range []string{FormatText, FormatMarkdown, FormatHTML} {
		out := render(t, f, in)
		got := words(out)
		for _, want := range []string{
			"pressend action plan", "2 March 2026", "test@1.2.0 + org@0.1, reviewed 15 January 2026",
			"Doctor (regulator: GMC)", "7 of 8 answered",
			"The steps for X (Twitter) were researched more than nine months ago",
			"[high] Check this, then if needed: remove any post that could identify a patient",
			"All accounts · about 31 min", "About: Do you avoid posting anything that could identify a patient?",
			"Overall: not finished (so far exposed, 13%)", display.ScoreCaveat, "How this is calculated",
			"Patient confidentiality: The commonest reason for discipline.",
			"All accounts and habits", "[high] Set your profile to private or friends only.",
			"Raised to high because you can be identified as a health professional on this account.",
			"About: Is your profile visible only to people you know?",
			"Steps: Menu → Settings & privacy → Settings → Audience and visibility",
			"Researched from the platform's help pages, 10 Jan 2026.",
			"If the settings have moved, search the app's settings for “Audience”.",
			"Uncertain: Instagram may have moved this setting", "Ask Sam how to do this. Family photos are on it.",
			"Your regulator (GMC):", "Professional guidance for your role:", "Cases and evidence (not guidance):",
			"GMC, Using social media as a medical professional (2024), para 9 [number or attribution unconfirmed]",
			"A defence union, Social media guide", "A newspaper, Nurse struck off (2019)",
			"Sources for these steps:", "Facebook Help, Audience settings",
			"Done: Turn off lookup by phone number and email. (marked done 2 March 2026)",
			"This is my professional account: it has to be public.", "Checked from a friend's phone.",
			"1 question is not answered yet. Until it is, it counts as needing action in the score.",
			"Check again on 1 September 2026.",
			"Since last time: 1 answer got worse, 1 was fixed, 0 changed otherwise, 1 is unchanged, 4 are new.",
			"Compared with the last completed audit, on 2 September 2025.",
			"Got worse", "Is your profile visible only to people you know? (Facebook): Yes → No",
			"Fixed", "Is your profile visible only to people you know? (Instagram): No → Yes",
			display.NotLegalAdvice, display.GeneratedHere,
		} {
			if !strings.Contains(got, want) {
				t.Errorf("%s report lacks %q", f, want)
			}
		}
		if strings.Contains(got, "NMC") {
			t.Errorf("%s: a doctor's report cites the NMC", f)
		}
		if n := strings.Count(got, "This is not legal advice."); n != 1 {
			t.Errorf("%s: the not-legal-advice line appears %d times, want once", f, n)
		}
		if !strings.Contains(got, "/data/me.json") {
			t.Errorf("%s: the data path was asked for (ShowPath) but is missing", f)
		}
		if f != FormatText && !strings.Contains(out, "https://www.gmc-uk.org/social-media") {
			t.Errorf("%s: the GMC guidance is not linked", f)
		}
	}
	in.ShowPath = false
	for _, f := range Formats() {
		if out := render(t, f, in); strings.Contains(out, "/data/me.json") {
			t.Errorf("%s: the data path is shown though not asked for", f)
		}
	}
	out := render(t, FormatText, in)
	assertWidth(t, out)
	fb := out[strings.Index(out, "\nFacebook\n"):strings.Index(out, "\nRisks you have accepted\n")]
	if !strings.Contains(fb, "✓ Done: Turn off lookup") || strings.Index(fb, "✓ Done") < strings.LastIndex(fb, "  [high]") {
		t.Errorf("the done action should close its platform's group:\n%s", fb)
	}
}

// TestReportScenarios checks what each kind of audit says, in every
// format that carries prose.
func TestReportScenarios(t *testing.T) {
	allYes := func(pack *checklist.Pack, a *checklist.Audit) {
		for _, k := range checklist.Keys(checklist.Questions(pack, a.Profile, checklist.Full)) {
			a.Answers[k] = checklist.Answer{State: checklist.Yes, At: reportNow}
		}
	}
	for _, tc := range []struct {
		name      string
		setup     func(*checklist.Pack, *checklist.Audit)
		want, not []string
	}{
		{"nurse", func(_ *checklist.Pack, a *checklist.Audit) { a.Profile.Role = "nurse" },
			[]string{"Your regulator (NMC):", "NMC, The Code (2018), para 20.10", "A defence union, Social media guide"},
			[]string{"GMC,", "saved on this computer at"}},
		{"all clear", allYes,
			[]string{"Nothing in this audit needs action right now", "not a guarantee"},
			[]string{"Do this first", "Actions by platform"}},
		{"no profile", func(_ *checklist.Pack, a *checklist.Audit) { a.Profile, a.Answers = nil, map[string]checklist.Answer{} },
			[]string{"No questions apply yet"},
			[]string{"Nothing in this audit needs action"}},
		{"unstarted", func(_ *checklist.Pack, a *checklist.Audit) {
			a.Answers, a.Rounds = map[string]checklist.Answer{}, nil
		},
			[]string{"Finish the audit: 8 questions are not answered yet.", "8 questions are not answered yet. Until they are"},
			[]string{"Nothing in this audit needs action", "Since last time"}},
		{"overdue and old", func(p *checklist.Pack, a *checklist.Audit) {
			p.Reviewed, a.NextReview = "2024-12-01", "2026-01-31"
			a.Rounds = []checklist.Round{{Completed: reportNow.AddDate(0, -6, 0), Answers: map[string]checklist.Answer{}}}
		},
			[]string{"Your next review was due on 31 January 2026.", "last reviewed on 1 December 2024, more than a year ago",
				"Since last time: 0 answers got worse, 0 were fixed, 0 changed otherwise, 0 are unchanged, 7 are new."},
			[]string{"Check again on", "Got worse", "Fixed"}},
		{"quick", func(_ *checklist.Pack, a *checklist.Audit) { a.Mode = checklist.Quick },
			[]string{"3 of 3 answered (quick audit)"}, []string{"lookup"}},
	} {
		for _, f := range []string{FormatText, FormatMarkdown, FormatHTML} {
			t.Run(tc.name+"/"+f, func(t *testing.T) {
				pack := reportPack()
				a := reportAudit(pack)
				tc.setup(pack, a)
				// Compare the words, not the escaping or the wrapping.
				out := words(render(t, f, input(pack, a, "")))
				for _, w := range tc.want {
					if !strings.Contains(out, w) {
						t.Errorf("lacks %q", w)
					}
				}
				for _, w := range tc.not {
					if strings.Contains(out, w) {
						t.Errorf("should not contain %q", w)
					}
				}
			})
		}
	}
}
