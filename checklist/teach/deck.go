// Package teach is pressend's teaching domain (Peer Instruction): the deck
// of scenarios and knowledge-check questions, the session code a
// facilitator hands out, the anonymous answers file each student writes,
// the answer codes students paste in online sessions, pooling those into
// class results with small counts suppressed, and the handout.
//
// It imports no terminal library. Its only IO is the students' answers
// files (written atomically, 0600) and the files pooling reads.
//
// The privacy promise rests on this package: an answers file holds the
// session, the deck, a random submission id and the choices, nothing else.
// No name, user or host name, path, profession or time is ever written.
package teach

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"strings"

	"github.com/pressend/pressend/checklist"
)

// ScalePoints is the number of points on an acceptability scale (1 to 5).
const ScalePoints = 5

// deckFormat names the canonical encoding the deck hash is taken over.
// Changing what goes into the hash must change this string too, so two
// builds never agree on a hash for different reasons.
const deckFormat = "pressend.teach.deck/v1"

// Question is one thing a student answers: a scenario (two rounds and a
// confidence) or a knowledge-check question (one answer).
type Question struct {
	// ID is the scenario's or check's id from the pack.
	ID string
	// Index is the position in Deck.Scenarios or Deck.Checks.
	Index int
	// Check marks a knowledge-check question.
	Check bool
	// Scale marks a 1 to 5 acceptability scenario.
	Scale bool
	// Choices is the number of options, or ScalePoints for a scale.
	Choices int
	// Best is the suggested (or, for a check, correct) option, 1-based; 0
	// when there is no single right answer or the question is a scale.
	Best int
}

// Deck is what a teaching session works through: the pack's scenarios,
// then its knowledge check, in pack order.
type Deck struct {
	// Pack is the effective pack the deck comes from, for sources, roles
	// and citations.
	Pack      *checklist.Pack
	Scenarios []checklist.Scenario
	Checks    []checklist.Check
	// Hash is the first 12 hex digits of SHA-256 over the canonical
	// encoding of the scenarios and checks. Students' and facilitator's
	// copies of pressend must agree on it for their answers to add up.
	Hash string
	// Version reads like "uk@2.0.0+1a2b3c4d5e6f": the packs, then the hash.
	Version string

	questions []Question
	byID      map[string]int
}

// NewDeck builds the deck from a pack. A pack with no scenarios and no
// checks cannot be taught from.
func NewDeck(pack *checklist.Pack) (*Deck, error) {
	if pack == nil || len(pack.Scenarios)+len(pack.Checks) == 0 {
		return nil, errors.New("the content pack has no teaching scenarios or knowledge check; add some to a custom pack or use the built-in pack")
	}
	d := &Deck{Pack: pack, Scenarios: pack.Scenarios, Checks: pack.Checks, byID: map[string]int{}}
	for i, sc := range pack.Scenarios {
		q := Question{ID: sc.ID, Index: i, Scale: sc.Kind() == checklist.ScenarioScale, Choices: len(sc.Options)}
		if q.Scale {
			q.Choices = ScalePoints
		} else if !sc.NoSingleAnswer {
			q.Best = bestOf(sc.Options)
		}
		d.add(q)
	}
	for i, c := range pack.Checks {
		d.add(Question{ID: c.ID, Index: i, Check: true, Choices: len(c.Options), Best: bestOf(c.Options)})
	}
	h, err := deckHash(pack.Scenarios, pack.Checks)
	if err != nil {
		return nil, err
	}
	d.Hash = h
	d.Version = packLabel(pack) + "+" + h
	return d, nil
}

func (d *Deck) add(q Question) {
	// A duplicate id would make answers ambiguous; the validator forbids
	// it, and the first one wins should a pack slip through.
	if _, dup := d.byID[q.ID]; dup {
		return
	}
	d.byID[q.ID] = len(d.questions)
	d.questions = append(d.questions, q)
}

// Questions lists the scenarios, then the checks, in the order students
// answer them.
func (d *Deck) Questions() []Question { return append([]Question(nil), d.questions...) }

