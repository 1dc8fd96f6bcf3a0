package teach

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
)

// HandsFormat identifies a show-of-hands file, version 1: counts a
// facilitator typed in for a room without devices (hands up, or printed
// cards). Pooling adds them to the students' answers. Example:
//
//	{
//	  "format": "pressend.teach.hands/v1",
//	  "session": "ACDE34",
//	  "deck": "1a2b3c4d5e6f",
//	  "id": "9f86d081884c7d659a2feaa0c55ad015",
//	  "counts": {
//	    "rant-account": {"round1": [3, 10, 12, 5], "round2": [1, 4, 24, 1]},
//	    "kc.private-groups": {"round1": [6, 24]}
//	  }
//	}
//
// Each list has one count per option (or per scale point, 1 to 5), in
// order; a round nobody counted is left out. The id is random, so the
// same file pooled twice is refused as a duplicate.
const HandsFormat = "pressend.teach.hands/v1"

// MaxHandCount bounds one typed count: no room holds more, and a typo of
// extra digits should be refused rather than swamp the chart.
const MaxHandCount = 10000

// HandCount is the counts for one question, per option, for each round.
type HandCount struct {
	Round1 []int `json:"round1,omitempty"`
	Round2 []int `json:"round2,omitempty"`
}

// Hands is a show-of-hands tally for one session.
type Hands struct {
	Session string               `json:"session"`
	Deck    string               `json:"deck"`
	ID      string               `json:"id"`
	Counts  map[string]HandCount `json:"counts"`
}

type handsFile struct {
	Format string `json:"format"`
	Hands
}

// NewHands starts an empty tally for a session, with a fresh random id.
func NewHands(d *Deck, session string, rnd io.Reader) (Hands, error) {
	id, err := randomHex(rnd, 16)
	if err != nil {
		return Hands{}, err
	}
	return Hands{Session: session, Deck: d.Hash, ID: id, Counts: map[string]HandCount{}}, nil
}

// Set records the counts for one question and round (1 or 2; a check has
// only round 1), one count per option in order. This is what the
// projector calls when the facilitator types in a show of hands.
func (h *Hands) Set(d *Deck, id string, round int, counts []int) error {
	q, ok := d.Question(id)
	if !ok {
		return fmt.Errorf("%q is not in the deck", id)
	}
	if round != 1 && (round != 2 || q.Check) {
		return fmt.Errorf("%q has no round %d", id, round)
	}
	if err := checkCounts(q, counts); err != nil {
		return err
	}
	if h.Counts == nil {
		h.Counts = map[string]HandCount{}
	}
	c := h.Counts[id]
	if round == 1 {
		c.Round1 = slices.Clone(counts)
	} else {
		c.Round2 = slices.Clone(counts)
	}
	h.Counts[id] = c
	return nil
}

// Encode writes the show-of-hands file.
func (h Hands) Encode() ([]byte, error) {
	if h.Counts == nil {
		h.Counts = map[string]HandCount{}
	}
	b, err := json.MarshalIndent(handsFile{Format: HandsFormat, Hands: h}, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// ParseHands reads a show-of-hands file strictly.
func ParseHands(data []byte) (Hands, error) {
	var f handsFile
	if err := decodeStrict(data, &f); err != nil {
		return Hands{}, err
	}
	if err := checkFormat(f.Format, HandsFormat); err != nil {
		return Hands{}, err
	}
	h := f.Hands
	switch {
	case h.Counts == nil:
		return Hands{}, errors.New("no counts")
	case !isHex(h.Deck, 12):
		return Hands{}, errors.New("the deck hash is not 12 hex digits")
	case !isHex(h.ID, 32):
		return Hands{}, errors.New("the id is not 32 hex digits")
	}
	if err := checkSessionShape(h.Session); err != nil {
		return Hands{}, err
	}
	return h, nil
}

// CheckHands compares a tally with the deck.
func (d *Deck) CheckHands(h Hands) error {
	if h.Deck != d.Hash {
		return fmt.Errorf("made with a different version of the teaching deck (%s; this pressend has %s): count again with this pressend", h.Deck, d.Hash)
	}
	for id, c := range h.Counts {
		q, ok := d.Question(id)
		if !ok {
			return fmt.Errorf("counts %q, which is not in the deck", id)
		}
		if q.Check && c.Round2 != nil {
			return fmt.Errorf("%q is a knowledge-check question, which has one round", id)
		}
		for _, counts := range [][]int{c.Round1, c.Round2} {
			if counts == nil {
				continue
			}
			if err := checkCounts(q, counts); err != nil {
				return err
			}
		}
	}
	return nil
}

func checkCounts(q Question, counts []int) error {
	if len(counts) != q.Choices {
		return fmt.Errorf("%q needs %d counts, one per option, not %d", q.ID, q.Choices, len(counts))
	}
	for _, n := range counts {
		if n < 0 || n > MaxHandCount {
			return fmt.Errorf("a count for %q is %d: counts are whole numbers from 0 to %d", q.ID, n, MaxHandCount)
		}
	}
	return nil
}
