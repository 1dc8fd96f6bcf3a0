package teach

import (
	"fmt"
	"strings"

	"github.com/pressend/pressend/checklist"
	"github.com/pressend/pressend/checklist/teach"
)

// FacilitatorNotes is what the facilitator's notes window shows for one
// question: the suggested answer, the principle, the teaching points and
// misconceptions to expect, prompts for the discussion, each option's
// feedback, and the sources for every profession in the room, each
// labelled with whose guidance it is. None of it is on the projector.
func FacilitatorNotes(d *teach.Deck, q teach.Question) string {
	var b strings.Builder
	if q.Check {
		ck, _ := d.CheckItem(q)
		fmt.Fprintf(&b, "Knowledge check %d of %d\n%s\n\n", q.Index+1, len(d.Checks), text(ck.Question))
		answer(&b, q, ck.Options)
		feedback(&b, q, ck.Options)
		sources(&b, d.Pack, ck.Cite)
		return b.String()
	}
	sc, _ := d.Scenario(q)
	fmt.Fprintf(&b, "Scenario %d of %d: %s\n", q.Index+1, len(d.Scenarios), line(sc.Title))
	if sc.Placement {
		b.WriteString("Written for students on placement.\n")
	}
	b.WriteString("\n")
	answer(&b, q, sc.Options)
	if c := text(sc.Commentary); c != "" {
		fmt.Fprintf(&b, "%s\n", c)
	}
	fmt.Fprintf(&b, "\nPrinciple: %s\n", text(sc.Principle))
	refs := func(items []string) []string {
		out := make([]string, len(items))
		for i, it := range items {
			out[i] = resolveRefs(d.Pack, it)
		}
		return out
	}
	list(&b, "Teaching points", refs(sc.Notes.TeachingPoints))
	list(&b, "Misconceptions to expect", refs(sc.Notes.Misconceptions))
	list(&b, "Questions for the discussion", refs(sc.Discussion))
	feedback(&b, q, sc.Options)
	sources(&b, d.Pack, sc.Cite)
	b.WriteString("\n" + Disclaimer + "\n")
	return b.String()
}

func answer(b *strings.Builder, q teach.Question, opts []checklist.Option) {
	switch {
	case q.Best > 0 && q.Best <= len(opts):
		word := "Suggested answer"
		if q.Check {
			word = "Correct answer"
		}
		fmt.Fprintf(b, "%s: %s. %s\n", word, teach.OptionLabel(q, q.Best), text(opts[q.Best-1].Text))
	case q.Scale:
		b.WriteString("An acceptability scale: there is no single right answer.\n")
	default:
		b.WriteString("There is no single right answer.\n")
	}
}

func list(b *strings.Builder, heading string, items []string) {
	if len(items) == 0 {
		return
	}
	fmt.Fprintf(b, "\n%s\n", heading)
	for _, it := range items {
		fmt.Fprintf(b, "  - %s\n", text(it))
	}
}

// resolveRefs names the sources notes refer to by id, "(EXPRESSSTAR-2026)"
// becoming "(Express & Star, 2026)", so the facilitator can find them.
func resolveRefs(pack *checklist.Pack, s string) string {
	return sourceRef().ReplaceAllStringFunc(s, func(m string) string {
		src, ok := pack.Source(m[1 : len(m)-1])
		if !ok {
			return m
		}
		name := checklist.SanitizeLine(src.Publisher)
		if src.Year != "" {
			name += ", " + checklist.SanitizeLine(src.Year)
		}
		return "(" + name + ")"
	})
}

func feedback(b *strings.Builder, q teach.Question, opts []checklist.Option) {
	if len(opts) == 0 {
		return
	}
	b.WriteString("\nFeedback students see on each option\n")
	for i, o := range opts {
		fmt.Fprintf(b, "  %s. %s\n     %s\n", teach.OptionLabel(q, i+1), text(o.Text), text(o.Feedback))
	}
}

// sources lists every citation with whose guidance it is, so the
// facilitator can point each profession in the room to its own.
func sources(b *strings.Builder, pack *checklist.Pack, cites []checklist.Citation) {
	cs := teach.AllCitations(pack, cites)
	if len(cs) == 0 {
		return
	}
	b.WriteString("\nSources (each student sees those for their own profession)\n")
	for _, c := range cs {
		fmt.Fprintf(b, "  - %s: %s\n", teach.KindLabel(pack, c), c.Text)
	}
}
