package report

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/pressend/pressend/checklist"
	"github.com/pressend/pressend/checklist/display"
)

// sinceAudit is a re-audit with one row of every kind of change, plus a
// row answered last time and not yet this time.
func sinceAudit(pack *checklist.Pack) *checklist.Audit {
	a := reportAudit(pack)
	at := reportNow.Add(-time.Hour)
	a.Answers = map[string]checklist.Answer{}
	a.Notes, a.Done = map[string]string{}, map[string]time.Time{}
	set := func(key string, s checklist.State) {
		reason := ""
		if s == checklist.Accepted {
			reason = "A reason."
		}
		if err := a.SetAnswer(key, s, reason, at); err != nil {
			panic(err)
		}
	}
	last := map[string]checklist.Answer{}
	for key, s := range map[string]checklist.State{
		"profile-private@facebook": checklist.Yes, "profile-private@instagram": checklist.No,
		"profile-private@x": checklist.No, "lookup-phone@facebook": checklist.No,
		"lookup-phone@instagram": checklist.Yes, "no-patient-info": checklist.Unsure,
		"declare-interests": checklist.NotApplies,
	} {
		last[key] = checklist.Answer{State: s}
	}
	a.Rounds = []checklist.Round{{Completed: reportNow.AddDate(0, -6, 0), Answers: last}}
	set("profile-private@facebook", checklist.No)   // yes → no: worse
	set("profile-private@instagram", checklist.Yes) // no → yes: fixed
	set("profile-private@x", checklist.Unsure)      // no → unsure: changed, never fixed
	set("lookup-phone@instagram", checklist.Yes)    // unchanged
	set("no-patient-info", checklist.No)            // unsure → no: changed
	set("declare-interests", checklist.Unsure)      // n/a → unsure: worse
	set("group-chats", checklist.Yes)               // not asked last time: new
	// lookup-phone@facebook is not answered again: it is left out, not fixed.
	return a
}

// sinceSections cuts the words of a report's "Checking again" section
// into its lists, by heading.
func sinceSections(t *testing.T, out string) map[string]string {
	t.Helper()
	w := words(out)
	i := strings.Index(w, "Checking again")
	if i < 0 {
		t.Fatal("no Checking again section")
	}
	w = w[i:]
	if j := strings.Index(w, display.NotLegalAdvice); j >= 0 {
		w = w[:j]
	}
	kinds := []string{display.ChangeWorse, display.ChangeFixed, display.ChangeOther, display.ChangeUnchanged, display.ChangeNew}
	got := map[string]string{}
	for k, kind := range kinds {
		h := strings.Index(w, display.ChangeHeading(kind))
		if h < 0 {
			continue
		}
		rest := w[h+len(display.ChangeHeading(kind)):]
		for _, later := range kinds[k+1:] {
			if e := strings.Index(rest, display.ChangeHeading(later)); e >= 0 {
				rest = rest[:e]
				break
			}
		}
		got[kind] = rest
	}
	return got
}

