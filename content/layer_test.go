package content

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/pressend/pressend/checklist"
)

// readmeLayer is the organisation pack example from README.md.
func readmeLayer(t *testing.T) []byte {
	t.Helper()
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)```yaml\n(# ~/.config/pressend/packs/.*?)```").FindSubmatch(readme)
	if m == nil {
		t.Fatal("README.md has no layer example")
	}
	return m[1]
}

// question finds the row for an item (and platform) in a profile's
// questions, with its question.
func question(qs []checklist.Question, key string) (checklist.Question, checklist.Row, bool) {
	for _, q := range qs {
		if i := slices.IndexFunc(q.Rows, func(r checklist.Row) bool { return r.Key == key }); i >= 0 {
			return q, q.Rows[i], true
		}
	}
	return checklist.Question{}, checklist.Row{}, false
}

var nurse = &checklist.Profile{Role: "nurse", Nation: "england",
	Accounts: map[string]checklist.AccountType{"x": checklist.Personal, "whatsapp": checklist.Personal}}

func TestLayerREADMEExample(t *testing.T) {
	base := loadBase(t)
	l, probs := check("acme-trust.yaml", readmeLayer(t), base, testNow)
	if len(probs) > 0 {
		t.Fatalf("README example: %v", probs)
	}
	got, err := Layer(base, l)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"test@1.0.0", "acme-trust@2026.1"}; !slices.Equal(got.Layers, want) {
		t.Errorf("Layers = %v, want %v", got.Layers, want)
	}
	emp := got.Sections[2]
	if emp.ID != "emp" || emp.Title != "Your employer" || emp.Items[len(emp.Items)-1].ID != "acme.teams-only" {
		t.Errorf("emp section = %+v", emp)
	}
	qs := checklist.Questions(got, nurse, checklist.Full)
	q, row, ok := question(qs, "msg.work-groups")
	if !ok || row.Severity != checklist.High || !strings.HasPrefix(q.Item.Action, "Use Teams.") {
		t.Errorf("override not applied: %+v %+v", q, q.Item)
	}
	if _, _, ok := question(qs, "acme.teams-only"); !ok {
		t.Error("added item is not asked")
	}
	if _, ok := got.Source("ACME-SMP"); !ok {
		t.Error("added source missing")
	}
	// base is untouched, and the result shares nothing with it.
	if !equalPacks(base, loadBase(t)) || base.Sections[1].Items[0].Severity != checklist.Medium {
		t.Error("Layer changed base")
	}
	got.Sections[0].Items[0].Cite[0].Regulators[0] = "changed"
	got.Sections[0].Items[0].HowTo["x"].Steps[0] = "changed"
	if base.Sections[0].Items[0].Cite[0].Regulators[0] != "gmc" || base.Sections[0].Items[0].HowTo["x"].Steps[0] == "changed" {
		t.Error("result aliases base")
	}
}

func TestLayerSectionsAndOverrides(t *testing.T) {
	base := loadBase(t)
	src := head + `sections:
  - id: org
    title: Our trust
    items:
      - id: org.badge
        question: Do you keep your ID badge out of photos?
        why: Badges name you and your ward.
        harm: h
        severity: medium
        action: Take the badge off before photos.
        work: 1
        kind: habit
        applies:
          platforms: [x]
        howto:
          x: {steps: [Open your photos], researched: 2026-01-01, basis: help-page, fallback: Photos}
        cite: [{source: SRC-B}]
overrides:
  - id: vis.protected
    question: Is your X account protected?
    why: New reason.
    severity: high
    check: New check.
    check_action: Check it.
    work: 7
`
	l, probs := check("org.yaml", []byte(src), base, testNow)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	got, err := Layer(base, l)
	if err != nil {
		t.Fatal(err)
	}
	if last := got.Sections[len(got.Sections)-1]; last.ID != "org" || last.Title != "Our trust" {
		t.Errorf("new section not appended: %+v", last)
	}
	qs := checklist.Questions(got, nurse, checklist.Full)
	if keys := checklist.Keys(qs); keys[len(keys)-1] != "org.badge@x" {
		t.Errorf("last question = %s, want org.badge@x", keys[len(keys)-1])
	}
	q, row, _ := question(qs, "vis.protected@x")
	it := q.Item
	if row.Severity != checklist.High || it.Question != "Is your X account protected?" || it.Why != "New reason." ||
		it.Check != "New check." || it.CheckAction != "Check it." || it.Work != 7 || it.Action != "Turn on Protect your posts." {
		t.Errorf("override: %+v", *it)
	}
	if probs := ValidateAt(got, nil, testNow); len(probs) > 0 {
		t.Errorf("merged pack is invalid: %v", probs)
	}

	// A second layer may extend the first layer's section and override its item.
	src2 := strings.Replace(head, "id: t", "id: t2", 1) + "sections:\n  - id: org\n    items:\n      - id: org.two\n" + item +
		"overrides:\n  - id: org.badge\n    severity: low\n"
	l2, probs := check("org2.yaml", []byte(src2), got, testNow)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	got2, err := Layer(got, l2)
	if err != nil {
		t.Fatal(err)
	}
	if it, _, _ := got2.Item("org.badge"); it.Severity != checklist.Low || len(got2.Sections[len(got2.Sections)-1].Items) != 2 {
		t.Errorf("second layer not applied")
	}
	if want := []string{"test@1.0.0", "t@1", "t2@1"}; !slices.Equal(got2.Layers, want) {
		t.Errorf("Layers = %v, want %v", got2.Layers, want)
	}
}

