package report

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/pressend/pressend/checklist"
	"github.com/pressend/pressend/checklist/display"
)

// The calendar reminder is written by hand: RFC 5545 needs only a few
// lines here, and the libraries that write it pull in the network stack.
// It carries fixed wording only, because calendars are often shared with
// colleagues or synced to an employer's server: no notes, no audit name
// and no account names.
const (
	icsSummary = "Review your social media self-audit (pressend)"
	icsDescr   = "It is time to go through your pressend audit again. Open pressend, check each answer " +
		"against your accounts as they are now, do the actions still open, and choose the date of " +
		"your next review. pressend will show what has changed since last time.\n" +
		"This reminder holds no notes, names or answers."
	icsAlarm = "Social media self-audit review due today (pressend)"
	// icsTrigger fires at 09:00 on the day: an all-day event starts at
	// midnight, local time, and the trigger is relative to that start.
	icsTrigger = "PT9H"
	// icsLineMax is the longest line in octets, excluding the CRLF (§3.1).
	icsLineMax = 75
)

// ErrNoReview is returned for a calendar reminder of an audit that has no
// next review date yet.
var ErrNoReview = errors.New("this audit has no next review date yet: finish the audit first, then export the reminder")

// writeICS writes one all-day event on the audit's next review date, with
// a reminder on the morning.
func writeICS(b *bytes.Buffer, in Input) error {
	a := in.Audit
	if a.NextReview == "" {
		return ErrNoReview
	}
	day, err := a.NextReview.Time()
	if err != nil {
		return fmt.Errorf("the next review date %q is not a date (YYYY-MM-DD): set it again in pressend, then export the reminder", display.Line(string(a.NextReview)))
	}
	prodID := "-//pressend//pressend//EN"
	if v := display.Line(in.Version); v != "" {
		prodID = "-//pressend//pressend " + v + "//EN"
	}
	for _, l := range []string{
		"BEGIN:VCALENDAR",
		"VERSION:2.0",
		"PRODID:" + icsText(prodID),
		"CALSCALE:GREGORIAN",
		"BEGIN:VEVENT",
		"UID:" + icsUID(a),
		"SEQUENCE:" + strconv.Itoa(max(0, in.Sequence)),
		"DTSTAMP:" + in.Now.UTC().Format("20060102T150405Z"),
		"DTSTART;VALUE=DATE:" + day.Format("20060102"),
		"SUMMARY:" + icsText(icsSummary),
		"DESCRIPTION:" + icsText(icsDescr),
		// A reminder, not an appointment: it should not mark the day busy.
		"TRANSP:TRANSPARENT",
		"BEGIN:VALARM",
		"ACTION:DISPLAY",
		"TRIGGER:" + icsTrigger,
		"DESCRIPTION:" + icsText(icsAlarm),
		"END:VALARM",
		"END:VEVENT",
		"END:VCALENDAR",
	} {
		b.WriteString(icsFold(l))
	}
	return nil
}

// icsUID is the same for every export of one audit, so a calendar updates
// the event rather than adding a second; it is a hash, so the audit's name
// (which may be a member's case reference) is not written in clear. The
// creation time tells apart two audits that were given the same name.
func icsUID(a *checklist.Audit) string {
	sum := sha256.Sum256([]byte("pressend-review\x00" + a.Name + "\x00" + a.Created.UTC().Format(time.RFC3339Nano)))
	return hex.EncodeToString(sum[:16]) + "@pressend.invalid"
}

// icsText escapes a TEXT value (§3.3.11): backslash, semicolon, comma and
// newline. Other control characters are not allowed in TEXT, so the value
// is cleaned first.
func icsText(s string) string {
	lines := strings.Split(display.Text(s), "\n")
	for i, l := range lines {
		lines[i] = strings.NewReplacer(`\`, `\\`, `;`, `\;`, `,`, `\,`).Replace(l)
	}
	return strings.Join(lines, `\n`)
}

// icsFold folds a content line into lines of at most 75 octets joined by
// CRLF and a space (§3.1), never inside a UTF-8 character, and ends it
// with CRLF.
func icsFold(line string) string {
	var b strings.Builder
	limit := icsLineMax
	for len(line) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(line[cut]) {
			cut--
		}
		b.WriteString(line[:cut])
		b.WriteString("\r\n ")
		line = line[cut:]
		// A continuation line's leading space counts towards its 75.
		limit = icsLineMax - 1
	}
	b.WriteString(line)
	b.WriteString("\r\n")
	return b.String()
}
