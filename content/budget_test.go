package content

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/pressend/pressend/checklist"
)

// The audit must stay about 15 minutes. An item that applies to several of
// a user's platforms is asked once, with a row per platform, so the number
// of questions is the number of distinct items that apply.

// profile builds a test profile: accounts as "platform:type" pairs.
func profile(role, nation string, accounts ...string) *checklist.Profile {
	p := &checklist.Profile{Role: role, Nation: nation, Accounts: map[string]checklist.AccountType{}}
	for _, a := range accounts {
		id, t, _ := strings.Cut(a, ":")
		p.Accounts[id] = checklist.AccountType(t)
	}
	return p
}

// questionCount counts the distinct items asked of a profile.
func questionCount(pack *checklist.Pack, p *checklist.Profile, quick bool) int {
	mode := checklist.Full
	if quick {
		mode = checklist.Quick
	}
	return len(checklist.Questions(pack, p, mode))
}

// The three professionals from the issue, and the limits it sets.
var budgetCases = []struct {
	name    string
	p       *checklist.Profile
	limit   int
	quick   int
	minimum int // an audit that asks almost nothing is broken too
}{
	{"GP: X pseudonymous, Facebook, WhatsApp",
		profile("doctor", "england", "x:pseudonymous", "facebook:personal", "whatsapp:personal"), 35, 10, 15},
	{"student nurse: Instagram and TikTok",
		profile("nursing-student", "england", "instagram:personal", "tiktok:personal"), 30, 10, 12},
	{"NI pharmacist: LinkedIn and X",
		profile("pharmacy", "northern-ireland", "linkedin:professional", "x:personal"), 35, 10, 12},
}

func TestQuestionBudget(t *testing.T) {
	pack := embedded(t)
	for _, c := range budgetCases {
		n, q := questionCount(pack, c.p, false), questionCount(pack, c.p, true)
		t.Logf("%s: %d questions (%d quick); by section: %s", c.name, n, q, bySection(pack, c.p))
		if n > c.limit || n < c.minimum {
			t.Errorf("%s: %d questions, want %d to %d", c.name, n, c.minimum, c.limit)
		}
		if q > c.quick || q < 3 {
			t.Errorf("%s: %d quick questions, want 3 to %d", c.name, q, c.quick)
		}
	}
}

// TestQuestionBudgetWorstCase tries every doctor on three platforms and
// every student on two, with every combination of the screening flags.
func TestQuestionBudgetWorstCase(t *testing.T) {
	pack := embedded(t)
	var ids []string
	for _, pl := range pack.Platforms {
		ids = append(ids, pl.ID)
	}
	worst := func(role string, size, limit int) {
		max, at := 0, ""
		for _, set := range subsets(ids, size) {
			for flags := 0; flags < 8; flags++ {
				for _, acct := range []checklist.AccountType{checklist.Personal, checklist.Pseudonymous, checklist.Professional} {
					p := &checklist.Profile{Role: role, Nation: "england", Accounts: map[string]checklist.AccountType{},
						Identifies: flags&1 != 0, Publishes: flags&2 != 0, PracticePage: flags&4 != 0}
					for i, id := range set {
						p.Accounts[id] = checklist.Personal
						if i == 0 {
							p.Accounts[id] = acct
						}
					}
					if n := questionCount(pack, p, false); n > max {
						max, at = n, fmt.Sprintf("%v, first account %s, flags %03b", set, acct, flags)
					}
					if n := questionCount(pack, p, true); n > 10 {
						t.Errorf("%s %v: %d quick questions, want at most 10", role, set, n)
					}
				}
			}
		}
		if max > limit {
			t.Errorf("%s on %d platforms: up to %d questions (%s), want at most %d", role, size, max, at, limit)
		}
	}
	worst("doctor", 3, 35)
	worst("nursing-student", 2, 30)
}

// subsets lists every k-element subset of xs, in order.
func subsets(xs []string, k int) [][]string {
	if k == 0 {
		return [][]string{nil}
	}
	var out [][]string
	for i := range xs {
		for _, rest := range subsets(xs[i+1:], k-1) {
			out = append(out, append([]string{xs[i]}, rest...))
		}
	}
	return out
}

