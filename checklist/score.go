package checklist

// Band is a named range of scores. People misread bare numbers, so the app
// always leads with the band and the reasons.
type Band string

// The four bands, worst first.
const (
	BandExposed   Band = "exposed"
	BandNeedsWork Band = "needs work"
	BandGood      Band = "good"
	BandStrong    Band = "strong"
	// BandNone is for a section with nothing to score yet.
	BandNone Band = "not scored"
)

// Tally is the scored summary of a set of questions.
type Tally struct {
	Safe, Action, Unanswered, NotApplies, Accepted int
	// HighOpen counts high-severity questions that need action or are
	// unanswered: any of them caps the band at "needs work".
	HighOpen int
	Points   int // weighted safe answers
	Max      int // weighted questions in the score
	Percent  int
	Band     Band
}

// SectionScore is a section's tally.
type SectionScore struct {
	Section int // index into Pack.Sections
	Tally
}

// Score is the per-section and overall result.
type Score struct {
	Sections []SectionScore
	Overall  Tally
}

// weight turns severity into points: a high item counts three times a low one.
func weight(s Severity) int { return int(s) }

// add counts one row into the tally.
func (t *Tally) add(r Row, a Answer, answered bool) {
	w := weight(r.Severity)
	switch {
	case !answered:
		t.Unanswered++
		t.Max += w
		if r.Severity == High {
			t.HighOpen++
		}
	case a.State == Yes:
		t.Safe++
		t.Points += w
		t.Max += w
	case a.State.NeedsAction():
		t.Action++
		t.Max += w
		if r.Severity == High {
			t.HighOpen++
		}
	case a.State == NotApplies:
		t.NotApplies++
	case a.State == Accepted:
		t.Accepted++
	}
}

// finish works out the percentage and band.
func (t *Tally) finish() {
	if t.Max == 0 {
		t.Band = BandNone
		return
	}
	t.Percent = t.Points * 100 / t.Max
	switch {
	case t.Percent >= 90:
		t.Band = BandStrong
	case t.Percent >= 75:
		t.Band = BandGood
	case t.Percent >= 50:
		t.Band = BandNeedsWork
	default:
		t.Band = BandExposed
	}
	if t.HighOpen > 0 && (t.Band == BandStrong || t.Band == BandGood) {
		t.Band = BandNeedsWork
	}
}

// computeScore scores the rows of the questions against the answers.
func computeScore(qs []Question, answers map[string]Answer) Score {
	var s Score
	idx := map[int]int{}
	for _, q := range qs {
		i, ok := idx[q.Section]
		if !ok {
			i = len(s.Sections)
			idx[q.Section] = i
			s.Sections = append(s.Sections, SectionScore{Section: q.Section})
		}
		for _, r := range q.Rows {
			a, answered := answers[r.Key]
			s.Sections[i].add(r, a, answered)
			s.Overall.add(r, a, answered)
		}
	}
	for i := range s.Sections {
		s.Sections[i].finish()
	}
	s.Overall.finish()
	return s
}

// ScoreExplanation says, in plain words, how the score and the order of the
// plan are worked out and what they do not promise.
func ScoreExplanation() []string {
	return []string{
		"Each answer counts by severity: high 3 points, medium 2, low 1.",
		"A \"yes\" earns its points. \"No\", \"unsure\" and unanswered questions earn none.",
		"\"Not applicable\" and accepted risks are left out of the score; accepted risks are listed with your reasons.",
		"Bands: strong is 90% or more, good 75–89%, needs work 50–74%, exposed below 50%.",
		"Any high-severity question still open (no, unsure or unanswered) holds a section at \"needs work\" at best.",
		"The plan puts first what could hurt a patient or you most: each question guards against a kind of harm, ranked below; within a harm, higher severity first, then the quickest fix.",
		"The score is a guide to where to start, not a guarantee: a strong score does not mean nothing you have posted could be a problem, and settings change without notice.",
	}
}
