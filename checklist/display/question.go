package display

import (
	"strings"
	"time"

	"github.com/pressend/pressend/checklist"
)

// Options say who is looking and what they may see.
type Options struct {
	// Now dates the view; it is passed in so output is reproducible.
	Now time.Time
	// ShareSafe is screen-share safety: notes, adviser notes and file
	// paths are hidden, because the screen may be seen by others.
	ShareSafe bool
	// AdviserNotes includes an adviser's private notes. They are never
	// shown while ShareSafe is on.
	AdviserNotes bool
}

// Question is the content of one question, cleaned and tailored.
type Question struct {
	// Index and Total place the question in the audit (0-based index).
	Index, Total int
	// SectionNumber of SectionCount is the section's place among those
	// asked; InSection of SectionSize the question's place in it.
	SectionNumber, SectionCount int
	SectionTitle                string
	InSection, SectionSize      int
	Item                        string
	Text, Why, More             string
	Check, Record               string
	// CheckShort is the first sentence of Check, for the question screen;
	// the rest is behind "more".
	CheckShort string
	Harm       string
	Cites      []Cite
	// Uncertain lists facts the research marks uncertain: the item's, and
	// those of the user's own platforms in its rows.
	Uncertain []string
	Rows      []Row
}

// Row is one answerable line of a question.
type Row struct {
	Key      string
	Platform string
	// Label names the account: "X (pseudonymous)", or "All accounts".
	Label        string
	Severity     checklist.Severity
	SeverityWord string
	Raised       bool
	Answered     bool
	State        checklist.State
	StateLabel   string
	Symbol       string
	Reason       string
	// Previous is the answer in the last completed round, during a
	// re-audit ("" when there is none).
	Previous string
	// Note is the shared note; AdviserNote the adviser's private one. Both
	// are empty while screen-share safety hides them (see HiddenNotes).
	Note, AdviserNote string
	// HiddenNotes counts notes on this row that safety hides.
	HiddenNotes int
	Steps       []string
	// Researched says what the steps rest on and when; ResearchedShort
	// says the same in fewer words, for the question screen.
	Researched, ResearchedShort, Fallback, StepNote string
	StepSources                                     []Cite
}

// HasNote reports whether the row has a note of either kind, shown or not.
func (r Row) HasNote() bool { return r.Note != "" || r.AdviserNote != "" || r.HiddenNotes > 0 }

// Path is the steps joined with arrows.
func (r Row) Path() string { return strings.Join(r.Steps, " → ") }

// QuestionAt builds question qi of an evaluation.
func QuestionAt(pack *checklist.Pack, a *checklist.Audit, ev checklist.Evaluation, qi int, o Options) Question {
	return questionAt(pack, a, ev, qi, o, checklist.Spans(ev.Questions), false)
}

// questionAt builds question qi, given the evaluation's section spans.
// With forWords set it fills in only what ScreenWords reads (the texts,
// the primary citation, the section and the rows' labels and steps), for
// estimates that build every question of several audits; tests check that
// ScreenWords gives the same count either way.
func questionAt(pack *checklist.Pack, a *checklist.Audit, ev checklist.Evaluation, qi int, o Options, spans []checklist.SectionSpan, forWords bool) Question {
	q := &ev.Questions[qi]
	cited := checklist.CitationsFor(pack, q.Item.Cite, a.Profile)
	if forWords {
		cited = primaryOnly(cited)
	}
	v := Question{
		Index: qi, Total: len(ev.Questions), Item: Line(q.Item.ID),
		Text: Line(q.Text.Question), Why: Line(q.Text.Why),
		CheckShort: firstSentence(Line(q.Text.Check)),
		Cites:      cites(pack, cited),
	}
	if !forWords {
		v.More, v.Check, v.Record = Text(q.Text.More), Text(q.Text.Check), Line(q.Item.Record)
		if h, ok := pack.Harm(q.Item.Harm); ok {
			v.Harm = Line(h.Title)
		}
	}
	for i, sp := range spans {
		if qi >= sp.Start && qi < sp.Start+sp.Count {
			v.SectionNumber, v.SectionCount = i+1, len(spans)
			v.SectionTitle = Line(pack.Sections[sp.Section].Title)
			v.InSection, v.SectionSize = qi-sp.Start+1, sp.Count
		}
	}
	if forWords {
		for _, r := range q.Rows {
			v.Rows = append(v.Rows, rowForWords(pack, q, r))
		}
		return v
	}
	if q.Item.Uncertain != "" {
		v.Uncertain = append(v.Uncertain, Line(q.Item.Uncertain))
	}
	for _, r := range q.Rows {
		row := buildRow(pack, a, ev, q, r, o)
		if h, ok := q.Item.HowTo[r.Platform]; ok && h.Uncertain != "" {
			v.Uncertain = append(v.Uncertain, rowName(pack, r)+": "+Line(h.Uncertain))
		}
		v.Rows = append(v.Rows, row)
	}
	return v
}

