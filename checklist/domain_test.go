package checklist

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

var t0 = time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)

// domainPack is a small pack covering every applicability rule.
func domainPack() *Pack {
	h := HowTo{Steps: []string{"Settings"}, Researched: "2026-11-22", Basis: BasisHelpPage, Fallback: "Settings"}
	item := func(id, harm string, sev Severity, a Applies, kind ActionKind, work int) Item {
		it := Item{ID: id, Question: id + "?", Why: "why", Harm: harm, Severity: sev, Applies: a, Action: "do " + id, Work: work, Kind: kind,
			Cite: []Citation{{Source: "S1"}}, HowTo: map[string]HowTo{}}
		for _, p := range a.Platforms {
			it.HowTo[p] = h
		}
		return it
	}
	return &Pack{
		ID: "t", Version: "1", Reviewed: "2026-01-01",
		Sources: []Source{{ID: "S1", Kind: SourceEvidence, Publisher: "P", Title: "T", Confidence: Verified}},
		Harms: []Harm{{ID: "patients", Rank: 1, Title: "Patients"}, {ID: "contact", Rank: 2, Title: "Contact"},
			{ID: "settings", Rank: 3, Title: "Settings"}},
		Platforms:  []Platform{{ID: "x", Name: "X"}, {ID: "facebook", Name: "Facebook"}, {ID: "whatsapp", Name: "WhatsApp"}},
		Regulators: []Regulator{{ID: "gmc", Name: "GMC"}, {ID: "nmc", Name: "NMC"}, {ID: "gphc", Name: "GPhC"}, {ID: "psni", Name: "PSNI"}},
		Roles: []Role{{ID: "doctor", Regulator: "gmc", Clinical: true}, {ID: "nurse", Regulator: "nmc", Clinical: true},
			{ID: "pharmacy", Regulator: "gphc", RegulatorNI: "psni", Clinical: true},
			{ID: "medical-student", Regulator: "gmc", Student: true, Clinical: true}, {ID: "other"}},
		Nations: []Nation{{ID: "england"}, {ID: "scotland"}, {ID: "northern-ireland"}},
		Sections: []Section{
			{ID: "a", Items: []Item{
				item("a.general", "settings", Medium, Applies{}, KindHabit, 1),
				item("a.per-platform", "settings", Medium, Applies{Platforms: []string{"x", "facebook", "whatsapp"}}, KindSetting, 0),
				item("a.personal-x", "contact", High, Applies{Platforms: []string{"x"}, Accounts: []AccountType{Personal}}, KindSetting, 0),
				item("a.students", "patients", High, Applies{Flags: []string{FlagStudent}}, KindTask, 10),
				item("a.pseudo", "contact", High, Applies{Flags: []string{FlagPseudonym}}, KindTask, 10),
				item("a.publish-or-page", "settings", Medium, Applies{AnyFlags: []string{FlagPublishes, FlagPracticePage}}, KindTask, 30),
				item("a.doctors", "patients", Low, Applies{Roles: []string{"doctor"}}, KindTask, 5),
				item("a.clinical", "patients", High, Applies{Flags: []string{FlagClinical}, NotFlags: []string{FlagStudent}}, KindHabit, 0),
				item("a.scotland", "settings", Low, Applies{Nations: []string{"scotland"}}, KindTask, 0),
			}},
			{ID: "b", Items: []Item{item("b.low", "settings", Low, Applies{}, KindSetting, 0)}},
		},
	}
}

func profileOf(role string, accounts map[string]AccountType) *Profile {
	return &Profile{Role: role, Nation: "england", Accounts: accounts}
}

