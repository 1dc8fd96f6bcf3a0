package content

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/pressend/pressend/checklist"
)

// The teaching deck is what a facilitator puts in front of a class: enough
// scenarios for a session, the situations the seeds describe, no pattern a
// student can learn instead of the principle, and every student's own
// regulator behind the feedback.

func TestDeckCoversTheSeeds(t *testing.T) {
	pack := embedded(t)
	if n := len(pack.Scenarios); n < 16 {
		t.Errorf("%d scenarios, want at least 16", n)
	}
	ids := map[string]bool{}
	placement, scale := 0, 0
	for _, sc := range pack.Scenarios {
		ids[sc.ID] = true
		if sc.Placement {
			placement++
		}
		if sc.Kind() == checklist.ScenarioScale {
			scale++
		}
	}
	// The situations the seeds describe that the first deck lacked.
	for _, id := range []string{"colleague-complaint", "patient-abuse", "patient-filming", "advice-dm"} {
		if !ids[id] {
			t.Errorf("no scenario %q", id)
		}
	}
	if placement == 0 {
		t.Error("no scenario written for students on placement (placement: true)")
	}
	if scale == 0 {
		t.Error("no acceptability-scale scenario (type: scale)")
	}
	if n := len(pack.Checks); n < 8 || n > 10 {
		t.Errorf("knowledge check has %d items, want 8 to 10", n)
	}
}

// TestDeckHasNoTell: when the best option is always the longest, or always
// "call your defence body", students learn the pattern, not the principle.
func TestDeckHasNoTell(t *testing.T) {
	pack := embedded(t)
	withBest, longest, defence := 0, 0, 0
	for _, sc := range pack.Scenarios {
		best := -1
		for i, o := range sc.Options {
			if o.Best {
				best = i
			}
		}
		if best < 0 {
			continue
		}
		withBest++
		isLongest := true
		for i, o := range sc.Options {
			if i != best && utf8.RuneCountInString(o.Text) >= utf8.RuneCountInString(sc.Options[best].Text) {
				isLongest = false
			}
		}
		if isLongest {
			longest++
		}
		text := strings.ToLower(sc.Options[best].Text)
		for _, w := range []string{"defence", "indemnit", "mdu", "medical protection", "mddus", "union"} {
			if strings.Contains(text, w) {
				defence++
				break
			}
		}
	}
	if withBest == 0 {
		t.Fatal("no scenario has a best option")
	}
	if longest*2 > withBest {
		t.Errorf("the best option is the longest in %d of %d scenarios: vary the lengths", longest, withBest)
	}
	if defence*3 > withBest {
		t.Errorf("the best option involves a defence body or union in %d of %d scenarios: let it sometimes be something else", defence, withBest)
	}
}

// TestDeckCitesEveryStudentsRegulator: a nursing student sees the NMC, a
// dental student the GDC. Every scenario and check must give each regulator's
// students their own guidance.
func TestDeckCitesEveryStudentsRegulator(t *testing.T) {
	pack := embedded(t)
	regulators := []string{"gmc", "nmc", "hcpc", "gdc", "gphc"}
	check := func(id string, cites []checklist.Citation) {
		for _, r := range regulators {
			found := false
			for _, c := range cites {
				if s, ok := pack.Source(c.Source); ok && s.Kind == checklist.SourceRegulator && s.Regulator == r {
					found = true
				}
			}
			if !found {
				t.Errorf("%s cites no %s guidance", id, strings.ToUpper(r))
			}
		}
	}
	for _, sc := range pack.Scenarios {
		check(sc.ID, sc.Cite)
		if len(sc.Notes.TeachingPoints) == 0 {
			t.Errorf("%s has no facilitator teaching points", sc.ID)
		}
	}
	for _, c := range pack.Checks {
		check(c.ID, c.Cite)
	}
}
