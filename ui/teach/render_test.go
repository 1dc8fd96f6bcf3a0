package teach

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/pressend/pressend/checklist"
	"github.com/pressend/pressend/checklist/teach"
)

func testDeck(t *testing.T) *teach.Deck {
	t.Helper()
	opt := func(text string, best bool) checklist.Option {
		return checklist.Option{Text: text, Feedback: "Feedback on " + text + ".", Best: best}
	}
	pack := &checklist.Pack{
		ID: "test", Version: "1.0.0",
		Sources: []checklist.Source{
			{ID: "GMC", Kind: checklist.SourceRegulator, Regulator: "gmc", Publisher: "General Medical Council", Title: "Using social media", Year: "2024", Confidence: checklist.Verified},
			{ID: "NMC", Kind: checklist.SourceRegulator, Regulator: "nmc", Publisher: "Nursing and Midwifery Council", Title: "Social media guidance", Year: "2015", Confidence: checklist.Verified},
			{ID: "CASE", Kind: checklist.SourceEvidence, Publisher: "A tribunal", Title: "A case", Year: "2019", Confidence: checklist.Secondary},
		},
		Regulators: []checklist.Regulator{{ID: "gmc", Name: "GMC"}, {ID: "nmc", Name: "NMC"}},
		Roles:      []checklist.Role{{ID: "doctor", Name: "Doctor", Regulator: "gmc"}, {ID: "nurse", Name: "Nurse", Regulator: "nmc"}},
		Scenarios: []checklist.Scenario{
			{ID: "rant", Title: "The rant account", Story: "Dr A posts angry threads.", Question: "What should Dr A do?",
				Options:   []checklist.Option{opt("Delete it", false), opt("Explain in public", false), opt("Take advice first", true), opt("Ignore it", false)},
				Principle: "A pseudonym is not anonymity.", Placement: true,
				Cite: []checklist.Citation{{Source: "GMC", Para: "9", Regulators: []string{"gmc"}}, {Source: "NMC", Para: "Code 20.10", Regulators: []string{"nmc"}}, {Source: "CASE"}}},
			{ID: "selfie", Title: "The selfie", Type: checklist.ScenarioScale, Story: "A patient asks for a selfie.", Question: "How acceptable is it?",
				Scale: checklist.Scale{Low: "Completely unacceptable", High: "Completely acceptable"}, NoSingleAnswer: true,
				Commentary: "It depends on consent.", Principle: "Consent to a photo is not consent to a post.", Cite: []checklist.Citation{{Source: "CASE"}}},
		},
		Checks: []checklist.Check{{ID: "kc.groups", Question: "A closed group message is…",
			Options: []checklist.Option{opt("Private", false), opt("Able to become public", true)}, Cite: []checklist.Citation{{Source: "GMC", Para: "93"}}}},
	}
	d, err := teach.NewDeck(pack)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// result builds a question's results straight from counts, suppressed as
// pooling would.
func result(d *teach.Deck, id string, rounds ...[]int) teach.QuestionResult {
	q, _ := d.Question(id)
	qr := teach.QuestionResult{ID: id, Best: q.Best, Type: "choice"}
	if q.Check {
		qr.Type = "check"
	} else if q.Scale {
		qr.Type = "scale"
	}
	for i, c := range rounds {
		qr.Rounds = append(qr.Rounds, teach.MakeRound(q, i+1, c, teach.DefaultMinCount))
	}
	return qr
}

func checkWidth(t *testing.T, out string, width int) {
	t.Helper()
	for _, l := range strings.Split(strings.TrimRight(out, "\n"), "\n") {
		if w := ansi.StringWidth(l); w > width {
			t.Errorf("line is %d wide, over %d: %q", w, width, l)
		}
	}
}

func TestChartGolden(t *testing.T) {
	d := testDeck(t)
	rant := result(d, "rant", []int{3, 10, 7, 0}, []int{1, 5, 14, 0})
	for _, tt := range []struct {
		name string
		o    ChartOptions
	}{
		{"round1-56", ChartOptions{Width: 56}},
		{"revealed-56", ChartOptions{Width: 56, Reveal: true}},
		{"best-80", ChartOptions{Width: 80, Reveal: true, ShowBest: true}},
		{"narrow-drawn-at-56", ChartOptions{Width: 30, Reveal: true}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out := ansi.Strip(Chart(rant, tt.o))
			checkWidth(t, out, max(tt.o.Width, MinWidth))
			golden.RequireEqual(t, out)
		})
	}
}

