package teach

import (
	"encoding/json"
	"fmt"
	"path/filepath"
)

// SlideFormat identifies the projector's slide file, version 1. The
// projector rewrites it on every slide change so that the facilitator's
// notes window (`pressend teach notes`) can follow along:
//
//	{"format": "pressend.teach.slide/v1", "session": "ACDE34",
//	 "deck": "1a2b3c4d5e6f", "question": "rant-account", "index": 2,
//	 "phase": "round1", "show_best": false}
//
// It holds where the projector is, and nothing about any student.
const SlideFormat = "pressend.teach.slide/v1"

// SlideFile is the slide file's name inside pressend's data folder, which
// is private (0700) to the facilitator's account.
const SlideFile = "teach-slide.json"

// Phase is how much of a question's results the projector shows.
type Phase string

// The projector steps through these for a scenario. A knowledge-check
// question has one round, so it goes from PhaseAsk to PhaseRound1.
const (
	// PhaseAsk shows the question; no results yet.
	PhaseAsk Phase = "ask"
	// PhaseRound1 shows the answers given alone.
	PhaseRound1 Phase = "round1"
	// PhaseBoth shows rounds 1 and 2 side by side.
	PhaseBoth Phase = "both"
)

// Slide is where the projector is.
type Slide struct {
	Session  string `json:"session"`
	Deck     string `json:"deck"`
	Question string `json:"question"`
	// Index is the question's place in the deck, from 0.
	Index    int   `json:"index"`
	Phase    Phase `json:"phase"`
	ShowBest bool  `json:"show_best"`
}

type slideFile struct {
	Format string `json:"format"`
	Slide
}

// SlidePath is the slide file in the data folder dir.
func SlidePath(dir string) string { return filepath.Join(dir, SlideFile) }

// WriteSlide replaces the slide file, whole or not at all, as 0600.
func WriteSlide(path string, s Slide) error {
	data, err := json.Marshal(slideFile{Format: SlideFormat, Slide: s})
	if err != nil {
		return err
	}
	return writeAtomic(path, append(data, '\n'))
}

// ReadSlide reads the slide file. A missing file means no projector has
// started yet, which the notes window says in words.
func ReadSlide(path string) (Slide, error) {
	data, err := readLimited(path)
	if err != nil {
		return Slide{}, err
	}
	var f slideFile
	if err := decodeStrict(data, &f); err != nil {
		return Slide{}, fmt.Errorf("the projector's slide file %s is damaged (%v); it is rewritten when the projector next changes slide", path, err)
	}
	if err := checkFormat(f.Format, SlideFormat); err != nil {
		return Slide{}, err
	}
	return f.Slide, nil
}

// Fits says whether a slide belongs to this deck, and where in it: the
// question must be the deck's and at its index.
func (d *Deck) Fits(s Slide) bool {
	if s.Deck != d.Hash || s.Index < 0 || s.Index >= len(d.questions) {
		return false
	}
	return d.questions[s.Index].ID == s.Question
}
