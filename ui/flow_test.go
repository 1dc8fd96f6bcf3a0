package ui

import (
	"errors"
	"strings"
	"testing"

	"github.com/pressend/pressend/checklist"
)

func TestAnswerIsSavedAtOnce(t *testing.T) {
	st := &memStore{}
	r := start(t, testOptions(profiled(), st), 80, 24)
	keys(t, r, "y")
	if st.count() != 1 || st.last().Answers["vis.x-protected@x"].State != checklist.Yes {
		t.Fatalf("answer not saved at once: %d saves", st.count())
	}
	if !strings.Contains(screenText(r), "Have you stopped people finding you") {
		t.Fatalf("did not move to the next question:\n%s", screenText(r))
	}
}

// TestReadOnlyNeverSaves counts saves: a read-only window answers
// nothing, saves nothing and never claims to have saved.
func TestReadOnlyNeverSaves(t *testing.T) {
	st := &memStore{}
	o := testOptions(profiled(), st)
	o.ReadOnly = "this audit is open in another pressend window"
	r := start(t, o, 80, 24)
	keys(t, r, "y", "n", "a", "e")
	typeText(t, r, "a note")
	keys(t, r, "enter")
	if st.count() != 0 {
		t.Fatalf("a read-only window saved %d times", st.count())
	}
	if len(r.c.audit().Answers) != 0 || len(r.c.audit().Notes) != 0 {
		t.Fatal("a read-only window changed the audit")
	}
	out := screenText(r)
	if !strings.Contains(out, "Read-only") || strings.Contains(out, "saved") {
		t.Fatalf("read-only screen:\n%s", out)
	}
	if res := r.result(); res.Saved {
		t.Fatal("a read-only run reports it saved")
	}
}

// TestSaverDropsOlderSnapshots: saves run in commands that may finish out
// of order; an older snapshot must never replace a newer one.
func TestSaverDropsOlderSnapshots(t *testing.T) {
	st := &memStore{}
	s := &serialSaver{store: st}
	newer, older := profiled(), profiled()
	newer.Updated = fixedNow.Add(2)
	older.Updated = fixedNow.Add(1)
	if err := s.save(newer); err != nil {
		t.Fatal(err)
	}
	if err := s.save(older); err != nil {
		t.Fatal(err)
	}
	if st.count() != 1 || !st.last().Updated.Equal(newer.Updated) {
		t.Fatalf("the older snapshot was written over the newer one (%d saves)", st.count())
	}
}

func TestSaveFailureIsShownAndCleared(t *testing.T) {
	st := &memStore{fail: errors.New("no space left on device")}
	r := start(t, testOptions(profiled(), st), 80, 24)
	keys(t, r, "y")
	if out := screenText(r); !strings.Contains(out, "NOT being saved") || !strings.Contains(out, "no space left") {
		t.Fatalf("failure not shown:\n%s", out)
	}
	st.fail = nil
	keys(t, r, "n")
	if strings.Contains(screenText(r), "NOT being saved") {
		t.Fatal("banner stays after a save succeeds")
	}
}

func TestAcceptNeedsReasonAndNotesAreConfirmed(t *testing.T) {
	st := &memStore{}
	r := start(t, testOptions(profiled(), st), 80, 24)
	keys(t, r, "a", "enter")
	if !strings.Contains(screenText(r), "needs a reason") {
		t.Fatal("empty reason accepted")
	}
	typeText(t, r, "my work account must be public")
	keys(t, r, "enter")
	if got := r.c.audit().Answers["vis.x-protected@x"]; got.State != checklist.Accepted || got.Reason != "my work account must be public" {
		t.Fatalf("accepted = %+v", got)
	}
	keys(t, r, "e")
	typeText(t, r, "ask Sam")
	keys(t, r, "enter")
	if !strings.Contains(screenText(r), "Note saved.") || r.c.audit().Notes["vis.lookup@x"] != "ask Sam" {
		t.Fatalf("note not confirmed:\n%s", screenText(r))
	}
	keys(t, r, "o")
	if !strings.Contains(screenText(r), "✎") {
		t.Fatalf("overview does not mark the note:\n%s", screenText(r))
	}
}

