package checklist

import (
	"errors"
	"reflect"
	"slices"
	"testing"
	"time"
)

// newWalk starts a doctor's audit on X and Facebook.
func newWalk(t *testing.T) (*Pack, *Walk) {
	t.Helper()
	p := domainPack()
	a := NewAudit("me", p, t0)
	a.SetProfile(profileOf("doctor", map[string]AccountType{"x": Personal, "facebook": Personal}), t0)
	return p, NewWalk(p, a)
}

func currentKey(w *Walk) string {
	r, _ := w.Row()
	return r.Key
}

// answerAll answers every row from where the walk is, with s.
func answerAll(t *testing.T, w *Walk, s State) Step {
	t.Helper()
	for i := 0; i < 100; i++ {
		step, err := w.Answer(s, "", t0)
		if err != nil {
			t.Fatal(err)
		}
		if step == Finished {
			return step
		}
	}
	t.Fatal("the walk never finished")
	return Moved
}

func TestWalkAnswersRowsThenQuestions(t *testing.T) {
	_, w := newWalk(t)
	var seen []string
	for {
		seen = append(seen, currentKey(w))
		step, err := w.Answer(Yes, "", t0)
		if err != nil {
			t.Fatal(err)
		}
		if step == Finished {
			break
		}
	}
	want := []string{"a.general", "a.per-platform@x", "a.per-platform@facebook", "a.personal-x@x", "a.doctors", "a.clinical", "b.low"}
	if !slices.Equal(seen, want) {
		t.Fatalf("walked %v, want %v", seen, want)
	}
	a := w.Audit()
	if a.Completed == nil || len(a.Rounds) != 1 || a.NextReview != "2027-05-23" || len(a.Rounds[0].Answers) != 7 {
		t.Fatalf("not completed properly: %+v", a)
	}
}

func TestWalkBackSkipWrapAndResume(t *testing.T) {
	p, w := newWalk(t)
	w.Answer(Yes, "", t0) // a.general
	if w.Skip(t0) != Moved || currentKey(w) != "a.per-platform@facebook" {
		t.Fatalf("skip landed on %s", currentKey(w))
	}
	if !w.Back() || currentKey(w) != "a.per-platform@x" {
		t.Fatalf("back landed on %s", currentKey(w))
	}
	if !w.Back() || currentKey(w) != "a.general" {
		t.Fatalf("back to the start landed on %s", currentKey(w))
	}
	if w.Back() {
		t.Fatal("back past the first row moved")
	}
	// Answer everything but the skipped X row: the end wraps to it.
	w.Goto(1)
	w.GotoRow(1)
	for currentKey(w) != "b.low" {
		w.Answer(No, "", t0)
	}
	if step, _ := w.Answer(No, "", t0); step != Wrapped || currentKey(w) != "a.per-platform@x" {
		t.Fatalf("end of audit went to %s (%v), want the skipped row", currentKey(w), step)
	}
	// A new window resumes on the saved cursor.
	w2 := NewWalk(p, w.Audit().Clone())
	if currentKey(w2) != "a.per-platform@x" {
		t.Fatalf("resumed on %s", currentKey(w2))
	}
	if step, _ := w2.Answer(Yes, "", t0); step != Finished {
		t.Fatal("answering the last row did not finish")
	}
}

func TestWalkReadOnlyRefusesEveryChange(t *testing.T) {
	_, w := newWalk(t)
	w.ReadOnly = true
	before := w.Audit().Clone()
	if _, err := w.Answer(Yes, "", t0); !errors.Is(err, ErrReadOnly) {
		t.Errorf("answer: %v", err)
	}
	for name, err := range map[string]error{
		"note": w.SetNote("x", false, t0), "done": w.SetDone("a.general", true, t0),
		"extend": w.Extend(t0), "restart": w.Restart(t0),
	} {
		if !errors.Is(err, ErrReadOnly) {
			t.Errorf("%s: %v", name, err)
		}
	}
	if _, err := w.SetProfile(profileOf("nurse", nil), t0); !errors.Is(err, ErrReadOnly) {
		t.Errorf("profile: %v", err)
	}
	if !reflect.DeepEqual(before, w.Audit()) {
		t.Error("a read-only walk changed the audit")
	}
}

// TestRestartKeepsLastPlanAndAcceptedRisks: until the re-audit is finished
// the last completed plan stays available; accepted risks carry over with
// their reasons; each row shows its previous answer.
func TestRestartKeepsLastPlanAndAcceptedRisks(t *testing.T) {
	_, w := newWalk(t)
	w.Answer(Accepted, "I need it for work", t0) // a.general
	answerAll(t, w, No)
	before := w.Eval().Plan
	if err := w.Restart(t0.Add(24 * time.Hour)); err != nil {
		t.Fatal(err)
	}
	a := w.Audit()
	if a.Completed != nil || len(a.Rounds) != 1 {
		t.Fatal("restart did not begin a new round")
	}
	if got := a.Answers["a.general"]; got.State != Accepted || got.Reason != "I need it for work" {
		t.Fatalf("accepted risk not carried over: %+v", got)
	}
	ev := w.Eval()
	if len(ev.Plan.Actions) != len(before.Actions) || !ev.Plan.Actions[0].FromLastRound || ev.Carried != 6 {
		t.Fatalf("last plan not available during the re-audit: %d actions (was %d), carried %d", len(ev.Plan.Actions), len(before.Actions), ev.Carried)
	}
	if prev, ok := w.Previous("a.per-platform@x"); !ok || prev.State != No {
		t.Fatalf("previous answer = %+v", prev)
	}
	if currentKey(w) != "a.per-platform@x" {
		t.Fatalf("re-audit starts at %s, want the first row not answered yet", currentKey(w))
	}
	// Fixing one row removes its carried action; the rest stay.
	w.Answer(Yes, "", t0.Add(25*time.Hour))
	if ev := w.Eval(); len(ev.Plan.Actions) != len(before.Actions)-1 {
		t.Fatalf("after fixing one row: %d actions", len(ev.Plan.Actions))
	}
	answerAll(t, w, Yes)
	if len(w.Audit().Rounds) != 2 || w.Eval().Plan.Open() != 0 {
		t.Fatal("the finished re-audit did not become a new round")
	}
}

