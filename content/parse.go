package content

import (
	"bytes"
	"fmt"
	"reflect"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"

	"github.com/pressend/pressend/checklist"
)

// maxPackSize caps a pack file. The whole UK pack is far smaller; the cap
// keeps a mistaken file (a log, a video) from being read into memory.
const maxPackSize = 4 << 20

// maxEntries caps the number of list entries a decoded pack may hold. YAML
// aliases let a small file expand into millions of entries, which would
// make validation hang; no real pack comes near this.
const maxEntries = 500_000

// ParseFile decodes one pack file. Decoding is strict: unknown fields,
// duplicate keys and values of the wrong type are problems, each with the
// line and column goccy reports. A file that is empty, not UTF-8 text, not
// a mapping, several YAML documents or over 4 MiB is a problem too, never
// a panic.
//
// The pack is nil when the file could not be decoded. It is returned
// together with problems that do not stop decoding (a number that YAML
// would rewrite, such as para: 20.10 read as 20.1), so callers can validate
// it and report everything at once. ParseFile does not validate: see
// Validate.
func ParseFile(name string, data []byte) (*checklist.Pack, Problems) {
	p, _, probs := parse(name, data)
	return p, probs
}

// parse is ParseFile that also returns the syntax tree, for positions.
func parse(name string, data []byte) (p *checklist.Pack, f srcFile, probs Problems) {
	f.name = name
	// goccy is third-party code fed with user files: if it ever panics, the
	// user should see a problem with this file, not a crash.
	defer func() {
		if r := recover(); r != nil {
			p = nil
			probs = append(probs, Problem{File: name, Path: "$",
				Msg: fmt.Sprintf("the YAML reader failed on this file (%v); please report this as a bug", r)})
		}
	}()
	if len(data) > maxPackSize {
		return nil, f, Problems{{File: name, Path: "$",
			Msg: "file is larger than 4 MiB, the most a pack may be; is it a pack?"}}
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff")) // Windows editors add a BOM
	if pr, bad := notText(name, data); bad {
		return nil, f, Problems{pr}
	}
	file, err := parser.ParseBytes(data, 0)
	if err != nil {
		return nil, f, Problems{yamlProblem(name, nil, err)}
	}
	root, pr := body(name, file)
	if pr != nil {
		return nil, f, Problems{*pr}
	}
	f.root = root
	if pr := tags(name, root); pr != nil {
		return nil, f, Problems{*pr}
	}
	var pack checklist.Pack
	if err := yaml.NodeToValue(root, &pack, yaml.DisallowUnknownField()); err != nil {
		return nil, f, decodeProblems(name, root, err)
	}
	if n := entryCount(&pack); n > maxEntries {
		return nil, f, Problems{{File: name, Path: "$",
			Msg: fmt.Sprintf("pack expands to more than %d list entries (through YAML aliases?); this is not a pack", maxEntries)}}
	}
	return &pack, f, numberProblems(name, root)
}

// notText rejects files that are not UTF-8 text, pointing at the first bad
// byte. YAML allows tab, LF and CR but no other control characters.
func notText(name string, data []byte) (Problem, bool) {
	if bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}) {
		return Problem{File: name, Line: 1, Col: 1, Path: "$", Msg: "file is UTF-16 text; save it as UTF-8"}, true
	}
	line, col := 1, 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			return Problem{File: name, Line: line, Col: col, Path: "$",
				Msg: "file is not UTF-8 text (invalid byte here); is it a YAML pack?"}, true
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r', r == 0x7f:
			return Problem{File: name, Line: line, Col: col, Path: "$",
				Msg: fmt.Sprintf("control character U+%04X here: YAML files are plain text; is it a YAML pack?", r)}, true
		case r == '\n':
			line, col = line+1, 0
		}
		col++
		i += size
	}
	return Problem{}, false
}