// primaryOnly keeps the one citation Primary would pick from the views of
// cs, so only that one is formatted.
func primaryOnly(cs []checklist.Cited) []checklist.Cited {
	for i := range cs {
		if cs[i].Tier == checklist.TierRegulator {
			return cs[i : i+1]
		}
	}
	if len(cs) > 0 && cs[0].Tier <= checklist.TierLaw {
		return cs[:1]
	}
	return nil
}

// rowForWords is the part of buildRow that ScreenWords reads.
func rowForWords(pack *checklist.Pack, q *checklist.Question, r checklist.Row) Row {
	row := Row{Label: rowName(pack, r)}
	if w := AccountWord(r.Account); w != "" && r.Platform != "" {
		row.Label += " (" + w + ")"
	}
	if h, ok := q.Item.HowTo[r.Platform]; ok && r.Platform != "" {
		for _, s := range h.Steps {
			row.Steps = append(row.Steps, Line(s))
		}
		row.ResearchedShort = BasisShort(h)
	}
	return row
}

// rowName is a row's platform name, or "All accounts".
func rowName(pack *checklist.Pack, r checklist.Row) string {
	if r.Platform == "" {
		return General
	}
	return Line(pack.PlatformName(r.Platform))
}

// buildRow builds one row with its answer, notes and steps.
func buildRow(pack *checklist.Pack, a *checklist.Audit, ev checklist.Evaluation, q *checklist.Question, r checklist.Row, o Options) Row {
	row := Row{Key: Line(r.Key), Platform: Line(r.Platform), Label: rowName(pack, r),
		Severity: r.Severity, SeverityWord: SeverityWord(r.Severity), Raised: r.Raised}
	if w := AccountWord(r.Account); w != "" && r.Platform != "" {
		row.Label += " (" + w + ")"
	}
	if ans, ok := a.Answers[r.Key]; ok {
		row.Answered, row.State, row.Reason = true, ans.State, Text(ans.Reason)
	}
	row.StateLabel, row.Symbol = row.State.Label(), row.State.Symbol()
	if ev.Last != nil {
		if prev, ok := ev.Last.Answers[r.Key]; ok {
			row.Previous = prev.State.Label()
		}
	}
	row.Note, row.AdviserNote, row.HiddenNotes = notes(a.Notes[r.Key], a.AdviserNotes[r.Key], o)
	if h, ok := q.Item.HowTo[r.Platform]; ok && r.Platform != "" {
		for _, s := range h.Steps {
			row.Steps = append(row.Steps, Line(s))
		}
		row.Researched, row.ResearchedShort = BasisText(h), BasisShort(h)
		row.Fallback, row.StepNote = Line(h.Fallback), Text(h.Note)
		row.StepSources = stepCites(pack, h.Sources)
	}
	return row
}

// notes applies the viewer's options to a row's two notes.
func notes(shared, adviser string, o Options) (string, string, int) {
	shared, adviser = Text(shared), Text(adviser)
	if !o.AdviserNotes {
		adviser = ""
	}
	if !o.ShareSafe {
		return shared, adviser, 0
	}
	hidden := 0
	for _, n := range []string{shared, adviser} {
		if n != "" {
			hidden++
		}
	}
	return "", "", hidden
}

// firstSentence is text up to the end of its first sentence.
func firstSentence(s string) string {
	for i := 0; i+1 < len(s); i++ {
		if (s[i] == '.' || s[i] == '?' || s[i] == '!' || s[i] == ':') && s[i+1] == ' ' {
			return s[:i+1]
		}
	}
	return s
}
