package plain

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"strings"
	"testing"

	"github.com/pressend/pressend/checklist"
	"github.com/pressend/pressend/checklist/teach"
)

func deck(t *testing.T) *teach.Deck {
	t.Helper()
	opt := func(text string, best bool) checklist.Option {
		return checklist.Option{Text: text, Feedback: "About " + text + ".", Best: best}
	}
	d, err := teach.NewDeck(&checklist.Pack{
		ID: "test", Version: "1",
		Sources: []checklist.Source{
			{ID: "GMC", Kind: checklist.SourceRegulator, Regulator: "gmc", Publisher: "General Medical Council", Title: "Social media", Confidence: checklist.Verified},
			{ID: "NMC", Kind: checklist.SourceRegulator, Regulator: "nmc", Publisher: "Nursing and Midwifery Council", Title: "Social media", Confidence: checklist.Verified},
		},
		Regulators: []checklist.Regulator{{ID: "gmc", Name: "GMC"}, {ID: "nmc", Name: "NMC"}},
		Roles:      []checklist.Role{{ID: "doctor", Name: "Doctor", Regulator: "gmc"}, {ID: "nurse", Name: "Nurse", Regulator: "nmc"}},
		Scenarios: []checklist.Scenario{
			{ID: "rant", Title: "The rant account", Story: "A story.", Question: "What now?", Principle: "A principle.",
				Options: []checklist.Option{opt("One", false), opt("Two", true), opt("Three", false)},
				Cite:    []checklist.Citation{{Source: "GMC", Regulators: []string{"gmc"}}, {Source: "NMC", Regulators: []string{"nmc"}}}},
			{ID: "selfie", Title: "The selfie", Type: checklist.ScenarioScale, Story: "Another.", Question: "How acceptable?",
				Scale: checklist.Scale{Low: "Not at all", High: "Entirely"}, NoSingleAnswer: true, Commentary: "It depends.", Principle: "Consent."},
		},
		Checks: []checklist.Check{{ID: "kc", Question: "True or false?", Options: []checklist.Option{opt("True", true), opt("False", false)}, Cite: []checklist.Citation{{Source: "GMC"}}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

type fixedRand struct{ n byte }

func (r *fixedRand) Read(p []byte) (int, error) {
	for i := range p {
		s := sha256.Sum256([]byte{r.n})
		p[i], r.n = s[0], r.n+1
	}
	return len(p), nil
}

type session struct {
	d     *teach.Deck
	code  string
	saves []teach.Submission
	walk  *teach.Walk
}

func newSession(t *testing.T, fail error) *session {
	d := deck(t)
	code, err := teach.NewSessionCode(d, &fixedRand{})
	if err != nil {
		t.Fatal(err)
	}
	sub, _ := teach.NewSubmission(d, code, &fixedRand{7})
	s := &session{d: d, code: code}
	s.walk = teach.NewWalk(d, sub, func(x teach.Submission) error {
		if fail != nil {
			return fail
		}
		s.saves = append(s.saves, x)
		return nil
	})
	return s
}

func (s *session) run(t *testing.T, input string) (Result, string) {
	t.Helper()
	var out bytes.Buffer
	res, err := Run(Options{Deck: s.d, Walk: s.walk, Session: s.code, SavedTo: "/tmp/x.json", Input: strings.NewReader(input), Output: &out, Echo: true})
	if err != nil {
		t.Fatal(err)
	}
	return res, out.String()
}

func TestWholeSession(t *testing.T) {
	s := newSession(t, nil)
	// Doctor; rant: 1 then 2, sure 4; selfie: 5 then 3, skip; check: 1.
	res, out := s.run(t, "1\n1\n2\n4\n5\n3\n\n1\n")
	if res.Ended || res.SaveErr != nil {
		t.Errorf("result %+v", res)
	}
	got := s.walk.Submission().Answers
	want := map[string]teach.Answer{"rant": {Round1: 1, Round2: 2, Confidence: 4}, "selfie": {Round1: 5, Round2: 3}, "kc": {Round1: 1}}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s = %+v, want %+v", id, got[id], w)
		}
	}
	if len(s.saves) != 6 {
		t.Errorf("%d saves, want one per answer given (6; a skipped confidence changes nothing)", len(s.saves))
	}
	for _, w := range []string{
		"Scenario 1 of 2: The rant account", "discuss with your neighbours", "Answer code so far", "PS-",
		"Your regulator (GMC)", "Suggested answer: 2 (B).", "There is no single right answer.", "It depends.",
		"Knowledge check: 1 question", "Correct: 1 (A).", "Your final answer code", "not legal advice",
		"is not saved", "nothing about you", "/tmp/x.json",
	} {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %q", w)
		}
	}
	if strings.Contains(out, "Nursing and Midwifery Council") {
		t.Error("a doctor was shown the NMC's guidance")
	}
	// The last code carries every choice.
	codes := teach.FindAnswerCodes(out)
	last, err := teach.DecodeAnswerCode(s.d, codes[len(codes)-1].Code)
	if err != nil || last.Answers["kc"].Round1 != 1 || last.Answers["selfie"].Round2 != 3 {
		t.Errorf("final code: %v %+v", err, last.Answers)
	}
	// Two codes per scenario, plus the final one.
	if len(codes) != 5 {
		t.Errorf("%d answer codes shown, want 5", len(codes))
	}
}

func TestBadInputAsksAgain(t *testing.T) {
	s := newSession(t, nil)
	_, out := s.run(t, "nurse\n99\n2\n\nzero\n-1\n4\nb\n1\n9\nc\n\n")
	got := s.walk.Submission().Answers["rant"]
	if got != (teach.Answer{Round1: 2, Round2: 1}) {
		t.Errorf("rant = %+v", got)
	}
	if n := strings.Count(out, "Type a number from 0 to 2."); n != 2 {
		t.Errorf("profession re-asked %d times, want 2", n)
	}
	if n := strings.Count(out, "Type a number from 1 to 3."); n != 4 {
		t.Errorf("round 1 re-asked %d times, want 4 (empty, word, negative, too high)", n)
	}
	if !strings.Contains(out, "Type a number from 1 to 5, or press Enter to skip.") {
		t.Error("a letter was taken as a confidence")
	}
	if !strings.Contains(out, "Your regulator (NMC)") {
		t.Error("the nurse did not see the NMC's guidance")
	}
}

func TestEndOfInput(t *testing.T) {
	s := newSession(t, nil)
	res, out := s.run(t, "")
	if !res.Ended || !strings.Contains(out, "nothing was answered, so nothing was saved") || len(s.saves) != 0 {
		t.Errorf("empty input: %+v\n%s", res, out)
	}
	s = newSession(t, nil)
	res, out = s.run(t, "0\n3") // no newline after the last answer
	if !res.Ended || !strings.Contains(out, "your answers so far are saved") || s.walk.Submission().Answers["rant"].Round1 != 3 {
		t.Errorf("input ending mid-session: %+v\n%s", res, out)
	}
	if strings.Contains(out, "Your regulator") {
		t.Error("prefer not to say still showed a regulator")
	}
}

func TestSaveFailureCarriesOn(t *testing.T) {
	s := newSession(t, errors.New("disk full"))
	res, out := s.run(t, "1\n1\n2\n")
	if res.SaveErr == nil || !strings.Contains(out, "Not saved: disk full") || !strings.Contains(out, "answer code") {
		t.Errorf("save failure: %+v\n%s", res, out)
	}
	if s.walk.Submission().Answers["rant"].Round2 != 2 {
		t.Error("the session stopped after a failed save")
	}
}

func TestWrap(t *testing.T) {
	in := "Short line.\n  2 (B). Send the daughter a private message on Instagram to apologise and explain how the photo came about.\nA long sentence without any list marker that runs on past the edge of a narrow window."
	got := wrap(in, 40)
	want := "Short line.\n" +
		"  2 (B). Send the daughter a private\n" +
		"         message on Instagram to\n" +
		"         apologise and explain how the\n" +
		"         photo came about.\n" +
		"A long sentence without any list marker\n" +
		"that runs on past the edge of a narrow\n" +
		"window."
	if got != want {
		t.Errorf("wrap:\n%s\nwant:\n%s", got, want)
	}
	code := "  PS-ACDE-FGHJ-KMNP-QRTU-VWXY-3467-9ACD"
	if wrap(code, 30) != code {
		t.Error("an answer code was wrapped")
	}
	if wrap(in, 0) != in {
		t.Error("width 0 changed the text: screen readers want whole lines")
	}
}
