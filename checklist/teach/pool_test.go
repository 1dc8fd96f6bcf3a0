package teach

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func encode(t testing.TB, s Submission) []byte {
	t.Helper()
	b, err := s.Encode()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func round(r *Results, id string, n int) Round {
	q, _ := r.Result(id)
	return q.Rounds[n-1]
}

func counts(rd Round) []string {
	var out []string
	for _, c := range rd.Counts {
		if c.Suppressed {
			out = append(out, "-")
		} else {
			out = append(out, fmt.Sprint(*c.Count))
		}
	}
	return out
}

func TestPoolRejects(t *testing.T) {
	d := testDeck(t)
	sess := session(t, d, "mine")
	p, err := NewPool(d, "")
	if err != nil {
		t.Fatal(err)
	}
	var files [][]byte
	for i := range 6 {
		files = append(files, encode(t, fullSubmission(t, d, sess, fmt.Sprint("student", i), first)))
	}
	for i, f := range files {
		if err := p.AddFile(fmt.Sprintf("s%d.json", i), f); err != nil {
			t.Fatalf("student %d refused: %v", i, err)
		}
	}
	if code, from := p.Session(); code != sess || from != "s0.json" {
		t.Errorf("session %s from %s, want %s from s0.json", code, from, sess)
	}
	other := otherDeck(t)
	otherSess := session(t, other, "theirs")
	rejects := map[string][]byte{
		"dup.json":       files[2],
		"session.json":   encode(t, fullSubmission(t, d, session(t, d, "another"), "x", first)),
		"deck.json":      encode(t, fullSubmission(t, other, otherSess, "y", first)),
		"malformed.json": []byte(`{"format":"pressend.teach.answers/v1"`),
		"results.json":   []byte(`{"format":"pressend.teach.results/v1"}`),
		"range.json":     []byte(strings.Replace(string(files[0]), `"round1": 1`, `"round1": 9`, 1)),
	}
	wantReason := map[string]string{
		"dup.json": "duplicate of s2.json", "session.json": "another session", "deck.json": "different version of the teaching deck",
		"malformed.json": "not a pressend teaching file", "results.json": "pooled class results", "range.json": "not between 1 and",
	}
	for name, data := range rejects {
		if err := p.AddFile(name, data); err == nil || !strings.HasPrefix(err.Error(), name+": ") {
			t.Errorf("%s: %v", name, err)
		}
	}
	if p.Responses() != 6 {
		t.Errorf("%d responses, want 6", p.Responses())
	}
	got := map[string]string{}
	for _, r := range p.Rejected() {
		got[r.File] = r.Reason
	}
	for name, want := range wantReason {
		if !strings.Contains(got[name], want) {
			t.Errorf("%s rejected with %q, want it to mention %q", name, got[name], want)
		}
	}
	if _, err := NewPool(d, "AAAAAA"); err == nil {
		t.Error("a mistyped --session was accepted")
	}
}

// TestPoolKeepsTheFullerCopy: a copy of a file taken mid-session and the
// final file share an id; the final one counts whichever is read first.
func TestPoolKeepsTheFullerCopy(t *testing.T) {
	d := testDeck(t)
	sess := session(t, d, "s")
	full := fullSubmission(t, d, sess, "one", first)
	early := prefix(d, full, 2)
	for _, order := range [][]string{{"early", "final"}, {"final", "early"}} {
		p, _ := NewPool(d, sess)
		for _, name := range order {
			s := full
			if name == "early" {
				s = early
			}
			p.AddFile(name+".json", encode(t, s))
		}
		rj := p.Rejected()
		if p.Responses() != 1 || len(rj) != 1 || rj[0].File != "early.json" || !strings.Contains(rj[0].Reason, "duplicate") {
			t.Errorf("order %v: %d responses, rejected %+v", order, p.Responses(), rj)
		}
		kc, _ := d.Question("kc.ads")
		if got := p.tally(kc, 1); !slices.Equal(got, []int{1, 0}) {
			t.Errorf("order %v: the final copy's last answer is not counted", order)
		}
	}
}

// TestPoolFileAfterItsCode: a mid-session copy of a file is superseded by
// the student's final code; the final file, arriving last with the same
// id as that copy, still counts (once), and the same copy again is a
// duplicate.
func TestPoolFileAfterItsCode(t *testing.T) {
	d := testDeck(t)
	sess := session(t, d, "s")
	full := fullSubmission(t, d, sess, "one", first)
	code, _ := EncodeAnswerCode(d, full)
	p, _ := NewPool(d, sess)
	p.AddCode("code", code)
	p.AddFile("early.json", encode(t, prefix(d, full, 2)))
	p.AddFile("early-again.json", encode(t, prefix(d, full, 2)))
	p.AddFile("final.json", encode(t, full))
	if p.Responses() != 1 {
		t.Errorf("%d responses, want 1", p.Responses())
	}
	if rj := p.Rejected(); len(rj) != 1 || rj[0].File != "early-again.json" {
		t.Errorf("rejected %+v, want only the repeated copy", rj)
	}
	var sup []string
	for _, s := range p.Superseded() {
		sup = append(sup, s.File)
	}
	if !slices.Equal(sup, []string{"early.json", "code"}) {
		t.Errorf("superseded %v, want the early copy, then the code (the file holds confidences too)", sup)
	}
}

func TestPoolGivenSession(t *testing.T) {
	d := testDeck(t)
	want, other := session(t, d, "want"), session(t, d, "other")
	p, err := NewPool(d, strings.ToLower(FormatSessionCode(want)))
	if err != nil {
		t.Fatal(err)
	}
	p.AddFile("other.json", encode(t, fullSubmission(t, d, other, "o", first)))
	p.AddFile("mine.json", encode(t, fullSubmission(t, d, want, "m", first)))
	if code, from := p.Session(); code != want || from != "" || p.Responses() != 1 {
		t.Errorf("session %s from %q, %d responses", code, from, p.Responses())
	}
}

func TestSuppress(t *testing.T) {
	tests := []struct {
		counts []int
		want   string
	}{
		{[]int{10, 10, 10}, "..."},
		{[]int{4, 10, 10}, "xx."},    // one hidden → the next smallest too
		{[]int{4, 12, 10}, "x.x"},    // the smallest other, not the next in line
		{[]int{3, 4, 30, 9}, "xx.."}, // two hidden: no extra needed
		{[]int{0, 40}, "xx"},         // even a zero: a 2-way split shows everything
		{[]int{5, 5}, ".."},          // exactly the minimum is shown
		{[]int{0, 0, 0}, "xxx"},
		{[]int{2}, "x"},
	}
	for _, tt := range tests {
		got := ""
		for _, h := range Suppress(tt.counts, 5) {
			if h {
				got += "x"
			} else {
				got += "."
			}
		}
		if got != tt.want {
			t.Errorf("Suppress(%v) = %s, want %s", tt.counts, got, tt.want)
		}
	}
	for _, tt := range []struct{ c, t, want int }{{1, 3, 33}, {2, 3, 67}, {1, 8, 13}, {0, 0, 0}, {7, 20, 35}, {20, 20, 100}} {
		if got := Percent(tt.c, tt.t); got != tt.want {
			t.Errorf("Percent(%d, %d) = %d, want %d", tt.c, tt.t, got, tt.want)
		}
	}
}

// TestResultsNeverShowSmallCounts builds a class where some options have
// few answers and checks that no suppressed number reaches the JSON.
func TestResultsNeverShowSmallCounts(t *testing.T) {
	d := testDeck(t)
	sess := session(t, d, "s")
	p, _ := NewPool(d, sess)
	// 20 students: round 1 of rant 3×A, 10×B, 7×C; round 2 all C except one D.
	for i := range 20 {
		pick := func(q Question, r int) int {
			if q.ID != "rant" {
				return 1
			}
			if r == 2 {
				return map[bool]int{true: 4, false: 3}[i == 0]
			}
			switch {
			case i < 3:
				return 1
			case i < 13:
				return 2
			}
			return 3
		}
		p.AddSubmission(fmt.Sprint("s", i), fullSubmission(t, d, sess, fmt.Sprint(i), pick))
	}
	r := p.Results(DefaultMinCount)
	if r.Responses != 20 || r.Session != sess || r.Deck.Hash != d.Hash || r.MinCount != 5 {
		t.Errorf("header %+v", r)
	}
	if got := counts(round(r, "rant", 1)); !slices.Equal(got, []string{"-", "10", "7", "-"}) {
		t.Errorf("rant round 1 = %v", got)
	}
	if got := counts(round(r, "rant", 2)); !slices.Equal(got, []string{"-", "-", "19", "-"}) {
		t.Errorf("rant round 2 = %v", got)
	}
	if rd := round(r, "rant", 1); rd.Total != 20 || *rd.Counts[1].Percent != 50 {
		t.Errorf("total %d, B %d%%", rd.Total, *rd.Counts[1].Percent)
	}
	if len(r.Checks) != 2 || len(r.Checks[0].Rounds) != 1 || r.Checks[0].Type != "check" || r.Checks[0].Best != 2 {
		t.Errorf("checks %+v", r.Checks)
	}
	data, _ := r.Encode()
	var v struct {
		Scenarios []struct {
			Rounds []struct {
				Counts []map[string]any
			}
		}
		Rejected []any
	}
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	c := v.Scenarios[0].Rounds[0].Counts[0]
	if c["count"] != nil || c["percent"] != nil || c["suppressed"] != true {
		t.Errorf("suppressed cell in JSON: %v", c)
	}
	if v.Rejected == nil {
		t.Error("rejected is null, want an empty list")
	}
	if CountText(round(r, "rant", 1).Counts[0], 20) != TooFew || CountText(round(r, "rant", 1).Counts[2], 20) != "35% (7 of 20)" {
		t.Error("CountText wording")
	}
	back, err := ParseResults(d, data)
	if err != nil || back.Responses != 20 {
		t.Errorf("results did not read back: %v", err)
	}
	if _, err := ParseResults(otherDeck(t), data); err == nil || !strings.Contains(err.Error(), "another version") {
		t.Errorf("results for another deck: %v", err)
	}
}

func TestPoolSupersedesEarlierCodes(t *testing.T) {
	d := testDeck(t)
	sess := session(t, d, "s")
	p, _ := NewPool(d, sess)
	alice := fullSubmission(t, d, sess, "alice", first)
	bob := fullSubmission(t, d, sess, "bob", func(q Question, r int) int { return 2 })
	code := func(s Submission, n int) string {
		c, err := EncodeAnswerCode(d, prefix(d, s, n))
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	// Bob's later code arrives before his earlier one; Alice's file comes
	// after her codes; one code is pasted twice.
	p.AddCode("a1", code(alice, 1))
	p.AddCode("b3", code(bob, 3))
	p.AddCode("b1", code(bob, 1))
	p.AddCode("a2", code(alice, 2))
	p.AddCode("a2 again", code(alice, 2))
	p.AddFile("alice.json", encode(t, alice))
	p.AddCode("a-final", code(alice, len(d.slots())))
	if p.Responses() != 2 {
		t.Errorf("%d responses, want 2 (Alice and Bob)", p.Responses())
	}
	sup := map[string]bool{}
	for _, s := range p.Superseded() {
		sup[s.File] = true
	}
	for _, name := range []string{"a1", "b1", "a2", "a-final"} {
		if !sup[name] {
			t.Errorf("%s was not superseded: %v", name, p.Superseded())
		}
	}
	if rj := p.Rejected(); len(rj) != 1 || rj[0].File != "a2 again" || !strings.Contains(rj[0].Reason, "duplicate") {
		t.Errorf("rejected %v, want the repeated code as a duplicate", rj)
	}
	r := p.Results(1)
	if got := counts(round(r, "rant", 2)); !slices.Equal(got, []string{"1", "1", "-", "-"}) {
		t.Errorf("rant round 2 = %v: Alice's file (A) and Bob's code (B) should count once each", got)
	}
	// Two students with the same token but different answers both count.
	p2, _ := NewPool(d, sess)
	carol := prefix(d, bob, 1)
	carol.Answers["rant"] = Answer{Round1: 4}
	carol.ID, carol.student = strings.Repeat("c", 32), bob.Student()
	p2.AddSubmission("bob", prefix(d, bob, 1))
	p2.AddSubmission("carol", carol)
	if p2.Responses() != 2 {
		t.Errorf("disagreeing answers with one token: %d responses, want 2", p2.Responses())
	}
}

func TestPoolHands(t *testing.T) {
	d := testDeck(t)
	sess := session(t, d, "s")
	h, _ := NewHands(d, sess, newRand("h"))
	if err := h.Set(d, "rant", 1, []int{3, 10, 12, 5}); err != nil {
		t.Fatal(err)
	}
	if err := h.Set(d, "kc.ads", 1, []int{20, 2}); err != nil {
		t.Fatal(err)
	}
	for name, err := range map[string]error{
		"wrong length": h.Set(d, "rant", 2, []int{1, 2}),
		"negative":     h.Set(d, "rant", 2, []int{1, 2, -3, 4}),
		"check rd 2":   h.Set(d, "kc.ads", 2, []int{1, 2}),
		"unknown":      h.Set(d, "nope", 1, []int{1}),
		"round 3":      h.Set(d, "rant", 3, []int{1, 2, 3, 4}),
		"huge":         h.Set(d, "rant", 2, []int{1, 2, 3, MaxHandCount + 1}),
	} {
		if err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	data, _ := h.Encode()
	p, _ := NewPool(d, "")
	p.AddFile("student.json", encode(t, fullSubmission(t, d, sess, "st", first)))
	if err := p.AddFile("hands.json", data); err != nil {
		t.Fatal(err)
	}
	if err := p.AddFile("hands-again.json", data); err == nil {
		t.Error("the same show of hands was counted twice")
	}
	bad := strings.Replace(string(data), `"round1": [`, `"round1": [-`, 1)
	if err := p.AddFile("bad-hands.json", []byte(bad)); err == nil {
		t.Error("a negative count was accepted")
	}
	r := p.Results(1)
	if got := counts(round(r, "rant", 1)); !slices.Equal(got, []string{"4", "10", "12", "5"}) {
		t.Errorf("rant round 1 = %v", got)
	}
	if r.Responses != 1 || r.Hands != 1 {
		t.Errorf("responses %d, hands %d", r.Responses, r.Hands)
	}
	if rd := MakeRound(d.Questions()[0], 1, []int{3, 10, 12, 5}, 5); rd.Total != 30 || !rd.Counts[0].Suppressed {
		t.Errorf("MakeRound = %+v", rd)
	}
}

func TestPoolPathsAndPaste(t *testing.T) {
	d := testDeck(t)
	sess := session(t, d, "s")
	dir := t.TempDir()
	for i := range 3 {
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("pressend-answers-%d.json", i)), encode(t, fullSubmission(t, d, sess, fmt.Sprint(i), first)), 0o600)
	}
	os.WriteFile(filepath.Join(dir, ".pressend-answers-9.json.tmp-1"), []byte("partial"), 0o600)
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("not json"), 0o600)
	os.WriteFile(filepath.Join(dir, "big.json"), make([]byte, maxFileSize+10), 0o600)
	os.Mkdir(filepath.Join(dir, "sub.json"), 0o700)
	p, _ := NewPool(d, "")
	p.AddPath(dir)
	p.AddPath(filepath.Join(dir, "missing.json"))
	if p.Responses() != 3 {
		t.Errorf("%d responses, want 3", p.Responses())
	}
	if rj := p.Rejected(); len(rj) != 2 || !strings.Contains(rj[0].Reason, "too large") || !strings.Contains(rj[1].Reason, "cannot read") {
		t.Errorf("rejected %v", rj)
	}
	s := fullSubmission(t, d, sess, "paste", first)
	code, _ := EncodeAnswerCode(d, s)
	broken := code[:len(code)-1] + string(Alphabet[(strings.IndexByte(Alphabet, code[len(code)-1])+1)%base])
	n := p.AddPaste("stdin", "Zoom chat\nme: "+code+"\nyou: "+broken+"\nPS thanks\n")
	if n != 2 || p.Responses() != 4 {
		t.Errorf("found %d codes, %d responses", n, p.Responses())
	}
	last := p.Rejected()[len(p.Rejected())-1]
	if !strings.HasPrefix(last.File, "stdin line 3") || !strings.Contains(last.Reason, "damaged or mistyped") {
		t.Errorf("broken code rejected as %+v", last)
	}
}
