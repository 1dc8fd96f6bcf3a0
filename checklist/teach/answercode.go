package teach

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"regexp"
	"strings"
	"sync"
)

// An answer code carries one student's choices so far, for sessions where
// files cannot be collected (online, hybrid). Grammar, after the prefix
// every character is from Alphabet:
//
//	code    = "PS" 1*("-" 1*4char)       ; groups of 4, the last may be shorter
//	body    = session student count payload check   ; the groups joined
//	session = 6char    ; the session code
//	student = 5char    ; the student token (see Submission.Student)
//	count   = 2char    ; k, how many answer slots follow, base 25
//	payload = Lchar    ; the first k slots as one mixed-radix number, base 25
//	check   = 3char    ; HMAC-SHA256 keyed by the deck hash, mod 25^3
//
// Slots run in deck order: each scenario's round 1 then round 2, then each
// check question. A slot holds 0 (not answered) to the number of choices,
// so its radix is choices+1; slot 0 is the lowest digit. L is the fewest
// base-25 digits that hold the product of the k radices. Confidence is not
// carried, to keep codes short. "S" is not in Alphabet, so "PS" can never
// occur inside a code, which is what lets pasted chat be searched for it.
const CodePrefix = "PS"

const (
	answerMAC   = "pressend.teach.answercode/v1:"
	studentLen  = 5
	countLen    = 2
	checkLen    = 3
	codeHeader  = SessionCodeLen + studentLen + countLen
	groupLen    = 4
	maxSlots    = base*base - 1
	maxCodeBody = 4096 // far beyond any deck; bounds the work on hostile input
)

