package teach

import (
	"encoding/json"
	"errors"
	"fmt"
)

// ResultsFormat identifies pooled class results, version 1.
const ResultsFormat = "pressend.teach.results/v1"

// TooFew is shown in place of a suppressed count, in every format.
const TooFew = "too few to show"

// DefaultMinCount is the smallest count shown. Statistical disclosure
// practice hides any cell with fewer than about 5 responses, so that in a
// small group nobody's choice can be told from the chart.
const DefaultMinCount = 5

// Count is one option's count in one round. Count and Percent are nil when
// the count is suppressed; Suppressed then says why they are missing.
type Count struct {
	Option     int    `json:"option"`
	Label      string `json:"label"`
	Count      *int   `json:"count"`
	Percent    *int   `json:"percent"`
	Suppressed bool   `json:"suppressed"`
}

// Round is the counts for one round of one question. Total is the number
// who answered that round, which is safe to show: it is the size of the
// group, not anybody's choice.
type Round struct {
	Round  int     `json:"round"`
	Total  int     `json:"total"`
	Counts []Count `json:"counts"`
}

// QuestionResult is the class's answers to one scenario or check.
type QuestionResult struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	// Type is "choice", "scale" or "check".
	Type string `json:"type"`
	// Best is the suggested or correct option, 0 when there is none. Charts
	// mark it only when the facilitator asks.
	Best   int     `json:"best"`
	Rounds []Round `json:"rounds"`
}

// DeckInfo names the deck results were pooled against.
type DeckInfo struct {
	Hash    string `json:"hash"`
	Version string `json:"version"`
}

// Results is a pooled session: what `pressend teach pool --format json`
// writes and what the handout and the projector read.
type Results struct {
	Format   string   `json:"format"`
	Session  string   `json:"session"`
	Deck     DeckInfo `json:"deck"`
	MinCount int      `json:"min_count"`
	// Responses counts the students whose answers were accepted.
	Responses int `json:"responses"`
	// Hands counts the show-of-hands tallies added.
	Hands      int              `json:"hands"`
	Rejected   []Rejection      `json:"rejected"`
	Superseded []Rejection      `json:"superseded"`
	Scenarios  []QuestionResult `json:"scenarios"`
	Checks     []QuestionResult `json:"checks"`
}

// Results adds up the pool. Counts below minCount are suppressed, and so
// is the next smallest when only one would be: with the total shown, a
// single hidden count could be worked out by subtraction.
func (p *Pool) Results(minCount int) *Results {
	if minCount < 1 {
		minCount = 1
	}
	r := &Results{
		Format: ResultsFormat, Session: p.session, Deck: DeckInfo{p.deck.Hash, p.deck.Version},
		MinCount: minCount, Responses: p.Responses(), Hands: len(p.hands),
		Rejected: p.Rejected(), Superseded: p.Superseded(),
		Scenarios: []QuestionResult{}, Checks: []QuestionResult{},
	}
	// Empty lists, not null, so readers can range without a check.
	if r.Rejected == nil {
		r.Rejected = []Rejection{}
	}
	if r.Superseded == nil {
		r.Superseded = []Rejection{}
	}
	for _, q := range p.deck.questions {
		rounds := 2
		qr := QuestionResult{ID: q.ID, Best: q.Best, Type: "choice"}
		switch {
		case q.Check:
			rounds, qr.Type = 1, "check"
			qr.Title = line(p.deck.Checks[q.Index].Question)
		case q.Scale:
			qr.Type = "scale"
		}
		if !q.Check {
			qr.Title = line(p.deck.Scenarios[q.Index].Title)
		}
		for round := 1; round <= rounds; round++ {
			qr.Rounds = append(qr.Rounds, makeRound(q, round, p.tally(q, round), minCount))
		}
		if q.Check {
			r.Checks = append(r.Checks, qr)
		} else {
			r.Scenarios = append(r.Scenarios, qr)
		}
	}
	return r
}

