package content

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/pressend/pressend/checklist"
)

const itemHead = head + "sections:\n  - id: s\n    title: T\n    items:\n      - id: s.one\n"

func TestParseProblems(t *testing.T) {
	cases := []struct {
		name string
		src  string
		want []want
	}{
		{"empty", "", []want{{1, 1, "", "file is empty"}}},
		{"only comments", "# nothing yet\n", []want{{1, 1, "#", "file is empty"}}},
		{"sequence", "- id: a\n- id: b\n", []want{{1, 1, "-", "a pack must be a mapping of keys such as id: and title:, but this file is a sequence"}}},
		{"alias", "*a\n", []want{{1, 1, "*a", "but this file is an alias"}}},
		{"scalar", "just some text\n", []want{{1, 1, "just", "but this file is a string"}}},
		{"NUL", "id: a\x00b\n", []want{{1, 6, "\x00", "control character U+0000"}}},
		{"invalid UTF-8", "id: t\ntitle: caf\xe9\n", []want{{2, 11, "\xe9", "not UTF-8 text"}}},
		{"UTF-16", "\xff\xfei\x00d\x00", []want{{1, 1, "\xff", "UTF-16"}}},
		{"two documents", "id: a\n---\nid: b\n", []want{{3, 1, "id", "a second YAML document starts here"}}},
		{"unknown field", head + "sections:\n  - id: s\n    title: T\n    itmes: []\n",
			[]want{{8, 5, "itmes", `unknown field "itmes"; the fields allowed here are id, title, intro, items`}}},
		{"wrong type", itemHead + "        work: five\n",
			[]want{{10, 15, "five", "work must be a whole number, not text"}}},
		{"list expected", head + "sections:\n  id: s\n",
			[]want{{5, 1, "sections", "sections must be a sequence, not a mapping"}}},
		{"bad severities", itemHead + "        severity: extreme\n      - id: s.two\n        severity: [high]\n",
			[]want{{10, 19, "extreme", "severity must be high, medium or low"},
				{12, 19, "[high]", "severity must be high, medium or low"}}},
		{"tag (goccy panics decoding it)", head + "overrides:\n  ! 0000\n",
			[]want{{6, 3, "!", "YAML tags such as ! are not part of the pack format"}}},
		{"duplicate key", "id: a\ntitle: T\nid: b\n", []want{{3, 1, "id", `mapping key "id" already defined at [1:1]`}}},
		{"syntax", "id: t\ntitle: [T\n", []want{{2, 8, "[", "sequence end token ']' not found"}}},
		{"number rewritten", head + "sources:\n  - id: S\n    year: 2024\n    note: 1.10\n    title: True\n" +
			"sections:\n  - id: s\n    items:\n      - {id: i, work: 010, quick: True}\n",
			[]want{{8, 11, "1.10", `1.10 reads as the number 1.1; put it in quotes ("1.10")`},
				{9, 12, "True", `True reads as the boolean true; put it in quotes ("True")`}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, probs := ParseFile("case.yaml", []byte(c.src))
			if (p == nil) == (c.name == "number rewritten") {
				t.Errorf("pack = %v", p)
			}
			assertProblems(t, c.src, probs, c.want)
		})
	}
}

func TestParseLimitsAndBOM(t *testing.T) {
	_, probs := ParseFile("big.yaml", bytes.Repeat([]byte("# padding\n"), maxPackSize/10+1))
	if len(probs) != 1 || probs[0].Line != 0 || !strings.Contains(probs[0].Msg, "larger than 4 MiB") {
		t.Errorf("huge file: %v", probs)
	}
	if got := probs[0].Error(); got != "big.yaml: $: file is larger than 4 MiB, the most a pack may be; is it a pack?" {
		t.Errorf("Error() = %q", got)
	}
	data, _ := os.ReadFile("testdata/base.yaml")
	if _, probs := ParseFile("bom.yaml", append([]byte("\ufeff"), data...)); len(probs) != 0 {
		t.Errorf("BOM: %v", probs)
	}
	// An alias bomb: 1000 aliases of a section holding 1000 aliases of an
	// item read as a million items from a few kilobytes.
	var sb strings.Builder
	sb.WriteString(head + "sections:\n  - &s {id: s, title: T, items: [")
	sb.WriteString(strings.Repeat("&i {id: i, question: Q, why: W, severity: low, action: A, work: 1, kind: task, cite: [{source: S}]}, ", 1))
	sb.WriteString(strings.TrimSuffix(strings.Repeat("*i, ", 1000), ", ") + "]}\n")
	sb.WriteString("  " + strings.Repeat("- *s\n  ", 1000) + "\n")
	if _, probs := ParseFile("bomb.yaml", []byte(sb.String())); len(probs) != 1 || !strings.Contains(probs[0].Msg, "expands to more than") {
		t.Errorf("bomb: %v", probs)
	}
}