// codePattern finds answer codes in pasted text, in either case. Word
// boundaries keep "tips-ACDE" and the like from being taken for a code.
var codePattern = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)\bPS(?:-[` + Alphabet + `]{1,4})+\b`)
})

type slot struct {
	q     Question
	round int
}

func (d *Deck) slots() []slot {
	var out []slot
	for _, q := range d.questions {
		out = append(out, slot{q, 1})
		if !q.Check {
			out = append(out, slot{q, 2})
		}
	}
	return out
}

func (s slot) get(a Answer) int {
	if s.round == 2 {
		return a.Round2
	}
	return a.Round1
}

func (s slot) set(a *Answer, v int) {
	if s.round == 2 {
		a.Round2 = v
	} else {
		a.Round1 = v
	}
}

// EncodeAnswerCode gives the answer code for a submission's choices so far.
func EncodeAnswerCode(d *Deck, s Submission) (string, error) {
	if err := d.Check(s); err != nil {
		return "", err
	}
	if err := checkSessionShape(s.Session); err != nil {
		return "", err
	}
	slots := d.slots()
	k := 0
	for i, sl := range slots {
		if sl.get(s.Answers[sl.q.ID]) != 0 {
			k = i + 1
		}
	}
	if k > maxSlots {
		return "", errors.New("the deck is too large for answer codes")
	}
	n, l := new(big.Int), payloadLen(slots[:k])
	for i := k - 1; i >= 0; i-- {
		n.Mul(n, big.NewInt(int64(slots[i].q.Choices+1)))
		n.Add(n, big.NewInt(int64(slots[i].get(s.Answers[slots[i].q.ID]))))
	}
	body := s.Session + s.Student() + digits(big.NewInt(int64(k)), countLen) + digits(n, l)
	body += codeCheck(d, body)
	var b strings.Builder
	b.WriteString(CodePrefix)
	for i := 0; i < len(body); i += groupLen {
		b.WriteByte('-')
		b.WriteString(body[i:min(i+groupLen, len(body))])
	}
	return b.String(), nil
}

// DecodeAnswerCode checks an answer code and returns the submission it
// carries. The id is derived from the code's content, so the same code
// given twice has the same id.
func DecodeAnswerCode(d *Deck, code string) (Submission, error) {
	norm := normalise(code)
	if !strings.HasPrefix(norm, CodePrefix) {
		return Submission{}, typo("an answer code starts with %s-", CodePrefix)
	}
	body := norm[len(CodePrefix):]
	if len(body) > maxCodeBody {
		return Submission{}, typo("too long for an answer code")
	}
	if err := alphabetOnly(body); err != nil {
		return Submission{}, err
	}
	if len(body) < codeHeader+checkLen {
		return Submission{}, typo("the answer code is incomplete: copy all of it")
	}
	session, err := ParseSessionCode(d, body[:SessionCodeLen])
	if err != nil {
		if errors.Is(err, ErrOtherDeck) {
			return Submission{}, err
		}
		return Submission{}, typo("the answer code is damaged or mistyped: copy it again")
	}
	slots := d.slots()
	k := int(fromDigits(body[SessionCodeLen+studentLen : codeHeader]).Int64())
	if k > len(slots) {
		return Submission{}, typo("the answer code does not fit this deck: copy it again, or check the pressend version")
	}
	want := codeHeader + payloadLen(slots[:k]) + checkLen
	if len(body) != want {
		return Submission{}, typo("the answer code has %d characters where %d were expected: copy all of it, and nothing else", len(body)+len(CodePrefix), want+len(CodePrefix))
	}
	if !hmac.Equal([]byte(codeCheck(d, body[:want-checkLen])), []byte(body[want-checkLen:])) {
		return Submission{}, typo("the answer code is damaged or mistyped: copy it again")
	}
	n := fromDigits(body[codeHeader : want-checkLen])
	s := Submission{Session: session, Deck: d.Hash, Answers: map[string]Answer{},
		student: body[SessionCodeLen : SessionCodeLen+studentLen], fromCode: true}
	rem := new(big.Int)
	for _, sl := range slots[:k] {
		n.QuoRem(n, big.NewInt(int64(sl.q.Choices+1)), rem)
		if v := int(rem.Int64()); v != 0 {
			a := s.Answers[sl.q.ID]
			sl.set(&a, v)
			s.Answers[sl.q.ID] = a
		}
	}
	if n.Sign() != 0 {
		return Submission{}, typo("the answer code is damaged or mistyped: copy it again")
	}
	sum := sha256.Sum256([]byte(answerMAC + body))
	s.ID = hex.EncodeToString(sum[:16])
	return s, nil
}

// Found is an answer code found in pasted text.
type Found struct {
	// Line is the 1-based line it was on.
	Line int
	// Code is the code as written.
	Code string
}

// FindAnswerCodes picks every answer code out of text such as a pasted
// chat log, ignoring everything else. A code split across lines is not
// found; the flow shows codes on one line.
func FindAnswerCodes(text string) []Found {
	var out []Found
	for i, line := range strings.Split(text, "\n") {
		for _, m := range codePattern().FindAllString(line, -1) {
			out = append(out, Found{Line: i + 1, Code: m})
		}
	}
	return out
}

// studentToken turns a submission id into 5 code characters: a student's
// file and their answer codes then share a token, and nothing about the
// student goes into it.
func studentToken(id string) string {
	b, err := hex.DecodeString(id)
	if err != nil || len(b) < 4 {
		sum := sha256.Sum256([]byte(id))
		b = sum[:]
	}
	n := binary.BigEndian.Uint32(b[:4]) % pow25(studentLen)
	return digits(big.NewInt(int64(n)), studentLen)
}

func codeCheck(d *Deck, body string) string {
	mac := hmac.New(sha256.New, []byte(d.Hash))
	mac.Write([]byte(answerMAC + body))
	n := binary.BigEndian.Uint32(mac.Sum(nil)[:4]) % pow25(checkLen)
	return digits(big.NewInt(int64(n)), checkLen)
}

// payloadLen is the number of base-25 digits that hold every combination
// of the slots' values.
func payloadLen(slots []slot) int {
	prod := big.NewInt(1)
	for _, s := range slots {
		prod.Mul(prod, big.NewInt(int64(s.q.Choices+1)))
	}
	l, p := 0, big.NewInt(1)
	for p.Cmp(prod) < 0 {
		p.Mul(p, big.NewInt(int64(base)))
		l++
	}
	return l
}

// digits writes n in base 25 with exactly l characters, most significant
// first.
func digits(n *big.Int, l int) string {
	out := make([]byte, l)
	n = new(big.Int).Set(n)
	rem, b := new(big.Int), big.NewInt(int64(base))
	for i := l - 1; i >= 0; i-- {
		n.QuoRem(n, b, rem)
		out[i] = Alphabet[rem.Int64()]
	}
	return string(out)
}

func fromDigits(s string) *big.Int {
	n, b := new(big.Int), big.NewInt(int64(base))
	for i := range len(s) {
		n.Mul(n, b)
		n.Add(n, big.NewInt(int64(strings.IndexByte(Alphabet, s[i]))))
	}
	return n
}

func pow25(n int) uint32 {
	p := uint32(1)
	for range n {
		p *= uint32(base)
	}
	return p
}

// String describes a found code for messages: its line and its start.
func (f Found) String() string {
	c := f.Code
	if len(c) > 12 {
		c = c[:12] + "…"
	}
	return fmt.Sprintf("line %d (%s)", f.Line, c)
}
