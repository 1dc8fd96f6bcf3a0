package ui

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/pressend/pressend/checklist"
)

const (
	secretNote   = "complaint pending about Dr Q"
	sharedHandle = "@dr_jones_real"
)

// adviserOptions is an adviser's session with a member who has a shared
// note (with a handle) and a private adviser note, and a saved file path.
func adviserOptions(st *memStore) Options {
	a := profiled()
	a.Name = "case-0142"
	a.Adviser = &checklist.AdviserInfo{Initials: "JS"}
	a.SetNote("vis.x-protected@x", "their handle is "+sharedHandle, false, fixedNow)
	a.SetNote("vis.x-protected@x", secretNote, true, fixedNow)
	a.SessionNote = "general note naming " + sharedHandle
	a.AdviserSessionNote = "private general " + secretNote
	o := testOptions(a, st)
	o.Adviser = true
	o.Members = func() ([]string, error) { return []string{"case-0141", "case-0142", "case-0999"}, nil }
	return o
}

// TestShareSafetyReachesEverySurface visits every screen with safety on:
// no adviser note, no handle typed into a note, no other member and no
// file path may show anywhere. With safety off the notes come back.
func TestShareSafetyReachesEverySurface(t *testing.T) {
	st := &memStore{fail: errors.New("could not save /home/user/.local/share/pressend/audits/case-0142.json: disk full")}
	r := start(t, adviserOptions(st), 100, 40)
	visits := [][]string{
		{}, {"m"}, {"esc", "o"}, {"M"}, {"esc", "esc", "r"}, {"h"}, {"?"}, {"?", "esc"},
		{"e"}, {"esc", "p"}, {"esc", "n"}, // an answer whose save fails: the error names the file
	}
	for _, v := range visits {
		keys(t, r, v...)
		out := screenText(r)
		for _, bad := range []string{secretNote, sharedHandle, "case-0141", "case-0999", "/home/user", "case-0142.json"} {
			if strings.Contains(out, bad) {
				t.Errorf("after %v, screen-share safety let %q through on %T:\n%s", v, bad, r.top(), out)
			}
		}
	}
	// The finished audit's menu, its general note editor and the members.
	for i := 0; i < 6; i++ {
		keys(t, r, "y")
	}
	r2 := start(t, adviserOptions(&memStore{}), 100, 40)
	for _, a := range [][]string{{}, {"down", "down", "down", "down", "enter"}} {
		keys(t, r2, a...)
		if out := screenText(r2); strings.Contains(out, secretNote) || strings.Contains(out, sharedHandle) {
			t.Errorf("menu or note editor shows a note with safety on:\n%s", out)
		}
	}
	// Safety off: the member's notes show behind "m".
	r3 := start(t, adviserOptions(&memStore{}), 100, 40)
	keys(t, r3, "!", "m")
	out := screenText(r3)
	if !strings.Contains(out, secretNote) || !strings.Contains(out, sharedHandle) {
		t.Errorf("with safety off the notes should show:\n%s", out)
	}
	keys(t, r3, "esc", "o", "M")
	if out := screenText(r3); !strings.Contains(out, "case-0141") {
		t.Errorf("with safety off the member list should show every member:\n%s", out)
	}
	// Toggling while a screen is open changes what it shows at once, both
	// ways: the details screen rebuilds its notes from the audit.
	r4 := start(t, adviserOptions(&memStore{}), 100, 40)
	keys(t, r4, "m", "!")
	if out := screenText(r4); !strings.Contains(out, secretNote) {
		t.Errorf("turning safety off on the details screen should show the notes:\n%s", out)
	}
	keys(t, r4, "!")
	if out := screenText(r4); strings.Contains(out, secretNote) || strings.Contains(out, sharedHandle) {
		t.Errorf("turning safety back on should hide the notes at once:\n%s", out)
	}
}

// TestAdviserNoteIsSavedButPrivate: a private note typed in adviser mode
// reaches the saved file as an adviser note, not as a shared one.
func TestAdviserNoteIsSavedButPrivate(t *testing.T) {
	st := &memStore{}
	o := adviserOptions(st)
	o.Audit.Notes, o.Audit.AdviserNotes = map[string]string{}, map[string]string{}
	r := start(t, o, 80, 24)
	keys(t, r, "p")
	typeText(t, r, "member is anxious about a complaint")
	keys(t, r, "enter")
	saved := st.last()
	if saved == nil || saved.AdviserNotes["vis.x-protected@x"] != "member is anxious about a complaint" || saved.Notes["vis.x-protected@x"] != "" {
		t.Fatalf("adviser note not saved as private: %+v", saved)
	}
	if strings.Contains(screenText(r), "anxious") {
		t.Error("the private note is on screen while safety is on")
	}
}

func TestAdviserInitialsAskedOnce(t *testing.T) {
	st := &memStore{}
	o := adviserOptions(st)
	o.Audit.Adviser = nil
	r := start(t, o, 80, 24)
	if !topIs[*initials](r) {
		t.Fatalf("adviser mode without initials starts on %T", r.top())
	}
	typeText(t, r, "js")
	keys(t, r, "enter")
	if a := st.last(); a == nil || a.Adviser == nil || a.Adviser.Initials != "JS" || !topIs[*question](r) {
		t.Fatalf("initials not saved: %+v on %T", st.last(), r.top())
	}
	r = start(t, testOptions(o.Audit, st), 80, 24)
	if topIs[*initials](r) {
		t.Fatal("asked for initials outside adviser mode")
	}
}

// TestAdviserInitialsAskedInAccessibleMode: accessible mode asks for the
// initials too, before anything else, so piped answers are not misread.
func TestAdviserInitialsAskedInAccessibleMode(t *testing.T) {
	st := &memStore{}
	o := adviserOptions(st)
	o.Audit.Adviser = nil
	var out bytes.Buffer
	o.Input, o.Output = strings.NewReader("j5\njk\n"), &out
	if _, err := RunAccessible(o); err != nil {
		t.Fatal(err)
	}
	if a := st.last(); a == nil || a.Adviser == nil || a.Adviser.Initials != "JK" {
		t.Fatalf("initials not saved: %+v\n%s", st.last(), out.String())
	}
	if !strings.Contains(out.String(), "Initials are letters only") {
		t.Errorf("a bad reply should be explained:\n%s", out.String())
	}
}
