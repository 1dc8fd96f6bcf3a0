package teach

import (
	"errors"
	"regexp"
	"strings"
	"testing"
)

// prefix returns a copy of s with only the first n slots answered, as the
// student had it after n rounds.
func prefix(d *Deck, s Submission, n int) Submission {
	c := s.Clone()
	c.Answers = map[string]Answer{}
	for i, sl := range d.slots() {
		if i >= n {
			break
		}
		a := c.Answers[sl.q.ID]
		sl.set(&a, sl.get(s.Answers[sl.q.ID]))
		c.Answers[sl.q.ID] = a
	}
	return c
}

func TestAnswerCodeRoundTrip(t *testing.T) {
	d := testDeck(t)
	sess := session(t, d, "s")
	s := fullSubmission(t, d, sess, "id", func(q Question, r int) int { return q.Choices - r + 1 })
	shape := regexp.MustCompile(`^PS(-[` + Alphabet + `]{4})*-[` + Alphabet + `]{1,4}$`)
	slots := len(d.slots())
	for n := 0; n <= slots; n++ {
		want := prefix(d, s, n)
		code, err := EncodeAnswerCode(d, want)
		if err != nil {
			t.Fatal(err)
		}
		if !shape.MatchString(code) {
			t.Errorf("code %q is not grouped as PS-XXXX-…", code)
		}
		got, err := DecodeAnswerCode(d, code)
		if err != nil {
			t.Fatalf("after %d slots, %s: %v", n, code, err)
		}
		if got.Session != sess || got.Student() != s.Student() || !got.FromCode() {
			t.Errorf("decoded %+v (student %s), want session %s student %s", got, got.Student(), sess, s.Student())
		}
		for _, q := range d.Questions() {
			w, g := want.Answers[q.ID], got.Answers[q.ID]
			w.Confidence = 0 // codes do not carry confidence
			if w != g {
				t.Errorf("after %d slots, %s: got %+v, want %+v", n, q.ID, g, w)
			}
		}
		// Case and spacing do not matter to a person retyping it.
		if again, err := DecodeAnswerCode(d, " "+strings.ToLower(code)+" "); err != nil || again.ID != got.ID {
			t.Errorf("lower-case copy: %v", err)
		}
	}
	full, _ := EncodeAnswerCode(d, s)
	if n := len(full); n > 40 {
		t.Errorf("a full code for a 5-question deck is %d characters: %s", n, full)
	}
}

func TestAnswerCodeIDs(t *testing.T) {
	d := testDeck(t)
	s := fullSubmission(t, d, session(t, d, "s"), "id", first)
	code, _ := EncodeAnswerCode(d, s)
	a, _ := DecodeAnswerCode(d, code)
	b, _ := DecodeAnswerCode(d, code)
	if a.ID != b.ID || !isHex(a.ID, 32) {
		t.Errorf("the same code gave ids %q and %q", a.ID, b.ID)
	}
	early, _ := EncodeAnswerCode(d, prefix(d, s, 1))
	c, _ := DecodeAnswerCode(d, early)
	if c.ID == a.ID {
		t.Error("codes with different answers share an id")
	}
	if c.Student() != a.Student() || c.Student() != s.Student() {
		t.Error("a student's codes and file do not share a student token")
	}
	other := fullSubmission(t, d, s.Session, "other", first)
	if other.Student() == s.Student() {
		t.Error("two students share a token")
	}
}

func TestAnswerCodeRefuses(t *testing.T) {
	d := testDeck(t)
	s := fullSubmission(t, d, session(t, d, "s"), "id", first)
	code, _ := EncodeAnswerCode(d, s)
	body := strings.ReplaceAll(code, "-", "")[2:]
	flip := func(i int) string {
		b := []byte(body)
		b[i] = Alphabet[(strings.IndexByte(Alphabet, b[i])+1)%base]
		return "PS" + string(b)
	}
	tests := map[string]string{
		"empty":            "",
		"no prefix":        body,
		"cut short":        code[:len(code)-3],
		"extra character":  code + "A",
		"look-alike":       strings.Replace(code, "-", "-0", 1),
		"session typo":     flip(0),
		"student changed":  flip(SessionCodeLen),
		"count changed":    flip(SessionCodeLen + studentLen + 1),
		"payload changed":  flip(codeHeader),
		"check changed":    flip(len(body) - 1),
		"only the prefix":  "PS-",
		"very long":        "PS-" + strings.Repeat("A", 5000),
		"too many slots":   "PS" + body[:SessionCodeLen+studentLen] + "YY" + body[codeHeader:],
		"header and check": "PS" + body[:codeHeader] + "AAA",
	}
	for name, in := range tests {
		_, err := DecodeAnswerCode(d, in)
		if !errors.Is(err, ErrTypo) {
			t.Errorf("%s: %q gave %v, want a typo", name, in, err)
		}
	}
	if _, err := DecodeAnswerCode(otherDeck(t), code); !errors.Is(err, ErrOtherDeck) && !errors.Is(err, ErrTypo) {
		t.Errorf("another deck: %v", err)
	}
}

// TestAnswerCodeOtherDeck: a code whose session belongs to another deck
// says so, so the facilitator knows to compare pressend versions.
func TestAnswerCodeOtherDeck(t *testing.T) {
	a, b := testDeck(t), otherDeck(t)
	rnd := newRand("codes")
	other := 0
	for range 200 {
		sess, _ := NewSessionCode(a, rnd)
		s := fullSubmission(t, a, sess, sess, first)
		code, _ := EncodeAnswerCode(a, s)
		_, err := DecodeAnswerCode(b, code)
		switch {
		case err == nil:
			t.Fatalf("%s for another deck was accepted", code)
		case errors.Is(err, ErrOtherDeck):
			other++
		}
	}
	if other < 190 {
		t.Errorf("only %d of 200 codes for another deck were reported as such", other)
	}
}

func TestFindAnswerCodes(t *testing.T) {
	d := testDeck(t)
	s := fullSubmission(t, d, session(t, d, "s"), "id", first)
	full, _ := EncodeAnswerCode(d, s)
	early, _ := EncodeAnswerCode(d, prefix(d, s, 1))
	chat := strings.Join([]string{
		"10:01 Sam: hi all, can everyone hear me?",
		"10:02 Student 4: " + full + " (that's mine)",
		"10:02 Student 7: here you go:" + strings.ToLower(early) + ".",
		"10:03 Student 9: tips-ACDE and PSX-ACDE are not codes, nor is APS-ACDE",
		"10:04 Student 2: " + early + " " + full,
		"PS: thanks everyone!",
	}, "\n")
	got := FindAnswerCodes(chat)
	want := []Found{{2, full}, {3, strings.ToLower(early)}, {5, early}, {5, full}}
	if len(got) != len(want) {
		t.Fatalf("found %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("code %d: %v, want %v", i, got[i], want[i])
		}
	}
	if s := got[0].String(); !strings.HasPrefix(s, "line 2 (PS-") {
		t.Errorf("found code described as %q", s)
	}
}