// TestRestartInTheSameInstantIsANewRound: a re-audit begun at the very
// time the last round was completed (a frozen clock) is still a new round
// when finished, not the old one overwritten.
func TestRestartInTheSameInstantIsANewRound(t *testing.T) {
	_, w := newWalk(t)
	answerAll(t, w, No)
	if err := w.Restart(t0); err != nil {
		t.Fatal(err)
	}
	answerAll(t, w, Yes)
	if n := len(w.Audit().Rounds); n != 2 {
		t.Fatalf("%d rounds after a re-audit in the same instant, want 2", n)
	}
	if last, ok := w.Audit().LastRound(); !ok || last.Answers["a.general"].State != No {
		t.Fatalf("the last round compared with is %+v", last)
	}
}

// TestQuickAndFullAreViewsOfOneAudit: quick answers are full answers too,
// and extending a quick audit keeps them.
func TestQuickAndFullAreViewsOfOneAudit(t *testing.T) {
	p := domainPack()
	p.Sections[0].Items[1].Quick = true
	p.Sections[1].Items[0].Quick = true
	a := NewAudit("me", p, t0)
	a.Mode = Quick
	a.SetProfile(profileOf("doctor", map[string]AccountType{"x": Personal}), t0)
	w := NewWalk(p, a)
	if n := len(w.Eval().Questions); n != 2 {
		t.Fatalf("quick audit has %d questions", n)
	}
	answerAll(t, w, No)
	if a.Completed == nil || a.Rounds[0].Mode != Quick {
		t.Fatal("quick round not completed")
	}
	if err := w.Extend(t0); err != nil {
		t.Fatal(err)
	}
	ev := w.Eval()
	if a.Mode != Full || ev.Answered != 2 || a.Completed != nil || currentKey(w) != "a.general" {
		t.Fatalf("extend: mode %s, %d answered, on %s", a.Mode, ev.Answered, currentKey(w))
	}
	answerAll(t, w, Yes)
	if len(a.Rounds) != 1 || a.Rounds[0].Mode != Full {
		t.Fatalf("extending and finishing should complete the same round: %+v", a.Rounds)
	}
}

// TestProfileChangeOnFinishedAudit: a change that adds nothing leaves the
// audit finished; one that adds questions goes to the first new one.
func TestProfileChangeOnFinishedAudit(t *testing.T) {
	_, w := newWalk(t)
	answerAll(t, w, Yes)
	more, err := w.SetProfile(profileOf("doctor", map[string]AccountType{"x": Personal}), t0)
	if err != nil || more || w.Audit().Completed == nil {
		t.Fatalf("dropping a platform reopened the audit: more=%v completed=%v", more, w.Audit().Completed)
	}
	more, _ = w.SetProfile(profileOf("doctor", map[string]AccountType{"x": Personal, "whatsapp": Personal}), t0)
	if !more || w.Audit().Completed != nil || currentKey(w) != "a.per-platform@whatsapp" {
		t.Fatalf("adding WhatsApp: more=%v, on %s", more, currentKey(w))
	}
	answerAll(t, w, Yes)
	if n := len(w.Audit().Rounds); n != 1 {
		t.Fatalf("finishing the same round again made %d rounds", n)
	}
}

// TestPlanRankedByHarm: harm rank first, then severity, then effort; done
// actions last; a mark made before a newer answer no longer counts.
func TestPlanRankedByHarm(t *testing.T) {
	p, w := newWalk(t)
	p.Sections[0].Items[1].HowTo["facebook"] = HowTo{Steps: []string{"A", "B", "C", "D"}, Action: "Facebook's own action."}
	answerAll(t, w, No)
	a := w.Audit()
	_ = a.SetAnswer("a.doctors", Unsure, "", t0)
	ev := Evaluate(p, a)
	var got []string
	for _, act := range ev.Plan.Actions {
		got = append(got, act.Row.Key)
	}
	// a.general (2 minutes with its work) and Facebook's four steps tie:
	// pack order decides.
	want := []string{"a.clinical", "a.doctors", "a.personal-x@x", "a.per-platform@x", "a.general", "a.per-platform@facebook", "b.low"}
	if !slices.Equal(got, want) {
		t.Fatalf("plan %v, want %v", got, want)
	}
	if ev.Plan.Actions[1].Text != "Check this, then if needed: do a.doctors" {
		t.Errorf("unsure action = %q", ev.Plan.Actions[1].Text)
	}
	if ev.Plan.Actions[5].Text != "Facebook's own action." {
		t.Errorf("platform action = %q", ev.Plan.Actions[5].Text)
	}
	a.SetDone("a.clinical", true, t0.Add(time.Minute))
	ev = Evaluate(p, a)
	if first, _ := ev.Plan.First(); first.Row.Key != "a.doctors" || ev.Plan.Actions[len(ev.Plan.Actions)-1].Row.Key != "a.clinical" {
		t.Fatal("the done action did not sink to the end")
	}
	_ = a.SetAnswer("a.clinical", No, "", t0.Add(time.Hour))
	if ev := Evaluate(p, a); ev.Plan.Actions[0].Row.Key != "a.clinical" || ev.Plan.Actions[0].Done {
		t.Fatal("a done mark older than the answer still counts")
	}
}