func TestProblemError(t *testing.T) {
	for _, c := range []struct {
		p    Problem
		want string
	}{
		{Problem{File: "a.yaml", Line: 3, Col: 7, Path: "$.id", Msg: "m"}, "a.yaml:3:7: m"},
		{Problem{File: "a.yaml", Line: 3, Msg: "m"}, "a.yaml:3: m"},
		{Problem{File: "a.yaml", Path: "$.id", Msg: "m"}, "a.yaml: $.id: m"},
		{Problem{File: "a.yaml", Msg: "m"}, "a.yaml: m"},
		{Problem{Path: "$.id", Msg: "m"}, "$.id: m"},
		{Problem{Msg: "m"}, "m"},
	} {
		if got := c.p.Error(); got != c.want {
			t.Errorf("%+v.Error() = %q, want %q", c.p, got, c.want)
		}
	}
	ps := Problems{{File: "b", Line: 1, Msg: "x"}, {File: "a", Line: 9, Msg: "y"}, {File: "a", Line: 2, Msg: "z"}}
	ps.Sort()
	if got := ps.Error(); got != "a:2: z\na:9: y\nb:1: x" {
		t.Errorf("sorted = %q", got)
	}
	if Problems(nil).Err() != nil || ps.Err() == nil {
		t.Error("Err() must be nil exactly when there are no problems")
	}
}

// fuzzSeeds is every YAML example in README.md and testdata, and the
// validation test cases.
func fuzzSeeds(t testing.TB) [][]byte {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	var seeds [][]byte
	for _, m := range regexp.MustCompile("(?s)```yaml\n(.*?)```").FindAllSubmatch(readme, -1) {
		seeds = append(seeds, m[1])
	}
	files, _ := filepath.Glob("testdata/*.yaml")
	more, _ := filepath.Glob("testdata/*/*.yaml")
	for _, f := range append(files, more...) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		seeds = append(seeds, data)
	}
	for _, c := range validateCases {
		seeds = append(seeds, []byte(c.src))
	}
	return seeds
}

func FuzzParseFile(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	base := loadBase(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		p, probs := ParseFile("fuzz.yaml", data)
		named(t, "ParseFile", probs)
		if p == nil {
			if len(probs) == 0 {
				t.Fatal("no pack and no problem")
			}
			return
		}
		named(t, "Validate", Validate(p, nil))
		named(t, "Validate as layer", Validate(p, base))
		_, located := check("fuzz.yaml", data, base, testNow)
		named(t, "check", located)

		out, err := Encode(p, "yaml")
		if err != nil {
			t.Fatal(err)
		}
		back, probs := ParseFile("encoded.yaml", out)
		if len(probs) > 0 || !equalPacks(p, back) {
			t.Fatalf("Encode does not round-trip: %v\n%s", probs, out)
		}
		if len(located) == 0 {
			// A valid layer on a valid base must give a valid pack.
			merged := merge(base, p)
			if probs := ValidateAt(merged, nil, testNow); len(probs) > 0 {
				t.Fatalf("valid layer gave an invalid pack: %v", probs)
			}
			for _, prof := range everyProfile(merged) {
				checklist.Questions(merged, prof, checklist.Full)
			}
		}
	})
}

// named checks that every problem says where it is, and that goccy never
// panicked on the way.
func named(t *testing.T, what string, probs Problems) {
	t.Helper()
	for _, p := range probs {
		if p.Line <= 0 && p.Path == "" {
			t.Errorf("%s: problem without position or path: %+v", what, p)
		}
		if strings.Contains(p.Msg, "the YAML reader failed") {
			t.Errorf("%s: goccy panicked: %v", what, p)
		}
	}
}

// equalPacks compares packs, treating empty and nil lists alike: YAML
// cannot tell "cite: []" from an absent key once omitempty is involved.
func equalPacks(a, b *checklist.Pack) bool {
	return reflect.DeepEqual(normalize(reflect.ValueOf(*a)), normalize(reflect.ValueOf(*b)))
}

// normalize turns a value into plain maps and slices with empty lists and
// maps as nil.
func normalize(v reflect.Value) any {
	switch v.Kind() {
	case reflect.Struct:
		m := map[string]any{}
		for i := range v.NumField() {
			m[v.Type().Field(i).Name] = normalize(v.Field(i))
		}
		return m
	case reflect.Slice:
		if v.Len() == 0 {
			return nil
		}
		s := make([]any, v.Len())
		for i := range s {
			s[i] = normalize(v.Index(i))
		}
		return s
	case reflect.Map:
		if v.Len() == 0 {
			return nil
		}
		m := map[string]any{}
		for _, k := range v.MapKeys() {
			m[k.String()] = normalize(v.MapIndex(k))
		}
		return m
	}
	return v.Interface()
}
