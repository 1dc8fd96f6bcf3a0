package content

import (
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pressend/pressend/checklist"
)

// testNow is "today" for tests that use testdata packs, whose dates are in
// January 2026 (November for the README example).
var testNow = time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC)

// loadBase parses and validates testdata/base.yaml.
func loadBase(t testing.TB) *checklist.Pack {
	t.Helper()
	data, err := os.ReadFile("testdata/base.yaml")
	if err != nil {
		t.Fatal(err)
	}
	p, probs := check("testdata/base.yaml", data, nil, testNow)
	if len(probs) > 0 {
		t.Fatalf("testdata/base.yaml has problems:\n%v", probs)
	}
	p.Layers = []string{p.ID + "@" + p.Version}
	return p
}

// embedded loads the real pack or fails the test with every problem.
func embedded(t *testing.T) *checklist.Pack {
	t.Helper()
	p, err := Embedded()
	if err != nil {
		var probs Problems
		if errors.As(err, &probs) {
			t.Fatalf("embedded pack has %d problems:\n%v", len(probs), err)
		}
		t.Fatal(err)
	}
	return p
}

func TestEmbeddedPackValid(t *testing.T) {
	p := embedded(t)
	if want := []string{p.ID + "@" + p.Version}; !slices.Equal(p.Layers, want) {
		t.Errorf("Layers = %v, want %v", p.Layers, want)
	}
	var items int
	for _, s := range p.Sections {
		items += len(s.Items)
	}
	for _, c := range []struct {
		what     string
		got, min int
	}{
		{"items", items, 30},
		{"sections", len(p.Sections), 10},
		{"platforms", len(p.Platforms), 15},
		{"scenarios", len(p.Scenarios), 16},
	} {
		if c.got < c.min {
			t.Errorf("pack has %d %s, want at least %d", c.got, c.what, c.min)
		}
	}

	// Every item must be asked of someone: the union of questions over
	// every role, with every platform held as each account type (and as
	// personal with one pseudonymous account, for items that need both),
	// and every profile flag on.
	reached := map[string]bool{}
	for _, prof := range everyProfile(p) {
		for _, q := range checklist.Questions(p, prof, checklist.Full) {
			reached[q.Item.ID] = true
		}
	}
	for _, s := range p.Sections {
		for _, it := range s.Items {
			if !reached[it.ID] {
				t.Errorf("item %s is not asked of any profile: check its applies", it.ID)
			}
			for _, pl := range it.Applies.Platforms {
				if h, ok := it.HowTo[pl]; !ok || len(h.Steps) == 0 {
					t.Errorf("item %s applies to %s but has no howto steps for it", it.ID, pl)
				}
			}
		}
	}
}

// everyProfile builds the profiles that together should reach every item.
func everyProfile(p *checklist.Pack) []*checklist.Profile {
	accounts := func(t checklist.AccountType, pseudo string) map[string]checklist.AccountType {
		m := map[string]checklist.AccountType{}
		for _, pl := range p.Platforms {
			m[pl.ID] = t
		}
		if pseudo != "" {
			m[pseudo] = checklist.Pseudonymous
		}
		return m
	}
	var configs []map[string]checklist.AccountType
	for _, t := range []checklist.AccountType{checklist.Personal, checklist.Pseudonymous, checklist.Professional} {
		configs = append(configs, accounts(t, ""))
	}
	for _, pl := range p.Platforms {
		configs = append(configs, accounts(checklist.Personal, pl.ID), accounts(checklist.Professional, pl.ID))
	}
	var out []*checklist.Profile
	for _, r := range p.Roles {
		for _, n := range p.Nations {
			for _, acc := range configs {
				out = append(out, &checklist.Profile{Role: r.ID, Nation: n.ID, Accounts: acc,
					Identifies: true, Publishes: true, PracticePage: true})
			}
		}
	}
	return out
}

func platformIDs(p *checklist.Pack) string {
	var ids []string
	for _, pl := range p.Platforms {
		ids = append(ids, pl.ID)
	}
	return strings.Join(ids, ", ")
}

func TestMultiFileOrigins(t *testing.T) {
	fsys := os.DirFS("testdata")
	_, probs := loadDir(fsys, "multi", testNow)
	want := []Problem{
		{File: "multi/20-two.yaml", Line: 24, Col: 21, Path: "$.sections[0].items[1].cite[0].source",
			Msg: `source "SRC-MISSING" is not in the source register`},
		{File: "multi/20-two.yaml", Line: 39, Col: 20, Path: "$.scenarios[0].items[1]", Msg: `unknown item "one.zzz"`},
	}
	if !slices.Equal(probs, want) {
		t.Errorf("problems:\n%v\nwant:\n%v", probs, Problems(want))
	}
}
