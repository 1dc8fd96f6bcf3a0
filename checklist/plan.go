package checklist

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// TimeGroup sorts actions by how soon they can be done.
type TimeGroup string

// The plan's three time groups.
const (
	GroupQuick TimeGroup = "5-minute fixes"
	GroupWeek  TimeGroup = "This week"
	GroupHabit TimeGroup = "Habits to keep"
)

// Action is one thing the user should do, derived from a row answered no
// or unsure.
type Action struct {
	Question *Question
	Row      Row
	State    State
	// Text is the action for this row's platform; for an "unsure" answer
	// it begins "Check".
	Text string
	// Minutes is computed from the text and steps (see ActionMinutes).
	Minutes int
	Group   TimeGroup
	// Harm is what the action guards against; its rank orders the plan.
	Harm   Harm
	Done   bool
	DoneAt time.Time
	// FromLastRound is set while a re-audit is under way and this row has
	// not been answered again yet: the action comes from the last
	// completed round.
	FromLastRound bool
}

// Plan is derived from the answers and never stored.
type Plan struct {
	// Actions are ordered most important first: harm rank, then severity,
	// then effort; actions marked done come last.
	Actions []Action
	// Accepted lists the rows whose risk the user chose to keep.
	Accepted []AcceptedRisk
	// Unanswered counts rows with no answer, in this round or the last.
	Unanswered int
}

// AcceptedRisk is a risk the user chose to keep, with their reason.
type AcceptedRisk struct {
	Question *Question
	Row      Row
	Reason   string
}

// ActionText gives the action for a row answered no or unsure: the
// platform's own action where the pack has one, so the text names only
// that platform.
func ActionText(q *Question, r Row, s State) string {
	act := q.Text.Action
	if h, ok := q.Item.HowTo[r.Platform]; ok && h.Action != "" {
		act = h.Action
	}
	if s != Unsure {
		return act
	}
	if q.Text.CheckAction != "" {
		return q.Text.CheckAction
	}
	return "Check this, then if needed: " + lowerFirst(act)
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// groupOf puts an action into a time group.
func groupOf(it *Item, minutes int) TimeGroup {
	switch {
	case it.Kind == KindHabit:
		return GroupHabit
	case it.Kind == KindSetting && minutes <= 5:
		return GroupQuick
	}
	return GroupWeek
}

// buildPlan derives the action plan from the effective answers (see
// Evaluate).
func buildPlan(pack *Pack, qs []Question, a *Audit, answers map[string]Answer, carried map[string]bool) Plan {
	var p Plan
	for qi := range qs {
		q := &qs[qi]
		for _, r := range q.Rows {
			ans, ok := answers[r.Key]
			switch {
			case !ok:
				p.Unanswered++
			case ans.State == Accepted:
				p.Accepted = append(p.Accepted, AcceptedRisk{Question: q, Row: r, Reason: ans.Reason})
			case ans.State.NeedsAction():
				text := ActionText(q, r, ans.State)
				mins := ActionMinutes(text, q.Item.HowTo[r.Platform].Steps, q.Item.Work)
				act := Action{Question: q, Row: r, State: ans.State, Text: text, Minutes: mins,
					Group: groupOf(q.Item, mins), FromLastRound: carried[r.Key]}
				act.Harm, _ = pack.Harm(q.Item.Harm)
				if !act.FromLastRound {
					act.DoneAt, act.Done = a.IsDone(r.Key)
				}
				p.Actions = append(p.Actions, act)
			}
		}
	}
	slices.SortStableFunc(p.Actions, compareActions)
	return p
}

// compareActions orders the plan: open before done, then by harm rank
// (lower is more serious; an unranked harm goes last), then severity, then
// the quickest first. Ties keep pack order.
func compareActions(x, y Action) int {
	return cmp.Or(
		cmp.Compare(boolInt(x.Done), boolInt(y.Done)),
		cmp.Compare(rankKey(x.Harm), rankKey(y.Harm)),
		cmp.Compare(y.Row.Severity, x.Row.Severity),
		cmp.Compare(x.Minutes, y.Minutes),
	)
}

func rankKey(h Harm) int {
	if h.Rank <= 0 {
		return int(^uint(0) >> 1)
	}
	return h.Rank
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// First is the most important open action, the plan's "do this first".
func (p Plan) First() (Action, bool) {
	if len(p.Actions) == 0 || p.Actions[0].Done {
		return Action{}, false
	}
	return p.Actions[0], true
}

// Open counts actions not yet marked done.
func (p Plan) Open() int {
	n := 0
	for _, a := range p.Actions {
		if !a.Done {
			n++
		}
	}
	return n
}

// Minutes totals the estimated time of open actions.
func (p Plan) Minutes() int {
	n := 0
	for _, a := range p.Actions {
		if !a.Done {
			n += a.Minutes
		}
	}
	return n
}

// PlatformGroup is the plan's actions for one platform ("" for actions
// about all accounts and habits).
type PlatformGroup struct {
	Platform string
	Actions  []Action
}

// ByPlatform groups the actions so the user can fix one app at a time, in
// the order of each group's most important action.
func (p Plan) ByPlatform() []PlatformGroup {
	var out []PlatformGroup
	idx := map[string]int{}
	for _, a := range p.Actions {
		i, ok := idx[a.Row.Platform]
		if !ok {
			i = len(out)
			idx[a.Row.Platform] = i
			out = append(out, PlatformGroup{Platform: a.Row.Platform})
		}
		out[i].Actions = append(out[i].Actions, a)
	}
	return out
}

// ByTime groups the open actions into 5-minute fixes, this week and habits.
func (p Plan) ByTime() map[TimeGroup][]Action {
	m := map[TimeGroup][]Action{}
	for _, a := range p.Actions {
		if !a.Done {
			m[a.Group] = append(m[a.Group], a)
		}
	}
	return m
}