// The question screen fits 80x24 without scrolling only if the text on it
// is short: the rest of an item's explanation goes in "more".
func TestQuestionScreenTextIsShort(t *testing.T) {
	pack := embedded(t)
	check := func(where, field, s string, limit int) {
		if n := checklist.Words(s); n > limit {
			t.Errorf("%s %s has %d words, want at most %d: move detail to more", where, field, n, limit)
		}
	}
	for _, sec := range pack.Sections {
		for _, it := range sec.Items {
			check(it.ID, "question", it.Question, 28)
			check(it.ID, "why", it.Why, 45)
			for _, v := range it.Variants {
				check(it.ID, "variant question", v.Question, 28)
				check(it.ID, "variant why", v.Why, 45)
			}
			for pl, h := range it.HowTo {
				if len(h.Steps) > 7 {
					t.Errorf("%s %s has %d steps, want at most 7", it.ID, pl, len(h.Steps))
				}
				check(it.ID+"@"+pl, "steps", strings.Join(h.Steps, " "), 40)
			}
		}
	}
	for _, pl := range pack.Platforms {
		check(pl.ID, "note", pl.Note, 35)
	}
}

// Items ask about the user's own accounts and habits. A question that
// tests knowledge belongs in the teaching deck's knowledge check.
func TestQuestionsAreChecksNotQuizzes(t *testing.T) {
	pack := embedded(t)
	for _, sec := range pack.Sections {
		for _, it := range sec.Items {
			q := strings.ToLower(it.Question)
			for _, quiz := range []string{"do you understand", "do you know that", "are you aware", "do you realise", "do you accept that"} {
				if strings.Contains(q, quiz) {
					t.Errorf("%s asks %q: make it a check of the user's own accounts, or move it to the knowledge check", it.ID, quiz)
				}
			}
		}
	}
}

// TestItemTextNamesOnlyItsPlatforms keeps item-level wording from naming a
// platform the user may not have: platform-specific wording belongs in that
// platform's howto (action, note, uncertain).
func TestItemTextNamesOnlyItsPlatforms(t *testing.T) {
	pack := embedded(t)
	names := map[string][]string{}
	for _, pl := range pack.Platforms {
		names[pl.ID] = platformWords(pl)
	}
	for _, sec := range pack.Sections {
		for _, it := range sec.Items {
			if len(it.Applies.Platforms) == 0 {
				continue // a general item may give examples in check and more
			}
			for _, f := range []struct{ field, text string }{
				{"question", it.Question}, {"why", it.Why}, {"action", it.Action},
				{"check_action", it.CheckAction}, {"uncertain", it.Uncertain},
			} {
				for id, words := range names {
					if slices.Contains(it.Applies.Platforms, id) && len(it.Applies.Platforms) == 1 {
						continue
					}
					for _, w := range words {
						if containsWord(f.text, w) {
							t.Errorf("%s %s names %s; put platform wording in howto.%s", it.ID, f.field, w, id)
						}
					}
				}
			}
		}
	}
}

// platformWords is how a platform is named in running text.
func platformWords(pl checklist.Platform) []string {
	switch pl.ID {
	case "x":
		return []string{"Twitter", "X account", "on X", "X's"}
	case "fitness":
		return []string{"Strava", "Garmin"}
	case "clinician", "dating":
		return nil
	}
	name, _, _ := strings.Cut(pl.Name, " ")
	return []string{name}
}

// containsWord reports whether w appears in s as a whole word.
func containsWord(s, w string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		j += i
		before := j == 0 || !isWordByte(s[j-1])
		after := j+len(w) == len(s) || !isWordByte(s[j+len(w)])
		if before && after {
			return true
		}
		i = j + 1
	}
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

// bySection counts a profile's questions in each section, for the log.
func bySection(pack *checklist.Pack, p *checklist.Profile) string {
	seen := map[string]bool{}
	counts := map[string]int{}
	for _, q := range checklist.Questions(pack, p, checklist.Full) {
		if !seen[q.Item.ID] {
			seen[q.Item.ID] = true
			counts[pack.Sections[q.Section].ID]++
		}
	}
	var parts []string
	for _, s := range pack.Sections {
		parts = append(parts, fmt.Sprintf("%s %d", s.ID, counts[s.ID]))
	}
	return strings.Join(parts, ", ")
}
