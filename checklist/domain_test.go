package checklist

import (
	"testing"
	"time"
)

var t0 = time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)

// domainPack is a small pack covering every applicability rule.
func domainPack() *Pack {
	h := HowTo{Steps: []string{"Settings"}, Researched: "2026-11-22", Basis: BasisHelpPage, Fallback: "Settings"}
	item := func(id string, sev Severity, a Applies, kind ActionKind, minutes int) Item {
		it := Item{ID: id, Question: id + "?", Why: "why", Severity: sev, Applies: a, Action: "do " + id, Work: minutes, Kind: kind,
			Cite: []Citation{{Source: "S1"}}, HowTo: map[string]HowTo{}}
		for _, p := range a.Platforms {
			it.HowTo[p] = h
		}
		return it
	}
	return &Pack{
		ID: "t", Version: "1", Reviewed: "2026-01-01",
		Sources:    []Source{{ID: "S1", Publisher: "P", Title: "T", Confidence: Verified}},
		Platforms:  []Platform{{ID: "x", Name: "X"}, {ID: "facebook", Name: "Facebook"}, {ID: "whatsapp", Name: "WhatsApp"}},
		Regulators: []Regulator{{ID: "gmc", Name: "GMC"}, {ID: "nmc", Name: "NMC"}, {ID: "gphc", Name: "GPhC"}, {ID: "psni", Name: "PSNI"}},
		Roles: []Role{{ID: "doctor", Regulator: "gmc", Clinical: true}, {ID: "nurse", Regulator: "nmc", Clinical: true},
			{ID: "pharmacy", Regulator: "gphc", RegulatorNI: "psni", Clinical: true}, {ID: "medical-student", Regulator: "gmc", Student: true, Clinical: true}, {ID: "other"}},
		Nations: []Nation{{ID: "england"}, {ID: "northern-ireland"}},
		Sections: []Section{
			{ID: "a", Items: []Item{
				item("a.general", Medium, Applies{}, KindHabit, 1),
				item("a.per-platform", Medium, Applies{Platforms: []string{"x", "facebook", "whatsapp"}}, KindSetting, 2),
				item("a.personal-x", High, Applies{Platforms: []string{"x"}, Accounts: []AccountType{Personal}}, KindSetting, 2),
				item("a.students", High, Applies{Flags: []string{FlagStudent}}, KindTask, 10),
				item("a.pseudo", High, Applies{Flags: []string{FlagPseudonym}}, KindTask, 10),
				item("a.publish-or-page", Medium, Applies{AnyFlags: []string{FlagPublishes, FlagPracticePage}}, KindTask, 30),
				item("a.doctors", Low, Applies{Roles: []string{"doctor"}}, KindTask, 5),
			}},
			{ID: "b", Items: []Item{item("b.low", Low, Applies{}, KindSetting, 3)}},
		},
	}
}

func keys(qs []Question) []string {
	out := make([]string, len(qs))
	for i, q := range qs {
		out[i] = q.Key
	}
	return out
}

func TestApplicabilityAndExpansion(t *testing.T) {
	p := domainPack()
	raise := func(pk *Pack) { pk.Sections[0].Items[1].RaiseIfIdentified = true }
	raise(p)
	tests := []struct {
		name    string
		profile Profile
		want    []string
	}{
		{"nurse on whatsapp only", Profile{Role: "nurse", Nation: "england", Accounts: map[string]AccountType{"whatsapp": Personal}},
			[]string{"a.general", "a.per-platform@whatsapp", "b.low"}},
		{"doctor on x and facebook", Profile{Role: "doctor", Nation: "england", Accounts: map[string]AccountType{"facebook": Personal, "x": Personal}},
			[]string{"a.general", "a.per-platform@x", "a.per-platform@facebook", "a.personal-x@x", "a.doctors", "b.low"}},
		{"professional x skips personal-only item", Profile{Role: "nurse", Nation: "england", Accounts: map[string]AccountType{"x": Professional}},
			[]string{"a.general", "a.per-platform@x", "b.low"}},
		{"student with a pseudonym who publishes", Profile{Role: "medical-student", Nation: "england", Publishes: true, Accounts: map[string]AccountType{"x": Pseudonymous}},
			[]string{"a.general", "a.per-platform@x", "a.students", "a.pseudo", "a.publish-or-page", "b.low"}},
		{"practice page alone turns on any_flags", Profile{Role: "other", Nation: "england", PracticePage: true},
			[]string{"a.general", "a.publish-or-page", "b.low"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := keys(Questions(p, &tt.profile, false))
			if len(got) != len(tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Fatalf("got %v, want %v", got, tt.want)
				}
			}
		})
	}
}

