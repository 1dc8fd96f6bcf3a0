package report

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	ical "github.com/emersion/go-ical"

	"github.com/pressend/pressend/checklist"
)

// renderICS writes the reminder for the report audit, with a test version
// and sequence.
func renderICS(t testing.TB, mutate func(*Input)) string {
	pack := reportPack()
	in := input(pack, reportAudit(pack), "")
	in.Sequence = 3
	if mutate != nil {
		mutate(&in)
	}
	return render(t, FormatICS, in)
}

// TestICSParses reads the reminder with an independent parser and checks
// each property RFC 5545 asks for, then has the parser write it back,
// which it refuses for a calendar missing a required property.
func TestICSParses(t *testing.T) {
	out := renderICS(t, nil)
	cal, err := ical.NewDecoder(strings.NewReader(out)).Decode()
	if err != nil {
		t.Fatalf("decode: %v\n%s", err, out)
	}
	if v, _ := cal.Props.Text(ical.PropVersion); v != "2.0" {
		t.Errorf("VERSION = %q", v)
	}
	if p, _ := cal.Props.Text(ical.PropProductID); p != "-//pressend//pressend 1.0.0-test//EN" {
		t.Errorf("PRODID = %q", p)
	}
	events := cal.Events()
	if len(events) != 1 {
		t.Fatalf("%d events, want 1", len(events))
	}
	ev := events[0]
	start := ev.Props.Get(ical.PropDateTimeStart)
	if start == nil || start.ValueType() != ical.ValueDate || start.Value != "20260901" {
		t.Errorf("DTSTART = %+v, want the date 20260901", start)
	}
	if ev.Props.Get(ical.PropDateTimeEnd) != nil || ev.Props.Get(ical.PropDuration) != nil {
		t.Error("a one-day event has no DTEND or DURATION")
	}
	if st, err := ev.Props.DateTime(ical.PropDateTimeStamp, time.UTC); err != nil || !st.Equal(reportNow) {
		t.Errorf("DTSTAMP = %v (%v), want %v", st, err, reportNow)
	}
	if seq, err := ev.Props.Get(ical.PropSequence).Int(); err != nil || seq != 3 {
		t.Errorf("SEQUENCE = %d (%v), want 3", seq, err)
	}
	uid, _ := ev.Props.Text(ical.PropUID)
	if !strings.HasSuffix(uid, "@pressend.invalid") {
		t.Errorf("UID = %q", uid)
	}
	if s, _ := ev.Props.Text(ical.PropSummary); s != icsSummary {
		t.Errorf("SUMMARY = %q", s)
	}
	if d, _ := ev.Props.Text(ical.PropDescription); d != icsDescr {
		t.Errorf("DESCRIPTION = %q, want %q", d, icsDescr)
	}
	if len(ev.Children) != 1 || ev.Children[0].Name != ical.CompAlarm {
		t.Fatalf("want one VALARM, got %+v", ev.Children)
	}
	alarm := ev.Children[0].Props
	if a, _ := alarm.Text(ical.PropAction); a != "DISPLAY" {
		t.Errorf("ACTION = %q", a)
	}
	if d, err := alarm.Get(ical.PropTrigger).Duration(); err != nil || d != 9*time.Hour {
		t.Errorf("TRIGGER = %v (%v), want 9h after the day starts", d, err)
	}
	if d, _ := alarm.Text(ical.PropDescription); d != icsAlarm {
		t.Errorf("VALARM DESCRIPTION = %q", d)
	}
	if err := ical.NewEncoder(&bytes.Buffer{}).Encode(cal); err != nil {
		t.Errorf("the parser will not write the calendar back: %v", err)
	}
}

// TestICSLines checks the line rules on the real output: CRLF only, at
// most 75 octets, folded lines start with a space, and nothing of the
// user's gets in.
func TestICSLines(t *testing.T) {
	out := renderICS(t, func(in *Input) {
		in.Audit.Name = "dr_jones case 4471"
		in.Audit.SetNote("profile-private@facebook", "@dr_jones", false, reportNow)
		in.Path, in.ShowPath, in.Member = "/home/dr_jones/audit.json", true, true
	})
	if !strings.HasSuffix(out, "\r\n") || strings.Contains(strings.ReplaceAll(out, "\r\n", ""), "\n") || strings.Contains(strings.ReplaceAll(out, "\r\n", ""), "\r") {
		t.Error("lines must end in CRLF, and only there")
	}
	for i, l := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
		if len(l) > icsLineMax {
			t.Errorf("line %d is %d octets: %q", i+1, len(l), l)
		}
	}
	if !strings.Contains(out, "\r\n ") {
		t.Error("the description should be long enough to need folding")
	}
	for _, bad := range []string{"dr_jones", "4471", "/home", "Facebook", "DTEND"} {
		if strings.Contains(out, bad) {
			t.Errorf("the calendar file holds %q", bad)
		}
	}
}

