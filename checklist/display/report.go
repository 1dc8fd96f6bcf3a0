package display

import (
	"fmt"
	"strings"
	"time"

	"github.com/pressend/pressend/checklist"
)

// Schema identifies the JSON report format.
const Schema = "pressend.report/v2"

// ReportOptions are Options plus what only reports need.
type ReportOptions struct {
	Options
	// Path is the audit file. A report shows it only with ShowPath,
	// because the path holds the user's account name.
	Path     string
	ShowPath bool
	// Version is pressend's version, for the generator field.
	Version string
	// Member builds the adviser's report for the member's file.
	Member bool
}

// Build gathers and cleans everything a report or the results screen
// shows. The plan and score come from the evaluation, so nothing shown
// can disagree with the answers.
func Build(pack *checklist.Pack, a *checklist.Audit, ev checklist.Evaluation, o ReportOptions) *Report {
	plan := ev.Plan
	r := &Report{
		Schema:      Schema,
		Generator:   Generator{Name: "pressend", Version: Line(o.Version)},
		GeneratedAt: Stamp(o.Now),
		Date:        o.Now.Format(LongDate),
		Audit: AuditInfo{Name: Line(a.Name), Mode: string(ev.Mode),
			Created: Stamp(a.Created), Updated: Stamp(a.Updated)},
		Pack:        packInfo(pack, a.Profile, o),
		Progress:    Progress{Answered: ev.Answered, Total: ev.Rows, Questions: len(ev.Questions)},
		AllClear:    ev.Rows > 0 && plan.Open() == 0 && plan.Unanswered == 0,
		Score:       scoreInfo(pack, ev.Score),
		OpenActions: plan.Open(),
		DoneActions: len(plan.Actions) - plan.Open(),
		OpenMinutes: plan.Minutes(),
		Actions:     []Action{},
		Accepted:    []Risk{},
		Notes:       []Note{},
		Unanswered:  plan.Unanswered,
		NextReview:  Line(string(a.NextReview)),
		SinceLast:   since(pack, ev, a),
		Notice:      NotLegalAdvice,
	}
	if o.ShowPath && !o.ShareSafe {
		r.Audit.File = Line(o.Path)
	}
	if a.Completed != nil {
		r.Audit.Completed = Stamp(*a.Completed)
	}
	if a.Profile != nil {
		r.Profile = profileInfo(pack, a.Profile)
	}
	// Each action is built once and reused by the grouped view.
	views := make(map[string]Action, len(plan.Actions))
	for _, act := range plan.Actions {
		v := action(pack, a, act, o.Options)
		views[act.Row.Key] = v
		r.Actions = append(r.Actions, v)
	}
	if f, ok := plan.First(); ok {
		v := views[f.Row.Key]
		r.First = &v
	}
	for _, g := range plan.ByPlatform() {
		gv := Group{Platform: Line(g.Platform), Name: GeneralGroup}
		if g.Platform != "" {
			gv.Name = Line(pack.PlatformName(g.Platform))
		}
		for _, act := range g.Actions {
			gv.Actions = append(gv.Actions, views[act.Row.Key])
		}
		r.Groups = append(r.Groups, gv)
	}
	for _, acc := range plan.Accepted {
		shared, _, _ := notes(a.Notes[acc.Row.Key], "", o.Options)
		r.Accepted = append(r.Accepted, Risk{
			Key: Line(acc.Row.Key), Item: Line(acc.Question.Item.ID), Platform: Line(acc.Row.Platform),
			PlatformName: platformName(pack, acc.Row.Platform), Severity: acc.Row.Severity.String(),
			Question: Line(acc.Question.Text.Question), Reason: Text(acc.Reason), Note: shared,
		})
	}
	r.Notes = otherNotes(pack, a, ev, views, o.Options)
	if !o.ShareSafe {
		r.GeneralNote = Text(a.SessionNote)
		if o.AdviserNotes {
			r.AdviserGeneralNote = Text(a.AdviserSessionNote)
		}
	}
	if pack.Org != (checklist.Org{}) {
		r.Org = &OrgInfo{Name: Line(pack.Org.Name), Contact: Text(pack.Org.Contact), Footer: Text(pack.Org.Footer)}
	}
	if o.Member {
		r.Member = member(pack, a, o.Now)
	}
	r.Sentences = sentences(r, pack, a, ev, o)
	return r
}

