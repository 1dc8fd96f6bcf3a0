// Package report writes an audit as a document: plain text, Markdown, HTML
// or JSON, plus a calendar file for the next review. The writers only lay
// out a display.Report (or a display.Share), in which every string is
// already cleaned and tailored, so no format can show something another
// would hide.
package report

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/pressend/pressend/checklist"
	"github.com/pressend/pressend/checklist/display"
)

// Input is everything a report needs.
type Input struct {
	Pack  *checklist.Pack
	Audit *checklist.Audit
	// Now dates the report. It is passed in so reports are reproducible.
	Now time.Time
	// Path is where the audit file lives; reports show it only with
	// ShowPath, because it holds the user's account name.
	Path     string
	ShowPath bool
	// Version is pressend's version, for the JSON generator field.
	Version string
	// ShareSafe hides notes and paths, for a report made on a shared
	// screen.
	ShareSafe bool
	// AdviserNotes includes an adviser's private notes, only when asked.
	AdviserNotes bool
	// Share writes the one-page summary to share (display.Share) instead
	// of the full report: no notes, handles, names, answers or paths.
	Share bool
	// Member writes the adviser's report for the member's file: the full
	// report headed by display.Member. Share and Member cannot be combined.
	Member bool
	// Sequence is the calendar file's SEQUENCE: how many times this
	// audit's reminder was exported before. A calendar replaces an event
	// with the same UID only when the sequence has grown, so the caller
	// passes Audit.CalendarSequence and then saves it incremented by one
	// after each successful --format ics export. Other formats ignore it.
	Sequence int
}

// The accepted report formats, as given to --format.
const (
	FormatText     = "text"
	FormatMarkdown = "markdown"
	FormatJSON     = "json"
	FormatHTML     = "html"
	// FormatICS is a calendar file (RFC 5545) with one all-day event on
	// the next review date. It holds no notes or names, so it is the same
	// whatever Share, Member or ShareSafe say.
	FormatICS = "ics"
)

// Formats lists the accepted --format values, the default first.
func Formats() []string {
	return []string{FormatText, FormatMarkdown, FormatJSON, FormatHTML, FormatICS}
}

// Title heads the user's own report.
const Title = "pressend action plan"

// MemberTitle heads the adviser's report for the member's file, so a
// reader of the file knows what the document is without reading on.
const MemberTitle = "pressend report for the member's file"

// Build evaluates the audit and builds its display model.
func Build(in Input) *display.Report {
	ev := checklist.Evaluate(in.Pack, in.Audit)
	return display.Build(in.Pack, in.Audit, ev, display.ReportOptions{
		Options: display.Options{Now: in.Now, ShareSafe: in.ShareSafe, AdviserNotes: in.AdviserNotes && !in.ShareSafe},
		Path:    in.Path, ShowPath: in.ShowPath, Version: in.Version, Member: in.Member,
	})
}

// BuildShare evaluates the audit and builds its share summary. It takes
// nothing from Input but the pack, the audit, the date and the version:
// paths, notes and adviser options cannot reach it.
func BuildShare(in Input) *display.Share {
	ev := checklist.Evaluate(in.Pack, in.Audit)
	return display.BuildShare(in.Pack, in.Audit, ev, display.ReportOptions{
		Options: display.Options{Now: in.Now}, Version: in.Version,
	})
}

// Write renders the audit in the given format: the action plan, the share
// summary (Share), the report for a member's file (Member) or the review
// reminder (FormatICS). The document is built in memory and written with a
// single Write, so a failing writer never leaves half a report behind
// without an error.
func Write(w io.Writer, format string, in Input) error {
	if !slices.Contains(Formats(), format) {
		return fmt.Errorf("unknown report format %q: use one of %s", format, strings.Join(Formats(), ", "))
	}
	if in.Pack == nil || in.Audit == nil {
		return errors.New("a report needs a content pack and an audit")
	}
	if in.Share && in.Member && format != FormatICS {
		return errors.New("choose either the summary to share or the report for the member's file, not both")
	}
	var buf bytes.Buffer
	var err error
	switch {
	case format == FormatICS:
		err = writeICS(&buf, in)
	case in.Share:
		err = writeShare(&buf, format, BuildShare(in))
	default:
		err = writeReport(&buf, format, Build(in))
	}
	if err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// writeReport lays out the full report, or the member's report, in one of
// the document formats.
func writeReport(b *bytes.Buffer, format string, d *display.Report) error {
	switch format {
	case FormatText:
		return writeText(b, d)
	case FormatMarkdown:
		return writeMarkdown(b, d)
	case FormatHTML:
		return writeHTML(b, d)
	}
	return writeJSON(b, d)
}

// writeShare lays out the share summary in one of the document formats.
func writeShare(b *bytes.Buffer, format string, s *display.Share) error {
	switch format {
	case FormatText:
		return writeShareText(b, s)
	case FormatMarkdown:
		return writeShareMarkdown(b, s)
	case FormatHTML:
		return writeShareHTML(b, s)
	}
	return writeJSON(b, s)
}