func TestSeverityRaisedWhereIdentified(t *testing.T) {
	p := domainPack()
	p.Sections[0].Items[1].RaiseIfIdentified = true
	pr := &Profile{Role: "doctor", Nation: "england", Identifies: true,
		Accounts: map[string]AccountType{"x": Personal, "facebook": Pseudonymous, "whatsapp": Professional}}
	want := map[string]Severity{"a.per-platform@x": High, "a.per-platform@facebook": Medium, "a.per-platform@whatsapp": High}
	for _, q := range Questions(p, pr, false) {
		if w, ok := want[q.Key]; ok && (q.Severity != w || q.Raised != (w == High)) {
			t.Errorf("%s: severity %v raised %v, want %v", q.Key, q.Severity, q.Raised, w)
		}
	}
}

func TestQuickMode(t *testing.T) {
	p := domainPack()
	p.Sections[1].Items[0].Quick = true
	pr := &Profile{Role: "doctor", Nation: "england"}
	if got := keys(Questions(p, pr, true)); len(got) != 1 || got[0] != "b.low" {
		t.Fatalf("quick questions = %v", got)
	}
}

func TestRegulatorFollowsRoleAndNation(t *testing.T) {
	p := domainPack()
	for _, tt := range []struct{ role, nation, want string }{
		{"pharmacy", "england", "gphc"}, {"pharmacy", "northern-ireland", "psni"}, {"nurse", "northern-ireland", "nmc"}, {"other", "england", ""},
	} {
		pr := &Profile{Role: tt.role, Nation: tt.nation}
		if got := pr.RegulatorID(p); got != tt.want {
			t.Errorf("%s in %s: regulator %q, want %q", tt.role, tt.nation, got, tt.want)
		}
	}
	cites := []Citation{{Source: "G", Regulators: []string{"gmc"}}, {Source: "N", Regulators: []string{"nmc"}}, {Source: "ALL"}, {Source: "STU", Roles: []string{"medical-student"}}}
	got := Citations(cites, "nmc", "nurse")
	if len(got) != 2 || got[0].Source != "N" || got[1].Source != "ALL" {
		t.Fatalf("nurse citations = %+v", got)
	}
	got = Citations(cites, "gmc", "medical-student")
	if len(got) != 3 || got[0].Source != "G" || got[1].Source != "STU" {
		t.Fatalf("student citations = %+v", got)
	}
}

func TestPlanOrdering(t *testing.T) {
	p := domainPack()
	pr := &Profile{Role: "doctor", Nation: "england", Accounts: map[string]AccountType{"x": Personal, "facebook": Personal}}
	qs := Questions(p, pr, false)
	a := NewAudit("me", p, t0)
	a.SetProfile(pr, t0)
	for _, k := range []string{"a.general", "a.per-platform@facebook", "a.per-platform@x", "a.personal-x@x", "a.doctors", "b.low"} {
		_ = a.SetAnswer(k, No, "", t0)
	}
	_ = a.SetAnswer("a.doctors", Unsure, "", t0)
	plan := BuildPlan(p, qs, a)
	want := []string{"a.personal-x@x", "a.general", "a.per-platform@x", "a.per-platform@facebook", "a.doctors", "b.low"}
	for i, act := range plan.Actions {
		if act.Question.Key != want[i] {
			t.Fatalf("order %d = %s, want %v", i, act.Question.Key, want)
		}
	}
	if first, _ := plan.First(); first.Question.Key != "a.personal-x@x" {
		t.Fatalf("do this first = %s", first.Question.Key)
	}
	if got := plan.Actions[4].Text; got != "Check this, then if needed: do a.doctors" {
		t.Fatalf("unsure action = %q", got)
	}
	groups := plan.ByTime()
	if len(groups[GroupQuick]) != 4 || len(groups[GroupHabit]) != 1 || len(groups[GroupWeek]) != 1 {
		t.Fatalf("time groups = %v", groups)
	}
	if g := plan.ByPlatform(); g[0].Platform != "x" {
		t.Fatalf("first platform group = %q", g[0].Platform)
	}
	a.SetDone("a.personal-x@x", true, t0)
	plan = BuildPlan(p, qs, a)
	if plan.Actions[len(plan.Actions)-1].Question.Key != "a.personal-x@x" || plan.Open() != 5 {
		t.Fatal("done action did not sink to the end")
	}
}

