package ui

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/pressend/pressend/checklist"
)

// runPlain runs accessible mode on input and returns the result and what
// it printed.
func runPlain(t *testing.T, a *checklist.Audit, st Storage, input io.Reader) (Result, string) {
	t.Helper()
	var out bytes.Buffer
	o := testOptions(a, st)
	o.Input, o.Output = input, &out
	res, err := RunAccessible(o)
	if err != nil {
		t.Fatalf("RunAccessible: %v\n%s", err, out.String())
	}
	return res, out.String()
}

// forever repeats a line without end, like `yes 1 |`.
type forever string

func (f forever) Read(p []byte) (int, error) {
	n := 0
	for n+len(f) <= len(p) {
		n += copy(p[n:], f)
	}
	return n, nil
}

// Profile: doctor (1), England (1), X and Facebook (1 2), X personal (1),
// Facebook personal (1), identifies no (2), publishes no (2), practice no (2).
const plainProfile = "1\n1\n1 2\n1\n1\n2\n2\n2\n"

func TestPlainWholeAuditFromAPipe(t *testing.T) {
	st := &memStore{}
	res, out := runPlain(t, nil, st, strings.NewReader(plainProfile+"y\nn\nu\nx\ny\n"))
	a := res.Audit
	if a.Completed == nil || len(a.Answers) != 5 || !res.ShowPlan || !res.Saved {
		t.Fatalf("not finished: %+v\n%s", a, out)
	}
	for _, want := range []string{
		"X (Twitter): Posts are public by default.", // platform notes are read out too
		"This decides whose guidance is cited.",
		"Question 2 of 4", "Answer for X (Twitter) (personal)", "Asked for each account",
		"Guidance: GMC, Using social media as a medical professional (2024), para 9",
		"How to check on X (Twitter) (personal): Settings and privacy, then Privacy and safety",
		"Audit complete.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if st.count() < 6 {
		t.Errorf("only %d saves: every answer is saved at once", st.count())
	}
}

func TestPlainEndOfInputAndStopAreTruthful(t *testing.T) {
	res, out := runPlain(t, nil, &memStore{}, strings.NewReader(plainProfile+"y\n"))
	if len(res.Audit.Answers) != 1 || !strings.Contains(out, "End of input. Your answers so far are saved.") {
		t.Fatalf("end of input:\n%s", out)
	}
	_, out = runPlain(t, nil, &memStore{}, strings.NewReader(plainProfile+"y\nq\n"))
	if !strings.Contains(out, "Stopped. Your answers so far are saved.") || strings.Contains(out, "End of input") {
		t.Fatalf("q should stop, not report end of input:\n%s", out)
	}
	o := testOptions(nil, nil)
	o.Unsaved = "--no-save was given"
	var buf bytes.Buffer
	o.Input, o.Output = strings.NewReader(plainProfile+"y\n"), &buf
	if res, _ := RunAccessible(o); res.Saved || !strings.Contains(buf.String(), "Nothing was saved") {
		t.Fatalf("an unsaved run claims to save:\n%s", buf.String())
	}
}

func TestPlainBackAndEmptyReason(t *testing.T) {
	// y, back (b), then an accept with an empty reason: the empty line
	// returns to the question and the next line is an answer, not a reason.
	res, out := runPlain(t, nil, &memStore{}, strings.NewReader(plainProfile+"y\nb\na\n\nn\n"))
	a := res.Audit
	if got := a.Answers["vis.x-protected@x"].State; got != checklist.No {
		t.Fatalf("after b the first row should be answered again: %s\n%s", got, out)
	}
	if _, ok := a.Answers["vis.lookup@x"]; ok {
		t.Fatal("the empty reason's next line was taken as an answer to a later question")
	}
}

func TestPlainEndlessInputStops(t *testing.T) {
	res, out := runPlain(t, nil, &memStore{}, forever("1\n"))
	if !strings.Contains(out, "replies in a row were not understood") {
		t.Fatalf("endless input did not stop:\n%.2000s", out)
	}
	if len(out) > 20000 {
		t.Fatalf("printed %d bytes before stopping", len(out))
	}
	if !res.Audit.Profile.Complete() {
		t.Fatal("the profile answered by 1s should be kept")
	}
}

func TestPlainFinishedAuditMenu(t *testing.T) {
	a := profiled()
	res, _ := runPlain(t, a, &memStore{}, strings.NewReader("y\ny\ny\ny\ny\n"))
	if res.Audit.Completed == nil {
		t.Fatal("setup: audit not finished")
	}
	// Review (2): change the first answer to no, then keep the rest.
	_, out := runPlain(t, a, &memStore{}, strings.NewReader("2\nn\n\n\n\n\n"))
	if a.Answers["vis.x-protected@x"].State != checklist.No || !strings.Contains(out, "Review or change my answers") {
		t.Fatalf("review did not change the answer:\n%s", out)
	}
	// General note (5), then print the plan (1).
	_, out = runPlain(t, a, &memStore{}, strings.NewReader("5\nbring the practice policy\n1\n"))
	if a.SessionNote != "bring the practice policy" || !strings.Contains(out, "General note saved.") {
		t.Fatalf("general note:\n%s", out)
	}
	// Re-audit (3), confirmed.
	_, out = runPlain(t, a, &memStore{}, strings.NewReader("3\ny\n"))
	if a.Completed != nil || !strings.Contains(out, "Your answer last time") {
		t.Fatalf("re-audit:\n%s", out)
	}
}

func TestPlainReadOnlyRefuses(t *testing.T) {
	a := profiled()
	st := &memStore{}
	var buf bytes.Buffer
	o := testOptions(a, st)
	o.ReadOnly = "open in another window"
	o.Input, o.Output = strings.NewReader("y\nq\n"), &buf
	res, _ := RunAccessible(o)
	if len(res.Audit.Answers) != 0 || st.count() != 0 || res.Saved || !strings.Contains(buf.String(), "Nothing was changed here") {
		t.Fatalf("read-only plain run:\n%s", buf.String())
	}
}
