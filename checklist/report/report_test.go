package report

import (
	"github.com/pressend/pressend/checklist"
	"github.com/pressend/pressend/checklist/display"

	"bytes"
	"encoding/json"
	"errors"
	"html"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

var reportNow = time.Date(2026, 3, 2, 10, 30, 0, 0, time.UTC)

// reportPack is a small pack with two sections, three platforms, citations
// for two regulators plus a general one, and an uncertain item.
func withSources(h checklist.HowTo, ids ...string) checklist.HowTo {
	h.Sources = ids
	return h
}

func reportPack() *checklist.Pack {
	how := func(verified, fallback string, steps ...string) checklist.HowTo {
		return checklist.HowTo{Steps: steps, Researched: checklist.Date(verified), Basis: checklist.BasisHelpPage, Fallback: fallback}
	}
	return &checklist.Pack{
		ID: "test", Title: "Test pack", Version: "1.2.0", Reviewed: "2026-01-15",
		Layers: []string{"test@1.2.0", "org@0.1"},
		Sources: []checklist.Source{
			{ID: "GMC-SM", Kind: checklist.SourceRegulator, Regulator: "gmc", Publisher: "GMC", Title: "Using social media as a medical professional", Year: "2024",
				URL: "https://www.gmc-uk.org/social-media", Confidence: checklist.Verified},
			{ID: "NMC-CODE", Kind: checklist.SourceRegulator, Regulator: "nmc", Publisher: "NMC", Title: "The Code", Year: "2018", Confidence: checklist.Verified},
			{ID: "DU", Kind: checklist.SourceProfessional, Roles: []string{checklist.AllRoles}, Publisher: "A defence union", Title: "Social media guide", Confidence: checklist.Secondary},
			{ID: "NEWS", Kind: checklist.SourceEvidence, Publisher: "A newspaper", Title: "Nurse struck off", Year: "2019", URL: "https://news.example/x", Confidence: checklist.Secondary},
			{ID: "FB-HELP", Kind: checklist.SourceSteps, Platform: "facebook", Publisher: "Facebook Help", Title: "Audience settings", URL: "https://www.facebook.com/help/1", Confidence: checklist.Verified},
		},
		Harms: []checklist.Harm{
			{ID: "confidentiality", Rank: 1, Title: "Patient confidentiality", Reason: "The commonest reason for discipline."},
			{ID: "discoverability", Rank: 2, Title: "How patients find you", Reason: "How contact begins."},
			{ID: "exposure", Rank: 3, Title: "Who can see your accounts", Reason: "Widens the audience."},
			{ID: "conduct", Rank: 4, Title: "Public conduct", Reason: "Posts and messages."},
		},
		Platforms: []checklist.Platform{{ID: "facebook", Name: "Facebook"}, {ID: "instagram", Name: "Instagram"}, {ID: "x", Name: "X (Twitter)"}},
		Regulators: []checklist.Regulator{
			{ID: "gmc", Name: "GMC", Full: "General Medical Council"},
			{ID: "nmc", Name: "NMC", Full: "Nursing and Midwifery Council"},
		},
		Roles: []checklist.Role{
			{ID: "doctor", Name: "Doctor", Regulator: "gmc", Clinical: true},
			{ID: "nurse", Name: "Nurse", Regulator: "nmc", Clinical: true},
		},
		Nations: []checklist.Nation{{ID: "england", Name: "England"}},
		Sections: []checklist.Section{
			{ID: "privacy", Title: "Privacy and visibility", Items: []checklist.Item{
				{
					ID: "profile-private", Question: "Is your profile visible only to people you know?",
					Harm: "exposure", Severity: checklist.Medium, RaiseIfIdentified: true, Quick: true,
					Applies: checklist.Applies{Platforms: []string{"facebook", "instagram", "x"}},
					HowTo: map[string]checklist.HowTo{
						"facebook":  withSources(how("2026-01-10", "Audience", "Menu", "Settings & privacy", "Settings", "Audience and visibility"), "FB-HELP"),
						"instagram": how("2026-01-10", "Private account", "Profile", "Menu", "Account privacy"),
						"x":         how("2025-05-01", "Protect your posts", "Settings", "Privacy and safety", "Audience and tagging"),
					},
					Action: "Set your profile to private or friends only.", Kind: checklist.KindSetting,
					Cite: []checklist.Citation{
						{Source: "GMC-SM", Para: "9", Regulators: []string{"gmc"}},
						{Source: "NMC-CODE", Para: "20.10", Regulators: []string{"nmc"}},
						{Source: "DU"},
						{Source: "NEWS"},
					},
				},
				{
					ID: "lookup-phone", Question: "Have you turned off lookup by phone number and email?",
					Harm: "discoverability", Severity: checklist.High, Applies: checklist.Applies{Platforms: []string{"facebook", "instagram"}},
					HowTo: map[string]checklist.HowTo{
						"facebook":  how("2026-01-10", "How people find you", "Settings", "How people find and contact you"),
						"instagram": how("2026-01-10", "Contacts syncing", "Accounts Center", "Your information and permissions"),
					},
					Action: "Turn off lookup by phone number and email.", Work: 3, Kind: checklist.KindSetting,
					Uncertain: "Instagram may have moved this setting in early 2026.",
					Cite:      []checklist.Citation{{Source: "GMC-SM", Para: "9", Regulators: []string{"gmc"}, Uncertain: true}},
				},
			}},
			{ID: "conduct", Title: "Posting and messaging", Items: []checklist.Item{
				{
					ID: "no-patient-info", Question: "Do you avoid posting anything that could identify a patient?",
					Harm: "confidentiality", Severity: checklist.High, Check: "Look back over a year of your posts and photos.",
					Action: "Remove any post that could identify a patient, even with the name left out.",
					Work:   30, Kind: checklist.KindTask,
					Cite: []checklist.Citation{
						{Source: "GMC-SM", Para: "18–20", Regulators: []string{"gmc"}},
						{Source: "NMC-CODE", Para: "5.1", Regulators: []string{"nmc"}},
					},
				},
				{
					ID: "declare-interests", Question: "Do you declare your interests when you recommend a product?",
					Harm: "conduct", Severity: checklist.Medium, Action: "Say when you are paid or given products.", Work: 2, Kind: checklist.KindHabit,
					Cite: []checklist.Citation{{Source: "DU"}},
				},
				{
					ID: "group-chats", Question: "Do you treat group chats as if they could become public?",
					Harm: "conduct", Severity: checklist.Low, Action: "Write in group chats as if a patient could read it.", Work: 1, Kind: checklist.KindHabit,
					Cite: []checklist.Citation{{Source: "GMC-SM", Para: "9", Regulators: []string{"gmc"}}},
				},
			}},
		},
	}
}

// reportAudit answers with every state: yes, no, unsure, not applicable,
// accepted with a reason, one unanswered, plus a note, a done action and a
// previous round to compare with.
func reportAudit(pack *checklist.Pack) *checklist.Audit {
	at := reportNow.Add(-time.Hour)
	a := checklist.NewAudit("me", pack, reportNow.AddDate(0, -1, 0))
	a.SetProfile(&checklist.Profile{
		Role: "doctor", Nation: "england", Identifies: true,
		Accounts: map[string]checklist.AccountType{"facebook": checklist.Personal, "instagram": checklist.Pseudonymous, "x": checklist.Professional},
	}, at)
	must := func(err error) {
		if err != nil {
			panic(err)
		}
	}
	must(a.SetAnswer("profile-private@facebook", checklist.No, "", at))
	must(a.SetAnswer("profile-private@instagram", checklist.Yes, "", at))
	must(a.SetAnswer("profile-private@x", checklist.Accepted, "This is my professional account: it has to be public.", at))
	must(a.SetAnswer("lookup-phone@facebook", checklist.No, "", at))
	must(a.SetAnswer("lookup-phone@instagram", checklist.No, "", at))
	must(a.SetAnswer("no-patient-info", checklist.Unsure, "", at))
	must(a.SetAnswer("declare-interests", checklist.NotApplies, "", at))
	a.SetNote("profile-private@facebook", "Ask Sam how to do this.\nFamily photos are on it.", false, at)
	a.SetNote("profile-private@instagram", "Checked from a friend's phone.", false, at)
	a.SetDone("lookup-phone@facebook", true, at)
	a.NextReview = "2026-09-01"
	a.Rounds = []checklist.Round{{Completed: reportNow.AddDate(0, -6, 0), Answers: map[string]checklist.Answer{
		"profile-private@instagram": {State: checklist.No}, "profile-private@facebook": {State: checklist.Yes}, "no-patient-info": {State: checklist.Unsure},
	}}}
	return a
}

func input(pack *checklist.Pack, a *checklist.Audit, path string) Input {
	return Input{Pack: pack, Audit: a, Now: reportNow, Path: path, ShowPath: path != "", Version: "1.0.0-test"}
}

func render(t testing.TB, format string, in Input) string {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, format, in); err != nil {
		t.Fatalf("Write(%s): %v", format, err)
	}
	return b.String()
}