// body returns the file's single document, or a problem when the file is
// empty, holds several documents or is not a mapping.
func body(name string, file *ast.File) (ast.Node, *Problem) {
	var root ast.Node
	for _, doc := range file.Docs {
		if doc == nil || doc.Body == nil {
			continue
		}
		if root != nil {
			l, c := pos(doc.Body)
			return nil, &Problem{File: name, Line: l, Col: c, Path: "$",
				Msg: "a second YAML document starts here; a pack file holds one (remove the --- separator)"}
		}
		root = doc.Body
	}
	if root == nil {
		return nil, &Problem{File: name, Line: 1, Col: 1, Path: "$",
			Msg: "file is empty: a pack needs at least id, title, version and reviewed"}
	}
	switch n := unwrap(root).(type) {
	case *ast.MappingNode, *ast.MappingValueNode:
		return root, nil
	default:
		l, c := pos(root)
		kind := "a single value"
		if n != nil {
			kind = article(n.Type().YAMLName())
		}
		return nil, &Problem{File: name, Line: l, Col: c, Path: "$",
			Msg: fmt.Sprintf("a pack must be a mapping of keys such as id: and title:, but this file is %s", kind)}
	}
}

// tags rejects YAML tags (!x, !!str). The pack format has no use for them
// (quotes make text of numbers), and goccy v1.19.2 panics decoding a tagged
// scalar where a list is expected, so they are refused before decoding.
func tags(name string, root ast.Node) *Problem {
	var out *Problem
	check := func(raw ast.Node, segs []seg) bool {
		for n := raw; n != nil; {
			switch v := n.(type) {
			case *ast.TagNode:
				l, c := pos(v)
				tag := "!"
				if v.Start != nil {
					tag = v.Start.Value
				}
				out = &Problem{File: name, Line: l, Col: c, Path: formatPath(segs),
					Msg: fmt.Sprintf("YAML tags such as %s are not part of the pack format; remove it (quotes keep a value as text)", tag)}
				return false
			case *ast.AnchorNode:
				n = v.Value
			default:
				return true
			}
		}
		return true
	}
	if !check(root, nil) {
		return out
	}
	walk(root, func(n ast.Node, segs []seg, _ *ast.MappingValueNode) bool {
		switch v := n.(type) {
		case *ast.SequenceNode:
			for i, c := range v.Values {
				if !check(c, append(segs[:len(segs):len(segs)], seg{index: i, isIndex: true})) {
					return false
				}
			}
		case *ast.MappingNode, *ast.MappingValueNode:
			for _, e := range entries(v) {
				if !check(e.Value, append(segs[:len(segs):len(segs)], seg{key: keyText(e.Key)})) {
					return false
				}
			}
		}
		return true
	})
	return out
}

// numberProblems finds unquoted values in text fields that YAML reads
// differently from how they are written, such as para: 20.10 (read as
// 20.1), version: 1.0 (read as 1) or title: True (read as true). The text
// field would silently store the rewritten form.
func numberProblems(name string, root ast.Node) Problems {
	var out Problems
	walk(root, func(n ast.Node, segs []seg, _ *ast.MappingValueNode) bool {
		what := "number"
		switch n.Type() {
		case ast.IntegerType, ast.FloatType, ast.InfinityType, ast.NanType:
		case ast.BoolType:
			what = "boolean"
		default:
			return true
		}
		if t := typeAt(segs); t == nil || t.Kind() != reflect.String {
			return true // a number or boolean field, or not a pack field at all
		}
		var s string
		written := n.GetToken().Value
		if yaml.NodeToValue(n, &s) == nil && s != written {
			l, c := pos(n)
			out = append(out, Problem{File: name, Line: l, Col: c, Path: formatPath(segs),
				Msg: fmt.Sprintf("%s reads as the %s %s; put it in quotes (\"%s\") to keep it as written", written, what, s, written)})
		}
		return true
	})
	return out
}

// entryCount adds up the lengths of every list and map in the pack,
// stopping once it passes maxEntries so that an alias bomb is caught
// cheaply. It walks the pack by reflection, so lists added to the format
// later are counted without anyone remembering to.
func entryCount(p *checklist.Pack) int {
	n := 0
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		if n > maxEntries {
			return
		}
		switch v.Kind() {
		case reflect.Pointer:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Slice:
			n += v.Len()
			for i := 0; i < v.Len() && n <= maxEntries; i++ {
				walk(v.Index(i))
			}
		case reflect.Map:
			n += v.Len()
			for it := v.MapRange(); it.Next() && n <= maxEntries; {
				walk(it.Value())
			}
		case reflect.Struct:
			for i := 0; i < v.NumField(); i++ {
				walk(v.Field(i))
			}
		}
	}
	walk(reflect.ValueOf(p))
	return n
}
