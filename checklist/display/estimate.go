package display

import (
	"fmt"
	"math"

	"github.com/pressend/pressend/checklist"
)

// Estimate is how long an audit will take, computed from the text the user
// will read on its question screens at checklist.ReadingWPM, plus
// checklist.AnswerSeconds for each row they answer.
type Estimate struct {
	Questions, Rows, Words int
	Minutes                int
}

// ScreenWords counts the words the question screen shows for a question:
// the question, its short why, the primary citation, the first sentence of
// how to check, and each row with its steps and where they come from. The
// section title is read once per section (EstimateAudit counts it there);
// what is behind "more" is read only by those who open it.
func ScreenWords(q Question) int {
	n := checklist.Words(q.Text) + checklist.Words(q.Why) + checklist.Words(q.CheckShort)
	if c, ok := Primary(q.Cites); ok {
		n += checklist.Words(PrimaryLine(c))
	}
	for _, r := range q.Rows {
		n += checklist.Words(r.Label)
		if len(r.Steps) > 0 {
			n += checklist.Words(r.Path()) + checklist.Words(r.ResearchedShort)
		}
	}
	return n
}

// PrimaryLine is the one citation the question screen shows: the tier's
// short name and the source without repeating its publisher when the
// tier already names it.
func PrimaryLine(c Cite) string {
	text := c.Text
	if c.Tier == checklist.TierRegulator && c.Short != "" {
		text = c.Short
	}
	if c.Label == "" {
		return text
	}
	return c.Label + ": " + text
}

// EstimateFor works out the audit a profile would get, in a mode.
func EstimateFor(pack *checklist.Pack, p *checklist.Profile, mode checklist.Mode) Estimate {
	a := &checklist.Audit{Profile: p, Mode: mode}
	return EstimateAudit(pack, a, checklist.Evaluate(pack, a))
}

// EstimateAudit works out how long an evaluated audit takes in all.
func EstimateAudit(pack *checklist.Pack, a *checklist.Audit, ev checklist.Evaluation) Estimate {
	var e Estimate
	section := ""
	spans := checklist.Spans(ev.Questions)
	for i := range ev.Questions {
		q := questionAt(pack, a, ev, i, Options{}, spans, true)
		e.Questions++
		e.Rows += len(q.Rows)
		e.Words += ScreenWords(q)
		if q.SectionTitle != section {
			section = q.SectionTitle
			e.Words += checklist.Words(section)
		}
	}
	secs := checklist.ReadingSeconds(e.Words) + float64(e.Rows*checklist.AnswerSeconds)
	e.Minutes = int(math.Ceil(secs / 60))
	return e
}

// Text says it in a sentence: "31 questions, about 14 minutes".
func (e Estimate) Text() string {
	return fmt.Sprintf("%s, about %s", Plural(e.Questions, "question", "questions"), Plural(e.Minutes, "minute", "minutes"))
}

// referenceProfiles are typical users: the range of their estimates is
// what the welcome screen promises before the user has said who they are.
func referenceProfiles() []*checklist.Profile {
	acc := func(pairs ...string) map[string]checklist.AccountType {
		m := map[string]checklist.AccountType{}
		for i := 0; i+1 < len(pairs); i += 2 {
			m[pairs[i]] = checklist.AccountType(pairs[i+1])
		}
		return m
	}
	return []*checklist.Profile{
		{Role: "doctor", Nation: "england", Accounts: acc("x", "pseudonymous", "facebook", "personal", "whatsapp", "personal")},
		{Role: "nursing-student", Nation: "england", Accounts: acc("instagram", "personal", "tiktok", "personal")},
		{Role: "pharmacy", Nation: "northern-ireland", Accounts: acc("linkedin", "professional", "x", "personal")},
		{Role: "nurse", Nation: "scotland", Accounts: acc("facebook", "personal", "whatsapp", "personal")},
		{Role: "dental", Nation: "wales", Accounts: acc("instagram", "professional", "facebook", "personal", "whatsapp", "personal")},
	}
}

// TypicalMinutes is the range of estimates over typical profiles that the
// pack can express (roles and platforms it knows), for a mode.
func TypicalMinutes(pack *checklist.Pack, mode checklist.Mode) (lo, hi int) {
	lo = math.MaxInt
	for _, p := range referenceProfiles() {
		if p.Validate(pack) != nil {
			continue
		}
		m := EstimateFor(pack, p, mode).Minutes
		lo, hi = min(lo, m), max(hi, m)
	}
	if lo > hi {
		return 0, 0
	}
	return lo, hi
}
