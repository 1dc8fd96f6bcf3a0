package content

import (
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"

	"github.com/pressend/pressend/checklist"
)

// This file turns goccy's errors into Problems written for pack authors:
// a position, the path of the offending node, and wording in the pack's
// terms ("minutes must be a whole number, not text").

// yamlProblem converts a goccy error into a Problem at its token, with a
// message in the pack's own terms. root, when known, gives the path.
func yamlProblem(name string, root ast.Node, err error) Problem {
	p := Problem{File: name, Msg: err.Error()}
	var ye yaml.Error
	if !errors.As(err, &ye) {
		p.Path = "$"
		p.Msg = "cannot read this file: " + err.Error() + " (the YAML reader gave no position)"
		return p
	}
	p.Msg = ye.GetMessage()
	if tk := ye.GetToken(); tk != nil && tk.Position != nil {
		p.Line, p.Col = tk.Position.Line, tk.Position.Column
	}
	if root != nil && p.Line > 0 {
		// Report where a reader looks (the key of a block, say) rather
		// than goccy's token, which for a mapping is its first ':'.
		if p.Path = pathAt(root, p.Line, p.Col); p.Path != "" {
			segs, _ := parsePath(p.Path)
			if l, c := resolve(root, segs); l > 0 {
				p.Line, p.Col = l, c
			}
		}
	}
	if p.Line == 0 && p.Path == "" {
		p.Path = "$"
	}
	segs, _ := parsePath(p.Path)
	label := "this value"
	if len(segs) > 0 {
		label = strings.TrimPrefix(formatPath(segs[lastKey(segs):]), "$.")
	}
	var te *yaml.TypeError
	var ue *yaml.UnknownFieldError
	var ne *yaml.UnexpectedNodeTypeError
	switch {
	case errors.As(err, &te):
		p.Msg = fmt.Sprintf("%s must be %s, not %s", label, describe(te.DstType), describe(te.SrcType))
	case errors.As(err, &ne):
		p.Msg = fmt.Sprintf("%s must be %s, not %s", label, article(ne.Expected.YAMLName()), article(ne.Actual.YAMLName()))
	case errors.As(err, &ue) && len(segs) > 0:
		if known := fieldNames(typeAt(segs[:len(segs)-1])); len(known) > 0 {
			p.Msg = fmt.Sprintf("%s; the fields allowed here are %s", p.Msg, strings.Join(known, ", "))
		}
	case p.Path != "" && p.Path != "$":
		p.Msg = label + ": " + p.Msg
	}
	return p
}

// article puts "a" or "an" before a word.
func article(w string) string {
	if w != "" && strings.ContainsRune("aeiou", rune(w[0])) {
		return "an " + w
	}
	return "a " + w
}

// lastKey is the index of the last key step, so labels read "steps[2]".
func lastKey(segs []seg) int {
	for i := len(segs) - 1; i >= 0; i-- {
		if !segs[i].isIndex {
			return i
		}
	}
	return 0
}

// describe names a Go type the way a pack author thinks of YAML values.
func describe(t reflect.Type) string {
	if t == nil {
		return "a value"
	}
	switch t.Kind() {
	case reflect.String:
		return "text"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.Map, reflect.Struct:
		return "a mapping (key: value lines)"
	case reflect.Pointer:
		return describe(t.Elem())
	}
	return "a value"
}

// typeAt finds the Go type a path leads to inside a Pack, or nil.
func typeAt(segs []seg) reflect.Type {
	t := reflect.TypeFor[checklist.Pack]()
	for _, s := range segs {
		switch {
		case s.isIndex && t.Kind() == reflect.Slice, !s.isIndex && t.Kind() == reflect.Map:
			t = t.Elem()
		case !s.isIndex && t.Kind() == reflect.Struct:
			f, ok := fieldByTag(t, s.key)
			if !ok {
				return nil
			}
			t = f.Type
		default:
			return nil
		}
	}
	return t
}

// fieldByTag finds a struct field by its yaml tag name.
func fieldByTag(t reflect.Type, name string) (reflect.StructField, bool) {
	for i := range t.NumField() {
		if f := t.Field(i); strings.Split(f.Tag.Get("yaml"), ",")[0] == name && name != "-" {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

// fieldNames lists the yaml names of a struct type's fields.
func fieldNames(t reflect.Type) []string {
	if t == nil || t.Kind() != reflect.Struct {
		return nil
	}
	var out []string
	for i := range t.NumField() {
		if n := strings.Split(t.Field(i).Tag.Get("yaml"), ",")[0]; n != "" && n != "-" {
			out = append(out, n)
		}
	}
	return out
}

// decodeProblems converts a decoding error. Errors from a type's own
// UnmarshalText (checklist.Severity) reach us without a position, so for
// those the tree is searched for the severity values that caused them.
func decodeProblems(name string, root ast.Node, err error) Problems {
	var ye yaml.Error
	if errors.As(err, &ye) || !strings.HasPrefix(err.Error(), "severity ") {
		return Problems{yamlProblem(name, root, err)}
	}
	var out Problems
	walk(root, func(n ast.Node, segs []seg, mv *ast.MappingValueNode) bool {
		if mv == nil || keyText(mv.Key) != "severity" {
			return true
		}
		var s checklist.Severity
		v, ok := unwrap(n).(ast.ScalarNode)
		if ok {
			if str, isStr := v.(*ast.StringNode); isStr {
				ok = s.UnmarshalText([]byte(str.Value)) == nil
			} else {
				ok = s.UnmarshalText([]byte(v.GetToken().Value)) == nil
			}
		}
		if !ok {
			l, c := pos(n)
			out = append(out, Problem{File: name, Line: l, Col: c, Path: formatPath(segs),
				Msg: "severity must be high, medium or low"})
		}
		return true
	})
	if len(out) == 0 {
		out = Problems{yamlProblem(name, nil, err)}
	}
	return out
}
