package teach

import (
	"errors"
	"testing"
)

func TestWalkOrderAndSaving(t *testing.T) {
	d := testDeck(t)
	sub, _ := NewSubmission(d, session(t, d, "s"), newRand("id"))
	var saves []Submission
	w := NewWalk(d, sub, func(s Submission) error { saves = append(saves, s); return nil })
	want := []struct {
		kind StepKind
		id   string
	}{
		{StepRound1, "rant"}, {StepRound2, "rant"}, {StepConfidence, "rant"},
		{StepRound1, "selfie"}, {StepRound2, "selfie"}, {StepConfidence, "selfie"},
		{StepRound1, "group"}, {StepRound2, "group"}, {StepConfidence, "group"},
		{StepCheck, "kc.groups"}, {StepCheck, "kc.ads"},
	}
	for i, w2 := range want {
		s, ok := w.Step()
		if !ok || s.Kind != w2.kind || s.Question.ID != w2.id {
			t.Fatalf("step %d = %+v (%v), want %v %s", i, s, ok, w2.kind, w2.id)
		}
		v := 1
		if s.Kind == StepConfidence && s.Question.ID == "selfie" {
			v = 0 // skipped
		}
		if err := w.Answer(v); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
	}
	if _, ok := w.Step(); ok {
		t.Error("the walk did not end")
	}
	if err := w.Answer(1); err == nil {
		t.Error("an answer after the end was accepted")
	}
	// One save per answer given; the skipped confidence changes nothing.
	if len(saves) != len(want)-1 {
		t.Errorf("%d saves, want %d", len(saves), len(want)-1)
	}
	got := w.Submission()
	if a := got.Answers["rant"]; a != (Answer{1, 1, 1}) {
		t.Errorf("rant = %+v", a)
	}
	if a := got.Answers["selfie"]; a.Confidence != 0 {
		t.Errorf("skipped confidence saved as %d", a.Confidence)
	}
	// Saves are copies: changing the walk later must not change them.
	if len(saves[0].Answers) != 1 {
		t.Errorf("the first save holds %d answers, want 1", len(saves[0].Answers))
	}
	if !w.Saved() {
		t.Error("Saved() is false after saving")
	}
}

func TestWalkRangeAndSaveErrors(t *testing.T) {
	d := testDeck(t)
	sub, _ := NewSubmission(d, session(t, d, "s"), newRand("id"))
	fail := errors.New("disk full")
	w := NewWalk(d, sub, func(Submission) error { return fail })
	for _, v := range []int{0, -1, 5} {
		var re *RangeError
		if err := w.Answer(v); !errors.As(err, &re) || re.Max != 4 || re.Optional {
			t.Errorf("answer %d to a 4-option question: %v", v, err)
		}
	}
	if s, _ := w.Step(); s.Kind != StepRound1 {
		t.Error("a refused answer moved the walk on")
	}
	var se *SaveError
	if err := w.Answer(2); !errors.As(err, &se) || !errors.Is(err, fail) {
		t.Errorf("a failed save gave %v", err)
	}
	if s, _ := w.Step(); s.Kind != StepRound2 {
		t.Error("a failed save stopped the walk: the student could not go on")
	}
	if w.Submission().Answers["rant"].Round1 != 2 {
		t.Error("the answer was lost when the save failed")
	}
	w.Answer(1)
	var re *RangeError
	if err := w.Answer(6); !errors.As(err, &re) || re.Max != 5 || !re.Optional {
		t.Errorf("confidence 6: %v", err)
	}
	if re.Error() != "Type a number from 1 to 5, or press Enter to skip." {
		t.Errorf("message %q", re.Error())
	}
	if w.Saved() {
		t.Error("Saved() is true though every save failed")
	}
}
