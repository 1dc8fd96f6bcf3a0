package content

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Problem is one thing wrong with a pack, with a position when known.
//
// Line and Col are 1-based and point at the offending YAML node (or, for a
// missing field, at the mapping that should hold it). They are 0 only when
// no position exists: a file too large to read, an I/O failure, a pack
// checked by Validate without its source text, or one of the few goccy
// errors that carry no position (such as its nesting-depth limit). Path is
// the node's YAML path in its own file, such as
// $.sections[2].items[4].cite[0].source; it is "$" for whole-file problems
// and empty only for I/O failures and YAML syntax errors (which have a line).
type Problem struct {
	File string
	Line int
	Col  int
	Path string
	Msg  string
}

// Error formats the problem as "file:line:col: msg", the form editors and
// terminals recognise. Parts that are unknown are left out; when there is
// no line the YAML path is shown instead, so the problem still says where.
func (p Problem) Error() string {
	var b strings.Builder
	if p.File != "" {
		b.WriteString(p.File)
	}
	if p.Line > 0 {
		if b.Len() > 0 {
			b.WriteByte(':')
		}
		fmt.Fprintf(&b, "%d", p.Line)
		if p.Col > 0 {
			fmt.Fprintf(&b, ":%d", p.Col)
		}
	} else if p.Path != "" {
		if b.Len() > 0 {
			b.WriteString(": ")
		}
		b.WriteString(p.Path)
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	b.WriteString(p.Msg)
	return b.String()
}

// Problems is every problem found in one or more packs. It is an error so
// that Embedded can return it whole; use errors.As to get the list back.
type Problems []Problem

// Error lists the problems one per line.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}

// Err returns ps as an error, or nil when there are none. It exists because
// a nil Problems stored in an error interface is not a nil error.
func (ps Problems) Err() error {
	if len(ps) == 0 {
		return nil
	}
	return ps
}

// Sort orders the problems by file, then line and column, keeping the
// validator's order for problems at the same place. Problems with no line
// (whole-file ones) come first in their file.
func (ps Problems) Sort() {
	slices.SortStableFunc(ps, func(a, b Problem) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Col, b.Col),
		)
	})
}