// otherNotes lists notes on rows that are neither actions nor accepted.
func otherNotes(pack *checklist.Pack, a *checklist.Audit, ev checklist.Evaluation, actions map[string]Action, o Options) []Note {
	out := []Note{}
	for _, q := range ev.Questions {
		for _, row := range q.Rows {
			shared, adviser, _ := notes(a.Notes[row.Key], a.AdviserNotes[row.Key], o)
			note := joinNotes(shared, adviser)
			ans, answered := a.Answers[row.Key]
			_, isAction := actions[row.Key]
			if note == "" || isAction || ans.State == checklist.Accepted {
				continue
			}
			n := Note{Key: Line(row.Key), Item: Line(q.Item.ID), Platform: Line(row.Platform),
				PlatformName: platformName(pack, row.Platform), Question: Line(q.Text.Question),
				StateLabel: ans.State.Label(), Note: note}
			if answered {
				n.State = string(ans.State)
			}
			out = append(out, n)
		}
	}
	return out
}

// joinNotes puts an adviser's note (when shown) after the shared one,
// labelled, so it is never mistaken for the member's.
func joinNotes(shared, adviser string) string {
	switch {
	case adviser == "":
		return shared
	case shared == "":
		return "Adviser only: " + adviser
	}
	return shared + "\nAdviser only: " + adviser
}

func platformName(pack *checklist.Pack, id string) string {
	if id == "" {
		return ""
	}
	return Line(pack.PlatformName(id))
}

// action turns a plan action into its view, with the click-path for its
// platform and the citations for the user's own regulator and role.
func action(pack *checklist.Pack, a *checklist.Audit, act checklist.Action, o Options) Action {
	q, r := act.Question, act.Row
	v := Action{
		Key: Line(r.Key), Item: Line(q.Item.ID), Platform: Line(r.Platform), PlatformName: platformName(pack, r.Platform),
		Subject: Line(q.Text.Question), Harm: Line(act.Harm.Title), Rank: act.Harm.Rank,
		Severity: r.Severity.String(), Raised: r.Raised, State: string(act.State), Text: Line(act.Text),
		Minutes: act.Minutes, Group: string(act.Group), Done: act.Done, LastRound: act.FromLastRound,
		Check: Line(q.Text.Check), Steps: []string{}, Uncertain: []string{},
		Cites: cites(pack, checklist.CitationsFor(pack, q.Item.Cite, a.Profile)), StepCites: []Cite{},
	}
	shared, adviser, _ := notes(a.Notes[r.Key], a.AdviserNotes[r.Key], o)
	v.Note = joinNotes(shared, adviser)
	if q.Section >= 0 && q.Section < len(pack.Sections) {
		v.Section = Line(pack.Sections[q.Section].ID)
	}
	if r.Raised {
		v.RaisedText = "Raised to " + v.Severity + " because you can be identified as a health professional on this account."
	}
	if act.Done {
		v.DoneAt, v.DoneText = Stamp(act.DoneAt), "marked done "+act.DoneAt.Format(LongDate)
	}
	if q.Item.Uncertain != "" {
		v.Uncertain = append(v.Uncertain, Line(q.Item.Uncertain))
	}
	if h, ok := q.Item.HowTo[r.Platform]; ok && r.Platform != "" {
		for _, s := range h.Steps {
			v.Steps = append(v.Steps, Line(s))
		}
		v.Researched, v.Fallback, v.StepNote = BasisText(h), Line(h.Fallback), Text(h.Note)
		v.StepCites = stepCites(pack, h.Sources)
		if h.Uncertain != "" {
			v.Uncertain = append(v.Uncertain, Line(h.Uncertain))
		}
	}
	return v
}

