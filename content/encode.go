package content

import (
	"bytes"
	"encoding"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"

	"github.com/pressend/pressend/checklist"
)

// Encode writes a pack as "yaml" or "json", for `pressend pack show`.
//
// The YAML is written in the pack format, with the layers it was built
// from in a leading comment (Layers is not part of the format), and parses
// back with ParseFile to an equal pack. It is written by this package
// rather than by goccy's encoder, which leaves some strings ("---", ".inf",
// text with \r or leading spaces on a multi-line value) unreadable or
// changed. JSON includes layers.
func Encode(p *checklist.Pack, format string) ([]byte, error) {
	if p == nil {
		return nil, fmt.Errorf("no pack to encode")
	}
	switch strings.ToLower(format) {
	case "yaml", "yml":
		var e emitter
		if len(p.Layers) > 0 {
			layers := strings.Map(func(r rune) rune {
				if unicode.IsControl(r) {
					return ' '
				}
				return r
			}, strings.Join(p.Layers, ", "))
			fmt.Fprintf(&e.b, "# layers: %s\n", layers)
		}
		e.fields(reflect.ValueOf(*p), 0, false)
		return e.b.Bytes(), nil
	case "json":
		b, err := json.MarshalIndent(p, "", "  ")
		if err != nil {
			return nil, err
		}
		return append(b, '\n'), nil
	}
	return nil, fmt.Errorf("unknown format %q: use yaml or json", format)
}

// emitter writes block-style YAML for the pack's types by reflection, so
// new fields in checklist are written without changes here.
type emitter struct{ b bytes.Buffer }

// isText reports whether a type writes itself as text (Severity).
func isText(t reflect.Type) bool { return t.Implements(reflect.TypeFor[encoding.TextMarshaler]()) }

// tag returns a field's yaml name and whether it is omitempty.
func tag(f reflect.StructField) (string, bool) {
	name, opts, _ := strings.Cut(f.Tag.Get("yaml"), ",")
	return name, slices.Contains(strings.Split(opts, ","), "omitempty")
}

// skip reports whether a field is left out: empty and omitempty, or a zero
// severity, which has no name that would parse back.
func skip(v reflect.Value, omitempty bool) bool {
	if isText(v.Type()) && v.IsZero() {
		return true
	}
	if !omitempty {
		return false
	}
	switch v.Kind() {
	case reflect.Slice, reflect.Map:
		return v.Len() == 0
	case reflect.Struct:
		return !hasFields(v)
	}
	return v.IsZero()
}

// hasFields reports whether a struct would write any field.
func hasFields(v reflect.Value) bool {
	for i := range v.NumField() {
		if name, omit := tag(v.Type().Field(i)); name != "" && name != "-" && !skip(v.Field(i), omit) {
			return true
		}
	}
	return false
}

// pad writes n spaces.
func (e *emitter) pad(n int) { e.b.WriteString(strings.Repeat(" ", n)) }

// fields writes a struct as a block mapping with keys at indent. After a
// sequence dash the first key goes on the dash's line.
func (e *emitter) fields(v reflect.Value, indent int, afterDash bool) {
	first := true
	for i := range v.NumField() {
		name, omit := tag(v.Type().Field(i))
		if name == "" || name == "-" || skip(v.Field(i), omit) {
			continue
		}
		if !first || !afterDash {
			e.pad(indent)
		}
		first = false
		e.b.WriteString(name + ":")
		e.value(v.Field(i), indent)
	}
	if first && afterDash {
		e.b.WriteString("{}\n")
	}
}

// value writes what follows "key:" for a key at indent, newline included.
func (e *emitter) value(v reflect.Value, indent int) {
	switch {
	case v.Kind() == reflect.Slice && v.Len() == 0:
		e.b.WriteString(" []\n")
	case v.Kind() == reflect.Slice:
		e.b.WriteByte('\n')
		for i := range v.Len() {
			e.pad(indent + 2)
			e.b.WriteString("- ")
			if el := v.Index(i); el.Kind() == reflect.Struct {
				e.fields(el, indent+4, true)
			} else {
				e.b.WriteString(scalar(el, indent+4) + "\n")
			}
		}
	case v.Kind() == reflect.Map && v.Len() == 0:
		e.b.WriteString(" {}\n")
	case v.Kind() == reflect.Map:
		e.b.WriteByte('\n')
		keys := v.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(a.String(), b.String()) })
		for _, k := range keys {
			e.pad(indent + 2)
			e.b.WriteString(quoteKey(k.String()) + ":")
			e.value(v.MapIndex(k), indent+2)
		}
	case v.Kind() == reflect.Struct && !isText(v.Type()):
		if !hasFields(v) {
			e.b.WriteString(" {}\n")
			return
		}
		e.b.WriteByte('\n')
		e.fields(v, indent+2, false)
	default:
		e.b.WriteString(" " + scalar(v, indent+2) + "\n")
	}
}