// TestNavigationStack covers the places esc used to land wrongly.
func TestNavigationStack(t *testing.T) {
	a := profiled()
	r := start(t, testOptions(a, &memStore{}), 80, 24)
	for i := 0; i < 5; i++ {
		keys(t, r, "y")
	}
	if !topIs[*results](r) || a.Completed == nil {
		t.Fatal("finishing did not show the results")
	}
	// Results → overview → esc is back on the results, not a question.
	keys(t, r, "o", "esc")
	if !topIs[*results](r) {
		t.Fatalf("esc from the overview landed on %T", r.top())
	}
	// A finished audit reopens on the menu; change profile → esc → menu.
	r2 := start(t, testOptions(a, &memStore{}), 80, 24)
	if !topIs[*menu](r2) {
		t.Fatalf("a finished audit opens on %T", r2.top())
	}
	keys(t, r2, "down", "down", "down", "enter")
	if !topIs[*profile](r2) {
		t.Fatalf("menu item 4 opened %T", r2.top())
	}
	keys(t, r2, "esc")
	if !topIs[*menu](r2) {
		t.Fatalf("esc from the profile landed on %T", r2.top())
	}
}

// TestProfileChangeKeepsAnswers drives the real form: keeping every answer
// but adding WhatsApp lands on the first new question, with every earlier
// answer kept; changing nothing on a finished audit returns to the menu.
func TestProfileChangeKeepsAnswers(t *testing.T) {
	a := profiled()
	r := start(t, testOptions(a, &memStore{}), 80, 24)
	for i := 0; i < 5; i++ {
		keys(t, r, "y")
	}
	before := len(a.Answers)
	r = start(t, testOptions(a, &memStore{}), 80, 24)
	keys(t, r, "down", "down", "down", "enter") // change your profile
	keys(t, r, "enter", "enter")                // role and nation kept
	if !strings.Contains(screenText(r), "Which platforms") {
		t.Fatalf("not on the platform page:\n%s", screenText(r))
	}
	keys(t, r, "enter")          // platforms kept
	keys(t, r, "enter", "enter") // account types kept
	keys(t, r, "enter", "enter", "enter")
	if !topIs[*menu](r) || a.Completed == nil || len(a.Answers) != before {
		t.Fatalf("an unchanged profile on a finished audit went to %T, completed %v", r.top(), a.Completed != nil)
	}
	keys(t, r, "enter", "enter", "enter")        // the menu still has "Change your profile" selected
	keys(t, r, "down", "down", "space", "enter") // tick WhatsApp
	for i := 0; i < 6 && !topIs[*question](r); i++ {
		keys(t, r, "enter")
	}
	if !topIs[*question](r) || len(a.Answers) != before {
		t.Fatalf("adding WhatsApp: on %T with %d answers (was %d)", r.top(), len(a.Answers), before)
	}
	if row, _ := r.c.walk.Row(); row.Key != "vis.lookup@whatsapp" {
		t.Fatalf("landed on %q, want the new WhatsApp row", row.Key)
	}
}

