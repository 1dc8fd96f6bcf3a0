package main

import (
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
)

// The pack commands: validate and show, and a broken custom pack.

func TestPackValidate(t *testing.T) {
	c := newSandbox(t)
	dir := t.TempDir()
	good := filepath.Join(dir, "good.yaml")
	writeFile(t, good, `id: acme-trust
title: Acme NHS Trust additions
version: "2026.1"
reviewed: 2026-11-01
`)
	o := c.run("", "pack", "validate", good)
	c.want(o, 0)
	if !strings.Contains(o.stdout, good+": no problems found") {
		t.Errorf("good pack: stdout = %q", o.stdout)
	}

	bad := filepath.Join(dir, "bad.yaml")
	writeFile(t, bad, `id: acme-trust
title: Acme
version: "1"
reviewed: 2099-01-01
sections:
  - id: emp
    items:
      - id: acme.x
        question: Is this safe?
        why: Because.
        severity: high
        check: Look.
        action: Fix it.
        work: -1
        kind: task
        cite:
          - source: NOT-IN-THE-REGISTER
`)
	o = c.run("", "pack", "validate", bad)
	c.want(o, 1)
	lines := strings.Split(strings.TrimSpace(o.stdout), "\n")
	if len(lines) < 3 {
		t.Fatalf("bad pack: want several problems, got:\n%s", o.stdout)
	}
	for _, l := range lines {
		if !regexp.MustCompile(`^` + regexp.QuoteMeta(bad) + `:\d+:\d+: \S`).MatchString(l) {
			t.Errorf("problem line %q is not file:line:col: message", l)
		}
	}

	c.want(c.run("", "pack", "validate", filepath.Join(dir, "missing.yaml")), 1)
}

func TestPackShow(t *testing.T) {
	c := newSandbox(t)
	for _, format := range []string{"yaml", "json"} {
		o := c.run("", "pack", "show", "--format", format)
		c.want(o, 0, format)
		var v map[string]any
		var err error
		if format == "json" {
			err = json.Unmarshal([]byte(o.stdout), &v)
		} else {
			err = yaml.Unmarshal([]byte(o.stdout), &v)
		}
		if err != nil || v["id"] == nil {
			t.Errorf("pack show --format %s does not parse back (%v):\n%.300s", format, err, o.stdout)
		}
	}
}

// A broken custom pack is reported and left out; the built-in pack still
// works.
func TestBrokenCustomPackWarns(t *testing.T) {
	c := newSandbox(t)
	writeFile(t, filepath.Join(c.packs, "broken.yaml"), "id: [\n")
	o := c.run("", "pack", "show")
	c.want(o, 0)
	if !strings.Contains(o.stderr, "broken.yaml") {
		t.Errorf("no warning for the broken pack:\n%s", o.stderr)
	}
}
