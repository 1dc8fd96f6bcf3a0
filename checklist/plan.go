package checklist

import (
	"cmp"
	"slices"
	"strings"
)

// TimeGroup sorts actions by how soon they can be done.
type TimeGroup string

// The plan's three time groups.
const (
	GroupQuick TimeGroup = "5-minute fixes"
	GroupWeek  TimeGroup = "This week"
	GroupHabit TimeGroup = "Habits to keep"
)

// Action is one thing the user should do, derived from an unsafe answer.
type Action struct {
	Question Question
	State    State
	// Text is the action; for an "unsure" answer it begins "Check".
	Text    string
	Minutes int
	Group   TimeGroup
	Done    bool
	Note    string
}

// Plan is derived from the answers and never stored.
type Plan struct {
	// Actions are ordered most important first: severity, then platform
	// (general items first, then the pack's platform order), then section.
	Actions []Action
	// Accepted lists the risks the user chose to keep, with their reasons.
	Accepted []Question
	// Unanswered counts questions not yet answered: they are not actions,
	// but the plan says they are missing.
	Unanswered int
}

// ActionText gives the action for a question answered no or unsure.
func ActionText(it *Item, s State) string {
	if s != Unsure {
		return it.Action
	}
	if it.CheckAction != "" {
		return it.CheckAction
	}
	return "Check this, then if needed: " + lowerFirst(it.Action)
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// groupOf puts an item into a time group.
func groupOf(it *Item) TimeGroup {
	switch {
	case it.Kind == KindHabit:
		return GroupHabit
	case it.Kind == KindSetting && ActionMinutes(it.Action, nil, it.Work) <= 5:
		return GroupQuick
	}
	return GroupWeek
}

// BuildPlan derives the action plan for a set of questions.
func BuildPlan(pack *Pack, qs []Question, a *Audit) Plan {
	var p Plan
	for _, q := range qs {
		ans, ok := a.Answers[q.Key]
		switch {
		case !ok:
			p.Unanswered++
		case ans.State == Accepted:
			p.Accepted = append(p.Accepted, q)
		case ans.State.NeedsAction():
			_, done := a.Done[q.Key]
			p.Actions = append(p.Actions, Action{
				Question: q, State: ans.State, Text: ActionText(q.Item, ans.State),
				Minutes: actionMinutes(q), Group: groupOf(q.Item), Done: done, Note: a.Notes[q.Key],
			})
		}
	}
	order := platformOrder(pack)
	slices.SortStableFunc(p.Actions, func(x, y Action) int {
		return cmp.Or(
			cmp.Compare(y.Question.Severity, x.Question.Severity),
			cmp.Compare(order[x.Question.Platform], order[y.Question.Platform]),
			cmp.Compare(x.Question.Section, y.Question.Section),
		)
	})
	// Done actions sink to the bottom so "do this first" is always open work.
	slices.SortStableFunc(p.Actions, func(x, y Action) int {
		return cmp.Compare(boolInt(x.Done), boolInt(y.Done))
	})
	return p
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// platformOrder maps platform ids to their pack position; general items
// ("" platform) come first.
func platformOrder(pack *Pack) map[string]int {
	m := map[string]int{"": -1}
	for i, pl := range pack.Platforms {
		m[pl.ID] = i
	}
	return m
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

// ByPlatform groups the actions so the user can fix one app at a time. The
// group holding the most severe open action comes first.
func (p Plan) ByPlatform() []PlatformGroup {
	var out []PlatformGroup
	idx := map[string]int{}
	for _, a := range p.Actions {
		i, ok := idx[a.Question.Platform]
		if !ok {
			i = len(out)
			idx[a.Question.Platform] = i
			out = append(out, PlatformGroup{Platform: a.Question.Platform})
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

// actionMinutes estimates one question's action on its platform.
func actionMinutes(q Question) int {
	h := q.Item.HowTo[q.Platform]
	return ActionMinutes(q.Item.Action, h.Steps, q.Item.Work)
}
