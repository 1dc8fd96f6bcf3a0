package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/pressend/pressend/checklist"
	"github.com/pressend/pressend/checklist/store"
)

// screens builds each screen the app can show, in a state worth seeing,
// at a size. Goldens and the fit test both use them.
func screens(t *testing.T, w, h int) map[string]*root {
	t.Helper()
	finished := func() *checklist.Audit {
		a := profiled()
		r := start(t, testOptions(a, &memStore{}), w, h)
		keys(t, r, "n", "y", "u", "n", "y")
		return a
	}
	out := map[string]*root{}
	out["welcome"] = start(t, testOptions(nil, &memStore{}), w, h)
	out["profile"] = start(t, testOptions(nil, &memStore{}), w, h)
	keys(t, out["profile"], "enter")
	out["platforms"] = start(t, testOptions(nil, &memStore{}), w, h)
	keys(t, out["platforms"], "enter", "enter", "enter")
	out["screening"] = start(t, testOptions(nil, &memStore{}), w, h)
	keys(t, out["screening"], "enter", "enter", "enter", "space", "enter", "enter")
	out["question"] = start(t, testOptions(profiled(), &memStore{}), w, h)
	keys(t, out["question"], "y")
	out["note"] = start(t, testOptions(profiled(), &memStore{}), w, h)
	keys(t, out["note"], "e")
	typeText(t, out["note"], "ask Sam on Tuesday")
	out["more"] = start(t, testOptions(profiled(), &memStore{}), w, h)
	keys(t, out["more"], "y", "m")
	out["overview"] = start(t, testOptions(profiled(), &memStore{}), w, h)
	keys(t, out["overview"], "y", "n", "o")
	out["results"] = start(t, testOptions(finished(), &memStore{}), w, h)
	keys(t, out["results"], "down", "enter")
	out["how"] = start(t, testOptions(finished(), &memStore{}), w, h)
	keys(t, out["how"], "down", "enter", "h")
	out["menu"] = start(t, testOptions(finished(), &memStore{}), w, h)
	out["confirm"] = start(t, testOptions(finished(), &memStore{}), w, h)
	keys(t, out["confirm"], "down", "down", "enter")
	o := testOptions(nil, &memStore{})
	o.Damaged = &store.DamagedError{Path: "/home/user/.local/share/pressend/audits/me.json", Reason: "it is not valid JSON (the problem is at byte 12)"}
	out["damaged"] = start(t, o, w, h)
	fail := &memStore{fail: fmt.Errorf("could not save /home/user/.local/share/pressend/audits/me.json: no space left on device")}
	out["save-failure"] = start(t, testOptions(profiled(), fail), w, h)
	keys(t, out["save-failure"], "y")
	ro := testOptions(profiled(), &memStore{})
	ro.ReadOnly = "this audit is open in another pressend window"
	out["read-only"] = start(t, ro, w, h)
	adv := testOptions(profiled(), &memStore{})
	adv.Adviser = true
	adv.Audit.Name = "case-0142"
	out["initials"] = start(t, adv, w, h)
	adv = testOptions(profiled(), &memStore{})
	adv.Adviser = true
	adv.Audit.Name = "case-0142"
	adv.Audit.Adviser = &checklist.AdviserInfo{Initials: "JS"}
	adv.Audit.Notes["vis.x-protected@x"] = "member's handle is @dr_jones"
	adv.Audit.AdviserNotes["vis.x-protected@x"] = "complaint pending"
	adv.Members = func() ([]string, error) { return []string{"case-0141", "case-0142", "case-0143"}, nil }
	out["adviser"] = start(t, adv, w, h)
	out["adviser-revealed"] = start(t, adv, w, h)
	keys(t, out["adviser-revealed"], "!")
	out["adviser-members"] = start(t, adv, w, h)
	keys(t, out["adviser-members"], "o", "M")
	return out
}

// TestScreenGoldens pins every screen at 80x24, and the main ones at
// 120x40. Regenerate with go test ./ui -update and read the diff.
func TestScreenGoldens(t *testing.T) {
	for size, names := range map[[2]int][]string{
		{80, 24}:  nil,
		{120, 40}: {"question", "results", "platforms", "welcome", "adviser"},
	} {
		all := screens(t, size[0], size[1])
		for name, r := range all {
			if names != nil && !contains(names, name) {
				continue
			}
			t.Run(fmt.Sprintf("%s-%dx%d", name, size[0], size[1]), func(t *testing.T) {
				golden.RequireEqual(t, []byte(screenText(r)))
			})
		}
	}
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// TestEverySizeFits: at every size every screen is exactly the window's
// height, no line is wider than the window, and below the minimum the
// app asks for a larger window.
func TestEverySizeFits(t *testing.T) {
	for _, size := range [][2]int{{60, 16}, {80, 24}, {100, 30}, {200, 60}} {
		for name, r := range screens(t, size[0], size[1]) {
			assertFits(t, fmt.Sprintf("%s at %dx%d", name, size[0], size[1]), screenText(r), size[0], size[1])
		}
	}
	r := start(t, testOptions(profiled(), &memStore{}), 80, 24)
	for _, size := range [][2]int{{20, 5}, {59, 30}, {100, 15}, {1, 1}} {
		drive(t, r, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		out := screenText(r)
		assertFits(t, fmt.Sprintf("too small %dx%d", size[0], size[1]), out, size[0], size[1])
		if size[0] > 30 && !strings.Contains(strings.Join(strings.Fields(out), " "), "make it larger") {
			t.Errorf("%dx%d does not ask for a larger window:\n%s", size[0], size[1], out)
		}
	}
}

func assertFits(t *testing.T, name, content string, w, h int) {
	t.Helper()
	lines := strings.Split(content, "\n")
	if len(lines) != h {
		t.Errorf("%s: %d lines, want %d", name, len(lines), h)
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			t.Errorf("%s: line %d is %d wide: %q", name, i+1, lw, l)
		}
	}
}

// TestNoColourStillShowsTheChoice: the selected option and button carry
// a mark, so they differ without colour.
func TestNoColourStillShowsTheChoice(t *testing.T) {
	all := screens(t, 80, 24)
	if out := screenText(all["screening"]); !strings.Contains(out, "› Yes") && !strings.Contains(out, "› No") {
		t.Errorf("yes/no choice has no mark:\n%s", out)
	}
	if out := screenText(all["confirm"]); !strings.Contains(out, "› [No]") {
		t.Errorf("confirm buttons have no mark:\n%s", out)
	}
	if out := screenText(all["platforms"]); !strings.Contains(out, "› [ ] X (Twitter)") || !strings.Contains(out, "[✓]") && !strings.Contains(out, "[ ]") {
		t.Errorf("platform picker has no marks:\n%s", out)
	}
}
