package report

import (
	"bytes"
	"encoding/json"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/pressend/pressend/checklist"
	"github.com/pressend/pressend/checklist/display"
)

func jsonAt(v any, path string) any {
	for _, p := range strings.Split(path, ".") {
		switch n := v.(type) {
		case map[string]any:
			v = n[p]
		case []any:
			if p == "#" {
				return float64(len(n))
			}
			i, err := strconv.Atoi(p)
			if err != nil || i >= len(n) {
				return nil
			}
			v = n[i]
		default:
			return nil
		}
	}
	return v
}

func TestReportJSON(t *testing.T) {
	pack := reportPack()
	out := render(t, FormatJSON, input(pack, reportAudit(pack), "/data/me.json"))
	var doc any
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]any{
		"schema": display.Schema, "generator.name": "pressend", "generator.version": "1.0.0-test",
		"generated_at": "2026-03-02T10:30:00Z", "all_clear": false,
		"audit.name": "me", "audit.file": "/data/me.json", "audit.completed": "", "audit.mode": "full",
		"pack.id": "test", "pack.version": "1.2.0", "pack.layers.1": "org@0.1", "pack.old_paths.0": "x",
		"profile.role.id": "doctor", "profile.regulator.id": "gmc", "profile.nation.name": "England",
		"profile.platforms.#": 3.0, "profile.platforms.1.account": "pseudonymous", "profile.gaps.#": 0.0,
		"progress.answered": 7.0, "progress.total": 8.0, "progress.questions": 5.0, "unanswered": 1.0,
		"score.overall.band": "exposed", "score.sections.#": 2.0, "score.sections.0.id": "privacy",
		"score.sections.1.not_applicable": 1.0, "score.explanation.#": float64(len(checklist.ScoreExplanation())),
		"score.harms.0.title": "Patient confidentiality", "score.harms.#": 4.0,
		"first.key": "no-patient-info", "first.harm": "Patient confidentiality", "first.rank": 1.0,
		"open_actions": 3.0, "done_actions": 1.0, "open_minutes": 37.0,
		"actions.#": 4.0, "actions.0.key": "no-patient-info", "actions.0.state": "unsure",
		"actions.0.check": "Look back over a year of your posts and photos.", "actions.0.steps.#": 0.0,
		"actions.0.question": "Do you avoid posting anything that could identify a patient?",
		"actions.1.key":      "lookup-phone@instagram", "actions.1.uncertain.0": "Instagram may have moved this setting in early 2026.",
		"actions.1.citations.0.uncertain": true,
		"actions.2.key":                   "profile-private@facebook", "actions.2.severity": "high", "actions.2.raised": true,
		"actions.2.state": "no", "actions.2.minutes": 2.0, "actions.2.group": "5-minute fixes",
		"actions.2.steps.#": 4.0, "actions.2.steps.3": "Audience and visibility",
		"actions.2.researched": "Researched from the platform's help pages, 10 Jan 2026.", "actions.2.fallback": "Audience",
		"actions.2.note":        "Ask Sam how to do this.\nFamily photos are on it.",
		"actions.2.citations.#": 3.0, "actions.2.citations.0.source": "GMC-SM", "actions.2.citations.0.tier": "regulator",
		"actions.2.citations.0.url":    "https://www.gmc-uk.org/social-media",
		"actions.2.citations.1.source": "DU", "actions.2.citations.1.tier": "professional",
		"actions.2.citations.2.source": "NEWS", "actions.2.citations.2.tier": "evidence",
		"actions.2.step_sources.0.source": "FB-HELP", "actions.2.step_sources.0.url": "https://www.facebook.com/help/1",
		"actions.3.key": "lookup-phone@facebook", "actions.3.done": true, "actions.3.done_at": "2026-03-02T09:30:00Z",
		"accepted.#": 1.0, "accepted.0.key": "profile-private@x",
		"accepted.0.reason": "This is my professional account: it has to be public.",
		"notes.#":           1.0, "notes.0.state": "yes", "notes.0.note": "Checked from a friend's phone.",
		"next_review": "2026-09-01", "since_last.to_yes": 1.0, "since_last.away_from_yes": 1.0,
		"notice": display.NotLegalAdvice,
	} {
		if got := jsonAt(doc, path); got != want {
			t.Errorf("%s = %#v, want %#v", path, got, want)
		}
	}
}

