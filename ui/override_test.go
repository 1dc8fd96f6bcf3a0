package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/pressend/pressend/checklist"
	"github.com/pressend/pressend/content"
)

// trustPack is an organisation's layer: it rewords and raises an embedded
// item and adds one of its own.
const trustPack = `id: acme-trust
title: Acme NHS Trust additions
version: "2026.1"
reviewed: 2026-11-01
sources:
  - id: ACME-SMP
    publisher: Acme NHS Trust
    title: Social media and instant messaging policy
    year: "2026"
    confidence: verified
overrides:
  - id: vis.x-protected
    question: Is your personal X account protected, as Acme Trust policy requires?
    severity: high
    action: Protect your X account. Acme policy section 4 requires it for staff who post about work.
`

// TestCustomPackOverrideGolden shows that an organisation's override
// changes the question, severity and action the user sees.
func TestCustomPackOverrideGolden(t *testing.T) {
	base, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	layer, probs := content.ParseFile("acme-trust.yaml", []byte(trustPack))
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	if probs := content.Validate(layer, base); len(probs) > 0 {
		t.Fatal(probs)
	}
	pack, err := content.Layer(base, layer)
	if err != nil {
		t.Fatal(err)
	}
	a := checklist.NewAudit("me", pack, fixedNow)
	a.SetProfile(&checklist.Profile{Role: "nurse", Nation: "england",
		Accounts: map[string]checklist.AccountType{"x": checklist.Personal}}, fixedNow)
	_ = a.SetAnswer("vis.inventory", checklist.Yes, "", fixedNow)
	o := Options{Pack: pack, Audit: a, Store: &memStore{}, Path: "/home/user/.local/share/pressend/audits/me.json", Now: nowFn}
	m := drive(t, newModel(o), sized(80, 24))
	view := screenText(m)
	if !strings.Contains(view, "as Acme Trust policy requires") || !strings.Contains(view, "▲ High") {
		t.Fatalf("override not shown:\n%s", view)
	}
	golden.RequireEqual(t, []byte(view))
	m = drive(t, m, press("n"), press("r"))
	if !strings.Contains(screenText(m), "Acme policy section 4") {
		t.Fatalf("overridden action not in the plan:\n%s", screenText(m))
	}
	if !strings.Contains(screenText(m), "acme-trust@2026.1") && !strings.Contains(m.(model).resultsBody(), "acme-trust@2026.1") {
		t.Fatal("active packs not listed")
	}
}
