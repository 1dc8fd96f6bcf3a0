package report

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/pressend/pressend/checklist"
)

// memberCase is an adviser's audit for a pharmacist in Northern Ireland,
// whose regulator (the PSNI) pressend's research did not cover, on a
// union's custom pack with a contact line and a footer. It has a shared
// note, an adviser-only note on a row and a general note of each kind.
func memberCase() Input {
	pack := reportPack()
	pack.Regulators = append(pack.Regulators,
		checklist.Regulator{ID: "gphc", Name: "GPhC", Full: "General Pharmaceutical Council"},
		checklist.Regulator{ID: "psni", Name: "PSNI", Full: "Pharmaceutical Society of Northern Ireland",
			Note: "pressend's research did not cover PSNI guidance; general sources are shown instead."})
	pack.Roles = append(pack.Roles, checklist.Role{ID: "pharmacist", Name: "Pharmacist", Regulator: "gphc", RegulatorNI: "psni", Clinical: true})
	pack.Nations = append(pack.Nations, checklist.Nation{ID: "northern-ireland", Name: "Northern Ireland"})
	pack.Org = checklist.Org{Name: "Example Defence Union", Contact: "Advice line 0800 000 0000\nadvice@example.org",
		Footer: "Example Defence Union, registered office: 1 Example Street, Belfast."}
	a := reportAudit(pack)
	a.Name = "EDU-2026-0142"
	a.Profile.Role, a.Profile.Nation = "pharmacist", "northern-ireland"
	a.Adviser = &checklist.AdviserInfo{Initials: "JD"}
	a.DeleteAfter = "2026-06-01"
	a.SessionNote = "Member will review the Facebook audience settings this week."
	a.AdviserSessionNote = "ADVISER-PRIVATE-GENERAL: member sounded anxious about the complaint."
	a.SetNote("lookup-phone@instagram", "ADVISER-PRIVATE-ROW: check whether the complainant found her this way.", true, reportNow)
	in := input(pack, a, "")
	in.Member = true
	return in
}

// TestMemberReport checks the report for the member's file in every prose
// format: what it is, whose case, who advised, which regulator, what was
// not covered, when the data goes, the actions numbered in order, the
// notes, the notice and the union's contact and footer.
func TestMemberReport(t *testing.T) {
	in := memberCase()
	for _, f := range []string{FormatText, FormatMarkdown, FormatHTML} {
		t.Run(f, func(t *testing.T) {
			out := render(t, f, in)
			if f == FormatText {
				assertWidth(t, out)
			}
			if f == FormatHTML {
				// A definition list and an ordered list say with markup what
				// the other formats say with ":" and numbers.
				out = strings.ReplaceAll(out, "</dt>", ":</dt> ")
				if !strings.Contains(out, `<ol class="agreed">`) {
					t.Error("the agreed actions are not a numbered list")
				}
			}
			w := words(out)
			for _, want := range []string{
				MemberTitle, "Case reference: EDU-2026-0142", "Date: 2 March 2026", "Adviser: JD",
				"Regulator: Pharmaceutical Society of Northern Ireland (PSNI)",
				"Not covered: pressend's research did not cover PSNI guidance",
				"Retention: due to be deleted from pressend after 1 June 2026",
				"Agreed actions, most important first",
				"1. [high] Check this, then if needed: remove any post",
				"2. [high] Turn off lookup by phone number and email.",
				"Instagram · about 4 min", "3. [high] Set your profile to private",
				"Done: Turn off lookup by phone number and email. (Facebook, marked done 2 March 2026)",
				"Risks the member has accepted", "Member's reason: This is my professional account",
				"Note: Ask Sam how to do this.", "Other notes", "Checked from a friend's phone.",
				"General note", "Member will review the Facebook audience settings this week.",
				"Checking again", "Got worse",
				"This is not legal advice.", "Contact Example Defence Union: Advice line 0800 000 0000 advice@example.org",
				"Example Defence Union, registered office: 1 Example Street, Belfast.",
			} {
				if f == FormatHTML {
					want = regexp.MustCompile(`^\d+\. `).ReplaceAllString(want, "")
				}
				if !strings.Contains(w, want) {
					t.Errorf("lacks %q", want)
				}
			}
			if i, j := strings.Index(w, "[high] Turn off lookup"), strings.Index(w, "[high] Set your profile"); i < 0 || j < i {
				t.Error("the agreed actions are not in the plan's order")
			}
			for _, not := range []string{"Do this first", "Actions by platform", "Your reason:", "Your score", "ADVISER-PRIVATE", Title} {
				if strings.Contains(w, not) {
					t.Errorf("should not contain %q", not)
				}
			}
			if strings.Index(w, "Agreed actions") > strings.Index(w, "General note") ||
				strings.Index(w, "General note") > strings.Index(w, "This is not legal advice.") ||
				strings.Index(w, "This is not legal advice.") > strings.Index(w, "Contact Example Defence Union") {
				t.Error("the member's report is out of order: actions, notes, general note, notice, contact")
			}
		})
	}
}