// unfold undoes icsFold, as a reader would (§3.1).
func unfold(s string) string { return strings.ReplaceAll(s, "\r\n ", "") }

func TestICSFold(t *testing.T) {
	for _, tc := range []struct {
		name, line string
		lines      int
	}{
		{"short", "SUMMARY:Review", 1},
		{"exactly 75", "X:" + strings.Repeat("a", 73), 1},
		{"76", "X:" + strings.Repeat("a", 74), 2},
		{"long ascii", "DESCRIPTION:" + strings.Repeat("abcdefghij", 30), 5},
		{"two-byte at the edge", "X:" + strings.Repeat("a", 72) + "éé", 2},
		{"three-byte", "X:" + strings.Repeat("日本語", 40), 5},
		{"four-byte", "X:" + strings.Repeat("🙂", 60), 4},
		{"combining", "X:" + strings.Repeat("e\u0301", 50), 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := icsFold(tc.line)
			if !strings.HasSuffix(got, "\r\n") {
				t.Fatalf("no CRLF at the end: %q", got)
			}
			parts := strings.Split(strings.TrimSuffix(got, "\r\n"), "\r\n")
			if len(parts) != tc.lines {
				t.Errorf("%d lines, want %d: %q", len(parts), tc.lines, parts)
			}
			for i, p := range parts {
				if len(p) > icsLineMax {
					t.Errorf("line %d is %d octets", i, len(p))
				}
				if i > 0 && (p == "" || p[0] != ' ') {
					t.Errorf("continuation line %d does not start with a space: %q", i, p)
				}
				if !utf8.ValidString(p) {
					t.Errorf("line %d splits a character: %q", i, p)
				}
			}
			if u := unfold(strings.TrimSuffix(got, "\r\n")); u != tc.line {
				t.Errorf("unfolds to %q, want %q", u, tc.line)
			}
		})
	}
}

func TestICSText(t *testing.T) {
	for in, want := range map[string]string{
		"plain":                     "plain",
		"a, b; c":                   `a\, b\; c`,
		`back\slash`:                `back\\slash`,
		"two\nlines":                `two\nlines`,
		"crlf\r\nline":              `crlf\nline`,
		"\x1b[31mred\x1b[0m, done.": `red\, done.`,
		`\,;` + "\n":                `\\\,\;`,
		"日本語, 🙂":                    `日本語\, 🙂`,
	} {
		if got := icsText(in); got != want {
			t.Errorf("icsText(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestICSUID: one UID per audit, the same on every export, different for
// an audit of the same name made at another time, and never the name.
func TestICSUID(t *testing.T) {
	pack := reportPack()
	a := reportAudit(pack)
	b := a.Clone()
	b.Answers, b.Updated, b.NextReview = map[string]checklist.Answer{}, b.Updated.Add(time.Hour), "2027-01-01"
	if icsUID(a) != icsUID(b) {
		t.Error("the UID changes with the answers; it should follow the audit")
	}
	c := checklist.NewAudit(a.Name, pack, a.Created.Add(time.Second))
	if icsUID(a) == icsUID(c) {
		t.Error("two audits of the same name have the same UID")
	}
	if strings.Contains(icsUID(a), a.Name) {
		t.Error("the UID holds the audit's name")
	}
}

func TestICSNeedsReviewDate(t *testing.T) {
	pack := reportPack()
	a := reportAudit(pack)
	a.NextReview = ""
	err := Write(&bytes.Buffer{}, FormatICS, input(pack, a, ""))
	if !errors.Is(err, ErrNoReview) || !strings.Contains(err.Error(), "finish the audit first") {
		t.Errorf("no review date: %v", err)
	}
	a.NextReview = "someday"
	if err := Write(&bytes.Buffer{}, FormatICS, input(pack, a, "")); err == nil || !strings.Contains(err.Error(), "someday") {
		t.Errorf("a bad review date: %v", err)
	}
}
