package display

import (
	"testing"

	"github.com/pressend/pressend/checklist"
)

// TestClassify: how a row moved between rounds. "Unsure" or skipped is
// never counted as fixed, and a kept risk after a safe answer is worse.
func TestClassify(t *testing.T) {
	Y, N, U, X, A := checklist.Yes, checklist.No, checklist.Unsure, checklist.NotApplies, checklist.Accepted
	for _, c := range []struct {
		from, to checklist.State
		had      bool
		want     string
	}{
		{N, Y, true, ChangeFixed},
		{U, Y, true, ChangeFixed},
		{N, U, true, ChangeOther},
		{U, N, true, ChangeOther},
		{Y, N, true, ChangeWorse},
		{Y, U, true, ChangeWorse},
		{X, N, true, ChangeWorse},
		{Y, A, true, ChangeWorse},
		{N, N, true, ChangeUnchanged},
		{"", Y, false, ChangeNew},
	} {
		if got := classify(c.from, c.to, c.had); got != c.want {
			t.Errorf("%q → %q (had %v): %s, want %s", c.from, c.to, c.had, got, c.want)
		}
	}
}

// TestNotesMasking: screen-share safety hides both kinds of note and
// counts them; adviser notes appear only when asked for.
func TestNotesMasking(t *testing.T) {
	for _, c := range []struct {
		o           Options
		shared, adv string
		hidden      int
	}{
		{Options{}, "shared", "", 0},
		{Options{AdviserNotes: true}, "shared", "private", 0},
		{Options{ShareSafe: true}, "", "", 1},
		{Options{ShareSafe: true, AdviserNotes: true}, "", "", 2},
	} {
		s, a, h := notes("shared", "private", c.o)
		if s != c.shared || a != c.adv || h != c.hidden {
			t.Errorf("%+v: got %q %q %d, want %q %q %d", c.o, s, a, h, c.shared, c.adv, c.hidden)
		}
	}
}

func TestFirstSentence(t *testing.T) {
	for in, want := range map[string]string{
		"One. Two.":                 "One.",
		"Search: here. And more":    "Search:",
		"No stop":                   "No stop",
		"Version 2.0 is out. Then.": "Version 2.0 is out.",
	} {
		if got := firstSentence(in); got != want {
			t.Errorf("firstSentence(%q) = %q, want %q", in, got, want)
		}
	}
}
