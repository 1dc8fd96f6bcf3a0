package content

import (
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pressend/pressend/checklist"
	"github.com/pressend/pressend/checklist/report"
)

// TestUnionPackREADMEExample layers README.md's defence-union example on
// the embedded pack and checks that its contact and footer reach the
// member's report in every format, its override reaches the plan, and the
// summary to share carries neither.
func TestUnionPackREADMEExample(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)```yaml\n(# ~/.config/pressend/packs/example-union.yaml.*?)```").FindSubmatch(readme)
	if m == nil {
		t.Fatal("README.md has no union pack example")
	}
	base := embedded(t)
	l, probs := check("example-union.yaml", m[1], base, testNow)
	if len(probs) > 0 {
		t.Fatalf("README union example: %v", probs)
	}
	pack, err := Layer(base, l)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)
	a := checklist.NewAudit("case-0142", pack, now)
	a.SetProfile(&checklist.Profile{Role: "doctor", Nation: "england", Accounts: map[string]checklist.AccountType{"x": checklist.Personal}}, now)
	a.Adviser = &checklist.AdviserInfo{Initials: "JK"}
	a.SetAnswer("rev.criticism-plan", checklist.No, "", now)
	for _, format := range []string{report.FormatText, report.FormatMarkdown, report.FormatHTML, report.FormatJSON} {
		var b strings.Builder
		if err := report.Write(&b, format, report.Input{Pack: pack, Audit: a, Now: now, Version: "test", Member: true}); err != nil {
			t.Fatal(err)
		}
		out := strings.Join(strings.Fields(b.String()), " ")
		for _, want := range []string{"0800 000 0000", "Prepared with an Example Defence Union adviser", "call the Example Defence Union advice line"} {
			if !strings.Contains(out, want) {
				t.Errorf("%s member's report lacks %q", format, want)
			}
		}
		b.Reset()
		if err := report.Write(&b, format, report.Input{Pack: pack, Audit: a, Now: now, Version: "test", Share: true}); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(b.String(), "0800 000 0000") {
			t.Errorf("%s share summary carries the union's contact", format)
		}
	}
}