// jsonDocs are real documents of every kind the JSON writer makes: the
// full report with and without a previous round, before the profile is
// set up, the member's report with its organisation and notes of every
// kind, the share summary with and without a previous round, and a GP's
// reports on the embedded pack.
func jsonDocs(t *testing.T) map[string]any {
	t.Helper()
	pack := reportPack()
	full := input(pack, reportAudit(pack), "/data/me.json")
	first := input(pack, reportAudit(pack), "")
	first.Audit.Rounds = nil
	empty := input(pack, checklist.NewAudit("new", pack, reportNow), "")
	member := memberCase()
	member.AdviserNotes = true
	share := shareInput()
	shareFirst := shareInput()
	shareFirst.Audit.Rounds = nil
	gpPack, gpAudit := gpAudit(t)
	gp := Input{Pack: gpPack, Audit: gpAudit, Now: gpAudit.Updated}
	gpMember, gpShare := gp, gp
	gpMember.Member, gpShare.Share = true, true
	docs := map[string]any{}
	for name, in := range map[string]Input{"full": full, "first round": first, "no profile": empty,
		"member": member, "share": share, "share first round": shareFirst, "since": input(pack, sinceAudit(pack), ""),
		"gp": gp, "gp member": gpMember, "share gp": gpShare} {
		var doc any
		if err := json.Unmarshal([]byte(render(t, FormatJSON, in)), &doc); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		docs[name] = doc
	}
	return docs
}

// TestReportSchemaDocumented fails when a JSON field is added without
// documenting it in REPORT-SCHEMA.md, or when the schema files allow a
// field the document does not describe.
func TestReportSchemaDocumented(t *testing.T) {
	spec, err := os.ReadFile("REPORT-SCHEMA.md")
	if err != nil {
		t.Fatal(err)
	}
	documented := func(where, k string) {
		if !bytes.Contains(spec, []byte("`"+k+"`")) {
			t.Errorf("%s: JSON field %q is not documented in REPORT-SCHEMA.md", where, k)
		}
	}
	var walk func(where string, v any, schema bool)
	walk = func(where string, v any, schema bool) {
		switch v := v.(type) {
		case map[string]any:
			for k, child := range v {
				if !schema {
					documented(where, k)
				} else if k == "properties" {
					for name := range child.(map[string]any) {
						documented(where, name)
					}
				}
				walk(where, child, schema)
			}
		case []any:
			for _, child := range v {
				walk(where, child, schema)
			}
		}
	}
	for name, doc := range jsonDocs(t) {
		walk(name, doc, false)
	}
	for _, file := range []string{"report.schema.json", "share.schema.json"} {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var doc any
		if err := json.Unmarshal(b, &doc); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		walk(file, doc, true)
	}
}

// TestReportSchemaValid validates real documents against the JSON Schema
// files, with formats asserted. The schemas forbid fields they do not
// list, so a field added to the display model without a schema fails here.
func TestReportSchemaValid(t *testing.T) {
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	schemas := map[string]*jsonschema.Schema{}
	for _, file := range []string{"report.schema.json", "share.schema.json"} {
		f, err := os.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := jsonschema.UnmarshalJSON(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		if err := c.AddResource(file, doc); err != nil {
			t.Fatal(err)
		}
		if schemas[file], err = c.Compile(file); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
	}
	for name, doc := range jsonDocs(t) {
		file := "report.schema.json"
		if strings.HasPrefix(name, "share") {
			file = "share.schema.json"
		}
		if err := schemas[file].Validate(doc); err != nil {
			t.Errorf("%s does not match %s: %v", name, file, err)
		}
	}
	// The schemas must be able to fail: a report with an unknown field, or
	// a share summary carrying a note, is refused.
	doc := jsonDocs(t)
	doc["full"].(map[string]any)["surprise"] = true
	if schemas["report.schema.json"].Validate(doc["full"]) == nil {
		t.Error("the report schema accepts an undocumented field")
	}
	doc["share"].(map[string]any)["notes"] = []any{"a note"}
	if schemas["share.schema.json"].Validate(doc["share"]) == nil {
		t.Error("the share schema accepts notes")
	}
}