// scalar formats a scalar value; block strings are indented by indent.
func scalar(v reflect.Value, indent int) string {
	if m, ok := v.Interface().(encoding.TextMarshaler); ok {
		if b, err := m.MarshalText(); err == nil {
			return str(string(b), indent)
		}
	}
	switch v.Kind() {
	case reflect.Bool:
		return strconv.FormatBool(v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(v.Int(), 10)
	case reflect.String:
		return str(v.String(), indent)
	}
	return str(fmt.Sprint(v.Interface()), indent)
}

// foldWidth is where long prose is wrapped, as the pack files do.
const foldWidth = 78

// str picks the clearest style that reads back exactly: plain, folded
// (long prose), literal (multi-line text) or, failing those, double-quoted
// with escapes, which can hold any text.
func str(s string, indent int) string {
	switch {
	case len(s) > foldWidth-indent && foldable(s):
		return ">-\n" + fold(s, indent)
	case plain(s):
		return s
	case literal(s):
		head, body := "|-", s
		if strings.HasSuffix(s, "\n") {
			head, body = "|", strings.TrimSuffix(s, "\n")
		}
		var b strings.Builder
		b.WriteString(head)
		for _, line := range strings.Split(body, "\n") {
			b.WriteByte('\n')
			if line != "" {
				b.WriteString(strings.Repeat(" ", indent) + line)
			}
		}
		return b.String()
	}
	return quote(s)
}

// quoteKey formats a mapping key: plain or double-quoted.
func quoteKey(s string) string {
	if plain(s) {
		return s
	}
	return quote(s)
}

// safeLine reports whether s is one line of ordinary printable text with
// no leading or trailing space: what block styles can carry unchanged.
func safeLine(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for _, r := range s {
		if r != ' ' && (!unicode.IsPrint(r) || r == '\u2028' || r == '\u2029' || r == '\ufeff') {
			return false
		}
	}
	return true
}

// plain reports whether s can be written unquoted: safe text that starts
// with no YAML indicator, holds no ": " or " #", and that the parser reads
// back as the same string (not a number, boolean, null or date).
func plain(s string) bool {
	if !safeLine(s) || strings.ContainsAny(s[:1], "-?:,[]{}#&*!|>'\"%@`.+~=<") ||
		strings.ContainsAny(s, "[]{},\t") || strings.Contains(s, ": ") || strings.Contains(s, " #") ||
		strings.HasSuffix(s, ":") {
		return false
	}
	f, err := parser.ParseBytes([]byte("k: "+s+"\n"), 0)
	if err != nil || len(f.Docs) != 1 {
		return false
	}
	es := entries(f.Docs[0].Body)
	if len(es) != 1 {
		return false
	}
	n, ok := es[0].Value.(*ast.StringNode)
	return ok && n.Value == s
}

// foldable reports whether s is one line that can be folded at single
// spaces and read back unchanged.
func foldable(s string) bool {
	return safeLine(s) && !strings.Contains(s, "  ") && !strings.ContainsRune(s, '\t') && strings.Contains(s, " ")
}

// fold wraps s at single spaces into lines indented by indent.
func fold(s string, indent int) string {
	width := max(foldWidth-indent, 40)
	var b strings.Builder
	n := 0
	for i, w := range strings.Split(s, " ") {
		switch {
		case i == 0:
		case n+1+len(w) > width:
			b.WriteByte('\n')
			n = 0
		default:
			b.WriteByte(' ')
			n++
		}
		if n == 0 {
			b.WriteString(strings.Repeat(" ", indent))
		}
		b.WriteString(w)
		n += len(w)
	}
	return b.String()
}

// literal reports whether multi-line s can be a literal block: safe lines
// (empty ones allowed) and at most one final newline.
func literal(s string) bool {
	if !strings.Contains(s, "\n") || strings.HasSuffix(s, "\n\n") || s == "\n" {
		return false
	}
	lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	for i, l := range lines {
		if l == "" && i > 0 {
			continue
		}
		if !safeLine(l) || strings.ContainsRune(l, '\t') {
			return false
		}
	}
	return true
}

// quote writes s double-quoted with YAML escapes for anything that is not
// printable, so it holds any text. Invalid UTF-8 becomes U+FFFD; ParseFile
// never produces it.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x80 && !unicode.IsPrint(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		case !unicode.IsPrint(r) || r == '\u2028' || r == '\u2029' || r == '\ufeff' || r == '\u0085':
			if r > 0xffff {
				fmt.Fprintf(&b, `\U%08x`, r)
			} else {
				fmt.Fprintf(&b, `\u%04x`, r)
			}
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
