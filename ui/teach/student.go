package teach

import (
	"fmt"
	"strings"

	"github.com/pressend/pressend/checklist"
	"github.com/pressend/pressend/checklist/teach"
)

// The student text is written for the plain prompts, which screen readers
// read line by line: whole sentences, no wrapping, no tables, and the
// option letter beside its number so students can match what they typed
// to the letters on the projector.

// Disclaimer is shown with the first feedback and in the handout: the
// suggested answer is an interpretation, not guidance.
const Disclaimer = "The suggested answers are one reasonable reading of the guidance, for discussion; they are not guidance themselves, and this is not legal advice."

// ScenarioPrompt is a scenario as the student first reads it: its place in
// the deck, the story, the question and the numbered options or scale.
func ScenarioPrompt(sc checklist.Scenario, q teach.Question, n, total int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Scenario %d of %d: %s\n", n, total, line(sc.Title))
	if sc.Placement {
		b.WriteString("Written for students on placement.\n")
	}
	fmt.Fprintf(&b, "\n%s\n\n%s\n\n", text(sc.Story), text(sc.Question))
	if q.Scale {
		low, high := "", ""
		if sc.Scale.Low != "" || sc.Scale.High != "" {
			low, high = line(sc.Scale.Low), line(sc.Scale.High)
		}
		fmt.Fprintf(&b, "Answer on a scale from 1 (%s) to 5 (%s).\n", low, high)
		return b.String()
	}
	writeOptions(&b, q, sc.Options)
	return b.String()
}

// CheckPrompt is one knowledge-check question with its options.
func CheckPrompt(ck checklist.Check, q teach.Question, n, total int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Knowledge check %d of %d\n\n%s\n\n", n, total, text(ck.Question))
	writeOptions(&b, q, ck.Options)
	return b.String()
}

func writeOptions(b *strings.Builder, q teach.Question, opts []checklist.Option) {
	for i, o := range opts {
		fmt.Fprintf(b, "  %d (%s). %s\n", i+1, teach.OptionLabel(q, i+1), text(o.Text))
	}
}

// Choice names a choice the way the student typed it and the projector
// shows it: "2 (B)", or "4" on a scale.
func Choice(q teach.Question, v int) string {
	if q.Scale {
		return fmt.Sprint(v)
	}
	return fmt.Sprintf("%d (%s)", v, teach.OptionLabel(q, v))
}

// ScenarioFeedback is shown after round 2 and the confidence: what the
// student chose, each option's feedback, the suggested answer (or that
// there is none, with the commentary), the principle and the citations
// for the student's profession.
func ScenarioFeedback(pack *checklist.Pack, sc checklist.Scenario, q teach.Question, a teach.Answer, role string) string {
	var b strings.Builder
	b.WriteString("Feedback\n\n")
	switch {
	case a.Round1 > 0 && a.Round2 > 0:
		fmt.Fprintf(&b, "You answered %s alone and %s after discussion.\n", Choice(q, a.Round1), Choice(q, a.Round2))
	case a.Round1 > 0:
		fmt.Fprintf(&b, "You answered %s.\n", Choice(q, a.Round1))
	}
	if a.Confidence > 0 {
		fmt.Fprintf(&b, "You were %d out of 5 sure.\n", a.Confidence)
	}
	b.WriteString("\n")
	for i, o := range sc.Options {
		fmt.Fprintf(&b, "%s. %s%s\n", teach.OptionLabel(q, i+1), text(o.Text), marks(q, i+1, a))
		fmt.Fprintf(&b, "   %s\n", text(o.Feedback))
	}
	if len(sc.Options) > 0 {
		b.WriteString("\n")
	}
	switch {
	case q.Best > 0:
		fmt.Fprintf(&b, "Suggested answer: %s.\n", Choice(q, q.Best))
	default:
		b.WriteString("There is no single right answer.\n")
	}
	if c := text(sc.Commentary); c != "" {
		fmt.Fprintf(&b, "%s\n", c)
	}
	fmt.Fprintf(&b, "\nPrinciple: %s\n", text(sc.Principle))
	b.WriteString(auditLink(pack, sc.Items))
	b.WriteString(Citations(pack, sc.Cite, role))
	return b.String()
}

// auditLink points from a scenario to the matching checks of pressend's
// own audit, so a student can check their own accounts afterwards.
func auditLink(pack *checklist.Pack, items []string) string {
	var qs []string
	for _, id := range items {
		if it, _, ok := pack.Item(id); ok {
			qs = append(qs, "\""+line(it.Question)+"\"")
		}
	}
	if len(qs) == 0 {
		return ""
	}
	return "Check your own accounts: pressend's audit (run pressend) asks " + strings.Join(qs, " and ") + "\n"
}

// marks says which options were the student's and which is suggested, in
// words, so nothing depends on colour or position.
func marks(q teach.Question, opt int, a teach.Answer) string {
	var m []string
	switch {
	case a.Round1 == opt && a.Round2 == opt:
		m = append(m, "your answer in both rounds")
	case a.Round1 == opt:
		m = append(m, "your first answer")
	case a.Round2 == opt:
		m = append(m, "your answer after discussion")
	}
	if q.Best == opt {
		if q.Check {
			m = append(m, "correct answer")
		} else {
			m = append(m, "suggested answer")
		}
	}
	if len(m) == 0 {
		return ""
	}
	return " (" + strings.Join(m, "; ") + ")"
}

// CheckFeedback is shown after a knowledge-check answer: right or not, the
// feedback on the chosen and the correct option, and the citations.
func CheckFeedback(pack *checklist.Pack, ck checklist.Check, q teach.Question, a teach.Answer, role string) string {
	var b strings.Builder
	switch {
	case q.Best == 0:
	case a.Round1 == q.Best:
		fmt.Fprintf(&b, "Correct: %s.\n", Choice(q, q.Best))
	default:
		fmt.Fprintf(&b, "Not quite: the answer is %s.\n", Choice(q, q.Best))
	}
	for i, o := range ck.Options {
		if i+1 != a.Round1 && i+1 != q.Best {
			continue
		}
		fmt.Fprintf(&b, "%s. %s%s\n   %s\n", teach.OptionLabel(q, i+1), text(o.Text), marks(q, i+1, a), text(o.Feedback))
	}
	b.WriteString(auditLink(pack, ck.Items))
	b.WriteString(Citations(pack, ck.Cite, role))
	return b.String()
}

// Citations lists the sources for the student's profession under the
// tier headings the audit uses.
func Citations(pack *checklist.Pack, cites []checklist.Citation, role string) string {
	cs := teach.ForRole(pack, cites, role)
	if len(cs) == 0 {
		return ""
	}
	regulator := ""
	if r, ok := pack.Role(role); ok {
		regulator = r.Regulator
	}
	var b strings.Builder
	b.WriteString("\nSources for you\n")
	var last checklist.Tier
	for _, c := range cs {
		if c.Tier != last {
			fmt.Fprintf(&b, "  %s\n", teach.StudentTierLabel(pack, c.Tier, regulator))
			last = c.Tier
		}
		fmt.Fprintf(&b, "    - %s\n", c.Text)
	}
	return b.String()
}

func line(s string) string { return checklist.SanitizeLine(s) }
func text(s string) string { return strings.TrimSpace(checklist.Sanitize(s)) }
