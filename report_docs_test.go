package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pressend/pressend/checklist"
)

// The documents people take away, as the command line writes them: the
// summary to share, the member's file and the calendar reminder.

// TestShareSummaryHoldsNoNotes: --share writes counts and bands, never a
// note, and refuses to be combined with what it must not hold.
func TestShareSummaryHoldsNoNotes(t *testing.T) {
	c := newSandbox(t)
	c.saveAudit("me")
	a := c.read("me")
	a.SessionNote = "call @dr_jones about the ward group"
	c.write(a)
	for _, format := range []string{"text", "markdown", "html", "json"} {
		o := c.run("", "report", "--share", "--format", format)
		c.want(o, 0, "report", "--share", format)
		if strings.Contains(o.stdout, "dr_jones") || !strings.Contains(strings.ToLower(o.stdout), "summary") && !strings.Contains(o.stdout, "pressend.share/v1") {
			t.Errorf("%s share summary holds a note or is not the summary:\n%.600s", format, o.stdout)
		}
	}
	c.want(c.run("", "report", "--share", "--member"), 2)
	c.want(c.run("", "report", "--share", "--adviser-notes"), 2)
}

// TestMemberReport: --member needs an adviser's audit, and then heads the
// report with the case reference and the adviser's initials.
func TestMemberReport(t *testing.T) {
	c := newSandbox(t)
	c.saveAudit("me")
	o := c.run("", "report", "--member")
	c.want(o, 1)
	if !strings.Contains(o.stderr, "adviser mode") {
		t.Errorf("refusing --member should say why: %q", o.stderr)
	}
	c.saveAudit("case-0142")
	a := c.read("case-0142")
	a.Adviser = &checklist.AdviserInfo{Initials: "JK"}
	a.AdviserNotes = map[string]string{"": "member seemed anxious"}
	c.write(a)
	o = c.run("", "report", "--audit", "case-0142", "--member")
	c.want(o, 0)
	if !strings.Contains(o.stdout, "case-0142") || !strings.Contains(o.stdout, "JK") {
		t.Errorf("the member's report lacks the case reference or initials:\n%.800s", o.stdout)
	}
}

// TestCalendarExport: --format ics writes a reminder whose SEQUENCE goes
// up on each export, and says what to do when there is no review date.
func TestCalendarExport(t *testing.T) {
	c := newSandbox(t)
	c.saveAudit("me")
	o := c.run("", "report", "--format", "ics")
	c.want(o, 1)
	if !strings.Contains(o.stderr, "review") {
		t.Errorf("no review date should be explained: %q", o.stderr)
	}
	a := c.read("me")
	a.NextReview = checklist.DateOf(time.Date(2027, 5, 1, 0, 0, 0, 0, time.UTC))
	c.write(a)
	for i, want := range []string{"SEQUENCE:0\r\n", "SEQUENCE:1\r\n"} {
		out := filepath.Join(t.TempDir(), "review.ics")
		o := c.run("", "report", "--format", "ics", "--output", out)
		c.want(o, 0)
		data, _ := os.ReadFile(out)
		if !strings.Contains(string(data), want) || !strings.Contains(string(data), "DTSTART;VALUE=DATE:20270501\r\n") {
			t.Errorf("export %d:\n%s", i+1, data)
		}
	}
	if got := c.read("me").CalendarSequence; got != 2 {
		t.Errorf("calendar sequence saved as %d after two exports, want 2", got)
	}
}