func TestChartContent(t *testing.T) {
	d := testDeck(t)
	rant := result(d, "rant", []int{3, 10, 7, 0}, []int{1, 5, 14, 0})
	out := Chart(rant, ChartOptions{Width: 60, Reveal: true})
	for _, want := range []string{"C: 35% → 70%", "7 of 20", "14 of 20", "A: too few to show → too few to show"} {
		if !strings.Contains(out, want) {
			t.Errorf("chart lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "3 of 20") || strings.Contains(out, "1 of 20") || strings.Contains(out, "suggested") {
		t.Errorf("chart shows a suppressed count or the answer unasked:\n%s", out)
	}
	hidden := Chart(rant, ChartOptions{Width: 60})
	if strings.Contains(hidden, "Round 2") || strings.Contains(hidden, "→") || strings.Contains(hidden, "70%") {
		t.Errorf("round 2 shown before it was revealed:\n%s", hidden)
	}
	check := Chart(result(d, "kc.groups", []int{6, 14}), ChartOptions{Width: 60, ShowBest: true})
	if !strings.Contains(check, "B: 70%   ✓ correct answer") || !strings.Contains(check, "Answers") {
		t.Errorf("check chart:\n%s", check)
	}
	scale := Chart(result(d, "selfie", []int{5, 5, 5, 5, 5}, []int{25, 0, 0, 0, 0}), ChartOptions{Width: 60, Reveal: true, ShowBest: true})
	if !strings.Contains(scale, "3: 20% → too few to show") || strings.Contains(scale, "✓") {
		t.Errorf("scale chart:\n%s", scale)
	}
	empty := Chart(result(d, "rant", []int{0, 0, 0, 0}), ChartOptions{Width: 60})
	if !strings.Contains(empty, "A: no answers") {
		t.Errorf("empty chart:\n%s", empty)
	}
}

func TestBar(t *testing.T) {
	tests := []struct {
		count, total, width int
		want                string
	}{
		{0, 10, 10, ""},
		{10, 10, 4, "████"},
		{1, 2, 3, "█▌"},
		{1, 8, 1, "▏"},
		{3, 40, 10, "▊"},
		{4, 40, 10, "█"},
		{5, 0, 10, ""},
		{12, 10, 2, "██"},
	}
	for _, tt := range tests {
		if got := Bar(tt.count, tt.total, tt.width); got != tt.want {
			t.Errorf("Bar(%d, %d, %d) = %q, want %q", tt.count, tt.total, tt.width, got, tt.want)
		}
	}
}

func TestBigGolden(t *testing.T) {
	golden.RequireEqual(t, BigPercent(71)+"\n\n"+BigPercent(100)+"\n\n"+Big("0123456789")+"\n")
}

func TestBig(t *testing.T) {
	for _, s := range []string{"7", "35%", "100%", "1 2"} {
		lines := strings.Split(Big(s), "\n")
		if len(lines) != BigRows {
			t.Errorf("Big(%q) has %d rows", s, len(lines))
		}
		for _, l := range lines {
			if ansi.StringWidth(l) != ansi.StringWidth(lines[0]) {
				t.Errorf("Big(%q) rows differ in width", s)
			}
			if strings.Contains(l, "\x1b") {
				t.Errorf("Big(%q) uses an escape sequence", s)
			}
		}
	}
	if Big("abc") != "" || Big("") != "" {
		t.Error("characters the font lacks were drawn")
	}
	if Big("7x") != Big("7") {
		t.Error("an unknown character changed the drawing")
	}
}

func TestResultsGolden(t *testing.T) {
	d := testDeck(t)
	r := &teach.Results{Session: "ACDE34", Responses: 20, MinCount: 5, Hands: 1,
		Scenarios: []teach.QuestionResult{result(d, "rant", []int{3, 10, 7, 0}, []int{1, 5, 14, 0}), result(d, "selfie", []int{2, 8, 6, 4, 0}, []int{0, 10, 10, 0, 0})},
		Checks:    []teach.QuestionResult{result(d, "kc.groups", []int{6, 14})}}
	r.Scenarios[0].Title, r.Scenarios[1].Title, r.Checks[0].Title = "The rant account", "The selfie", "A closed group message is…"
	out := ansi.Strip(Results(r, 72))
	checkWidth(t, out, 72)
	golden.RequireEqual(t, out)
}

func TestStudentTextGolden(t *testing.T) {
	d := testDeck(t)
	qs := d.Questions()
	var b strings.Builder
	b.WriteString(ScenarioPrompt(d.Scenarios[0], qs[0], 1, 2))
	b.WriteString("\n" + ScenarioFeedback(d.Pack, d.Scenarios[0], qs[0], teach.Answer{Round1: 1, Round2: 3, Confidence: 4}, "doctor"))
	b.WriteString("\n" + ScenarioPrompt(d.Scenarios[1], qs[1], 2, 2))
	b.WriteString("\n" + ScenarioFeedback(d.Pack, d.Scenarios[1], qs[1], teach.Answer{Round1: 2, Round2: 2}, "nurse"))
	b.WriteString("\n" + CheckPrompt(d.Checks[0], qs[2], 1, 1))
	b.WriteString("\n" + CheckFeedback(d.Pack, d.Checks[0], qs[2], teach.Answer{Round1: 1}, ""))
	golden.RequireEqual(t, b.String())
}

func TestFeedbackCitesOwnRegulator(t *testing.T) {
	d := testDeck(t)
	q := d.Questions()[0]
	for role, want := range map[string]string{"doctor": "Your regulator (GMC)", "nurse": "Your regulator (NMC)"} {
		out := ScenarioFeedback(d.Pack, d.Scenarios[0], q, teach.Answer{Round1: 1}, role)
		if !strings.Contains(out, want) {
			t.Errorf("%s feedback lacks %q", role, want)
		}
		other := map[string]string{"doctor": "Nursing and Midwifery", "nurse": "General Medical"}[role]
		if strings.Contains(out, other) {
			t.Errorf("%s feedback cites another regulator:\n%s", role, out)
		}
	}
	if out := ScenarioFeedback(d.Pack, d.Scenarios[0], q, teach.Answer{Round1: 1}, ""); strings.Contains(out, "Your regulator") || !strings.Contains(out, "Cases and evidence") {
		t.Errorf("no profession should see only what is for everyone:\n%s", out)
	}
}
