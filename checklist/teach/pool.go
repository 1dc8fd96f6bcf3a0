package teach

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// Rejection is a file or code pooling did not count, and why.
type Rejection struct {
	File   string `json:"file"`
	Reason string `json:"reason"`
}

// Pool adds up one session's answers. Every input is checked in turn:
// it must parse, be made with this deck, belong to the session and not
// repeat a submission already counted. What is refused is kept with its
// reason, so the facilitator sees why a file did not count.
//
// Answer codes are shown after every round, so a student who pastes more
// than one sends earlier and later copies of the same answers. Each
// carries the student's token (Submission.Student). When two accepted
// inputs share a token and one's choices include all of the other's, the
// fuller one counts and the other is set aside as superseded. Choices that
// disagree mean two students who happen to share a token (about 1 in
// 10 million per pair), so both count.
type Pool struct {
	deck    *Deck
	session string
	from    string // where the session was taken from, when inferred

	entries    []entry
	byStudent  map[string][]int      // student token → indexes into entries
	idEntry    map[string]int        // submission id → index into entries
	seen       map[string]Submission // submission id → fullest copy seen
	ids        map[string]string     // submission or tally id → input name
	rejected   []Rejection
	superseded []Rejection
	hands      []Hands
}

type entry struct {
	name    string
	sub     Submission
	dropped bool
}

// NewPool starts a pool for the deck. With a session code, only that
// session counts; with "", the first valid input sets the session.
func NewPool(d *Deck, session string) (*Pool, error) {
	p := &Pool{deck: d, ids: map[string]string{}, byStudent: map[string][]int{}, idEntry: map[string]int{}, seen: map[string]Submission{}}
	if session != "" {
		code, err := ParseSessionCode(d, session)
		if err != nil {
			return nil, err
		}
		p.session = code
	}
	return p, nil
}

// Session returns the session being pooled and, when it was taken from
// the first valid input rather than given, that input's name.
func (p *Pool) Session() (code, from string) { return p.session, p.from }

// Rejected lists the inputs that were refused, in the order given.
func (p *Pool) Rejected() []Rejection { return append([]Rejection(nil), p.rejected...) }

// Superseded lists the answer codes (or files) replaced by a fuller copy
// of the same student's answers.
func (p *Pool) Superseded() []Rejection { return append([]Rejection(nil), p.superseded...) }

// Responses counts the students whose answers are in the pool.
func (p *Pool) Responses() int {
	n := 0
	for _, e := range p.entries {
		if !e.dropped {
			n++
		}
	}
	return n
}

// reject records a refusal and returns it as an error reading "name: reason".
func (p *Pool) reject(name string, err error) error {
	p.rejected = append(p.rejected, Rejection{File: name, Reason: err.Error()})
	return fmt.Errorf("%s: %w", name, err)
}

// AddSubmission counts one student's answers, or refuses them.
func (p *Pool) AddSubmission(name string, s Submission) error {
	if err := p.deck.Check(s); err != nil {
		return p.reject(name, err)
	}
	if err := p.fitSession(name, s.Session); err != nil {
		return p.reject(name, err)
	}
	if prev, dup := p.ids[s.ID]; dup {
		// Two copies of one student's file: the file is rewritten after
		// every answer, so a copy taken mid-session can sit beside the
		// final one. The fuller copy counts, whichever is read first.
		if earlier, ok := p.seen[s.ID]; !ok || !covers(s, earlier) || s.Given() <= earlier.Given() {
			return p.reject(name, fmt.Errorf("duplicate of %s (the same submission)", prev))
		}
		if i, ok := p.idEntry[s.ID]; ok && !p.entries[i].dropped {
			p.entries[i].dropped = true
			p.rejected = append(p.rejected, Rejection{File: prev, Reason: "duplicate of " + name + " (the same submission), an earlier copy with fewer answers"})
		}
	}
	p.seen[s.ID] = s
	p.ids[s.ID] = name
	token := s.Student()
	for _, i := range p.byStudent[token] {
		old := &p.entries[i]
		if old.dropped {
			continue
		}
		oldCovers, newCovers := covers(old.sub, s), covers(s, old.sub)
		// On a tie a file beats a code: it also holds the confidences.
		if oldCovers && !(newCovers && old.sub.fromCode && !s.fromCode) {
			p.superseded = append(p.superseded, Rejection{File: name, Reason: "superseded by " + old.name + ", which holds the same student's answers and as many or more"})
			return nil
		}
		if newCovers {
			old.dropped = true
			p.superseded = append(p.superseded, Rejection{File: old.name, Reason: "superseded by " + name + ", a later copy of the same student's answers"})
		}
	}
	p.byStudent[token] = append(p.byStudent[token], len(p.entries))
	p.idEntry[s.ID] = len(p.entries)
	p.entries = append(p.entries, entry{name: name, sub: s})
	return nil
}

// fitSession takes the session from the first valid input when none was
// given, and refuses inputs from any other session.
func (p *Pool) fitSession(name, session string) error {
	code, err := ParseSessionCode(p.deck, session)
	if err != nil {
		return fmt.Errorf("its session code %s is not valid for this deck", session)
	}
	if p.session == "" {
		p.session, p.from = code, name
		return nil
	}
	if code != p.session {
		return fmt.Errorf("from another session (%s); this pool is for session %s", FormatSessionCode(code), FormatSessionCode(p.session))
	}
	return nil
}

// covers reports whether a's choices include every choice in b.
func covers(a, b Submission) bool {
	for id, bb := range b.Answers {
		aa := a.Answers[id]
		if (bb.Round1 != 0 && aa.Round1 != bb.Round1) || (bb.Round2 != 0 && aa.Round2 != bb.Round2) {
			return false
		}
	}
	return true
}

// AddCode decodes an answer code and counts it.
func (p *Pool) AddCode(name, code string) error {
	s, err := DecodeAnswerCode(p.deck, code)
	if err != nil {
		return p.reject(name, err)
	}
	return p.AddSubmission(name, s)
}

// AddHands adds a show-of-hands tally. The projector calls this with the
// counts a facilitator typed; pooling calls it for a hands file.
func (p *Pool) AddHands(name string, h Hands) error {
	if err := p.deck.CheckHands(h); err != nil {
		return p.reject(name, err)
	}
	if err := p.fitSession(name, h.Session); err != nil {
		return p.reject(name, err)
	}
	if prev, dup := p.ids[h.ID]; dup {
		return p.reject(name, fmt.Errorf("duplicate of %s (the same show of hands)", prev))
	}
	p.ids[h.ID] = name
	p.hands = append(p.hands, h)
	return nil
}

// AddFile counts an answers file or a show-of-hands file, telling them
// apart by their format id.
func (p *Pool) AddFile(name string, data []byte) error {
	var head struct {
		Format string `json:"format"`
	}
	_ = json.Unmarshal(data, &head) // a file that is not JSON fails below
	switch {
	case strings.HasPrefix(head.Format, "pressend.teach.hands/"):
		h, err := ParseHands(data)
		if err != nil {
			return p.reject(name, err)
		}
		return p.AddHands(name, h)
	case strings.HasPrefix(head.Format, "pressend.teach.results/"):
		return p.reject(name, errors.New("these are pooled class results, not a student's answers: leave this file out"))
	}
	s, err := ParseSubmission(data)
	if err != nil {
		return p.reject(name, err)
	}
	return p.AddSubmission(name, s)
}