// Question finds a scenario or check by id.
func (d *Deck) Question(id string) (Question, bool) {
	i, ok := d.byID[id]
	if !ok {
		return Question{}, false
	}
	return d.questions[i], true
}

// Scenario returns the scenario a question is about; ok is false for a
// knowledge-check question.
func (d *Deck) Scenario(q Question) (checklist.Scenario, bool) {
	if q.Check || q.Index >= len(d.Scenarios) {
		return checklist.Scenario{}, false
	}
	return d.Scenarios[q.Index], true
}

// CheckItem returns the knowledge-check question a question is about.
func (d *Deck) CheckItem(q Question) (checklist.Check, bool) {
	if !q.Check || q.Index >= len(d.Checks) {
		return checklist.Check{}, false
	}
	return d.Checks[q.Index], true
}

// OptionLabel names an option the way charts and handouts do: A, B, C, D
// for choices, 1 to 5 for a scale, so a scale point is never mistaken for
// a lettered option.
func OptionLabel(q Question, option int) string {
	if q.Scale {
		return string(rune('0' + option))
	}
	return string(rune('A' + option - 1))
}

func bestOf(opts []checklist.Option) int {
	for i, o := range opts {
		if o.Best {
			return i + 1
		}
	}
	return 0
}

func packLabel(p *checklist.Pack) string {
	if len(p.Layers) > 0 {
		return strings.Join(p.Layers, ",")
	}
	return p.ID + "@" + p.Version
}

// The canonical encoding holds what decides whether two students answered
// the same thing: ids, types, the wording students read, the options and
// which is best, the scale. Feedback, citations and notes are left out, so
// correcting a typo in feedback does not split a class into two decks.
type canonDeck struct {
	Format    string          `json:"format"`
	Scenarios []canonScenario `json:"scenarios"`
	Checks    []canonCheck    `json:"checks"`
}

type canonScenario struct {
	ID             string        `json:"id"`
	Type           string        `json:"type"`
	Title          string        `json:"title"`
	Story          string        `json:"story"`
	Question       string        `json:"question"`
	Options        []canonOption `json:"options"`
	NoSingleAnswer bool          `json:"no_single_answer"`
	ScaleLow       string        `json:"scale_low"`
	ScaleHigh      string        `json:"scale_high"`
}

type canonCheck struct {
	ID       string        `json:"id"`
	Question string        `json:"question"`
	Options  []canonOption `json:"options"`
}

type canonOption struct {
	Text string `json:"text"`
	Best bool   `json:"best"`
}

// deckHash encodes with encoding/json, which writes struct fields in
// declaration order and is stable across Go releases; HTML escaping is off
// so the bytes are the text as written.
func deckHash(scs []checklist.Scenario, cks []checklist.Check) (string, error) {
	c := canonDeck{Format: deckFormat, Scenarios: []canonScenario{}, Checks: []canonCheck{}}
	for _, s := range scs {
		cs := canonScenario{ID: s.ID, Type: string(s.Kind()), Title: s.Title, Story: s.Story,
			Question: s.Question, Options: canonOptions(s.Options), NoSingleAnswer: s.NoSingleAnswer}
		if s.Scale != (checklist.Scale{}) {
			cs.ScaleLow, cs.ScaleHigh = s.Scale.Low, s.Scale.High
		}
		c.Scenarios = append(c.Scenarios, cs)
	}
	for _, k := range cks {
		c.Checks = append(c.Checks, canonCheck{ID: k.ID, Question: k.Question, Options: canonOptions(k.Options)})
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(c); err != nil {
		return "", err
	}
	sum := sha256.Sum256(b.Bytes())
	return hex.EncodeToString(sum[:])[:12], nil
}

func canonOptions(opts []checklist.Option) []canonOption {
	out := make([]canonOption, 0, len(opts))
	for _, o := range opts {
		out = append(out, canonOption{Text: o.Text, Best: o.Best})
	}
	return out
}
