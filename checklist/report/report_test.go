package report

import (
	"github.com/pressend/pressend/checklist"

	"bytes"
	"errors"
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

// TestReportGolden pins every format's layout, for the user's report, the
// member's report and the summary to share; regenerate with
// go test ./checklist/report -run TestReportGolden -update and read the
// diff. The calendar file is the same for all three, so it is pinned once.
func TestReportGolden(t *testing.T) {
	pack := reportPack()
	in := input(pack, reportAudit(pack), "/home/sam/.local/share/pressend/audits/me.json")
	share := shareInput()
	for _, f := range Formats() {
		t.Run(f, func(t *testing.T) {
			golden.RequireEqual(namedTB{t, "report-" + f}, []byte(render(t, f, in)))
			if f == FormatICS {
				return
			}
			golden.RequireEqual(namedTB{t, "member-" + f}, []byte(render(t, f, memberCase())))
			golden.RequireEqual(namedTB{t, "share-" + f}, []byte(render(t, f, share)))
		})
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
// The promise is written out, not taken from textWidth, so that widening
// the writer cannot widen the test with it.
func assertWidth(t testing.TB, out string) {
	t.Helper()
	const promised = 78
	for i, l := range strings.Split(out, "\n") {
		if w := ansi.StringWidth(l); w > promised {
			t.Errorf("line %d is %d cells wide: %q", i+1, w, l)
		}
		if strings.ContainsRune(l, '\t') {
			t.Errorf("line %d contains a tab", i+1)
		}
	}
}
