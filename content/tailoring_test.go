package content

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/pressend/pressend/checklist"
	"github.com/pressend/pressend/checklist/display"
	"github.com/pressend/pressend/checklist/report"
)

// These tests answer whole audits for typical users and read what they
// would be shown: the plan's order, whose guidance is named, which
// platforms appear and how long it all takes.

var tailorNow = time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)

// answerAll answers every row of a profile's audit with one state.
func answerAll(pack *checklist.Pack, p *checklist.Profile, s checklist.State) *checklist.Audit {
	a := checklist.NewAudit("me", pack, tailorNow)
	a.SetProfile(p, tailorNow)
	for _, k := range checklist.Keys(checklist.Questions(pack, p, checklist.Full)) {
		_ = a.SetAnswer(k, s, "", tailorNow)
	}
	return a
}

// typicalProfiles are a dozen users across roles, nations and platforms.
func typicalProfiles() map[string]*checklist.Profile {
	withFlags := func(p *checklist.Profile, identifies, publishes bool) *checklist.Profile {
		p.Identifies, p.Publishes = identifies, publishes
		return p
	}
	support := profile("other", "england", "facebook:personal", "whatsapp:personal")
	support.PatientContact = true
	return map[string]*checklist.Profile{
		"GP":                    profile("doctor", "england", "x:pseudonymous", "facebook:personal", "whatsapp:personal"),
		"student nurse":         profile("nursing-student", "england", "instagram:personal", "tiktok:personal"),
		"NI pharmacist":         profile("pharmacy", "northern-ireland", "linkedin:professional", "x:personal"),
		"Scottish nurse":        profile("nurse", "scotland", "facebook:personal", "whatsapp:personal"),
		"Welsh dentist":         withFlags(profile("dental", "wales", "instagram:professional", "facebook:personal"), true, true),
		"medical student":       profile("medical-student", "england", "instagram:personal", "snapchat:personal", "whatsapp:personal"),
		"physio":                profile("hcpc", "england", "x:personal", "fitness:personal"),
		"PA":                    profile("pa-aa", "england", "reddit:pseudonymous", "whatsapp:personal"),
		"consultant influencer": withFlags(profile("doctor", "england", "tiktok:professional", "youtube:professional", "instagram:professional"), true, true),
		"dental student":        profile("dental-student", "wales", "instagram:personal", "tiktok:personal"),
		"pharmacy student":      profile("pharmacy-student", "england", "tiktok:personal", "whatsapp:personal"),
		"healthcare assistant":  support,
	}
}

// TestPlanStartsWithWhatHurtsMost: with every answer "no", the plan starts
// with the most serious harm that applies, and "do this first" is about
// an account the user has (or all accounts).
func TestPlanStartsWithWhatHurtsMost(t *testing.T) {
	pack := embedded(t)
	for name, p := range typicalProfiles() {
		if err := p.Validate(pack); err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		a := answerAll(pack, p, checklist.No)
		ev := checklist.Evaluate(pack, a)
		first, ok := ev.Plan.First()
		if !ok {
			t.Errorf("%s: no first action", name)
			continue
		}
		best := 1 << 30
		for _, act := range ev.Plan.Actions {
			best = min(best, act.Harm.Rank)
		}
		if first.Harm.Rank != best {
			t.Errorf("%s: do this first is about %q (rank %d), but a rank-%d harm applies", name, first.Harm.Title, first.Harm.Rank, best)
		}
		if first.Row.Platform != "" && !p.Uses(first.Row.Platform) {
			t.Errorf("%s: do this first is about %s, which they do not use", name, first.Row.Platform)
		}
		var top []string
		for i := 0; i < 3 && i < len(ev.Plan.Actions); i++ {
			top = append(top, fmt.Sprintf("%s (%s)", ev.Plan.Actions[i].Question.Item.ID, ev.Plan.Actions[i].Harm.Title))
		}
		t.Logf("%-22s top three: %s", name, strings.Join(top, "; "))
	}
}

// TestReportsNameOnlyTheUsersOwn reads the full text report of an audit
// answered "no" throughout: a nursing student is never shown the GMC or the
// BMA; a pharmacist in Northern Ireland never the GPhC; and no one is shown
// a platform they did not choose.
func TestReportsNameOnlyTheUsersOwn(t *testing.T) {
	pack := embedded(t)
	forbidden := map[string][]string{
		"student nurse":  {"GMC", "General Medical Council", "BMA", "British Medical Association"},
		"NI pharmacist":  {"GPhC", "General Pharmaceutical Council"},
		"GP":             {"NMC", "Nursing and Midwifery Council", "GDC", "HCPC"},
		"dental student": {"GMC", "BMA", "NMC"},
	}
	for name, p := range typicalProfiles() {
		a := answerAll(pack, p, checklist.No)
		var b bytes.Buffer
		if err := report.Write(&b, report.FormatText, report.Input{Pack: pack, Audit: a, Now: tailorNow}); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		for _, bad := range forbidden[name] {
			if strings.Contains(out, bad) {
				t.Errorf("%s's report names %q:\n%s", name, bad, context(out, bad))
			}
		}
		// What to do, what it is about and what is uncertain name only
		// platforms the user has (examples in "how to check" may range
		// wider, and a source's title is its title).
		r := report.Build(report.Input{Pack: pack, Audit: a, Now: tailorNow})
		for _, act := range r.Actions {
			texts := append([]string{act.Text, act.Subject}, act.Uncertain...)
			for _, pl := range pack.Platforms {
				if p.Uses(pl.ID) {
					continue
				}
				for _, w := range platformWords(pl) {
					for _, text := range texts {
						if containsWord(text, w) {
							t.Errorf("%s: action %s names %s (%q), which they do not use: %q", name, act.Key, pl.ID, w, text)
						}
					}
				}
			}
		}
	}
}

// context is the line around the first place s appears.
func context(out, s string) string {
	i := strings.Index(out, s)
	if i < 0 {
		return ""
	}
	start := strings.LastIndex(out[:i], "\n") + 1
	end := strings.Index(out[i:], "\n")
	if end < 0 {
		end = len(out) - i
	}
	return out[start : i+end]
}

// TestAuditTakesAboutFifteenMinutes: the estimate worked out from what the
// user will read stays near the welcome screen's promise.
func TestAuditTakesAboutFifteenMinutes(t *testing.T) {
	pack := embedded(t)
	for _, c := range budgetCases {
		full := display.EstimateFor(pack, c.p, checklist.Full)
		quick := display.EstimateFor(pack, c.p, checklist.Quick)
		t.Logf("%s: %d questions, %d rows, %d words, about %d minutes; quick %d questions, %d words, about %d minutes",
			c.name, full.Questions, full.Rows, full.Words, full.Minutes, quick.Questions, quick.Words, quick.Minutes)
		if full.Minutes > 16 {
			t.Errorf("%s: about %d minutes, want about 15 at most", c.name, full.Minutes)
		}
		if quick.Minutes > 5 {
			t.Errorf("%s: the quick audit takes about %d minutes, want 5 at most", c.name, quick.Minutes)
		}
	}
	lo, hi := display.TypicalMinutes(pack, checklist.Full)
	if lo < 5 || hi > 16 {
		t.Errorf("the welcome screen would promise %d to %d minutes", lo, hi)
	}
}