// tally counts the choices for one round, students and hands together.
func (p *Pool) tally(q Question, round int) []int {
	counts := make([]int, q.Choices)
	for _, e := range p.entries {
		if e.dropped {
			continue
		}
		a := e.sub.Answers[q.ID]
		v := a.Round1
		if round == 2 {
			v = a.Round2
		}
		if v >= 1 && v <= q.Choices {
			counts[v-1]++
		}
	}
	for _, h := range p.hands {
		c := h.Counts[q.ID]
		src := c.Round1
		if round == 2 {
			src = c.Round2
		}
		for i := range min(len(src), len(counts)) {
			counts[i] += src[i]
		}
	}
	return counts
}

// MakeRound suppresses and rounds one round's counts. It is exported for
// the projector, which tallies a live show of hands without a Pool.
func MakeRound(q Question, round int, counts []int, minCount int) Round {
	return makeRound(q, round, counts, minCount)
}

func makeRound(q Question, round int, counts []int, minCount int) Round {
	total := 0
	for _, c := range counts {
		total += c
	}
	hide := Suppress(counts, minCount)
	rd := Round{Round: round, Total: total, Counts: make([]Count, len(counts))}
	for i, c := range counts {
		cell := Count{Option: i + 1, Label: OptionLabel(q, i+1), Suppressed: hide[i]}
		if !hide[i] {
			n, pc := c, Percent(c, total)
			cell.Count, cell.Percent = &n, &pc
		}
		rd.Counts[i] = cell
	}
	return rd
}

// Suppress says which counts to hide: those below minCount, and when that
// hides exactly one, the smallest other count as well, so the hidden one
// cannot be found by subtracting the rest from the total.
func Suppress(counts []int, minCount int) []bool {
	hide := make([]bool, len(counts))
	hidden := 0
	for i, c := range counts {
		if c < minCount {
			hide[i] = true
			hidden++
		}
	}
	if hidden == 1 && len(counts) > 1 {
		next := -1
		for i, c := range counts {
			if !hide[i] && (next < 0 || c < counts[next]) {
				next = i
			}
		}
		hide[next] = true
	}
	return hide
}

// CountText describes one cell in words, never by colour or length
// alone: "35% (7 of 20)", or TooFew.
func CountText(c Count, total int) string {
	if c.Suppressed || c.Count == nil || c.Percent == nil {
		return TooFew
	}
	return fmt.Sprintf("%d%% (%d of %d)", *c.Percent, *c.Count, total)
}

// Percent rounds count/total to a whole percentage, halves up; 0 of 0 is 0.
func Percent(count, total int) int {
	if total <= 0 {
		return 0
	}
	return (200*count + total) / (2 * total)
}

// Encode writes the results as indented JSON.
func (r *Results) Encode() ([]byte, error) {
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// ParseResults reads pooled results for the deck, refusing results made
// with another deck: their options would not line up with its wording.
func ParseResults(d *Deck, data []byte) (*Results, error) {
	var r Results
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, fmt.Errorf("not pooled results from `pressend teach pool --format json`: %v", err)
	}
	if err := checkFormat(r.Format, ResultsFormat); err != nil {
		return nil, err
	}
	if r.Deck.Hash != d.Hash {
		return nil, fmt.Errorf("the results were pooled with another version of the teaching deck (%s; this pressend has %s): make the handout with the same pressend version", r.Deck.Version, d.Version)
	}
	for _, qs := range [][]QuestionResult{r.Scenarios, r.Checks} {
		for _, qr := range qs {
			q, ok := d.Question(qr.ID)
			if !ok {
				return nil, fmt.Errorf("the results mention %q, which is not in the deck", qr.ID)
			}
			for _, rd := range qr.Rounds {
				if len(rd.Counts) != q.Choices {
					return nil, errors.New("the results do not match the deck's options: pool them again")
				}
			}
		}
	}
	return &r, nil
}

// Result finds one question's results by id.
func (r *Results) Result(id string) (QuestionResult, bool) {
	for _, qs := range [][]QuestionResult{r.Scenarios, r.Checks} {
		for _, q := range qs {
			if q.ID == id {
				return q, true
			}
		}
	}
	return QuestionResult{}, false
}