func TestApplicabilityAndRows(t *testing.T) {
	p := domainPack()
	tests := []struct {
		name      string
		profile   Profile
		want      []string
		questions int
	}{
		{"nurse on whatsapp only", Profile{Role: "nurse", Nation: "england", Accounts: map[string]AccountType{"whatsapp": Personal}},
			[]string{"a.general", "a.per-platform@whatsapp", "a.clinical", "b.low"}, 4},
		{"doctor on x and facebook: one question, a row per platform",
			Profile{Role: "doctor", Nation: "england", Accounts: map[string]AccountType{"facebook": Personal, "x": Personal}},
			[]string{"a.general", "a.per-platform@x", "a.per-platform@facebook", "a.personal-x@x", "a.doctors", "a.clinical", "b.low"}, 6},
		{"professional x skips a personal-only item", Profile{Role: "nurse", Nation: "england", Accounts: map[string]AccountType{"x": Professional}},
			[]string{"a.general", "a.per-platform@x", "a.clinical", "b.low"}, 4},
		{"student with a pseudonym who publishes", Profile{Role: "medical-student", Nation: "england", Publishes: true, Accounts: map[string]AccountType{"x": Pseudonymous}},
			[]string{"a.general", "a.per-platform@x", "a.students", "a.pseudo", "a.publish-or-page", "b.low"}, 6},
		{"support staff with patient contact get the clinical item", Profile{Role: "other", Nation: "scotland", PracticePage: true, PatientContact: true},
			[]string{"a.general", "a.publish-or-page", "a.clinical", "a.scotland", "b.low"}, 5},
		{"support staff without patient contact do not", Profile{Role: "other", Nation: "england"},
			[]string{"a.general", "b.low"}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			qs := Questions(p, &tt.profile, Full)
			if got := Keys(qs); !slices.Equal(got, tt.want) {
				t.Fatalf("rows %v, want %v", got, tt.want)
			}
			if len(qs) != tt.questions {
				t.Fatalf("%d questions, want %d", len(qs), tt.questions)
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
	for _, q := range Questions(p, pr, Full) {
		for _, r := range q.Rows {
			if w, ok := want[r.Key]; ok && (r.Severity != w || r.Raised != (w == High)) {
				t.Errorf("%s: severity %v raised %v, want %v", r.Key, r.Severity, r.Raised, w)
			}
		}
	}
}

func TestQuickMode(t *testing.T) {
	p := domainPack()
	p.Sections[1].Items[0].Quick = true
	if got := Keys(Questions(p, profileOf("doctor", nil), Quick)); len(got) != 1 || got[0] != "b.low" {
		t.Fatalf("quick questions = %v", got)
	}
}

func TestVariantsRewordForStudentsAndNations(t *testing.T) {
	p := domainPack()
	it := &p.Sections[1].Items[0]
	it.Variants = []Variant{
		{Flags: []string{FlagStudent}, Question: "Before you qualify?", Action: "student action"},
		{Nations: []string{"scotland"}, Why: "Scotland's route."},
	}
	wording := func(pr *Profile) Wording {
		qs := Questions(p, pr, Full)
		return qs[len(qs)-1].Text
	}
	if w := wording(profileOf("medical-student", nil)); w.Question != "Before you qualify?" || w.Action != "student action" || w.Why != "why" {
		t.Errorf("student wording = %+v", w)
	}
	scot := profileOf("medical-student", nil)
	scot.Nation = "scotland"
	if w := wording(scot); w.Why != "why" || w.Question != "Before you qualify?" {
		t.Errorf("only the first matching variant applies: %+v", w)
	}
	doc := profileOf("doctor", nil)
	doc.Nation = "scotland"
	if w := wording(doc); w.Why != "Scotland's route." || w.Question != "b.low?" {
		t.Errorf("nation wording = %+v", w)
	}
}

// TestCitationsFollowTheUser: a user sees only their own regulator's
// guidance as guidance, professional guidance for their role, and evidence
// labelled as such; never another profession's guidance, superseded
// guidance only as history, and never platform help.
func TestCitationsFollowTheUser(t *testing.T) {
	p := domainPack()
	p.Sources = []Source{
		{ID: "GMC", Kind: SourceRegulator, Regulator: "gmc"},
		{ID: "GMC-STU", Kind: SourceRegulator, Regulator: "gmc", Roles: []string{"medical-student"}},
		{ID: "NMC", Kind: SourceRegulator, Regulator: "nmc"},
		{ID: "NMC-OLD", Kind: SourceRegulator, Regulator: "nmc", Status: StatusSuperseded, SupersededBy: "NMC"},
		{ID: "BMA", Kind: SourceProfessional, Roles: []string{"doctor", "medical-student"}},
		{ID: "NHSE", Kind: SourceProfessional, Roles: []string{AllRoles}, Nations: []string{"england"}},
		{ID: "NEWS", Kind: SourceEvidence},
		{ID: "S0", Kind: SourceEvidence, Status: StatusUnreliable},
		{ID: "HELP", Kind: SourceSteps, Platform: "x"},
		{ID: "ASA", Kind: SourceLaw},
	}
	cites := []Citation{{Source: "NEWS"}, {Source: "GMC", Para: "9"}, {Source: "NMC-OLD"}, {Source: "NMC-OLD", Historical: true},
		{Source: "GMC", Para: "4"}, {Source: "GMC-STU"}, {Source: "NMC", Para: "20.10"}, {Source: "BMA"}, {Source: "NHSE"},
		{Source: "S0"}, {Source: "HELP"}, {Source: "ASA"}}
	ids := func(pr *Profile) string {
		var out []string
		for _, c := range CitationsFor(p, cites, pr) {
			out = append(out, c.Source.ID+c.Para)
		}
		return strings.Join(out, " ")
	}
	nurse := profileOf("nurse", nil)
	if got := ids(nurse); got != "NMC20.10 NHSE ASA NEWS NMC-OLD" {
		t.Errorf("nurse sees %q", got)
	}
	if got := ids(profileOf("medical-student", nil)); got != "GMC-STU GMC9, 4 BMA NHSE ASA NEWS" {
		t.Errorf("medical student sees %q (own guidance first, paragraphs merged)", got)
	}
	nurse.Nation = "scotland"
	if got := ids(nurse); strings.Contains(got, "NHSE") {
		t.Errorf("a nurse in Scotland is shown England-only guidance: %q", got)
	}
	if got := ids(profileOf("other", nil)); got != "NHSE ASA NEWS" {
		t.Errorf("staff with no regulator see %q", got)
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
}

func TestScoreBands(t *testing.T) {
	q := func(k string, s Severity) Question { return Question{Rows: []Row{{Key: k, Severity: s}}} }
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
			s := computeScore(qs, ans)
			if s.Overall.Band != tt.band || s.Overall.Percent != tt.percent {
				t.Fatalf("got %s %d%%, want %s %d%%", s.Overall.Band, s.Overall.Percent, tt.band, tt.percent)
			}
		})
	}
}

func TestAnswersSurviveProfileChange(t *testing.T) {
	p := domainPack()
	a := NewAudit("me", p, t0)
	a.SetProfile(profileOf("doctor", map[string]AccountType{"x": Personal}), t0)
	_ = a.SetAnswer("a.personal-x@x", No, "", t0)
	a.SetProfile(profileOf("doctor", map[string]AccountType{"facebook": Personal}), t0)
	if a.Answers["a.personal-x@x"].State != No {
		t.Fatal("answer dropped when X was removed")
	}
	a.SetProfile(profileOf("doctor", map[string]AccountType{"x": Personal}), t0)
	if ev := Evaluate(p, a); ev.Answered != 1 {
		t.Fatalf("answer not back after re-adding X: %d", ev.Answered)
	}
}

func TestAcceptedNeedsReason(t *testing.T) {
	a := NewAudit("me", domainPack(), t0)
	if err := a.SetAnswer("k", Accepted, "  ", t0); err != ErrNeedsReason {
		t.Fatalf("accepted without a reason: %v", err)
	}
	if err := a.SetAnswer("k", State("maybe"), "", t0); err == nil {
		t.Fatal("unknown state accepted")
	}
}

// TestCloneIsDeep changes every map and slice of a clone and checks the
// original is untouched, so a field added later cannot be shared by a
// background save.
func TestCloneIsDeep(t *testing.T) {
	a := NewAudit("me", domainPack(), t0)
	a.SetProfile(profileOf("doctor", map[string]AccountType{"x": Personal}), t0)
	_ = a.SetAnswer("k", Yes, "", t0)
	a.SetNote("k", "n", false, t0)
	a.SetNote("k", "p", true, t0)
	a.SetDone("k", true, t0)
	a.Rounds = []Round{{Answers: map[string]Answer{"k": {State: No}}}}
	a.Reports = []Report{{Path: "p"}}
	a.Adviser = &AdviserInfo{Initials: "AB"}
	done := t0
	a.Completed = &done
	orig := a.Clone()
	c := a.Clone()
	c.Profile.Accounts["facebook"] = Personal
	c.Answers["k2"] = Answer{}
	c.Notes["k2"], c.AdviserNotes["k2"] = "x", "x"
	c.Done["k2"] = t0
	c.Rounds[0].Answers["k2"] = Answer{}
	c.Rounds[0].Mode = Quick
	c.Reports[0].Path = "changed"
	c.Adviser.Initials = "ZZ"
	*c.Completed = t0.Add(time.Hour)
	if !reflect.DeepEqual(a, orig) {
		t.Fatal("changing a clone changed the original")
	}
	// Every reference field of Audit is covered above; a new one must be too.
	covered := []string{"Profile", "Answers", "Notes", "AdviserNotes", "Done", "Rounds", "Reports", "Adviser", "Completed"}
	rt := reflect.TypeOf(Audit{})
	for i := 0; i < rt.NumField(); i++ {
		switch rt.Field(i).Type.Kind() {
		case reflect.Map, reflect.Slice, reflect.Pointer:
			if !slices.Contains(covered, rt.Field(i).Name) {
				t.Errorf("Audit.%s is a reference field: clone it in Clone and cover it here", rt.Field(i).Name)
			}
		}
	}
}

func TestActionMinutesAreComputed(t *testing.T) {
	for _, tt := range []struct {
		text  string
		steps []string
		work  int
		want  int
	}{
		{"Turn it off.", nil, 0, 1},
		{"Turn it off.", []string{"Settings", "Privacy", "Lookup", "Off"}, 0, 2},          // 5 words + 60 s
		{strings.Repeat("word ", 400), nil, 0, 2},                                         // 400 words at 200 a minute
		{"Review old posts.", []string{"Profile", "Activity"}, 20, 21},                    // 30 s + 20 min of work
		{strings.Repeat("word ", 200), []string{"a", "b", "c", "d", "e", "f", "g"}, 0, 3}, // 1 min + 105 s
	} {
		if got := ActionMinutes(tt.text, tt.steps, tt.work); got != tt.want {
			t.Errorf("ActionMinutes(%.20q, %d steps, %d) = %d, want %d", tt.text, len(tt.steps), tt.work, got, tt.want)
		}
	}
	if n := Words("Don't post on X after 18–20 night shifts."); n != 9 {
		t.Errorf("Words = %d, want 9", n)
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
