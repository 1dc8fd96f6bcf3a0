// Package report writes an audit as a document: plain text, Markdown, HTML
// or JSON. The writers only lay out a display.Report, in which every string
// is already cleaned and tailored, so no format can show something another
// would hide.
package report

import (
	"bytes"
	"errors"
	"fmt"
	"io"
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
	// report headed by display.Member.
	Member bool
}

// The accepted report formats, as given to --format.
const (
	FormatText     = "text"
	FormatMarkdown = "markdown"
	FormatJSON     = "json"
	FormatHTML     = "html"
)

// Formats lists the accepted --format values, the default first.
func Formats() []string {
	return []string{FormatText, FormatMarkdown, FormatJSON, FormatHTML}
}

// Title heads every report.
const Title = "pressend action plan"

// Build evaluates the audit and builds its display model.
func Build(in Input) *display.Report {
	ev := checklist.Evaluate(in.Pack, in.Audit)
	return display.Build(in.Pack, in.Audit, ev, display.ReportOptions{
		Options: display.Options{Now: in.Now, ShareSafe: in.ShareSafe, AdviserNotes: in.AdviserNotes && !in.ShareSafe},
		Path:    in.Path, ShowPath: in.ShowPath, Version: in.Version, Member: in.Member,
	})
}

// Write renders the audit's action plan in the given format. The report is
// built in memory and written with a single Write, so a failing writer
// never leaves half a report behind without an error.
func Write(w io.Writer, format string, in Input) error {
	var render func(*bytes.Buffer, *display.Report) error
	switch format {
	case FormatText:
		render = writeText
	case FormatMarkdown:
		render = writeMarkdown
	case FormatJSON:
		render = writeJSON
	case FormatHTML:
		render = writeHTML
	default:
		return fmt.Errorf("unknown report format %q: use one of %s", format, strings.Join(Formats(), ", "))
	}
	if in.Pack == nil || in.Audit == nil {
		return errors.New("a report needs a content pack and an audit")
	}
	var buf bytes.Buffer
	if err := render(&buf, Build(in)); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}
