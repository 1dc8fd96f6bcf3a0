package teach

import (
	"crypto/hmac"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Alphabet is the set of characters in session and answer codes. It leaves
// out every character that is easily read as another on a projector or in
// a chat window: 0/O, 1/I/L, 2/Z, 5/S and 8/B.
const Alphabet = "ACDEFGHJKMNPQRTUVWXY34679"

// lookAlikes are the characters codes never use, named in error messages
// so a student knows to look again rather than guess.
const lookAlikes = "0O1IL2Z5S8B"

// SessionCodeLen is the length of a session code.
const SessionCodeLen = 6

const base = len(Alphabet) // 25

// Errors callers tell apart with errors.Is.
var (
	// ErrTypo means a code was mistyped: wrong length, a character codes
	// never use, or a failed check character.
	ErrTypo = errors.New("the code has a typo")
	// ErrOtherDeck means a well-formed code was made for a different
	// version of the teaching deck, so answers would not add up.
	ErrOtherDeck = errors.New("this code was made for a different version of the teaching deck; ask the facilitator which pressend version they use")
)

// codeError carries a specific message and matches ErrTypo or ErrOtherDeck.
type codeError struct {
	kind error
	msg  string
}

// Error is the specific message: which character, or which deck.
func (e *codeError) Error() string { return e.msg }

// Unwrap gives ErrTypo or ErrOtherDeck, for errors.Is.
func (e *codeError) Unwrap() error { return e.kind }

func typo(format string, a ...any) error {
	return &codeError{kind: ErrTypo, msg: fmt.Sprintf(format, a...)}
}

// A session code is six characters, P1 P2 P3 P4 K C:
//
//   - P1..P4 are random, drawn again until HMAC-SHA256 keyed by the deck
//     hash over them has a second byte below 8 (1 in 32 draws qualify).
//   - K is that HMAC's first byte mod 25.
//   - C makes the weighted sum 1·P1 + 2·P2 + 3·P3 + 4·P4 + 6·K + 7·C a
//     multiple of 25.
//
// C is not keyed, so any single wrong character and any swap of
// neighbours (or of characters two apart) is caught as a typo, whichever
// deck the reader has: every weight, and every difference of weights one
// or two apart, is coprime to 25. K and the filter on the random part are
// keyed, so a code made for another deck fails them, and is reported as
// such, except 1 time in 800 (25 × 32). Two check characters taken
// straight from the HMAC could not tell a typo from another deck.
var checkWeights = [SessionCodeLen]int{1, 2, 3, 4, 6, 7}

// inverse of 7 mod 25, to solve for C.
const inv7 = 18

const (
	sessionMAC    = "pressend.teach.session/v1:"
	sessionFilter = 8 // the HMAC's second byte must be below this
	maxDraws      = 1 << 16
)

// NewSessionCode draws a session code for the deck from rnd (crypto/rand
// in use; tests pass a fixed stream).
func NewSessionCode(d *Deck, rnd io.Reader) (string, error) {
	for range maxDraws {
		p, err := randomChars(rnd, 4)
		if err != nil {
			return "", err
		}
		k, ok := sessionKey(d, p)
		if !ok {
			continue
		}
		v := values(p + string(Alphabet[k]))
		return p + string(Alphabet[k]) + string(Alphabet[checkChar(v)]), nil
	}
	return "", errors.New("could not draw a session code: the random source gives too little variety")
}

// sessionKey returns K for the random part, and whether the random part
// passes the deck's filter.
func sessionKey(d *Deck, p string) (int, bool) {
	mac := hmac.New(sha256.New, []byte(d.Hash))
	mac.Write([]byte(sessionMAC + p))
	sum := mac.Sum(nil)
	return int(sum[0]) % base, sum[1] < sessionFilter
}

// checkChar solves for C given the first five values.
func checkChar(v []int) int {
	s := 0
	for i := range SessionCodeLen - 1 {
		s += checkWeights[i] * v[i]
	}
	return (base - s%base) % base * inv7 % base
}

// ParseSessionCode checks a code typed by a person and returns it in
// canonical form (six upper-case characters). Case, spaces and dashes do
// not matter. Errors match ErrTypo or ErrOtherDeck and say what to do.
func ParseSessionCode(d *Deck, s string) (string, error) {
	code := normalise(s)
	if n := len([]rune(code)); n != SessionCodeLen {
		return "", typo("a session code has %d characters and %q has %d: check it against the code on the screen", SessionCodeLen, strings.TrimSpace(s), n)
	}
	if err := alphabetOnly(code); err != nil {
		return "", err
	}
	v := values(code)
	sum := 0
	for i, w := range checkWeights {
		sum += w * v[i]
	}
	if sum%base != 0 {
		return "", typo("the session code %s has a typo: check each character against the code on the screen", code)
	}
	k, ok := sessionKey(d, code[:4])
	if !ok || k != v[4] {
		return "", &codeError{kind: ErrOtherDeck, msg: ErrOtherDeck.Error() + " (this pressend has deck " + d.Version + ")"}
	}
	return code, nil
}

// FormatSessionCode groups a code as "ACD-E34" for reading aloud and
// copying; parsing ignores the dash.
func FormatSessionCode(code string) string {
	if len(code) != SessionCodeLen {
		return code
	}
	return code[:3] + "-" + code[3:]
}

// normalise upper-cases s and drops spaces and dashes, which people add
// when copying codes.
func normalise(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\t', '\n', '\r', '-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212':
			return -1
		}
		return r
	}, strings.ToUpper(s))
}

// alphabetOnly names the first character codes never use.
func alphabetOnly(code string) error {
	for _, r := range code {
		if strings.ContainsRune(Alphabet, r) {
			continue
		}
		if strings.ContainsRune(lookAlikes, r) {
			return typo("codes never contain %q, because it is easily mistaken for another character: check the code on the screen", r)
		}
		return typo("%q is not a character used in codes: check the code on the screen", r)
	}
	return nil
}

// values maps code characters to 0..24; callers have checked the alphabet.
func values(code string) []int {
	v := make([]int, len(code))
	for i := range len(code) {
		v[i] = strings.IndexByte(Alphabet, code[i])
	}
	return v
}

// randomChars draws n characters uniformly from the alphabet, discarding
// bytes of 250 and above so no character is more likely than another.
func randomChars(rnd io.Reader, n int) (string, error) {
	out := make([]byte, 0, n)
	buf := make([]byte, 2*n)
	for len(out) < n {
		if _, err := io.ReadFull(rnd, buf); err != nil {
			return "", fmt.Errorf("could not read random numbers: %w", err)
		}
		for _, b := range buf {
			if int(b) < 250 && len(out) < n {
				out = append(out, Alphabet[int(b)%base])
			}
		}
	}
	return string(out), nil
}
