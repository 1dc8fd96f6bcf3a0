package ui

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/pressend/pressend/checklist"
)

// chunkReader returns the whole input in one Read, as a pipe often does,
// to prove lineReader keeps answers from being swallowed.
type chunkReader struct{ r io.Reader }

func (c chunkReader) Read(p []byte) (int, error) { return c.r.Read(p) }

func runPlain(t *testing.T, a *checklist.Audit, st Storage, input string) (Result, string) {
	t.Helper()
	var out bytes.Buffer
	o := testOptions(a, st)
	o.Input = chunkReader{strings.NewReader(input)}
	o.Output = &out
	res, err := RunAccessible(o)
	if err != nil {
		t.Fatalf("RunAccessible: %v\n%s", err, out.String())
	}
	return res, out.String()
}

func TestAccessibleWholeAuditFromPipe(t *testing.T) {
	st := &memStore{}
	// role Doctor, nation England, tick X then finish, identifies y,
	// publishes n, page n, X account personal, then four answers.
	input := "1\n1\n1\n0\ny\nn\nn\n1\ny\nn\nu\nx\n"
	res, out := runPlain(t, nil, st, input)
	for _, want := range []string{"not legal advice", "What is your role?", "Question: Is your personal X account", "Guidance: GMC", "Audit complete"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	a := st.last()
	if a == nil || a.Completed == nil {
		t.Fatalf("audit not completed and saved:\n%s", out)
	}
	want := map[string]checklist.State{"vis.x-protected@x": checklist.Yes, "vis.lookup@x": checklist.No,
		"foot.search-yourself": checklist.Unsure, "foot.pause": checklist.NotApplies}
	for k, s := range want {
		if a.Answers[k].State != s {
			t.Errorf("%s = %q, want %q", k, a.Answers[k].State, s)
		}
	}
	if !res.ShowPlan {
		t.Error("plan not requested at the end")
	}
}

func TestAccessibleEndOfInputKeepsProgress(t *testing.T) {
	st := &memStore{}
	res, out := runPlain(t, answered(), st, "n\n")
	if !strings.Contains(out, "End of input") {
		t.Fatalf("no end-of-input message:\n%s", out)
	}
	if got := st.last().Answers["vis.x-protected@x"].State; got != checklist.No {
		t.Fatalf("first answer = %q", got)
	}
	if len(res.Audit.Answers) != 1 {
		t.Fatalf("EOF invented answers: %v", res.Audit.Answers)
	}
}

func TestAccessibleEmptyInputAnswersNothing(t *testing.T) {
	st := &memStore{}
	res, _ := runPlain(t, nil, st, "")
	if res.Audit.Profile.Complete() || len(res.Audit.Answers) != 0 {
		t.Fatalf("empty input created state: %+v", res.Audit)
	}
}

func TestAccessibleNotesReasonsAndBadInput(t *testing.T) {
	st := &memStore{}
	_, out := runPlain(t, answered(), st, "what\ne\nmy note\na\n\na\nkept on purpose\nq\n")
	if !strings.Contains(out, "Please answer") || !strings.Contains(out, "needs a reason") {
		t.Fatalf("bad input not explained:\n%s", out)
	}
	a := st.last()
	if a.Notes["vis.x-protected@x"] != "my note" {
		t.Errorf("note = %q", a.Notes["vis.x-protected@x"])
	}
	if got := a.Answers["vis.x-protected@x"]; got.State != checklist.Accepted || got.Reason != "kept on purpose" {
		t.Errorf("answer = %+v", got)
	}
}

func TestAccessibleOutOfRangeThenEOFNeverPanics(t *testing.T) {
	for _, in := range []string{"99", "99\n", "abc", "-1\n", "1\n1\n99"} {
		runPlain(t, nil, &memStore{}, in)
	}
}
