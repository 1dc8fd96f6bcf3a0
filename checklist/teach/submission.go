package teach

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// AnswersFormat identifies a student's answers file, version 1.
const AnswersFormat = "pressend.teach.answers/v1"

// MaxConfidence is the top of the optional 1 to 5 confidence rating.
const MaxConfidence = 5

// Answer is what one student gave for one question. Zero means not
// answered. A knowledge-check answer is kept in Round1.
type Answer struct {
	// Round1 is the choice made alone: an option number from 1, or a
	// scale point 1 to 5.
	Round1 int `json:"round1,omitempty"`
	// Round2 is the choice after discussion.
	Round2 int `json:"round2,omitempty"`
	// Confidence is how sure the student was, 1 to 5, if they said.
	Confidence int `json:"confidence,omitempty"`
}

// Submission is one student's answers for one session. It is all an
// answers file holds: nothing in it says who the student is.
type Submission struct {
	// Session is the session code, canonical form.
	Session string
	// Deck is the deck hash the answers were given against.
	Deck string
	// ID is 128 random bits in lower-case hex. Pooling uses it to spot the
	// same file given twice. For a submission decoded from an answer code
	// it is derived from the code, so the same code pasted twice is
	// spotted too.
	ID string
	// Answers are keyed by scenario or check id.
	Answers map[string]Answer

	// student links a round-1 answer code to the same student's later
	// one; see Student.
	student string
	// fromCode marks a submission decoded from an answer code.
	fromCode bool
}

// answersFile is the on-disk form. Its fields are the whole of what a
// file may hold; ParseSubmission refuses any other.
type answersFile struct {
	Format     string            `json:"format"`
	Session    string            `json:"session"`
	Deck       string            `json:"deck"`
	Submission string            `json:"submission"`
	Answers    map[string]Answer `json:"answers"`
}

// NewSubmission starts an empty submission with a fresh random id.
func NewSubmission(d *Deck, session string, rnd io.Reader) (Submission, error) {
	id, err := randomHex(rnd, 16)
	if err != nil {
		return Submission{}, err
	}
	return Submission{Session: session, Deck: d.Hash, ID: id, Answers: map[string]Answer{}}, nil
}

// Student is a short token that is the same for all the answer codes one
// student is shown: taken from the answer code, or for a file from its
// random id. Pooling uses it to let a later code replace an earlier one.
func (s Submission) Student() string {
	if s.student != "" {
		return s.student
	}
	return studentToken(s.ID)
}

// FromCode reports whether the submission was decoded from an answer code.
func (s Submission) FromCode() bool { return s.fromCode }

// Given counts the choices made (rounds and check answers, not confidence).
func (s Submission) Given() int {
	n := 0
	for _, a := range s.Answers {
		if a.Round1 > 0 {
			n++
		}
		if a.Round2 > 0 {
			n++
		}
	}
	return n
}

// Clone returns a copy whose answers can be changed independently.
func (s Submission) Clone() Submission {
	c := s
	c.Answers = make(map[string]Answer, len(s.Answers))
	for k, v := range s.Answers {
		c.Answers[k] = v
	}
	return c
}

// Encode writes the answers file: indented JSON with a final newline, keys
// in a fixed order (encoding/json sorts map keys), so the student can read
// exactly what they hand in.
func (s Submission) Encode() ([]byte, error) {
	answers := s.Answers
	if answers == nil {
		answers = map[string]Answer{}
	}
	b, err := json.MarshalIndent(answersFile{
		Format: AnswersFormat, Session: s.Session, Deck: s.Deck, Submission: s.ID, Answers: answers,
	}, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// ParseSubmission reads an answers file strictly: the format id, the five
// known fields and nothing else, a session code of the right shape, a
// 12-digit deck hash and a 32-digit id. It does not know the deck; Check
// compares the answers with it.
func ParseSubmission(data []byte) (Submission, error) {
	var f answersFile
	if err := decodeStrict(data, &f); err != nil {
		return Submission{}, err
	}
	if err := checkFormat(f.Format, AnswersFormat); err != nil {
		return Submission{}, err
	}
	s := Submission{Session: f.Session, Deck: f.Deck, ID: f.Submission, Answers: f.Answers}
	if s.Answers == nil {
		return Submission{}, errors.New("no answers list")
	}
	if err := checkSessionShape(s.Session); err != nil {
		return Submission{}, err
	}
	if !isHex(s.Deck, 12) {
		return Submission{}, errors.New("the deck hash is not 12 hex digits")
	}
	if !isHex(s.ID, 32) {
		return Submission{}, errors.New("the submission id is not 32 hex digits")
	}
	return s, nil
}

// Check compares a submission's answers with the deck: every id is a
// scenario or check, every choice is in range, and a check has one answer.
func (d *Deck) Check(s Submission) error {
	if s.Deck != d.Hash {
		return fmt.Errorf("made with a different version of the teaching deck (%s; this pressend has %s): the student needs the same pressend version and custom packs as you", s.Deck, d.Hash)
	}
	for id, a := range s.Answers {
		q, ok := d.Question(id)
		switch {
		case !ok:
			return fmt.Errorf("answers %q, which is not in the deck", id)
		case a.Round1 < 0 || a.Round1 > q.Choices || a.Round2 < 0 || a.Round2 > q.Choices:
			return fmt.Errorf("the answer to %q is not between 1 and %d", id, q.Choices)
		case a.Confidence < 0 || a.Confidence > MaxConfidence:
			return fmt.Errorf("the confidence for %q is not between 1 and %d", id, MaxConfidence)
		case q.Check && (a.Round2 != 0 || a.Confidence != 0):
			return fmt.Errorf("%q is a knowledge-check question, which has one answer", id)
		}
	}
	return nil
}

// decodeStrict decodes exactly one JSON value with no unknown fields: an
// extra field would be something the file must not hold.
func decodeStrict(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("not a pressend teaching file: %s", strings.TrimPrefix(err.Error(), "json: "))
	}
	if _, err := dec.Token(); err != io.EOF {
		return errors.New("not a pressend teaching file: extra data after the JSON")
	}
	return nil
}

func checkFormat(got, want string) error {
	switch {
	case got == want:
		return nil
	case got == "":
		return errors.New("not a pressend teaching file: no format")
	case strings.HasPrefix(got, want[:strings.LastIndexByte(want, '/')+1]):
		return fmt.Errorf("made by a newer pressend (%s); update pressend to pool it", got)
	}
	return fmt.Errorf("not a %s file (it is %q)", want, got)
}

// checkSessionShape checks the form of a stored session code; whether it
// belongs to the deck is checked when pooling.
func checkSessionShape(code string) error {
	if len(code) != SessionCodeLen {
		return errors.New("the session code is not 6 characters")
	}
	for i := range len(code) {
		if strings.IndexByte(Alphabet, code[i]) < 0 {
			return errors.New("the session code has characters codes never use")
		}
	}
	return nil
}

func isHex(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := range len(s) {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}

func randomHex(rnd io.Reader, n int) (string, error) {
	b := make([]byte, n)
	if _, err := io.ReadFull(rnd, b); err != nil {
		return "", fmt.Errorf("could not read random numbers: %w", err)
	}
	return hex.EncodeToString(b), nil
}
