package checklist

import (
	"maps"
	"time"
)

// Evaluation is everything derived from a pack and an audit: the questions
// for the user's profile and mode, the score and the plan. Every screen,
// the accessible prompts and every report start from one, so none of them
// can disagree with another about what the answers mean.
type Evaluation struct {
	Mode      Mode
	Questions []Question
	// Rows is the number of answerable rows; Answered how many have an
	// answer in the current round.
	Rows, Answered int
	Score          Score
	Plan           Plan
	// Last is the completed round this one is compared with, if any.
	Last *Round
	// Carried counts rows whose answer still comes from Last because a
	// re-audit has not reached them yet. The score and plan use those
	// answers, so the last completed plan stays available until the new
	// round is finished.
	Carried int
}

// Evaluate derives the questions, score and plan for an audit. An audit
// with no complete profile has no questions.
func Evaluate(pack *Pack, a *Audit) Evaluation {
	ev := Evaluation{Mode: a.Mode}
	if ev.Mode == "" {
		ev.Mode = Full
	}
	if a.Profile.Complete() {
		ev.Questions = Questions(pack, a.Profile, ev.Mode)
	}
	answers, carried := effectiveAnswers(a)
	for _, q := range ev.Questions {
		for _, r := range q.Rows {
			ev.Rows++
			if _, ok := a.Answers[r.Key]; ok {
				ev.Answered++
			} else if carried[r.Key] {
				ev.Carried++
			}
		}
	}
	if last, ok := a.LastRound(); ok {
		ev.Last = &last
	}
	ev.Score = computeScore(ev.Questions, answers)
	ev.Plan = buildPlan(pack, ev.Questions, a, answers, carried)
	return ev
}

// effectiveAnswers is the current round's answers, plus, while a re-audit
// is under way, the last completed round's answers for rows not answered
// again yet. carried marks the latter.
func effectiveAnswers(a *Audit) (map[string]Answer, map[string]bool) {
	if a.Completed != nil || len(a.Rounds) == 0 {
		return a.Answers, nil
	}
	last := a.Rounds[len(a.Rounds)-1]
	if len(last.Answers) == 0 {
		return a.Answers, nil
	}
	out := maps.Clone(a.Answers)
	carried := map[string]bool{}
	for k, v := range last.Answers {
		if _, ok := out[k]; !ok {
			out[k] = v
			carried[k] = true
		}
	}
	return out, carried
}

// Finished reports whether every row of the current round has an answer.
func (ev Evaluation) Finished() bool { return ev.Rows > 0 && ev.Answered == ev.Rows }

// ReviewInterval is how long until the next review: six months, because
// platforms move their settings several times a year.
func ReviewInterval(t time.Time) time.Time { return t.AddDate(0, 6, 0) }

// Complete records the finished round: it keeps a copy of the answers for
// comparison with the next round, and sets the next review date. It does
// nothing unless every row is answered, or when the round is already
// complete.
func (a *Audit) Complete(ev Evaluation, now time.Time) bool {
	if !ev.Finished() || a.Completed != nil {
		return false
	}
	t := now
	a.Completed = &t
	a.NextReview = DateOf(ReviewInterval(now))
	r := Round{
		Completed: now, Mode: ev.Mode, PackVersion: a.PackVersion,
		Percent: ev.Score.Overall.Percent, Band: ev.Score.Overall.Band,
		Actions: ev.Plan.Open(), Answers: maps.Clone(a.Answers),
	}
	// A round finished again after a profile change or an extension to the
	// full audit is the same round, not a new one.
	if n := len(a.Rounds); n > 0 && !a.Started.After(a.Rounds[n-1].Completed) {
		a.Rounds[n-1] = r
	} else {
		a.Rounds = append(a.Rounds, r)
	}
	a.Updated = now
	return true
}

// DateOf is the calendar date of t, in t's location.
func DateOf(t time.Time) Date { return Date(t.Format(DateLayout)) }