// namedTB renames a test for golden.RequireEqual, which names the file
// after the test; this keeps the files at testdata/report-<format>.golden.
type namedTB struct {
	testing.TB
	name string
}

func (n namedTB) Name() string { return n.name }

// TestReportGolden pins every format's layout; regenerate with
// go test ./checklist/report -run TestReport -update and read the diff.
func TestReportGolden(t *testing.T) {
	pack := reportPack()
	in := input(pack, reportAudit(pack), "/home/sam/.local/share/pressend/audits/me.json")
	for _, f := range Formats() {
		t.Run(f, func(t *testing.T) {
			golden.RequireEqual(namedTB{t, "report-" + f}, []byte(render(t, f, in)))
		})
	}
}

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
			"Check again on 1 September 2026.", "Since last time: 1 answer moved to yes, 1 moved away from yes.",
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
				"Since last time: no answer has moved to or away from yes."}, []string{"Check again on"}},
		{"quick", func(_ *checklist.Pack, a *checklist.Audit) { a.Mode = checklist.Quick },
			[]string{"3 of 3 answered (quick audit)"}, []string{"lookup"}},
	} {
		for _, f := range []string{FormatText, FormatMarkdown, FormatHTML} {
			t.Run(tc.name+"/"+f, func(t *testing.T) {
				pack := reportPack()
				a := reportAudit(pack)
				tc.setup(pack, a)
				out := render(t, f, input(pack, a, ""))
				if f == FormatMarkdown {
					out = strings.ReplaceAll(out, "\\", "") // compare the words, not the escaping
				}
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

func TestWriteReportErrors(t *testing.T) {
	pack := reportPack()
	in := input(pack, reportAudit(pack), "")
	err := Write(&bytes.Buffer{}, "pdf", in)
	if err == nil || !strings.Contains(err.Error(), strings.Join(Formats(), ", ")) {
		t.Errorf("unknown format error should list the formats, got %v", err)
	}
	if err := Write(&bytes.Buffer{}, FormatText, Input{Pack: pack}); err == nil {
		t.Error("a report without an audit should fail")
	}
	boom := errors.New("disk full")
	if err := Write(failWriter{boom}, FormatText, in); !errors.Is(err, boom) {
		t.Errorf("writer error not returned: %v", err)
	}
}

type failWriter struct{ err error }

func (f failWriter) Write([]byte) (int, error) { return 0, f.err }

// jsonAt follows a dotted path ("actions.1.steps.0") through decoded JSON;
// a final "#" gives an array's length.
func jsonAt(v any, path string) any {
	for _, p := range strings.Split(path, ".") {
		switch n := v.(type) {
		case map[string]any:
			v = n[p]
		case []any:
			if p == "#" {
				return float64(len(n))
			}
			i, err := strconv.Atoi(p)
			if err != nil || i >= len(n) {
				return nil
			}
			v = n[i]
		default:
			return nil
		}
	}
	return v
}

func TestReportJSON(t *testing.T) {
	pack := reportPack()
	out := render(t, FormatJSON, input(pack, reportAudit(pack), "/data/me.json"))
	var doc any
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]any{
		"schema": display.Schema, "generator.name": "pressend", "generator.version": "1.0.0-test",
		"generated_at": "2026-03-02T10:30:00Z", "all_clear": false,
		"audit.name": "me", "audit.file": "/data/me.json", "audit.completed": "", "audit.mode": "full",
		"pack.id": "test", "pack.version": "1.2.0", "pack.layers.1": "org@0.1", "pack.old_paths.0": "x",
		"profile.role.id": "doctor", "profile.regulator.id": "gmc", "profile.nation.name": "England",
		"profile.platforms.#": 3.0, "profile.platforms.1.account": "pseudonymous", "profile.gaps.#": 0.0,
		"progress.answered": 7.0, "progress.total": 8.0, "progress.questions": 5.0, "unanswered": 1.0,
		"score.overall.band": "exposed", "score.sections.#": 2.0, "score.sections.0.id": "privacy",
		"score.sections.1.not_applicable": 1.0, "score.explanation.#": float64(len(checklist.ScoreExplanation())),
		"score.harms.0.title": "Patient confidentiality", "score.harms.#": 4.0,
		"first.key": "no-patient-info", "first.harm": "Patient confidentiality", "first.rank": 1.0,
		"open_actions": 3.0, "done_actions": 1.0, "open_minutes": 37.0,
		"actions.#": 4.0, "actions.0.key": "no-patient-info", "actions.0.state": "unsure",
		"actions.0.check": "Look back over a year of your posts and photos.", "actions.0.steps.#": 0.0,
		"actions.0.question": "Do you avoid posting anything that could identify a patient?",
		"actions.1.key":      "lookup-phone@instagram", "actions.1.uncertain.0": "Instagram may have moved this setting in early 2026.",
		"actions.1.citations.0.uncertain": true,
		"actions.2.key":                   "profile-private@facebook", "actions.2.severity": "high", "actions.2.raised": true,
		"actions.2.state": "no", "actions.2.minutes": 2.0, "actions.2.group": "5-minute fixes",
		"actions.2.steps.#": 4.0, "actions.2.steps.3": "Audience and visibility",
		"actions.2.researched": "Researched from the platform's help pages, 10 Jan 2026.", "actions.2.fallback": "Audience",
		"actions.2.note":        "Ask Sam how to do this.\nFamily photos are on it.",
		"actions.2.citations.#": 3.0, "actions.2.citations.0.source": "GMC-SM", "actions.2.citations.0.tier": "regulator",
		"actions.2.citations.0.url":    "https://www.gmc-uk.org/social-media",
		"actions.2.citations.1.source": "DU", "actions.2.citations.1.tier": "professional",
		"actions.2.citations.2.source": "NEWS", "actions.2.citations.2.tier": "evidence",
		"actions.2.step_sources.0.source": "FB-HELP", "actions.2.step_sources.0.url": "https://www.facebook.com/help/1",
		"actions.3.key": "lookup-phone@facebook", "actions.3.done": true, "actions.3.done_at": "2026-03-02T09:30:00Z",
		"accepted.#": 1.0, "accepted.0.key": "profile-private@x",
		"accepted.0.reason": "This is my professional account: it has to be public.",
		"notes.#":           1.0, "notes.0.state": "yes", "notes.0.note": "Checked from a friend's phone.",
		"next_review": "2026-09-01", "since_last.to_yes": 1.0, "since_last.away_from_yes": 1.0,
		"notice": display.NotLegalAdvice,
	} {
		if got := jsonAt(doc, path); got != want {
			t.Errorf("%s = %#v, want %#v", path, got, want)
		}
	}
}

// TestReportSchemaDocumented fails when a JSON field is added without
// documenting it in REPORT-SCHEMA.md.
func TestReportSchemaDocumented(t *testing.T) {
	spec, err := os.ReadFile("REPORT-SCHEMA.md")
	if err != nil {
		t.Fatal(err)
	}
	pack := reportPack()
	var doc any
	if err := json.Unmarshal([]byte(render(t, FormatJSON, input(pack, reportAudit(pack), "x"))), &doc); err != nil {
		t.Fatal(err)
	}
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, child := range v {
				if !bytes.Contains(spec, []byte("`"+k+"`")) {
					t.Errorf("JSON field %q is not documented in REPORT-SCHEMA.md", k)
				}
				walk(child)
			}
		case []any:
			for _, child := range v {
				walk(child)
			}
		}
	}
	walk(doc)
}

// TestReportHTMLSelfContained: the page must open offline and leak nothing.
func TestReportHTMLSelfContained(t *testing.T) {
	pack := reportPack()
	in := input(pack, reportAudit(pack), "")
	in.Path = "/secret/path.json" // known, but not asked for
	out := render(t, FormatHTML, in)
	for _, bad := range []string{"<script", "src=", "<link", "@import", "url(", "/secret/path.json"} {
		if strings.Contains(out, bad) {
			t.Errorf("HTML report contains %q", bad)
		}
	}
	// Links to sources are navigation, not resources: allowed, and only to
	// web addresses.
	for _, m := range regexp.MustCompile(`href="([^"]*)"`).FindAllStringSubmatch(out, -1) {
		if !strings.HasPrefix(m[1], "https://") && !strings.HasPrefix(m[1], "http://") {
			t.Errorf("HTML report links to %q", m[1])
		}
	}
	for _, want := range []string{"@page{size:A4", "counter(page)", "<caption>", `scope="col"`, "☐"} {
		if !strings.Contains(out, want) {
			t.Errorf("HTML report lacks %q", want)
		}
	}
	if strings.Contains(out, "overflow-wrap:anywhere") {
		t.Error("overflow-wrap:anywhere splits table headers mid-word")
	}
	if !strings.Contains(out, "@media print") {
		t.Error("HTML report has no print styles")
	}
}

func TestMdEscape(t *testing.T) {
	for in, want := range map[string]string{
		"plain words":                "plain words",
		"**bold** [a](javascript:x)": `\*\*bold\*\* \[a\]\(javascript:x\)`,
		"# heading":                  `\# heading`,
		"<script>alert(1)</script>":  `&lt;script&gt;alert\(1\)&lt;/script&gt;`,
		"1. a | b ~~c~~ `d` \\":      "1\\. a \\| b \\~\\~c\\~\\~ \\`d\\` \\\\",
		"===":                        `\=\=\=`,
		"日本語 🙂 שלום":                 "日本語 🙂 שלום",
	} {
		if got := mdEscape(in); got != want {
			t.Errorf("mdEscape(%q) = %q, want %q", in, got, want)
		}
	}
}

// hostile is a note or name written to break a report: terminal escapes
// (CSI and OSC), HTML, Markdown, a bidi override, a 5,000-character word,
// emoji and CJK.
var hostile = "\x1b[31mRED\x1b]0;title\a <script>alert(1)</script> **bold** [link](javascript:x)\n# heading\n" +
	"\u202Eevil " + strings.Repeat("W", 5000) + " 👩‍⚕️🏥 医療従事者のメモ 日本語日本語日本語 مرحبا\tend"

func TestReportHostileText(t *testing.T) {
	pack := reportPack()
	// Custom packs are as untrusted as notes.
	pack.Sections[0].Items[0].Action = hostile
	pack.Platforms[0].Name = "Face\x1b[2Jbook " + strings.Repeat("長", 200)
	a := reportAudit(pack)
	a.Name = hostile
	a.SetNote("profile-private@facebook", hostile, false, reportNow)
	a.Answers["lookup-phone@instagram"] = checklist.Answer{State: checklist.Accepted, Reason: hostile, At: reportNow}
	in := input(pack, a, "/tmp/"+hostile)
	for _, f := range Formats() {
		out := render(t, f, in)
		checkClean(t, f, out)
		if f == FormatText {
			assertWidth(t, out)
		}
		if strings.Contains(out, "\u202E") {
			t.Errorf("%s: bidi override survived", f)
		}
		if (f == FormatMarkdown || f == FormatHTML) && strings.Contains(out, "<script") {
			t.Errorf("%s: <script> got through", f)
		}
		if f == FormatMarkdown {
			for _, bad := range []string{"](javascript", "\n# heading", "**bold**"} {
				if strings.Contains(out, bad) {
					t.Errorf("markdown: %q got through", bad)
				}
			}
		}
	}
}

// checkClean is the promise every format keeps whatever it is given.
func checkClean(t testing.TB, format, out string) {
	t.Helper()
	if strings.ContainsRune(out, '\x1b') {
		t.Fatalf("%s: output contains an ESC byte", format)
	}
	if !utf8.ValidString(out) {
		t.Fatalf("%s: output is not valid UTF-8", format)
	}
}

// assertWidth checks the 80-column promise of the text report.
func assertWidth(t testing.TB, out string) {
	t.Helper()
	for i, l := range strings.Split(out, "\n") {
		if w := ansi.StringWidth(l); w > textWidth {
			t.Errorf("line %d is %d cells wide: %q", i+1, w, l)
		}
		if strings.ContainsRune(l, '\t') {
			t.Errorf("line %d contains a tab", i+1)
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

func FuzzWrite(f *testing.F) {
	f.Add("me", "a note")
	f.Add(hostile, hostile)
	f.Add("\x9b31m", "\xff\xfe\x1b")
	f.Add("", "\x1b\x1b]8;;http://x\x07link\x1b]8;;\x07")
	pack := reportPack()
	f.Fuzz(func(t *testing.T, name, note string) {
		a := reportAudit(pack)
		a.Name = name
		a.SetNote("profile-private@facebook", note, false, reportNow)
		a.Answers["lookup-phone@instagram"] = checklist.Answer{State: checklist.Accepted, Reason: note, At: reportNow}
		in := input(pack, a, note)
		for _, format := range Formats() {
			var b bytes.Buffer
			if err := Write(&b, format, in); err != nil {
				t.Fatalf("%s: %v", format, err)
			}
			checkClean(t, format, b.String())
			if format == FormatText {
				assertWidth(t, b.String())
			}
		}
	})
}