// sentences words what depends only on counts and dates.
func sentences(d *Report, pack *checklist.Pack, a *checklist.Audit, ev checklist.Evaluation, o ReportOptions) Sentences {
	var p Sentences
	p.Progress = fmt.Sprintf("%d of %d answered", d.Progress.Answered, d.Progress.Total)
	if ev.Mode == checklist.Quick {
		p.Progress += " (quick audit)"
	}
	switch {
	case d.OpenActions > 0:
		p.Open = Plural(d.OpenActions, "action", "actions") + " to do"
		if d.OpenMinutes > 0 {
			p.Open += fmt.Sprintf(", about %d minutes in all", d.OpenMinutes)
		}
		p.Open += "."
		if d.DoneActions > 0 {
			p.Open += fmt.Sprintf(" %d already marked done.", d.DoneActions)
		}
	case d.DoneActions > 0:
		p.Open = "Every action is marked done."
	}
	if ev.Carried > 0 && ev.Last != nil {
		p.Carried = fmt.Sprintf("Re-audit under way: until you answer them again, %s from your audit of %s.",
			Plural(ev.Carried, "answer comes", "answers come"), ev.Last.Completed.Format(LongDate))
	}
	switch n := d.Unanswered; {
	case n == 1:
		p.Unanswered = "1 question is not answered yet. Until it is, it counts as needing action in the score."
	case n > 1:
		p.Unanswered = fmt.Sprintf("%d questions are not answered yet. Until they are, they count as needing action in the score.", n)
	}
	switch {
	case d.Progress.Total == 0:
		p.Finish = "No questions apply yet: the audit needs your role, nation and accounts first."
	case d.First == nil && d.Unanswered > 0:
		p.Finish = "Finish the audit: " + Plural(d.Unanswered, "question is", "questions are") + " not answered yet."
	}
	if a.NextReview != "" {
		if t, err := a.NextReview.Time(); err == nil && t.Before(o.Now.Truncate(24*60*60*1e9)) {
			p.Review = "Your next review was due on " + DateText(a.NextReview, LongDate) + ". It is a good time to go through the audit again."
		} else {
			p.Review = "Check again on " + DateText(a.NextReview, LongDate) + "."
		}
	}
	p.Since = SinceSentence(d.SinceLast)
	if f := checklist.CheckFreshness(pack, o.Now); f.PackOld {
		p.Stale = append(p.Stale, "This content was last reviewed on "+f.Reviewed.Format(LongDate)+", more than a year ago, so some guidance or settings may have changed.")
	}
	if len(d.Pack.OldPaths) > 0 {
		var names []string
		for _, id := range d.Pack.OldPaths {
			names = append(names, Line(pack.PlatformName(id)))
		}
		p.Stale = append(p.Stale, "The steps for "+strings.Join(names, ", ")+" were researched more than nine months ago. If they do not match what you see, use the search hint.")
	}
	return p
}

// member is the heading of the report for a member's file.
func member(pack *checklist.Pack, a *checklist.Audit, now time.Time) *Member {
	m := &Member{Reference: Line(a.Name), Date: string(checklist.DateOf(now)), Regulator: "none (no registered profession)",
		NotCovered: Gaps(pack, a.Profile)}
	if a.Adviser != nil {
		m.Initials = Line(a.Adviser.Initials)
	}
	if r := RegulatorName(pack, a.Profile); r != "" {
		m.Regulator = r
		if reg, ok := pack.Regulator(a.Profile.RegulatorID(pack)); ok && reg.Full != "" {
			m.Regulator = Line(reg.Full) + " (" + r + ")"
		}
	}
	if a.DeleteAfter != "" {
		m.DeleteAfter = Line(string(a.DeleteAfter))
	}
	return m
}
