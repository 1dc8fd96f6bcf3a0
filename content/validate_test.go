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
        severity: low
        action: A.
        minutes: 1
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
    publisher: P
    title: T
    confidence: verified
  - id: NEW
    publisher: P
    title: T
    confidence: probably
  - id: SRC-A
    title: T
    confidence: verified
`, []want{
		{10, 9, "NEW", `duplicate source id "NEW"`},
		{13, 17, "probably", `confidence "probably" must be verified, secondary or uncertain`},
		{14, 5, "id: SRC-A", "publisher is missing"},
		{14, 9, "SRC-A", `source id "SRC-A" already exists in the base pack`},
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
        minutes: 0
      - id: vis.protected
` + item + `      - id: t.one
` + item, []want{
		{8, 9, "id: t.one", "question is missing"},
		{8, 9, "id: t.one", "why is missing"},
		{8, 9, "id: t.one", "action is missing"},
		{8, 9, "id: t.one", "severity is missing (high, medium or low)"},
		{8, 9, "id: t.one", "no citation"},
		{9, 15, "chore", `kind "chore" must be setting, task or habit`},
		{10, 18, "0", "minutes must be 1 or more"},
		{11, 13, "vis.protected", `item id "vis.protected" already exists in the base pack`},
		{20, 13, "t.one", `duplicate item id "t.one"`},
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
`, []want{
		{18, 30, "true", "raise_if_identified has no effect on an item without applies.platforms"},
		{20, 32, "work", `account type "work" must be personal, professional or pseudonymous`},
		{21, 26, "surgeon", `unknown role "surgeon"`},
		{22, 28, "famous", `unknown flag "famous" (flags are identifies, publishes, practice_page, pseudonym, student, clinical)`},
		{23, 23, "vip", `unknown flag "vip"`},
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
            verified: 2026-11-23
            confidence: sure
          myspace:
            steps: [Open settings, " "]
            verified: 01/02/2026
            confidence: verified
            fallback: Settings
`, []want{
		{19, 36, "myspace", `unknown platform "myspace"`},
		{20, 9, "howto", `no howto for platform "whatsapp"`},
		{21, 11, "x", "fallback is missing"},
		{22, 13, "steps", "howto for x has no steps"},
		{23, 23, "2026-11-23", "verified 2026-11-23 is in the future"},
		{24, 25, "sure", `confidence "sure" must be verified, secondary or uncertain`},
		{25, 11, "myspace", `howto for unknown platform "myspace"`},
		{26, 36, `" "`, "step is empty"},
		{27, 23, "01/02/2026", `verified "01/02/2026" is not a date`},
	}},
	{"citations", true, head + `sections:
  - id: emp
    items:
      - id: t.one
        question: Q?
        why: W.
        severity: high
        action: A.
        minutes: 5
        kind: habit
        cite:
          - source: NOPE
          - regulators: [gmc, gdc]
            roles: [dentist]
      - id: t.two
        question: Q?
        why: W.
        severity: medium
        action: A.
        minutes: 5
        kind: habit
        cite: []
`, []want{
		{16, 21, "NOPE", `source "NOPE" is not in the source register`},
		{17, 13, "regulators", "source is missing"},
		{17, 31, "gdc", `unknown regulator "gdc"`},
		{18, 21, "dentist", `unknown role "dentist"`},
		{26, 9, "cite", "no citation: add at least one cite entry"},
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
		{19, 5, "items", "section has no items"},
		{20, 9, "new", `duplicate section id "new"`},
		{32, 9, "msg", `duplicate section id "msg"`},
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
`, []want{
		{6, 9, "rant-account", `scenario id "rant-account" already exists in the base pack`},
		{10, 5, "options", "a scenario needs 2 to 4 options, not 1"},
		{17, 5, "id: s2", "no citation"},
		{21, 5, "options", "exactly one option must have best: true, not 2"},
		{24, 9, "{text: C}", "feedback is missing"},
		{26, 28, "nope", `unknown item "nope"`},
	}},
	{"overrides", true, head + `overrides:
  - id: msg.work-groups
    severity: high
    minutes: -1
  - id: nope
    why: W.
  - id: msg.work-groups
  - question: Q?
`, []want{
		{8, 14, "-1", "minutes must be 1 or more"},
		{9, 9, "nope", `no item "nope" in the packs this one is layered on`},
		{11, 5, "id: msg.work-groups", "override changes nothing"},
		{11, 9, "msg.work-groups", `item "msg.work-groups" is overridden twice`},
		{12, 5, "question", "id is missing"},
	}},
	{"overrides in a full pack", false, `id: t
title: T
version: "1"
reviewed: 2026-01-01
jurisdiction: J
sources: [{id: S, publisher: P, title: T, confidence: verified}]
roles: [{id: r, name: R}]
nations: [{id: n, name: N}]
sections:
  - id: s
    title: S
    items:
      - id: s.one
        question: Q?
        why: W.
        severity: low
        action: A.
        minutes: 1
        kind: task
        cite: [{source: S}]
overrides:
  - id: s.one
    why: Changed.
`, []want{
		{22, 5, "id: s.one", "overrides are only for a pack layered on another pack"},
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
