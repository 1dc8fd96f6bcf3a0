package report

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/pressend/pressend/checklist"
	"github.com/pressend/pressend/checklist/display"
)

// shareInput is the report audit asked for as the summary to share.
func shareInput() Input {
	pack := reportPack()
	in := input(pack, reportAudit(pack), "")
	in.Share = true
	return in
}

// TestShareContent checks what the summary says in every format.
func TestShareContent(t *testing.T) {
	in := shareInput()
	for _, f := range []string{FormatText, FormatMarkdown, FormatHTML} {
		t.Run(f, func(t *testing.T) {
			out := render(t, f, in)
			if f == FormatText {
				assertWidth(t, out)
			}
			if f == FormatHTML {
				out = strings.ReplaceAll(out, "</dt>", ":</dt> ")
			}
			w := words(out)
			for _, want := range []string{
				display.ShareTitle, "Date: 2 March 2026", "Content: test@1.2.0 + org@0.1", "Role: Doctor",
				"Nation: England", "Accounts: 1 personal, 1 professional, 1 pseudonymous",
				"Audit: full audit, not finished yet", "Overall: not finished (so far exposed, 13%)",
				"Actions: 3 open, 1 done", "Next review: 1 September 2026", "Bands by section",
				"Privacy and visibility", "exposed (18%)", "Since the last audit",
				"Since last time: 1 answer got worse, 1 was fixed, 0 changed otherwise, 1 is unchanged, 4 are new.",
				"Compared with the last completed audit, on 2 September 2025.", "For reflection",
				display.Reflection()[0], display.NotLegalAdvice, shareFooter, display.GeneratedHere,
			} {
				if !strings.Contains(w, want) {
					t.Errorf("lacks %q", want)
				}
			}
		})
	}
	var doc any
	if err := json.Unmarshal([]byte(render(t, FormatJSON, in)), &doc); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]any{
		"schema": display.ShareSchema, "generator.version": "1.0.0-test", "pack_version": "test@1.2.0 + org@0.1",
		"accounts.pseudonymous": 1.0, "sections.#": 2.0, "open_actions": 3.0, "since_last.worse": 1.0,
		"since_last.new": 4.0, "next_review": "2026-09-01", "date": "2026-03-02",
	} {
		if got := jsonAt(doc, path); got != want {
			t.Errorf("%s = %#v, want %#v", path, got, want)
		}
	}
}

// TestShareLeaksNothing plants everything the summary must never hold, in
// every place the user can write, and checks that none of it reaches any
// format: notes, a handle, an account name in a note and in a reason, a
// hostile string, the file path, the audit's name, adviser notes, platform
// names and the questions (an answer to a single question can amount to an
// admission).
func TestShareLeaksNothing(t *testing.T) {
	in := shareInput()
	pack, a := in.Pack, in.Audit
	a.Name = "dr-jones-private-audit"
	a.SetNote("profile-private@facebook", "PLANTED-NOTE: my handle is @dr_jones", false, reportNow)
	a.SetNote("no-patient-info", "account name sarah.jones.1984 on Instagram", false, reportNow)
	a.SetNote("lookup-phone@instagram", "PLANTED-ADVISER-NOTE", true, reportNow)
	a.Answers["profile-private@x"] = checklist.Answer{State: checklist.Accepted, Reason: "I post as sarah.jones.1984; " + hostile, At: reportNow}
	a.SessionNote, a.AdviserSessionNote = "PLANTED-GENERAL "+hostile, "PLANTED-ADVISER-GENERAL"
	a.Adviser = &checklist.AdviserInfo{Initials: "PLANTED-INITIALS"}
	in.Path, in.ShowPath, in.AdviserNotes = "/home/sarah/.local/share/pressend/audits/dr-jones.json", true, true
	banned := []string{"PLANTED", "@dr_jones", "dr_jones", "sarah.jones", "sarah", "dr-jones", ".json", "/home",
		"RED", "script", "heading", "evil", "WWWWWWWWWW", "医療", "مرحبا", "\x1b", "\u202e"}
	for _, p := range pack.Platforms {
		banned = append(banned, p.Name)
	}
	for _, s := range pack.Sections {
		for _, it := range s.Items {
			banned = append(banned, it.Question, it.Action)
		}
	}
	for _, f := range []string{FormatText, FormatMarkdown, FormatHTML, FormatJSON} {
		out := render(t, f, in)
		checkClean(t, f, out)
		for _, b := range banned {
			if strings.Contains(out, b) || strings.Contains(words(out), b) {
				t.Errorf("%s: the summary to share holds %q", f, b)
			}
		}
	}
}

// TestShareStates covers a summary before the profile is set up, a quick
// audit and a completed one without an earlier round.
func TestShareStates(t *testing.T) {
	for _, tc := range []struct {
		name  string
		setup func(*checklist.Audit)
		want  []string
		not   []string
	}{
		{"no profile", func(a *checklist.Audit) { a.Profile, a.Answers, a.Rounds = nil, map[string]checklist.Answer{}, nil },
			[]string{"Role: not set", "Accounts: none chosen"}, []string{"Since the last audit"}},
		{"quick", func(a *checklist.Audit) { a.Mode = checklist.Quick },
			[]string{"Audit: quick audit (the questions that matter most), not finished yet"}, nil},
		{"completed", func(a *checklist.Audit) {
			done := reportNow.AddDate(0, 0, -1)
			a.Completed, a.Rounds = &done, nil
		}, []string{"Audit: full audit, completed 1 March 2026"}, []string{"Since the last audit"}},
	} {
		for _, f := range []string{FormatText, FormatMarkdown, FormatHTML} {
			t.Run(tc.name+"/"+f, func(t *testing.T) {
				in := shareInput()
				tc.setup(in.Audit)
				out := render(t, f, in)
				if f == FormatHTML {
					out = strings.ReplaceAll(out, "</dt>", ":</dt> ")
				}
				w := words(out)
				for _, s := range tc.want {
					if !strings.Contains(w, s) {
						t.Errorf("lacks %q", s)
					}
				}
				for _, s := range tc.not {
					if strings.Contains(w, s) {
						t.Errorf("should not contain %q", s)
					}
				}
			})
		}
	}
}