func TestScoreBands(t *testing.T) {
	q := func(k string, s Severity) Question { return Question{Key: k, Severity: s} }
	qs := []Question{q("h", High), q("m", Medium), q("l", Low)}
	tests := []struct {
		name    string
		answers map[string]State
		band    Band
		percent int
	}{
		{"all yes", map[string]State{"h": Yes, "m": Yes, "l": Yes}, BandStrong, 100},
		{"high open caps band", map[string]State{"h": No, "m": Yes, "l": Yes}, BandNeedsWork, 50},
		{"unanswered counts against", map[string]State{"m": Yes}, BandExposed, 33},
		{"low missed", map[string]State{"h": Yes, "m": Yes, "l": No}, BandGood, 83},
		{"na and accepted left out", map[string]State{"h": Yes, "m": NotApplies, "l": Accepted}, BandStrong, 100},
		{"nothing scorable", map[string]State{"h": NotApplies, "m": NotApplies, "l": NotApplies}, BandNone, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ans := map[string]Answer{}
			for k, s := range tt.answers {
				ans[k] = Answer{State: s}
			}
			s := ComputeScore(qs, ans)
			if s.Overall.Band != tt.band || s.Overall.Percent != tt.percent {
				t.Fatalf("got %s %d%%, want %s %d%%", s.Overall.Band, s.Overall.Percent, tt.band, tt.percent)
			}
		})
	}
	// A high item left open holds an otherwise strong section at needs work.
	big := []Question{q("h", High)}
	ans := map[string]Answer{}
	for i := 0; i < 20; i++ {
		k := string(rune('A' + i))
		big = append(big, q(k, High))
		ans[k] = Answer{State: Yes}
	}
	ans["h"] = Answer{State: Unsure}
	if s := ComputeScore(big, ans); s.Overall.Band != BandNeedsWork || s.Overall.Percent != 95 {
		t.Fatalf("capped band = %s %d%%", s.Overall.Band, s.Overall.Percent)
	}
}

func TestAnswersSurviveProfileChange(t *testing.T) {
	p := domainPack()
	a := NewAudit("me", p, t0)
	a.SetProfile(&Profile{Role: "doctor", Nation: "england", Accounts: map[string]AccountType{"x": Personal}}, t0)
	_ = a.SetAnswer("a.personal-x@x", No, "", t0)
	a.SetProfile(&Profile{Role: "doctor", Nation: "england", Accounts: map[string]AccountType{"facebook": Personal}}, t0)
	if len(Questions(p, a.Profile, false)) == 0 || a.Answers["a.personal-x@x"].State != No {
		t.Fatal("answer dropped when X was removed")
	}
	a.SetProfile(&Profile{Role: "doctor", Nation: "england", Accounts: map[string]AccountType{"x": Personal}}, t0)
	answered, _ := a.Progress(Questions(p, a.Profile, false))
	if answered != 1 {
		t.Fatalf("answer not back after re-adding X: %d", answered)
	}
}

func TestAcceptedNeedsReasonAndRestartKeepsPrevious(t *testing.T) {
	a := NewAudit("me", domainPack(), t0)
	if err := a.SetAnswer("k", Accepted, "", t0); err == nil {
		t.Fatal("accepted without a reason")
	}
	if err := a.SetAnswer("k", State("maybe"), "", t0); err == nil {
		t.Fatal("unknown state accepted")
	}
	_ = a.SetAnswer("k", Yes, "", t0)
	a.Complete(Score{}, 0, t0)
	if a.NextReview != "2027-05-23" {
		t.Fatalf("next review = %s", a.NextReview)
	}
	a.Restart(t0)
	if a.Previous["k"] != Yes || len(a.Answers) != 0 || a.Completed != nil || len(a.History) != 1 {
		t.Fatalf("restart state wrong: %+v", a)
	}
}

func TestFreshness(t *testing.T) {
	p := domainPack()
	p.Sections[0].Items[1].HowTo["x"] = HowTo{Steps: []string{"s"}, Researched: "2025-01-01", Basis: BasisHelpPage, Fallback: "s"}
	s := CheckFreshness(p, time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC))
	if !s.PackOld || len(s.OldPaths) != 1 || s.OldPaths[0] != "x" {
		t.Fatalf("staleness = %+v", s)
	}
	if s := CheckFreshness(p, time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)); s.PackOld {
		t.Fatal("fresh pack reported old")
	}
}

func TestSanitize(t *testing.T) {
	in := "a\x1b[31mred\x1b[0m\x07b\u202Ec\td\ne مرحبا"
	if got := Sanitize(in); got != "aredbc\td\ne مرحبا" {
		t.Fatalf("Sanitize = %q", got)
	}
	if got := SanitizeLine("a\n b\t c"); got != "a b c" {
		t.Fatalf("SanitizeLine = %q", got)
	}
}

func TestCitationsForSkipOtherPlatformsSources(t *testing.T) {
	p := domainPack()
	p.Sources = append(p.Sources, Source{ID: "LI-HELP", Platform: "facebook"}, Source{ID: "X-HELP", Platform: "x"})
	it := &Item{Cite: []Citation{{Source: "S1"}, {Source: "LI-HELP"}, {Source: "X-HELP"}}}
	got := CitationsFor(p, Question{Item: it, Platform: "x"}, "gmc", "doctor")
	if len(got) != 2 || got[1].Source != "X-HELP" {
		t.Fatalf("x question cites %+v", got)
	}
	if got := CitationsFor(p, Question{Item: it}, "gmc", "doctor"); len(got) != 3 {
		t.Fatalf("general question lost sources: %+v", got)
	}
	only := &Item{Cite: []Citation{{Source: "LI-HELP"}}}
	if got := CitationsFor(p, Question{Item: only, Platform: "x"}, "gmc", "doctor"); len(got) != 1 {
		t.Fatal("a question was left with no source at all")
	}
}
