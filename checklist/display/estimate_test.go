package display

import (
	"testing"

	"github.com/pressend/pressend/checklist"
	"github.com/pressend/pressend/content"
)

// TestEstimateCountsWhatTheScreenShows: estimates build each question with
// only what ScreenWords reads; over many profiles of the real pack the
// count, rows and sections must be those of the full question screen.
func TestEstimateCountsWhatTheScreenShows(t *testing.T) {
	pack, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	types := []checklist.AccountType{checklist.Personal, checklist.Professional, checklist.Pseudonymous}
	checked := 0
	for ri, role := range pack.Roles {
		for ti := range types {
			acc := map[string]checklist.AccountType{}
			for pi, p := range pack.Platforms {
				if (pi+ri+ti)%3 != 0 { // a different third of the platforms each time
					acc[p.ID] = types[(pi+ti)%len(types)]
				}
			}
			p := &checklist.Profile{Role: role.ID, Nation: pack.Nations[(ri+ti)%len(pack.Nations)].ID, Accounts: acc,
				Identifies: ti != 1, Publishes: ri%2 == 0, PracticePage: ti == 2, PatientContact: ri%3 == 0}
			for _, mode := range []checklist.Mode{checklist.Full, checklist.Quick} {
				a := &checklist.Audit{Profile: p, Mode: mode}
				ev := checklist.Evaluate(pack, a)
				var want Estimate
				section := ""
				for i := range ev.Questions {
					q := QuestionAt(pack, a, ev, i, Options{})
					want.Questions++
					want.Rows += len(q.Rows)
					want.Words += ScreenWords(q)
					if q.SectionTitle != section {
						section = q.SectionTitle
						want.Words += checklist.Words(section)
					}
				}
				got := EstimateAudit(pack, a, ev)
				if got.Questions != want.Questions || got.Rows != want.Rows || got.Words != want.Words {
					t.Errorf("%s/%s %v: estimate counts %+v, the screens %+v", role.ID, mode, acc, got, want)
				}
				checked++
			}
		}
	}
	t.Logf("%d audits checked", checked)
}
