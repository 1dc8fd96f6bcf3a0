package display

import (
	"cmp"
	"slices"

	"github.com/pressend/pressend/checklist"
)

// Since compares this round with the last completed one, per item and
// platform. A re-audit in progress has not moved away from anything yet,
// so rows not answered again are left out; and an answer of "unsure", or
// no answer, is never counted as fixed.
type Since struct {
	// Last is when the round compared with was completed.
	Last        string   `json:"last"`
	ToYes       int      `json:"to_yes"`
	AwayFromYes int      `json:"away_from_yes"`
	Worse       int      `json:"worse"`
	Fixed       int      `json:"fixed"`
	Changed     int      `json:"changed"`
	Unchanged   int      `json:"unchanged"`
	New         int      `json:"new"`
	Changes     []Change `json:"changes"`
}

// Change is one row's answer then and now.
type Change struct {
	// Kind is worse, fixed, changed, unchanged or new, in that order of
	// importance.
	Kind         string `json:"kind"`
	Item         string `json:"item"`
	Platform     string `json:"platform"`
	PlatformName string `json:"platform_name"`
	Question     string `json:"question"`
	// From and To are answer states (yes, no, unsure, na, accepted); From
	// is "" for a row not asked last time.
	From string `json:"from"`
	To   string `json:"to"`
	// FromLabel and ToLabel are the states in words.
	FromLabel string `json:"-"`
	ToLabel   string `json:"-"`
}

// The kinds of change, in the order they are listed.
const (
	ChangeWorse     = "worse"
	ChangeFixed     = "fixed"
	ChangeOther     = "changed"
	ChangeUnchanged = "unchanged"
	ChangeNew       = "new"
)

func changeRank(k string) int {
	return slices.Index([]string{ChangeWorse, ChangeFixed, ChangeOther, ChangeUnchanged, ChangeNew}, k)
}

// classify says how a row moved between rounds. Worse: it was safe (yes,
// or not applicable) and now needs action or is a kept risk. Fixed: it is
// yes now and was not. Anything else that differs is "changed".
func classify(from, to checklist.State, had bool) string {
	switch {
	case !had:
		return ChangeNew
	case from == to:
		return ChangeUnchanged
	case to == checklist.Yes:
		return ChangeFixed
	case (from == checklist.Yes || from == checklist.NotApplies) && (to.NeedsAction() || to == checklist.Accepted):
		return ChangeWorse
	}
	return ChangeOther
}

// since builds the comparison with the last completed round, or nil when
// there is none to compare with.
func since(pack *checklist.Pack, ev checklist.Evaluation, a *checklist.Audit) *Since {
	if ev.Last == nil || ev.Last.Answers == nil {
		return nil
	}
	s := &Since{Last: Stamp(ev.Last.Completed), Changes: []Change{}}
	for _, q := range ev.Questions {
		for _, r := range q.Rows {
			cur, has := a.Answers[r.Key]
			if !has {
				continue
			}
			prev, had := ev.Last.Answers[r.Key]
			c := Change{Kind: classify(prev.State, cur.State, had), Item: Line(q.Item.ID), Platform: Line(r.Platform),
				PlatformName: platformName(pack, r.Platform), Question: Line(q.Text.Question),
				To: string(cur.State), ToLabel: cur.State.Label()}
			if had {
				c.From, c.FromLabel = string(prev.State), prev.State.Label()
				if prev.State != checklist.Yes && cur.State == checklist.Yes {
					s.ToYes++
				}
				if prev.State == checklist.Yes && cur.State != checklist.Yes {
					s.AwayFromYes++
				}
			}
			switch c.Kind {
			case ChangeWorse:
				s.Worse++
			case ChangeFixed:
				s.Fixed++
			case ChangeOther:
				s.Changed++
			case ChangeUnchanged:
				s.Unchanged++
			case ChangeNew:
				s.New++
			}
			s.Changes = append(s.Changes, c)
		}
	}
	slices.SortStableFunc(s.Changes, func(x, y Change) int { return cmp.Compare(changeRank(x.Kind), changeRank(y.Kind)) })
	return s
}

// ChangeHeading names a kind of change for a list heading.
func ChangeHeading(kind string) string {
	switch kind {
	case ChangeWorse:
		return "Got worse"
	case ChangeFixed:
		return "Fixed"
	case ChangeOther:
		return "Changed in other ways"
	case ChangeUnchanged:
		return "Unchanged"
	}
	return "New since last time (new in this content, or newly applying to you)"
}

// SinceSentence sums the comparison up in one sentence.
func SinceSentence(s *Since) string {
	if s == nil {
		return ""
	}
	if s.Worse+s.Fixed+s.Changed+s.New == 0 {
		return "Since last time: nothing has changed."
	}
	return "Since last time: " + Plural(s.Worse, "answer got worse", "answers got worse") + ", " +
		Plural(s.Fixed, "was fixed", "were fixed") + ", " + Plural(s.Changed, "changed otherwise", "changed otherwise") +
		", " + Plural(s.Unchanged, "is unchanged", "are unchanged") + ", " + Plural(s.New, "is new", "are new") + "."
}