func TestLayerRejects(t *testing.T) {
	base := loadBase(t)
	for _, c := range []struct{ name, src, msg string }{
		{"unknown override", head + "overrides:\n  - id: vis.nope\n    severity: high\n", `no item "vis.nope"`},
		{"duplicate item", head + "sections:\n  - id: vis\n    items:\n      - id: msg.work-groups\n" + item,
			`item id "msg.work-groups" already exists in the base pack`},
	} {
		t.Run(c.name, func(t *testing.T) {
			l, probs := ParseFile("l.yaml", []byte(c.src))
			if l == nil {
				t.Fatal(probs)
			}
			_, err := Layer(base, l)
			var ps Problems
			if !errors.As(err, &ps) || len(ps) != 1 || !strings.Contains(ps[0].Msg, c.msg) {
				t.Errorf("Layer error = %v, want %q", err, c.msg)
			}
		})
	}
	if _, err := Layer(nil, base); err == nil {
		t.Error("Layer(nil, ...) must fail")
	}
}

func TestLayerDir(t *testing.T) {
	base := loadBase(t)
	dir := t.TempDir()
	write := func(name, src string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	good := strings.Replace(head, "id: t", "id: good", 1) + "sections:\n  - id: good\n    title: Good\n    items:\n      - id: good.one\n" + item
	write("10-good.yaml", good)
	write("20-bad.YAML", strings.Replace(head, "id: t", "id: bad", 1)+"sources:\n  - id: X\n")
	write("30-next.yml", strings.Replace(head, "id: t", "id: next", 1)+"overrides:\n  - id: good.one\n    work: 9\n")
	write("40-empty.yaml", "")
	write("50-dup.yaml", good)
	write(".10-hidden.yaml", "not: a pack")
	write("notes.txt", "not a pack")
	if err := os.Mkdir(filepath.Join(dir, "dir.yaml"), 0o700); err != nil {
		t.Fatal(err)
	}
	got, probs := layerDir(base, dir, testNow)
	if want := []string{"test@1.0.0", "good@1", "next@1"}; !slices.Equal(got.Layers, want) {
		t.Errorf("Layers = %v, want %v", got.Layers, want)
	}
	if it, _, _ := got.Item("good.one"); it == nil || it.Work != 9 {
		t.Errorf("good.one = %+v", it)
	}
	var msgs []string
	for _, p := range probs {
		msgs = append(msgs, strings.TrimPrefix(p.Error(), dir+string(filepath.Separator)))
	}
	want := []string{
		"20-bad.YAML:6:5: publisher is missing",
		"20-bad.YAML:6:5: title is missing",
		"20-bad.YAML:6:5: confidence is missing (verified, secondary or uncertain)",
		`20-bad.YAML:6:5: kind "" must be one of regulator, professional, law, evidence, steps`,
		"40-empty.yaml:1:1: file is empty: a pack needs at least id, title, version and reviewed",
		`50-dup.yaml:1:5: a pack with id "good" is already loaded; give this pack its own id`,
		`50-dup.yaml:9:13: item id "good.one" already exists in the base pack`,
	}
	if !slices.Equal(msgs, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(msgs, "\n"), strings.Join(want, "\n"))
	}
	if got, probs := layerDir(base, filepath.Join(dir, "missing"), testNow); got != base || probs != nil {
		t.Errorf("missing dir: %v", probs)
	}
	if _, probs := layerDir(base, filepath.Join(dir, "notes.txt"), testNow); len(probs) != 1 {
		t.Errorf("dir is a file: %v", probs)
	}
}

func TestValidateFileIO(t *testing.T) {
	dir := t.TempDir()
	if _, err := ValidateFile(filepath.Join(dir, "nope.yaml")); !errors.Is(err, fs.ErrNotExist) ||
		!strings.Contains(err.Error(), "no pack file at") {
		t.Errorf("missing file: %v", err)
	}
	if _, err := ValidateFile(dir); err == nil || !strings.Contains(err.Error(), "is a folder") {
		t.Errorf("folder: %v", err)
	}
}

// The tests below use the real embedded pack, so they fail while it does.

func TestLoadLayeredEmbedded(t *testing.T) {
	p, probs, err := LoadLayered(filepath.Join(t.TempDir(), "none"))
	if err != nil || len(probs) > 0 || p == nil {
		t.Fatalf("LoadLayered: %v %v", probs, err)
	}
	path := filepath.Join(t.TempDir(), "acme-trust.yaml")
	if err := os.WriteFile(path, readmeLayer(t), 0o600); err != nil {
		t.Fatal(err)
	}
	probs, err = ValidateFile(path)
	if err != nil || len(probs) > 0 {
		t.Errorf("README layer example on the embedded pack: %v %v", probs, err)
	}
}