// TestAdviserNotesOnlyWhenAsked plants adviser-only notes and finds them
// in no format, the share summary and the calendar file included, unless
// adviser notes are asked for; and then only labelled as the adviser's.
func TestAdviserNotesOnlyWhenAsked(t *testing.T) {
	base := memberCase()
	for _, member := range []bool{false, true} {
		for _, share := range []bool{false, true} {
			if member && share {
				continue
			}
			in := base
			in.Member, in.Share = member, share
			for _, f := range Formats() {
				if out := render(t, f, in); strings.Contains(out, "ADVISER-PRIVATE") {
					t.Errorf("member=%v share=%v %s: an adviser-only note without --adviser-notes", member, share, f)
				}
			}
		}
	}
	in := base
	in.AdviserNotes = true
	for _, f := range []string{FormatText, FormatMarkdown, FormatHTML, FormatJSON} {
		w := words(render(t, f, in))
		if f == FormatJSON {
			w = render(t, f, in)
		}
		for _, want := range []string{"Adviser only: ADVISER-PRIVATE-ROW", "ADVISER-PRIVATE-GENERAL"} {
			if !strings.Contains(w, want) {
				t.Errorf("%s with adviser notes lacks %q", f, want)
			}
		}
	}
	in.ShareSafe = true
	for _, f := range Formats() {
		if strings.Contains(render(t, f, in), "ADVISER-PRIVATE") {
			t.Errorf("%s: an adviser-only note with screen-share safety on", f)
		}
	}
}

// TestMemberJSON checks the member heading and the organisation in JSON.
func TestMemberJSON(t *testing.T) {
	var doc any
	if err := json.Unmarshal([]byte(render(t, FormatJSON, memberCase())), &doc); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]any{
		"member.reference": "EDU-2026-0142", "member.adviser_initials": "JD", "member.date": "2026-03-02",
		"member.regulator": "Pharmaceutical Society of Northern Ireland (PSNI)", "member.not_covered.#": 1.0,
		"member.delete_after": "2026-06-01", "org.name": "Example Defence Union",
		"general_note": "Member will review the Facebook audience settings this week.", "adviser_general_note": "",
	} {
		if got := jsonAt(doc, path); got != want {
			t.Errorf("%s = %#v, want %#v", path, got, want)
		}
	}
}

func TestMemberAndShareRefused(t *testing.T) {
	in := memberCase()
	in.Share = true
	for _, f := range []string{FormatText, FormatMarkdown, FormatHTML, FormatJSON} {
		if err := Write(&strings.Builder{}, f, in); err == nil || !strings.Contains(err.Error(), "not both") {
			t.Errorf("%s: Share with Member gave %v", f, err)
		}
	}
}
