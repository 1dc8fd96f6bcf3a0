package checklist

import (
	"math"
	"strings"
	"unicode"
)

// The reading and working speeds every time estimate is computed from.
// They are stated on screen ("at 200 words a minute") so the user can judge
// them, and tests recompute the figures from the content shown.
const (
	// ReadingWPM is a careful reading speed for guidance on a screen. Adults
	// read ordinary non-fiction silently at about 240 words a minute
	// (Brysbaert 2019); guidance with citations is read more slowly.
	ReadingWPM = 200
	// AnswerSeconds is the time to choose and press an answer once the
	// question has been read.
	AnswerSeconds = 4
	// StepSeconds is the time for one step of a click-path in the app:
	// finding the menu entry and tapping it.
	StepSeconds = 15
)

// Words counts the words a person reads in s: runs of letters or digits,
// so "18–20" and "don't" count as one or two the way a reader takes them.
func Words(s string) int {
	n, in := 0, false
	for _, r := range s {
		word := unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’'
		if word && !in {
			n++
		}
		in = word
	}
	return n
}

// ReadingSeconds is how long words take to read at ReadingWPM.
func ReadingSeconds(words int) float64 { return float64(words) * 60 / ReadingWPM }

// ActionMinutes estimates an action: reading it and its steps, following
// the steps in the app, and any hands-on work the pack states. It is at
// least one minute and rounded up, never down.
func ActionMinutes(text string, steps []string, work int) int {
	secs := ReadingSeconds(Words(text)+Words(strings.Join(steps, " "))) + float64(len(steps)*StepSeconds)
	return max(1, int(math.Ceil(secs/60))+work)
}
