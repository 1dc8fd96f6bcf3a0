package teach

import (
	"errors"
	"strings"
	"testing"

	"github.com/pressend/pressend/checklist"
)

func otherDeck(t testing.TB) *Deck {
	t.Helper()
	p := testPack()
	p.Scenarios[0].Options[0].Text = "Delete it tonight"
	d, err := NewDeck(p)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestAlphabetHasNoLookAlikes(t *testing.T) {
	if len(Alphabet) != 25 {
		t.Fatalf("alphabet has %d characters, want 25", len(Alphabet))
	}
	for _, r := range lookAlikes {
		if strings.ContainsRune(Alphabet, r) {
			t.Errorf("alphabet contains the look-alike %q", r)
		}
	}
	seen := map[rune]bool{}
	for _, r := range Alphabet {
		if seen[r] {
			t.Errorf("alphabet repeats %q", r)
		}
		seen[r] = true
	}
}

func TestSessionCodeDeterministic(t *testing.T) {
	d := testDeck(t)
	a, b := session(t, d, "one"), session(t, d, "one")
	if a != b {
		t.Errorf("same random stream gave %s and %s", a, b)
	}
	if c := session(t, d, "two"); c == a {
		t.Errorf("different random streams both gave %s", a)
	}
	if len(a) != SessionCodeLen {
		t.Errorf("code %q is not %d characters", a, SessionCodeLen)
	}
	if _, err := NewSessionCode(d, zeros{}); err == nil {
		t.Error("a random source of only zeros still produced a code")
	}
}

func TestParseSessionCode(t *testing.T) {
	d := testDeck(t)
	code := session(t, d, "parse")
	lower := strings.ToLower(code)
	tests := []struct {
		name, in string
		want     error
	}{
		{"exact", code, nil},
		{"lower case", lower, nil},
		{"grouped", FormatSessionCode(code), nil},
		{"spaces and dashes", " " + code[:2] + " - " + code[2:4] + "\t" + code[4:] + " ", nil},
		{"en dash", code[:3] + "–" + code[3:], nil},
		{"too short", code[:5], ErrTypo},
		{"too long", code + "A", ErrTypo},
		{"empty", "", ErrTypo},
		{"zero", "0" + code[1:], ErrTypo},
		{"letter O", "O" + code[1:], ErrTypo},
		{"letter I", code[:2] + "I" + code[3:], ErrTypo},
		{"letter L", code[:2] + "l" + code[3:], ErrTypo},
		{"digit 8", code[:5] + "8", ErrTypo},
		{"not a letter", code[:5] + "#", ErrTypo},
		{"non-ASCII", code[:5] + "é", ErrTypo},
	}
	for _, tt := range tests {
		got, err := ParseSessionCode(d, tt.in)
		switch {
		case tt.want == nil && err != nil:
			t.Errorf("%s: %q refused: %v", tt.name, tt.in, err)
		case tt.want == nil && got != code:
			t.Errorf("%s: %q parsed as %q, want %q", tt.name, tt.in, got, code)
		case tt.want != nil && !errors.Is(err, tt.want):
			t.Errorf("%s: %q gave %v, want %v", tt.name, tt.in, err, tt.want)
		}
	}
}

func TestLookAlikeMessageNamesTheCharacter(t *testing.T) {
	d := testDeck(t)
	code := session(t, d, "msg")
	_, err := ParseSessionCode(d, "O"+code[1:])
	if err == nil || !strings.Contains(err.Error(), `'O'`) || !strings.Contains(err.Error(), "mistaken") {
		t.Errorf("look-alike message = %v", err)
	}
}

// TestEveryTypoIsCaught changes each character of many codes to every
// other character, and swaps neighbours and characters two apart: each
// must be refused as a typo, never mistaken for another deck's code.
func TestEveryTypoIsCaught(t *testing.T) {
	d := testDeck(t)
	rnd := newRand("typos")
	for range 50 {
		code, err := NewSessionCode(d, rnd)
		if err != nil {
			t.Fatal(err)
		}
		for i := range SessionCodeLen {
			for _, r := range Alphabet {
				if byte(r) == code[i] {
					continue
				}
				bad := code[:i] + string(r) + code[i+1:]
				if _, err := ParseSessionCode(d, bad); !errors.Is(err, ErrTypo) {
					t.Fatalf("%s → %s (position %d): %v, want a typo", code, bad, i+1, err)
				}
			}
		}
		for gap := 1; gap <= 2; gap++ {
			for i := 0; i+gap < SessionCodeLen; i++ {
				b := []byte(code)
				if b[i] == b[i+gap] {
					continue
				}
				b[i], b[i+gap] = b[i+gap], b[i]
				if _, err := ParseSessionCode(d, string(b)); !errors.Is(err, ErrTypo) {
					t.Fatalf("%s → %s (swap %d,%d): %v, want a typo", code, b, i+1, i+1+gap, err)
				}
			}
		}
	}
}

func TestOtherDeckIsRefused(t *testing.T) {
	a, b := testDeck(t), otherDeck(t)
	if a.Hash == b.Hash {
		t.Fatal("changing an option's text did not change the deck hash")
	}
	rnd := newRand("decks")
	accepted := 0
	const n = 2000
	for range n {
		code, err := NewSessionCode(a, rnd)
		if err != nil {
			t.Fatal(err)
		}
		_, err = ParseSessionCode(b, code)
		switch {
		case err == nil:
			accepted++
		case errors.Is(err, ErrTypo):
			t.Fatalf("%s from another deck was called a typo: %v", code, err)
		case !errors.Is(err, ErrOtherDeck):
			t.Fatalf("%s: %v", code, err)
		case !strings.Contains(err.Error(), "different version of the teaching deck") || !strings.Contains(err.Error(), "pressend version"):
			t.Fatalf("message does not say what happened and what to do: %v", err)
		}
	}
	// 1 in 800 is expected to slip through; 10 in 2000 would mean the
	// keyed parts are not doing their job.
	if accepted > 10 {
		t.Errorf("%d of %d codes for another deck were accepted", accepted, n)
	}
}

func TestDeckHash(t *testing.T) {
	base := testDeck(t)
	if len(base.Hash) != 12 || !isHex(base.Hash, 12) {
		t.Fatalf("hash %q is not 12 hex digits", base.Hash)
	}
	if want := "test@1.0.0+" + base.Hash; base.Version != want {
		t.Errorf("version %q, want %q", base.Version, want)
	}
	again := testDeck(t)
	if again.Hash != base.Hash {
		t.Error("the same pack hashed differently twice")
	}
	changes := map[string]func(p *checklist.Pack){
		"option text":   func(p *checklist.Pack) { p.Scenarios[0].Options[1].Text += "!" },
		"best flag":     func(p *checklist.Pack) { p.Checks[0].Options[0].Best = true },
		"story":         func(p *checklist.Pack) { p.Scenarios[1].Story += " More." },
		"scale label":   func(p *checklist.Pack) { p.Scenarios[1].Scale.High = "Fine" },
		"id":            func(p *checklist.Pack) { p.Scenarios[2].ID = "group2" },
		"order":         func(p *checklist.Pack) { p.Checks[0], p.Checks[1] = p.Checks[1], p.Checks[0] },
		"option count":  func(p *checklist.Pack) { p.Checks[1].Options = p.Checks[1].Options[:1] },
		"no single ans": func(p *checklist.Pack) { p.Scenarios[0].NoSingleAnswer = true },
	}
	for name, change := range changes {
		p := testPack()
		change(p)
		d, err := NewDeck(p)
		if err != nil {
			t.Fatal(err)
		}
		if d.Hash == base.Hash {
			t.Errorf("changing the %s kept the hash", name)
		}
	}
	same := map[string]func(p *checklist.Pack){
		"feedback":  func(p *checklist.Pack) { p.Scenarios[0].Options[0].Feedback = "Different." },
		"citations": func(p *checklist.Pack) { p.Scenarios[0].Cite = nil },
		"notes":     func(p *checklist.Pack) { p.Scenarios[0].Notes.TeachingPoints = nil },
		"principle": func(p *checklist.Pack) { p.Scenarios[0].Principle = "Another." },
	}
	for name, change := range same {
		p := testPack()
		change(p)
		if d, _ := NewDeck(p); d.Hash != base.Hash {
			t.Errorf("changing the %s changed the hash: fixing feedback would split a class", name)
		}
	}
	if _, err := NewDeck(&checklist.Pack{ID: "empty"}); err == nil {
		t.Error("a pack with no scenarios made a deck")
	}
}

func TestDeckQuestions(t *testing.T) {
	d := testDeck(t)
	qs := d.Questions()
	if len(qs) != 5 {
		t.Fatalf("%d questions, want 5", len(qs))
	}
	want := []Question{
		{ID: "rant", Index: 0, Choices: 4, Best: 3},
		{ID: "selfie", Index: 1, Scale: true, Choices: 5},
		{ID: "group", Index: 2, Choices: 3},
		{ID: "kc.groups", Index: 0, Check: true, Choices: 3, Best: 2},
		{ID: "kc.ads", Index: 1, Check: true, Choices: 2, Best: 1},
	}
	for i, w := range want {
		if qs[i] != w {
			t.Errorf("question %d = %+v, want %+v", i, qs[i], w)
		}
	}
	if OptionLabel(qs[0], 3) != "C" || OptionLabel(qs[1], 3) != "3" {
		t.Error("option labels are not letters for choices and digits for scales")
	}
}