// TestSinceLastEveryFormat checks that every prose format lists each
// change under its kind, worst first, and that "unsure" and rows not
// answered again are never shown as fixed.
func TestSinceLastEveryFormat(t *testing.T) {
	pack := reportPack()
	in := input(pack, sinceAudit(pack), "")
	want := map[string][]string{
		display.ChangeWorse: {"visible only to people you know? (Facebook): Yes → No",
			"declare your interests when you recommend a product?: Not applicable → Unsure"},
		display.ChangeFixed: {"visible only to people you know? (Instagram): No → Yes"},
		display.ChangeOther: {"visible only to people you know? (X (Twitter)): No → Unsure",
			"could identify a patient?: Unsure → No"},
		display.ChangeUnchanged: {"lookup by phone number and email? (Instagram): Yes"},
		display.ChangeNew:       {"group chats as if they could become public?: Yes"},
	}
	for _, f := range []string{FormatText, FormatMarkdown, FormatHTML} {
		t.Run(f, func(t *testing.T) {
			out := render(t, f, in)
			if f == FormatText {
				assertWidth(t, out)
			}
			got := sinceSections(t, out)
			for kind, rows := range want {
				for _, r := range rows {
					if !strings.Contains(got[kind], r) {
						t.Errorf("%q is not under %q: %q", r, display.ChangeHeading(kind), got[kind])
					}
				}
			}
			if strings.Contains(got[display.ChangeFixed], "Unsure") || strings.Contains(got[display.ChangeFixed], "(Facebook)") {
				t.Errorf("an unsure or skipped row is shown as fixed: %q", got[display.ChangeFixed])
			}
			if strings.Contains(words(out), "phone number and email? (Facebook)") {
				t.Error("a row not answered again is listed as a change")
			}
			w := words(out)
			if !(strings.Index(w, "Got worse") < strings.Index(w, "Fixed") && strings.Index(w, "Fixed") < strings.Index(w, "Changed in other ways")) {
				t.Error("changes are not listed worst first")
			}
			if !strings.Contains(w, "Since last time: 2 answers got worse, 1 was fixed, 2 changed otherwise, 1 is unchanged, 1 is new.") {
				t.Error("the counts sentence is missing or wrong")
			}
		})
	}
}

// TestSinceLastJSON checks since_last.changes[] and its counts.
func TestSinceLastJSON(t *testing.T) {
	pack := reportPack()
	var doc any
	if err := json.Unmarshal([]byte(render(t, FormatJSON, input(pack, sinceAudit(pack), ""))), &doc); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]any{
		"since_last.last": "2025-09-02T10:30:00Z", "since_last.worse": 2.0, "since_last.fixed": 1.0,
		"since_last.changed": 2.0, "since_last.unchanged": 1.0, "since_last.new": 1.0, "since_last.changes.#": 7.0,
		"since_last.changes.0.kind": "worse", "since_last.changes.0.item": "profile-private",
		"since_last.changes.0.platform": "facebook", "since_last.changes.0.platform_name": "Facebook",
		"since_last.changes.0.from": "yes", "since_last.changes.0.to": "no",
		"since_last.changes.0.question": "Is your profile visible only to people you know?",
		"since_last.changes.1.kind":     "worse", "since_last.changes.1.from": "na", "since_last.changes.1.to": "unsure",
		"since_last.changes.2.kind": "fixed", "since_last.changes.2.platform": "instagram",
		"since_last.changes.3.kind": "changed", "since_last.changes.3.platform": "x", "since_last.changes.3.to": "unsure",
		"since_last.changes.4.kind": "changed", "since_last.changes.5.kind": "unchanged",
		"since_last.changes.6.kind": "new", "since_last.changes.6.from": "", "since_last.changes.6.platform": "",
	} {
		if got := jsonAt(doc, path); got != want {
			t.Errorf("%s = %#v, want %#v", path, got, want)
		}
	}
}

// TestSinceLastLongUnchanged: a long run of unchanged rows is counted, not
// listed, while every other change is still listed.
func TestSinceLastLongUnchanged(t *testing.T) {
	pack := reportPack()
	a := sinceAudit(pack)
	for k, ans := range a.Answers {
		a.Rounds[0].Answers[k] = ans
	}
	a.Rounds[0].Answers["profile-private@facebook"] = checklist.Answer{State: checklist.Yes}
	for _, f := range []string{FormatText, FormatMarkdown, FormatHTML} {
		got := sinceSections(t, render(t, f, input(pack, a, "")))
		if !strings.Contains(got[display.ChangeUnchanged], "6 answers are the same as last time.") {
			t.Errorf("%s: unchanged rows not summed up: %q", f, got[display.ChangeUnchanged])
		}
		if !strings.Contains(got[display.ChangeWorse], "(Facebook): Yes → No") {
			t.Errorf("%s: the worse row is not listed", f)
		}
	}
}
