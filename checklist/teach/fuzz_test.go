package teach

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzParseSubmission: whatever a file holds, parsing never panics, and
// anything accepted by both the parser and the deck encodes back to a file
// that parses to the same submission.
func FuzzParseSubmission(f *testing.F) {
	d := testDeck(f)
	s := fullSubmission(f, d, session(f, d, "s"), "id", first)
	good, _ := s.Encode()
	f.Add(good)
	f.Add([]byte(`{"format":"pressend.teach.answers/v1","session":"AAAAAA","deck":"000000000000","submission":"00000000000000000000000000000000","answers":{}}`))
	f.Add([]byte(`{"format":"pressend.teach.hands/v1"}`))
	f.Add([]byte(`[]`))
	f.Add([]byte(``))
	f.Fuzz(func(t *testing.T, data []byte) {
		sub, err := ParseSubmission(data)
		if err != nil {
			return
		}
		if d.Check(sub) != nil {
			return
		}
		again, err := sub.Encode()
		if err != nil {
			t.Fatal(err)
		}
		back, err := ParseSubmission(again)
		if err != nil || back.ID != sub.ID || len(back.Answers) != len(sub.Answers) {
			t.Fatalf("re-encoded file did not parse back: %v\n%s", err, again)
		}
		p, _ := NewPool(d, "")
		p.AddFile("fuzz.json", data) // must not panic whatever the session
	})
}

// FuzzDecodeAnswerCode: decoding never panics, and any code it accepts
// encodes back to a code that decodes to the same answers.
func FuzzDecodeAnswerCode(f *testing.F) {
	d := testDeck(f)
	s := fullSubmission(f, d, session(f, d, "s"), "id", first)
	code, _ := EncodeAnswerCode(d, s)
	f.Add(code)
	f.Add(strings.ToLower(code))
	f.Add("PS-")
	f.Add("PS-AAAA-AAAA-AAAA-AAAA")
	f.Add("ps-" + strings.Repeat("Y", 40))
	f.Fuzz(func(t *testing.T, in string) {
		sub, err := DecodeAnswerCode(d, in)
		if err != nil {
			return
		}
		again, err := EncodeAnswerCode(d, sub)
		if err != nil {
			t.Fatalf("accepted %q but cannot encode it: %v", in, err)
		}
		back, err := DecodeAnswerCode(d, again)
		if err != nil || back.ID != sub.ID {
			t.Fatalf("%q → %q did not decode to the same answers: %v", in, again, err)
		}
		FindAnswerCodes(in)
	})
}

// BenchmarkPool200 pools a folder of 200 students' answers files, from
// reading the folder to the suppressed results, as `teach pool` does.
func BenchmarkPool200(b *testing.B) {
	d := testDeck(b)
	sess := session(b, d, "bench")
	dir := b.TempDir()
	for i := range 200 {
		pick := func(q Question, r int) int { return (i+r)%q.Choices + 1 }
		s := fullSubmission(b, d, sess, fmt.Sprint(i), pick)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("pressend-answers-%03d.json", i)), encode(b, s), 0o600); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for b.Loop() {
		p, _ := NewPool(d, "")
		p.AddPath(dir)
		r := p.Results(DefaultMinCount)
		if r.Responses != 200 {
			b.Fatalf("%d responses", r.Responses)
		}
		if _, err := r.Encode(); err != nil {
			b.Fatal(err)
		}
	}
}