// TestReauditAsksFirstAndKeepsTheLastPlan: the menu confirms before a
// re-audit; afterwards each question shows the last answer and the plan
// of the last round stays on the results screen.
func TestReauditAsksFirstAndKeepsTheLastPlan(t *testing.T) {
	a := profiled()
	r := start(t, testOptions(a, &memStore{}), 100, 30)
	keys(t, r, "n", "n", "n", "n", "n")
	r = start(t, testOptions(a, &memStore{}), 100, 30)
	keys(t, r, "down", "down", "enter")
	if !topIs[*confirm](r) || !strings.Contains(screenText(r), "Accepted risks carry over") {
		t.Fatalf("re-audit did not ask first:\n%s", screenText(r))
	}
	keys(t, r, "n")
	if !topIs[*menu](r) || a.Completed == nil {
		t.Fatal("saying no started the re-audit anyway")
	}
	keys(t, r, "enter", "y")
	if !topIs[*question](r) || a.Completed != nil {
		t.Fatalf("re-audit did not start: %T", r.top())
	}
	if !strings.Contains(screenText(r), "last time: No") {
		t.Fatalf("previous answer not shown:\n%s", screenText(r))
	}
	keys(t, r, "r")
	out := screenText(r)
	if !strings.Contains(out, "Re-audit under way") || !strings.Contains(out, "from your last audit") {
		t.Fatalf("the last plan is not available during the re-audit:\n%s", out)
	}
}

func TestMarkDoneWithUndoAndSubjects(t *testing.T) {
	a := profiled()
	r := start(t, testOptions(a, &memStore{}), 100, 40)
	keys(t, r, "n", "n", "n", "n", "n")
	out := screenText(r)
	if !strings.Contains(out, "About: Do you keep every detail of patients out of your posts?") {
		t.Fatalf("actions lack their subject:\n%s", out)
	}
	first := r.top().(*results).order[0].Key
	keys(t, r, "d")
	if _, done := a.IsDone(first); !done || !strings.Contains(screenText(r), "Marked done") {
		t.Fatal("d did not mark the action done")
	}
	keys(t, r, "u")
	if _, done := a.IsDone(first); done {
		t.Fatal("u did not undo")
	}
}

func TestHelpAlwaysShowsHelpAndQuit(t *testing.T) {
	for _, size := range [][2]int{{60, 16}, {80, 24}} {
		r := start(t, testOptions(profiled(), &memStore{}), size[0], size[1])
		for _, k := range []string{"", "o", "r"} {
			if k != "" {
				keys(t, r, "esc", k)
			}
			lines := strings.Split(screenText(r), "\n")
			last := lines[len(lines)-1]
			if !strings.Contains(last, "? help") || !strings.Contains(last, "q quit") {
				t.Errorf("%dx%d %T: help line %q", size[0], size[1], r.top(), last)
			}
			keys(t, r, "?")
			if !strings.Contains(screenText(r), "ctrl+c") {
				t.Errorf("%dx%d %T: ? does not open the full help", size[0], size[1], r.top())
			}
			keys(t, r, "?")
		}
	}
}

func TestQuitDuringProfileSavesNothing(t *testing.T) {
	st := &memStore{}
	r := start(t, testOptions(nil, st), 80, 24)
	keys(t, r, "enter", "enter")
	keys(t, r, "ctrl+c")
	if res := r.result(); res.ShowPlan || res.Audit.Profile.Complete() {
		t.Fatalf("quitting during the profile: %+v", res)
	}
}

// TestReauditShowsEachChange: a user who finishes, re-audits with better
// answers and opens the results sees every changed row, under its kind.
func TestReauditShowsEachChange(t *testing.T) {
	a := profiled()
	r := start(t, testOptions(a, &memStore{}), 100, 60)
	keys(t, r, "n", "n", "n", "n", "n")
	r = start(t, testOptions(a, &memStore{}), 100, 60)
	keys(t, r, "down", "down", "enter", "y") // re-audit, confirmed
	keys(t, r, "y", "y", "n", "n", "y")
	if !topIs[*results](r) || a.Completed == nil {
		t.Fatalf("the re-audit did not finish on the results: %T", r.top())
	}
	out := screenText(r)
	for _, want := range []string{"Since your last audit", "Since last time: 0 answers got worse, 3 were fixed", "Fixed", "No → Yes"} {
		if !strings.Contains(out, want) {
			t.Errorf("results lack %q:\n%s", want, out)
		}
	}
	if n := strings.Count(out, "No → Yes"); n != 3 {
		t.Errorf("%d fixed rows listed, want 3:\n%s", n, out)
	}
}
