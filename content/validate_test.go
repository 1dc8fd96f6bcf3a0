package content

import (
	"strings"
	"testing"
)

// want is one expected problem: its exact position, the source text found
// there (so the position is checked against the file, not just against a
// number) and part of its message.
type want struct {
	line, col int
	at, msg   string
}

// head is the smallest valid layer header (lines 1 to 4).
const head = "id: t\ntitle: T\nversion: \"1\"\nreviewed: 2026-01-01\n"

// item is a valid item body at the indentation of a section's items.
const item = `        question: Q?
        why: W.
        harm: h
        severity: low
        action: A.
        work: 1
        kind: task
        cite:
          - source: SRC-A
`

var validateCases = []struct {
	name  string
	layer bool // validate as a layer over testdata/base.yaml
	src   string
	want  []want
}{
	{"full pack header", false, "id: t\ntitle: T\nversion: \"1\"\nreviewed: 2026-13-01\n", []want{
		{1, 1, "id", "jurisdiction is missing"},
		{1, 1, "id", "roles: a complete pack needs at least one"},
		{1, 1, "id", "nations: a complete pack"},
		{1, 1, "id", "sections: a complete pack"},
		{1, 1, "id", "harms: a complete pack needs at least one"},
		{4, 11, "2026-13-01", `reviewed "2026-13-01" is not a date in the form YYYY-MM-DD`},
	}},
	{"layer header", true, "id: my pack\nversion: \"1\"\nreviewed: 2026-11-23\n", []want{
		{1, 1, "id", "title is missing"},
		{1, 5, "my pack", `pack id "my pack" may use only letters, digits and dashes`},
		{3, 11, "2026-11-23", "reviewed 2026-11-23 is in the future (today is 2026-11-22)"},
	}},
	{"empty mapping", true, "{}\n", []want{{1, 1, "{", "id is missing"}, {1, 1, "{", "title is missing"},
		{1, 1, "{", "version is missing"}, {1, 1, "{", "reviewed date is missing"}}},
	{"layer id already loaded", true, "id: test\ntitle: T\nversion: \"2\"\nreviewed: 2026-01-01\n", []want{
		{1, 5, "test", `a pack with id "test" is already loaded`},
	}},
	{"sources", true, head + `sources:
  - id: NEW
    kind: evidence
    publisher: P
    title: T
    confidence: verified
  - id: NEW
    kind: guidance
    publisher: P
    title: T
    confidence: probably
  - id: SRC-A
    kind: evidence
    title: T
    confidence: verified
  - id: REG
    kind: regulator
    publisher: P
    title: T
    confidence: verified
  - id: PRO
    kind: professional
    regulator: gmc
    publisher: P
    title: T
    confidence: verified
  - id: OLD
    kind: regulator
    regulator: gdc
    roles: [surgeon]
    status: superseded
    publisher: P
    title: T
    confidence: verified
  - id: HELP
    kind: steps
    status: gone
    publisher: P
    title: T
    confidence: verified
`, []want{
		{11, 9, "NEW", `duplicate source id "NEW"`},
		{12, 11, "guidance", `kind "guidance" must be one of regulator, professional, law, evidence, steps`},
		{15, 17, "probably", `confidence "probably" must be verified, secondary or uncertain`},
		{16, 5, "id: SRC-A", "publisher is missing"},
		{16, 9, "SRC-A", `source id "SRC-A" already exists in the base pack`},
		{20, 5, "id: REG", "regulator is missing"},
		{25, 5, "id: PRO", "roles is missing"},
		{27, 16, "gmc", "only kind regulator names a regulator"},
		{31, 5, "id: OLD", "superseded_by is missing"},
		{33, 16, "gdc", `unknown regulator "gdc"`},
		{34, 13, "surgeon", `unknown role "surgeon"`},
		{39, 5, "id: HELP", "a steps source names the platform"},
		{41, 13, "gone", `status "gone" must be superseded or unreliable`},
	}},
	{"platforms, regulators, roles, nations", true, head + `platforms:
  - id: mastodon
regulators:
  - id: hcpc
    name: HCPC
roles:
  - id: physio
    name: Physiotherapist
    regulator: hcpc
    regulator_ni: nope
  - id: doctor
    name: Doctor
nations:
  - id: england
    name: England
  - id: wales land
    name: Wales
`, []want{
		{6, 5, "id: mastodon", "name is missing"},
		{8, 5, "id: hcpc", "full is missing"},
		{14, 19, "nope", `unknown regulator "nope"`},
		{15, 9, "doctor", `role id "doctor" already exists in the base pack`},
		{18, 9, "england", `nation id "england" already exists`},
		{20, 9, "wales land", "must not contain spaces or @"},
	}},
	{"item fields", true, head + `sections:
  - id: vis
    items:
      - id: t.one
        kind: chore
        work: -1
        harm: nope
      - id: vis.protected
` + item + `      - id: t.one
` + item + `      - id: t.two
        variants:
          - question: Q?
          - roles: [nurse]
            nations: [atlantis]
            flags: [famous]
` + item, []want{
		{8, 9, "id: t.one", "question is missing"},
		{8, 9, "id: t.one", "why is missing"},
		{8, 9, "id: t.one", "action is missing"},
		{8, 9, "id: t.one", "severity is missing (high, medium or low)"},
		{8, 9, "id: t.one", "no citation"},
		{9, 15, "chore", `kind "chore" must be setting, task or habit`},
		{10, 15, "-1", "work is minutes of hands-on work: 0 or more"},
		{11, 15, "nope", `unknown harm "nope"`},
		{12, 13, "vis.protected", `item id "vis.protected" already exists in the base pack`},
		{22, 13, "t.one", `duplicate item id "t.one"`},
		{34, 13, "question", "a variant needs roles, nations or flags"},
		{35, 13, "roles", "variant changes nothing"},
		{36, 23, "atlantis", `unknown nation "atlantis"`},
		{37, 21, "famous", `unknown flag "famous"`},
	}},
	{"applies", true, head + `sections:
  - id: new
    title: New
    items:
      - id: t.one
` + item + `        raise_if_identified: true
        applies:
          accounts: [personal, work]
          roles: [nurse, surgeon]
          flags: [student, famous]
          any_flags: [vip]
          not_flags: [rich]
          nations: [atlantis]
`, []want{
		{19, 30, "true", "raise_if_identified has no effect on an item without applies.platforms"},
		{21, 32, "work", `account type "work" must be personal, professional or pseudonymous`},
		{22, 26, "surgeon", `unknown role "surgeon"`},
		{23, 28, "famous", `unknown flag "famous" (flags are identifies, publishes, practice_page, pseudonym, student, clinical, registered)`},
		{24, 23, "vip", `unknown flag "vip"`},
		{25, 23, "rich", `unknown flag "rich"`},
		{26, 21, "atlantis", `unknown nation "atlantis"`},
	}},
	{"howto", true, head + `sections:
  - id: new
    title: New
    items:
      - id: t.one
` + item + `        applies:
          platforms: [x, whatsapp, myspace]
        howto:
          x:
            steps: []
            researched: 2026-11-23
            basis: sure
            sources: [NOPE, SRC-B]
          myspace:
            steps: [Open settings, " "]
            researched: 01/02/2026
            basis: secondary
            checked: 2026-01-01
            fallback: Settings
`, []want{
		{20, 36, "myspace", `unknown platform "myspace"`},
		{21, 9, "howto", `no howto for platform "whatsapp"`},
		{22, 11, "x", "fallback is missing"},
		{23, 13, "steps", "howto for x has no steps"},
		{24, 25, "2026-11-23", "researched 2026-11-23 is in the future"},
		{25, 20, "sure", `basis "sure" must be help-page, secondary or uncertain`},
		{26, 23, "NOPE", `source "NOPE" is not in the source register`},
		{27, 11, "myspace", `howto for unknown platform "myspace"`},
		{28, 36, `" "`, "step is empty"},
		{29, 25, "01/02/2026", `researched "01/02/2026" is not a date`},
		{31, 22, "2026-01-01", "a path resting on secondary sources cannot be marked checked"},
	}},
	{"citations", true, head + `sources:
  - id: OLD
    kind: regulator
    regulator: gmc
    status: superseded
    superseded_by: SRC-A
    publisher: P
    title: T
    confidence: verified
  - id: BAD
    kind: evidence
    status: unreliable
    publisher: P
    title: T
    confidence: secondary
  - id: HELP
    kind: steps
    platform: x
    publisher: P
    title: T
    confidence: verified
sections:
  - id: emp
    items:
      - id: t.one
        question: Q?
        why: W.
        harm: h
        severity: high
        action: A.
        kind: habit
        cite:
          - source: NOPE
          - regulators: [gmc, gdc]
            roles: [dentist]
          - source: OLD
          - source: OLD
            historical: true
          - source: BAD
          - source: HELP
          - source: SRC-A
            historical: true
      - id: t.two
        question: Q?
        why: W.
        harm: h
        severity: medium
        action: A.
        kind: habit
        cite: []
`, []want{
		{37, 21, "NOPE", `source "NOPE" is not in the source register`},
		{38, 13, "regulators", "source is missing"},
		{38, 31, "gdc", `unknown regulator "gdc"`},
		{39, 21, "dentist", `unknown role "dentist"`},
		{40, 21, "OLD", `source "OLD" is superseded by "SRC-A"`},
		{43, 21, "BAD", `source "BAD" is marked unreliable and must not be cited`},
		{44, 21, "HELP", `supports click-paths: list it under the platform's howto sources`},
		{46, 25, "true", `historical is only for superseded sources`},
		{54, 9, "cite", "no citation: add at least one cite entry"},
	}},
	{"sections", true, head + `sections:
  - id: new
    items:
      - id: t.one
` + item + `  - id: msg
    title: Any title is ignored
    items: []
  - id: new
    title: Again
    items:
      - id: t.two
` + item + `  - id: msg
    items:
      - id: t.three
` + item, []want{
		{6, 5, "id: new", "title is missing"},
		{20, 5, "items", "section has no items"},
		{21, 9, "new", `duplicate section id "new"`},
		{34, 9, "msg", `duplicate section id "msg"`},
	}},
	{"scenarios", true, head + `scenarios:
  - id: rant-account
    title: T
    story: S.
    question: Q?
    options:
      - text: Only one.
        feedback: F.
        best: true
    principle: P.
    cite:
      - source: SRC-A
  - id: s2
    title: T
    story: S.
    question: Q?
    options:
      - {text: A, feedback: F, best: true}
      - {text: B, feedback: F, best: true}
      - {text: C}
    principle: P.
    items: [vis.protected, nope]
  - id: s3
    type: scale
    title: T
    story: S.
    question: Q?
    options: [{text: A, feedback: F}]
    principle: P.
    cite: [{source: SRC-A}]
  - id: s4
    type: vote
    no_single_answer: true
    title: T
    story: S.
    question: Q?
    principle: P.
    cite: [{source: SRC-A}]
checks:
  - id: c1
    question: Q?
    options:
      - {text: A, feedback: F}
      - {text: B, feedback: F}
    cite: [{source: SRC-A}]
`, []want{
		{6, 9, "rant-account", `scenario id "rant-account" already exists in the base pack`},
		{10, 5, "options", "2 to 4 options are needed, not 1"},
		{17, 5, "id: s2", "no citation"},
		{21, 5, "options", "exactly one option must have best: true, not 2"},
		{24, 9, "{text: C}", "feedback is missing"},
		{26, 28, "nope", `unknown item "nope"`},
		{27, 5, "id: s3", "a scale scenario needs scale.low and scale.high labels"},
		{27, 5, "id: s3", "commentary is missing"},
		{32, 5, "options", "a scale scenario has a scale, not options"},
		{35, 5, "id: s4", "commentary is missing"},
		{36, 11, "vote", `type "vote" must be choice or scale`},
		{46, 5, "options", "exactly one option must have best: true, not 0"},
	}},
	{"overrides", true, head + `overrides:
  - id: msg.work-groups
    severity: high
    work: -1
  - id: nope
    why: W.
  - id: msg.work-groups
  - question: Q?
`, []want{
		{8, 11, "-1", "work must be 0 or more"},
		{9, 9, "nope", `no item "nope" in the packs this one is layered on`},
		{11, 5, "id: msg.work-groups", "override changes nothing"},
		{11, 9, "msg.work-groups", `item "msg.work-groups" is overridden twice`},
		{12, 5, "question", "id is missing"},
	}},
	{"control characters", true, head + "roles:\n  - id: evil\n    name: \"Nurse \\e]0;pwned\\a\\e[2J\"\n", []want{
		{7, 11, "\"Nurse", "contains the control character U+001B"},
	}},
	{"overrides in a full pack", false, `id: t
title: T
version: "1"
reviewed: 2026-01-01
jurisdiction: J
sources: [{id: S, kind: evidence, publisher: P, title: T, confidence: verified}]
harms: [{id: h, rank: 1, title: H, reason: R}]
roles: [{id: r, name: R}]
nations: [{id: n, name: N}]
sections:
  - id: s
    title: S
    items:
      - id: s.one
        question: Q?
        why: W.
        harm: h
        severity: low
        action: A.
        work: 1
        kind: task
        cite: [{source: S}]
overrides:
  - id: s.one
    why: Changed.
`, []want{
		{24, 5, "id: s.one", "overrides are only for a pack layered on another pack"},
	}},
}

func TestValidateRules(t *testing.T) {
	base := loadBase(t)
	for _, c := range validateCases {
		t.Run(c.name, func(t *testing.T) {
			var b = base
			if !c.layer {
				b = nil
			}
			_, probs := check("case.yaml", []byte(c.src), b, testNow)
			assertProblems(t, c.src, probs, c.want)
		})
	}
}

// assertProblems checks that probs are exactly want, in any order.
func assertProblems(t *testing.T, src string, probs Problems, wants []want) {
	t.Helper()
	lines := strings.Split(src, "\n")
	used := make([]bool, len(probs))
	for _, w := range wants {
		if w.at != "" && (w.line < 1 || w.line > len(lines) || w.col < 1 || w.col > len(lines[w.line-1]) ||
			!strings.HasPrefix(lines[w.line-1][w.col-1:], w.at)) {
			t.Errorf("test case is wrong: %q is not at %d:%d", w.at, w.line, w.col)
		}
		found := false
		for i, p := range probs {
			if !used[i] && p.Line == w.line && p.Col == w.col && strings.Contains(p.Msg, w.msg) {
				used[i], found = true, true
				break
			}
		}
		if !found {
			t.Errorf("missing problem %d:%d %q", w.line, w.col, w.msg)
		}
	}
	for i, p := range probs {
		if !used[i] {
			t.Errorf("unexpected problem %v (path %s)", p, p.Path)
		}
		if p.File != "case.yaml" || (p.Path == "" && p.Line == 0) {
			t.Errorf("problem %v lacks file or path %q", p, p.Path)
		}
	}
}

func TestValidateWithoutSource(t *testing.T) {
	base := loadBase(t)
	probs := ValidateAt(base, nil, testNow)
	if len(probs) != 0 {
		t.Fatalf("base pack: %v", probs)
	}
	// A future review date, checked with a "today" before it.
	probs = ValidateAt(base, nil, testNow.AddDate(-1, 0, 0))
	if len(probs) == 0 || probs[0].Path != "$.reviewed" || probs[0].Line != 0 {
		t.Fatalf("want a $.reviewed problem without position, got %v", probs)
	}
	if got := probs[0].Error(); got != "$.reviewed: reviewed 2026-01-15 is in the future (today is 2025-11-22)" {
		t.Errorf("Error() = %q", got)
	}
	if probs := Validate(nil, nil); len(probs) != 1 {
		t.Errorf("Validate(nil) = %v", probs)
	}
}
